/*
 * x86_64 page-table entries (Intel SDM vol. 3, 4.5: 4-level paging) and
 * the kernel's page-table interface (arch/x86/mm/init_64.c).
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/page.h>
#include <linux/types.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_PCD	(1UL << 4)	/* cache disable */
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PSE	(1UL << 7)	/* 2 MiB / 1 GiB page */
#define _PAGE_GLOBAL	(1UL << 8)
#define _PAGE_NX	(1UL << 63)
/* Software bit of a not-present user pte: a page kept under PROT_NONE. */
#define _PAGE_PROTNONE	_PAGE_GLOBAL
#define PTE_PFN_MASK	0x000ffffffffff000UL
/* An upper-level entry of the user half: the pte below decides. */
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)

#define PTRS_PER_TABLE	512
#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
/* pgd entries from here up map the kernel (the same in every pgd). */
#define KERNEL_PGD_BOUNDARY	(PTRS_PER_TABLE / 2)

/* Kernel mappings: data (RW, no execute), text (RX), read-only (R). */
#define PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_NX)
#define PAGE_KERNEL_EXEC	(_PAGE_PRESENT)
#define PAGE_KERNEL_RO		(_PAGE_PRESENT | _PAGE_NX)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/* Entry bits this CPU allows (no _PAGE_NX without NX support). */
extern unsigned long __supported_pte_mask;

/*
 * Reading and making entries, for the portable page-table code
 * (mm/memory.c), with Linux's names.  Every level is an unsigned long
 * here (Linux has pte_t, pmd_t ... and an accessor set per level).
 */
static inline bool pte_present(unsigned long pte)
{
	return pte & _PAGE_PRESENT;
}

/* Not present to the CPU, but a page is kept there (PROT_NONE). */
static inline bool pte_protnone(unsigned long pte)
{
	return (pte & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}

static inline bool pte_write(unsigned long pte)
{
	return pte & _PAGE_RW;
}

static inline unsigned long pte_mkwrite(unsigned long pte)
{
	return pte | _PAGE_RW;
}

static inline unsigned long pte_wrprotect(unsigned long pte)
{
	return pte & ~_PAGE_RW;
}

/* The page frame an entry points at (a page, or a table one level down). */
static inline unsigned long pte_pfn(unsigned long pte)
{
	return (pte & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline unsigned long pfn_pte(unsigned long pfn, unsigned long prot)
{
	return (pfn << PAGE_SHIFT) | prot;
}

/* Build the final kernel page tables and switch to them (boot only). */
void paging_init(void);

/*
 * Map one 4 KiB page of kernel address space; page-table pages come from
 * the page allocator once it runs.  0, or -ENOMEM, or -EBUSY when va is
 * already mapped.  unmap_kernel_page() also flushes the TLB entry.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long prot);

/*
 * Map [va, va + size) to [pa, pa + size) in 4 KiB pages, walking the
 * tables once per page table instead of once per page (ioremap() of a
 * large window).  Returns the bytes mapped from va on: size, or less
 * when a page-table page could not be allocated or an entry was
 * already in use.
 */
unsigned long map_kernel_range(unsigned long va, phys_addr_t pa,
			       unsigned long size, unsigned long prot);
void unmap_kernel_page(unsigned long va);

/* The leaf entry mapping va (and its level: 1 = 4K, 2 = 2M, 3 = 1G), or 0. */
unsigned long lookup_kernel_pte(unsigned long va, int *level);

/* Switch this CPU to the kernel page tables (a starting CPU, a kernel thread). */
void load_kernel_pgd(void);

/* A process's top-level table: the kernel half shared, the user half empty. */
unsigned long *pgd_alloc(void);
void pgd_free(unsigned long *pgd);

/*
 * Page tables for a starting CPU: the kernel's, plus the first GiB
 * mapped at its own address for the trampoline; below 4 GiB, since the
 * trampoline loads CR3 in 32-bit mode.  0 when out of memory.
 */
phys_addr_t trampoline_pgd_alloc(void);
void trampoline_pgd_free(phys_addr_t pgd);

/* After unmapping kernel pages: flush every CPU's TLB (interrupts on). */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

static inline void flush_tlb_one(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

#endif
