/*
 * Parser for the PVH boot information (see asm/pvh.h): the struct
 * hvm_start_info a PVH loader hands the kernel, turned into the struct
 * multiboot_info that the multiboot2 parser (kernel/multiboot.c) fills,
 * so that nothing after parse_boot_info() (kernel/main.c) depends on
 * which loader started the kernel.
 *
 * The start info holds physical addresses.  The parser is given a window
 * of physical memory, [0, mem_size) mapped at mem, and reads only inside
 * it: an address or a length that leaves it is -EINVAL, never a wild
 * read.  It copies the memory map, the modules and the command line
 * into struct multiboot_info (the loader's memory is not reserved); the
 * RSDP pointer points into the window, at the firmware's own copy, which
 * the memory map keeps out of the page allocator's reach as it does the
 * rest of the ACPI data.  As in Linux, module 0 is the initrd: it is
 * named "initrd", the name GRUB's module2 line gives it.
 *
 * Pure code: no printing, no globals; the host unit tests feed it
 * crafted start infos.
 */
#include <asm/pvh.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define ACPI_RSDP_V1_SIZE	20
#define ACPI_RSDP_V2_SIZE	36
#define ACPI_RSDP_REVISION	15	/* offset of the revision byte */
/* struct multiboot_module holds 32-bit addresses. */
#define PVH_MODULE_END_MAX	0xffffffffULL

/* Where [phys, phys + len) lies in the window, or NULL if it leaves it. */
static const u8 *pvh_window(const void *mem, u64 mem_size, u64 phys, u64 len)
{
	if (phys > mem_size || len > mem_size - phys)
		return NULL;
	return (const u8 *)mem + phys;
}

static int pvh_memmap(const void *mem, u64 mem_size,
		      const struct hvm_start_info *si,
		      struct multiboot_info *info)
{
	struct hvm_memmap_table_entry e;
	const u8 *map;
	u32 i, n = si->memmap_entries;

	if (n == 0)
		return -EINVAL;		/* no memory to run in */
	if (n > MULTIBOOT_MAX_MMAP)
		return -E2BIG;
	map = pvh_window(mem, mem_size, si->memmap_paddr, (u64)n * sizeof(e));
	if (!map)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		memcpy(&e, map + i * sizeof(e), sizeof(e));
		info->mmap[i].addr = e.addr;
		info->mmap[i].len = e.size;
		info->mmap[i].type = e.type;
		info->mmap[i].zero = 0;
	}
	info->nr_mmap = n;
	return 0;
}

static int pvh_modules(const void *mem, u64 mem_size,
		       const struct hvm_start_info *si,
		       struct multiboot_info *info)
{
	struct hvm_modlist_entry m;
	const u8 *list;
	u32 i, n = si->nr_modules;

	if (n == 0)
		return 0;
	if (n > MULTIBOOT_MAX_MODULES)
		return -E2BIG;
	list = pvh_window(mem, mem_size, si->modlist_paddr, (u64)n * sizeof(m));
	if (!list)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		memcpy(&m, list + i * sizeof(m), sizeof(m));
		if (m.paddr > PVH_MODULE_END_MAX ||
		    m.size > PVH_MODULE_END_MAX - m.paddr)
			return -EINVAL;
		info->modules[i].mod_start = m.paddr;
		info->modules[i].mod_end = m.paddr + m.size;
		info->modules[i].string = i == 0 ? "initrd" : "";
	}
	info->nr_modules = n;
	return 0;
}

/*
 * Copy the command line; one longer than the copy holds is cut (the
 * kernel keeps less than that anyway).  It must end inside the window.
 */
static int pvh_cmdline(const void *mem, u64 mem_size, u64 phys,
		       struct multiboot_info *info)
{
	const u8 *s = pvh_window(mem, mem_size, phys, 1);
	size_t room = sizeof(info->cmdline_copy) - 1, len;

	if (!phys)
		return 0;		/* none: info->cmdline stays "" */
	if (!s)
		return -EINVAL;
	len = min(mem_size - phys, (u64)room);
	if (memchr(s, '\0', len))
		len = strlen((const char *)s);
	else if (len < room)
		return -EINVAL;		/* the window ends before the NUL */
	memcpy(info->cmdline_copy, s, len);
	info->cmdline_copy[len] = '\0';
	info->cmdline = info->cmdline_copy;
	return 0;
}

/* The RSDP: 20 bytes for ACPI 1.0 (revision 0), 36 from ACPI 2.0 on. */
static int pvh_rsdp(const void *mem, u64 mem_size, u64 phys,
		    struct multiboot_info *info)
{
	const u8 *rsdp = pvh_window(mem, mem_size, phys, ACPI_RSDP_V1_SIZE);
	u32 size;

	if (!phys)
		return 0;		/* none: acpi_init() searches for it */
	if (!rsdp)
		return -EINVAL;
	size = rsdp[ACPI_RSDP_REVISION] >= 2 ? ACPI_RSDP_V2_SIZE :
					       ACPI_RSDP_V1_SIZE;
	if (!pvh_window(mem, mem_size, phys, size))
		return -EINVAL;
	info->rsdp = rsdp;
	info->rsdp_size = size;
	return 0;
}

int pvh_parse(const void *mem, u64 mem_size, u64 start_info,
	      struct multiboot_info *info)
{
	struct hvm_start_info si;
	const u8 *p;
	int ret;

	memset(info, 0, sizeof(*info));
	info->cmdline = "";
	p = pvh_window(mem, mem_size, start_info, HVM_START_INFO_V0_SIZE);
	if (!p)
		return -EINVAL;
	memcpy(&si, p, HVM_START_INFO_V0_SIZE);
	/* Version 0 has no memory map: the kernel would not know its RAM. */
	if (si.magic != XEN_HVM_START_MAGIC_VALUE || si.version < 1)
		return -EINVAL;
	p = pvh_window(mem, mem_size, start_info, sizeof(si));
	if (!p)
		return -EINVAL;
	memcpy(&si, p, sizeof(si));
	info->total_size = sizeof(si);

	ret = pvh_memmap(mem, mem_size, &si, info);
	if (!ret)
		ret = pvh_modules(mem, mem_size, &si, info);
	if (!ret)
		ret = pvh_cmdline(mem, mem_size, si.cmdline_paddr, info);
	if (!ret)
		ret = pvh_rsdp(mem, mem_size, si.rsdp_paddr, info);
	return ret;
}
