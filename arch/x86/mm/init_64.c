/*
 * The kernel's final page tables (x86_64, 4-level paging).
 *
 * paging_init() replaces the boot tables (boot/head.asm) with:
 *   - the direct map: all RAM, the first MiB and the ranges the memory
 *     map marks ACPI data or ACPI NVS, at PAGE_OFFSET + physical address,
 *     read-write and never executable,
 *     in 1 GiB pages where the CPU has them and the range is aligned,
 *     2 MiB pages otherwise, 4 KiB pages at unaligned edges;
 *   - the kernel image at __START_KERNEL_map, W^X in 4 KiB pages: text
 *     read-only and executable, rodata read-only, data and bss writable
 *     and not executable;
 *   - nothing else: no identity map, so NULL and low addresses fault.
 * Page-table pages come from memblock during boot (below 4 GiB, which
 * the boot tables map) and from the page allocator afterwards.  Firmware
 * may keep its ACPI tables in "reserved" ranges, which are not mapped:
 * acpi_init() reads them earlier, through the boot tables.
 *
 * Locking: kernel_pt_lock serialises changes to the kernel page tables
 * after boot (map_kernel_page, unmap_kernel_page); page-table pages are
 * then allocated with GFP_ATOMIC, since the lock is held.  Boot mappings
 * are made before anything else runs.  Flushing other CPUs' TLBs comes
 * with the SMP work.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define CPUID_EXT_PDPE1GB	(1U << 26)	/* CPUID 0x80000001 EDX */
#define CPUID_EXT_NX		(1U << 20)

unsigned long __supported_pte_mask = ~0UL;
static unsigned long *init_top_pgt;
static DEFINE_SPINLOCK(kernel_pt_lock);
static bool has_gbpages;
static unsigned long nr_mapped[4];	/* direct-map pages per level */

static unsigned long *alloc_pgtable_page(void)
{
	if (!memblock.retired)
		return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	return (unsigned long *)get_zeroed_page(GFP_ATOMIC);
}

static unsigned int table_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

/* The table one level below entry, allocated if absent; NULL on failure. */
static unsigned long *next_table(unsigned long *entry)
{
	unsigned long *table;

	if (*entry & _PAGE_PSE)
		return NULL;		/* a large page is mapped here */
	if (!(*entry & _PAGE_PRESENT)) {
		table = alloc_pgtable_page();
		if (!table)
			return NULL;
		*entry = __pa(table) | _PAGE_PRESENT | _PAGE_RW;
	}
	return __va(*entry & PTE_PFN_MASK);
}

/* The entry for va at level (1..3), creating the tables above it. */
static unsigned long *walk_create(unsigned long va, int level)
{
	unsigned long *table = init_top_pgt;
	int l;

	for (l = 4; l > level; l--) {
		table = next_table(&table[table_index(va, l)]);
		if (!table)
			return NULL;
	}
	return &table[table_index(va, level)];
}

static int map_one(unsigned long va, phys_addr_t pa, unsigned long prot,
		   int level)
{
	unsigned long *entry = walk_create(va, level);

	if (!entry)
		return -ENOMEM;
	*entry = pa | (prot & __supported_pte_mask) | (level > 1 ? _PAGE_PSE : 0);
	return 0;
}

/* The largest page level that fits va, pa and the remaining size. */
static int best_level(unsigned long va, phys_addr_t pa, unsigned long size)
{
	if (has_gbpages && IS_ALIGNED(va | pa, 1UL << PUD_SHIFT) &&
	    size >= (1UL << PUD_SHIFT))
		return 3;
	if (IS_ALIGNED(va | pa, 1UL << PMD_SHIFT) && size >= (1UL << PMD_SHIFT))
		return 2;
	return 1;
}

static void map_range(unsigned long va, phys_addr_t pa, unsigned long size,
		      unsigned long prot)
{
	unsigned long step;
	int level;

	while (size) {
		level = best_level(va, pa, size);
		step = 1UL << (PAGE_SHIFT + 9 * (level - 1));
		if (map_one(va, pa, prot, level))
			panic("paging: no memory for page tables");
		nr_mapped[level]++;
		va += step;
		pa += step;
		size -= step;
	}
}

