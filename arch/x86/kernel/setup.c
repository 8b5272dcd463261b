/*
 * Memory bring-up at boot, in the order each step needs the previous:
 *
 *   memblock_setup()  RAM from the multiboot2 map; reserve the first MiB,
 *                     the kernel image, the boot information and modules;
 *   setup_log_buf()   the kernel log to a larger buffer if log_buf_len=
 *                     asks for one (kernel/printk.c);
 *   acpi_init()       the ACPI tables (read through the boot direct map);
 *   numa_init()       nodes for CPUs and memory, from SRAT and SLIT;
 *   paging_init()     the final page tables: all RAM mapped, W^X image;
 *   swiotlb_init()    the DMA bounce-buffer pools, low memory set aside
 *                     before the page allocator can hand it out (Linux:
 *                     pci_iommu_alloc() from mem_init());
 *   mem_init()        struct pages, zones, zonelists, and all free memory
 *                     to the page allocator; memblock retires;
 *   kmem_cache_init() the kmalloc caches (vmalloc needs no set-up).
 *
 * Until paging_init() switches tables, memblock allocates below 4 GiB,
 * which the boot page tables map.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/swiotlb.h>
#include <linux/syslog.h>
#include <linux/topology.h>

static void memblock_add_ram(void)
{
	const struct multiboot_mmap_entry *e;
	const u64 limit = 1ULL << MAX_PHYSMEM_BITS;
	unsigned int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		e = &boot_info.mmap[i];
		if (e->type != MULTIBOOT_MEMORY_AVAILABLE || e->addr >= limit)
			continue;
		if (e->addr + e->len > limit)
			pr_warn("memblock: RAM above %llu GiB ignored\n", limit >> 30);
		memblock_add(e->addr, min(e->addr + e->len, limit) - e->addr);
	}
}

static void memblock_setup(void)
{
	unsigned int i;

	memblock_add_ram();
	/* Real-mode IVT, BIOS data, EBDA, VGA and ROMs live in the first MiB. */
	memblock_reserve(0, SZ_1M);
	memblock_reserve(SZ_1M, __pa_symbol(_end) - SZ_1M);
	memblock_reserve(boot_mbi_phys, boot_info.total_size);
	for (i = 0; i < boot_info.nr_modules; i++)
		memblock_reserve(boot_info.modules[i].mod_start,
				 boot_info.modules[i].mod_end -
				 boot_info.modules[i].mod_start);
	memblock_set_current_limit(EARLY_DIRECT_MAP_SIZE);
	memblock_dump();
}

void setup_memory(void)
{
	memblock_setup();
	setup_log_buf();
	acpi_init();
	numa_init();
	paging_init();
	swiotlb_init();
	mem_init();
	kmem_cache_init();
}
