/*
 * The multiboot2 boot information that GRUB hands the kernel (the
 * Multiboot2 specification, section 3.6), and the parser that turns it
 * into struct multiboot_info (kernel/multiboot.c).  struct
 * multiboot_info is the kernel's one view of what its loader told it,
 * whichever loader that was: the PVH parser (asm/pvh.h) fills it too.
 *
 * The parser trusts nothing: every tag must lie inside total_size, be at
 * least 8 bytes and 8-byte aligned, strings must end inside their tag, and
 * the list must end with the end tag.  Anything else is -EINVAL.
 */
#ifndef _ASM_MULTIBOOT2_H
#define _ASM_MULTIBOOT2_H

#include <linux/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* Boot information tag types (specification 3.6.x) */
#define MULTIBOOT_TAG_TYPE_END		0
#define MULTIBOOT_TAG_TYPE_CMDLINE	1
#define MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME 2
#define MULTIBOOT_TAG_TYPE_MODULE	3
#define MULTIBOOT_TAG_TYPE_BASIC_MEMINFO 4
#define MULTIBOOT_TAG_TYPE_MMAP		6
#define MULTIBOOT_TAG_TYPE_ACPI_OLD	14
#define MULTIBOOT_TAG_TYPE_ACPI_NEW	15

/* Memory map entry types */
#define MULTIBOOT_MEMORY_AVAILABLE	1
#define MULTIBOOT_MEMORY_RESERVED	2
#define MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define MULTIBOOT_MEMORY_NVS		4
#define MULTIBOOT_MEMORY_BADRAM		5

#define MULTIBOOT_MAX_MMAP		128
#define MULTIBOOT_MAX_MODULES		16
#define MULTIBOOT_CMDLINE_COPY		4096	/* see cmdline_copy */

struct multiboot_tag {
	u32 type;
	u32 size;
};

struct multiboot_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct multiboot_module {
	u32 mod_start;		/* physical, inclusive */
	u32 mod_end;		/* physical, exclusive */
	const char *string;
};

/*
 * What the kernel keeps from the boot information.  Its pointers point
 * into the boot information (which memblock reserves), into firmware
 * memory (a PVH RSDP) or at cmdline_copy.
 */
struct multiboot_info {
	u32 total_size;			/* bytes at the boot information's address */
	const char *cmdline;		/* "" when the tag is missing */
	const char *loader_name;	/* NULL when missing */
	unsigned int nr_mmap;
	struct multiboot_mmap_entry mmap[MULTIBOOT_MAX_MMAP];
	unsigned int nr_modules;
	struct multiboot_module modules[MULTIBOOT_MAX_MODULES];
	const void *rsdp;		/* the ACPI RSDP (a copy in a multiboot2
					   tag, PVH: the firmware's), or NULL */
	u32 rsdp_size;
	/* PVH: the command line, copied out of the loader's memory. */
	char cmdline_copy[MULTIBOOT_CMDLINE_COPY];
};

/*
 * Parse the boot information at mbi, of which avail bytes may be read.
 * Returns 0, -EINVAL for a malformed list, or -E2BIG when it holds more
 * memory-map entries or modules than the kernel keeps.  Pointers in
 * *info point into mbi.
 */
int multiboot_parse(const void *mbi, size_t avail, struct multiboot_info *info);

/* Bytes of RAM the map marks available. */
u64 multiboot_usable_bytes(const struct multiboot_info *info);

/* "usable", "reserved", "ACPI data", ... for a map entry type. */
const char *multiboot_mmap_type_name(u32 type);

#endif