static void map_direct(phys_addr_t start, phys_addr_t end)
{
	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if (start < end)
		map_range((unsigned long)__va(start), start, end - start, PAGE_KERNEL);
}

/* RAM, the ISA area below 1 MiB (VGA, BIOS) and the ACPI ranges. */
static void map_direct_all(void)
{
	const struct multiboot_mmap_entry *e;
	unsigned long i;

	map_direct(0, SZ_1M);
	for (i = 0; i < memblock.memory.cnt; i++)
		map_direct(max(memblock.memory.regions[i].base, (phys_addr_t)SZ_1M),
			   memblock.memory.regions[i].base +
			   memblock.memory.regions[i].size);
	for (i = 0; i < boot_info.nr_mmap; i++) {
		e = &boot_info.mmap[i];
		if (e->type == MULTIBOOT_MEMORY_ACPI_RECLAIMABLE ||
		    e->type == MULTIBOOT_MEMORY_NVS)
			map_direct(max(e->addr, (u64)SZ_1M), e->addr + e->len);
	}
}

static void map_kernel_section(char *start, char *end, unsigned long prot)
{
	unsigned long va = (unsigned long)start;
	unsigned long size = ALIGN((unsigned long)end, PAGE_SIZE) - va;
	unsigned long pa = __pa_symbol(start), off;

	for (off = 0; off < size; off += PAGE_SIZE)
		if (map_one(va + off, pa + off, prot, 1))
			panic("paging: no memory for page tables");
}

/* nogbpages: map the direct map with 2 MiB pages at most. */
static bool nogbpages;

static int parse_direct_gbpages_off(char *arg)
{
	nogbpages = true;
	return 0;
}
early_param("nogbpages", parse_direct_gbpages_off);

static void detect_paging_features(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(0x80000001, 0, &eax, &ebx, &ecx, &edx);
	has_gbpages = (edx & CPUID_EXT_PDPE1GB) && !nogbpages;
	if (!(edx & CPUID_EXT_NX))
		__supported_pte_mask &= ~_PAGE_NX;
}

/*
 * Every process's pgd copies the kernel half once, when it is created;
 * so the kernel's top-level entries must never change afterwards.  The
 * direct map and the kernel image are in place now; give the vmalloc
 * area its upper tables too (64 pages for its 32 TiB).
 */
static void prepopulate_vmalloc_pgds(void)
{
	unsigned long va;

	for (va = VMALLOC_START; va < VMALLOC_END; va += 1UL << PGDIR_SHIFT)
		if (!next_table(&init_top_pgt[table_index(va, 4)]))
			panic("paging: no memory for the vmalloc area's tables");
}

void paging_init(void)
{
	detect_paging_features();
	init_top_pgt = alloc_pgtable_page();
	if (!init_top_pgt)
		panic("paging: no memory for the top-level page table");
	map_direct_all();
	map_kernel_section(_text, _etext, PAGE_KERNEL_EXEC);
	map_kernel_section(__start_rodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_section(_sdata, _end, PAGE_KERNEL);
	prepopulate_vmalloc_pgds();
	write_cr3(__pa(init_top_pgt));
	memblock_set_current_limit((phys_addr_t)-1);
	pr_info("Paging: direct map with %lu 1G, %lu 2M, %lu 4K pages%s; "
		"kernel text RX, rodata R, data RW NX; no identity map\n",
		nr_mapped[3], nr_mapped[2], nr_mapped[1],
		__supported_pte_mask & _PAGE_NX ? "" : " (no NX on this CPU)");
}

/* The leaf entry for va and its level, or NULL when va is not mapped. */
static unsigned long *walk_lookup(unsigned long va, int *level)
{
	unsigned long *table = init_top_pgt, *entry;
	int l;

	for (l = 4;; l--) {
		entry = &table[table_index(va, l)];
		if (!(*entry & _PAGE_PRESENT))
			return NULL;
		if (l == 1 || (l <= 3 && (*entry & _PAGE_PSE))) {
			*level = l;
			return entry;
		}
		table = __va(*entry & PTE_PFN_MASK);
	}
}

unsigned long lookup_kernel_pte(unsigned long va, int *level)
{
	unsigned long *entry = walk_lookup(va, level);

	return entry ? *entry : 0;
}

int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long prot)
{
	unsigned long *entry, flags;
	int ret = 0;

	spin_lock_irqsave(&kernel_pt_lock, flags);
	entry = walk_create(va, 1);
	if (!entry)
		ret = -ENOMEM;
	else if (*entry & _PAGE_PRESENT)
		ret = -EBUSY;
	else
		*entry = pa | (prot & __supported_pte_mask);
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
	return ret;
}

