/*
 * The PVH boot information: what a PVH loader (QEMU's -kernel with its
 * pvh.bin option ROM, Xen, cloud-hypervisor) hands the kernel at
 * pvh_start (boot/head.asm), and the parser that turns it into the same
 * struct multiboot_info the multiboot2 parser fills (kernel/pvh.c).
 *
 * The layout is Xen's public/arch-x86/hvm/start_info.h, version 1: a
 * struct hvm_start_info whose fields hold physical addresses of a
 * memory map, a list of modules (the first one is the initrd) and a
 * command line.  Linux reads it in arch/x86/platform/pvh/enlighten.c
 * and turns it into its struct boot_params, as we turn it into struct
 * multiboot_info.
 */
#ifndef _ASM_PVH_H
#define _ASM_PVH_H

#include <asm/multiboot2.h>
#include <linux/types.h>

#define XEN_HVM_START_MAGIC_VALUE	0x336ec578	/* "xEn3" */

struct hvm_start_info {
	u32 magic;		/* XEN_HVM_START_MAGIC_VALUE */
	u32 version;		/* 0: up to rsdp_paddr; 1: the memory map too */
	u32 flags;		/* SIF_*: not used here */
	u32 nr_modules;
	u64 modlist_paddr;	/* struct hvm_modlist_entry[nr_modules] */
	u64 cmdline_paddr;	/* NUL-terminated, or 0 */
	u64 rsdp_paddr;		/* the ACPI RSDP, or 0 */
	/* version 1 */
	u64 memmap_paddr;	/* struct hvm_memmap_table_entry[memmap_entries] */
	u32 memmap_entries;
	u32 reserved;
};

#define HVM_START_INFO_V0_SIZE	offsetof(struct hvm_start_info, memmap_paddr)

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;	/* not used here */
	u64 reserved;
};

/* Types as in the e820 map and multiboot2's (MULTIBOOT_MEMORY_*). */
struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};

/*
 * The command line is copied into struct multiboot_info (PVH's points
 * into the loader's memory, which nothing reserves): this much of it,
 * the NUL included.  More than the kernel keeps anyway
 * (COMMAND_LINE_SIZE); a longer line is cut here and cmdline_init()
 * then says where it cut it.
 */
#define PVH_CMDLINE_MAX		MULTIBOOT_CMDLINE_COPY

/*
 * Parse the hvm_start_info at physical address start_info.  mem maps
 * physical addresses [0, mem_size): every address the start info holds
 * must lie inside, or the parse fails.  Returns 0, -EINVAL for a
 * malformed start info (bad magic, version 0, which has no memory map,
 * an address outside mem, a module above 4 GiB), or -E2BIG for more
 * memory-map entries or modules than struct multiboot_info keeps.
 * Module 0 is named "initrd"; info->rsdp points into mem.
 */
int pvh_parse(const void *mem, u64 mem_size, u64 start_info,
	      struct multiboot_info *info);

#endif