/*
 * Fill the entries of one page table from va on, at most size bytes'
 * worth; returns the bytes mapped.  The lock is taken per page table,
 * so interrupts stay off for 512 entries at most.
 */
static unsigned long map_kernel_table(unsigned long va, phys_addr_t pa,
				      unsigned long size, unsigned long prot)
{
	unsigned long *pte, flags, done = 0;
	unsigned int i;

	spin_lock_irqsave(&kernel_pt_lock, flags);
	pte = walk_create(va, 1);
	for (i = table_index(va, 1); pte && i < PTRS_PER_TABLE && done < size;
	     i++, pte++, done += PAGE_SIZE) {
		if (*pte & _PAGE_PRESENT)
			break;
		*pte = (pa + done) | (prot & __supported_pte_mask);
	}
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
	return done;
}

unsigned long map_kernel_range(unsigned long va, phys_addr_t pa,
			       unsigned long size, unsigned long prot)
{
	unsigned long done = 0, n;

	while (done < size) {
		n = map_kernel_table(va + done, pa + done, size - done, prot);
		done += n;
		if (!n || !IS_ALIGNED(va + done, 1UL << PMD_SHIFT))
			break;		/* stopped inside a page table */
	}
	return min(done, size);
}

void unmap_kernel_page(unsigned long va)
{
	unsigned long *entry, flags;
	int level;

	spin_lock_irqsave(&kernel_pt_lock, flags);
	entry = walk_lookup(va, &level);
	if (entry && level == 1) {
		*entry = 0;
		flush_tlb_one(va);
	}
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
}

void load_kernel_pgd(void)
{
	write_cr3(__pa(init_top_pgt));
}

unsigned long *pgd_alloc(void)
{
	unsigned long *pgd = (unsigned long *)get_zeroed_page(GFP_KERNEL);

	if (pgd)
		memcpy(pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
		       KERNEL_PGD_BOUNDARY * sizeof(*pgd));
	return pgd;
}

void pgd_free(unsigned long *pgd)
{
	free_page((unsigned long)pgd);
}

/* Three pages: a PML4, and a PDPT and PD mapping 0-1 GiB with 2 MiB pages. */
phys_addr_t trampoline_pgd_alloc(void)
{
	unsigned long *pgd, *pud, *pmd;
	int i;

	pgd = (unsigned long *)get_zeroed_page(GFP_DMA32);
	pud = (unsigned long *)get_zeroed_page(GFP_DMA32);
	pmd = (unsigned long *)get_zeroed_page(GFP_DMA32);
	if (!pgd || !pud || !pmd) {
		free_page((unsigned long)pgd);
		free_page((unsigned long)pud);
		free_page((unsigned long)pmd);
		return 0;
	}
	for (i = 0; i < PTRS_PER_TABLE; i++)
		pmd[i] = ((unsigned long)i << PMD_SHIFT) | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	pud[0] = __pa(pmd) | _PAGE_PRESENT | _PAGE_RW;
	memcpy(pgd, init_top_pgt, PAGE_SIZE);	/* the kernel half */
	pgd[0] = __pa(pud) | _PAGE_PRESENT | _PAGE_RW;
	return __pa(pgd);
}

void trampoline_pgd_free(phys_addr_t pgd)
{
	unsigned long *top = __va(pgd);
	unsigned long *pud = __va(top[0] & PTE_PFN_MASK);

	free_page((unsigned long)__va(pud[0] & PTE_PFN_MASK));
	free_page((unsigned long)pud);
	free_page((unsigned long)top);
}
