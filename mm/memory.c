/*
 * The user half of the page tables: building them as pages are faulted
 * in, sharing them copy-on-write at fork, and tearing them down.  The
 * entries are read and made with asm/pgtable.h's accessors
 * (pte_present(), pte_mkwrite() ...); flushing the TLBs of the CPUs
 * that may cache a changed entry is arch/x86/mm/tlb.c's job.
 *
 * A process's page is anonymous memory from the page allocator with one
 * reference per page table mapping it (get_page/put_page): after fork
 * parent and child map the same page read-only, and the first to write
 * gets a copy (do_wp_page); when only one mapping is left, a write just
 * makes it writable again.  A page is freed when its last reference
 * goes, so a pin (mm/gup.c: GUP_PIN_COUNTING_BIAS added to the count)
 * holds a page past munmap or exit.  "Only one mapping is left" is
 * asked of the count without its pins (page_unpinned_count()), so a
 * pinned page that is its process's alone stays that process's on a
 * write.  fork copies a pinned page for the child at once instead of
 * sharing it (Linux's copy_present_page(), the lesson of
 * CVE-2020-29374): what a device writes into the parent's pinned
 * buffer never shows in the child, and the child's writes never reach
 * the device's buffer.
 *
 * Every function here but copy_to_mm() is called with mm->mmap_lock
 * held.
 */
#include <asm/pgtable.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#include "internal.h"

/* Page-table levels: 4 (pgd) .. 1 (pte); each covers 9 bits. */
static unsigned int level_index(unsigned long addr, int level)
{
	return (addr >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

static unsigned long level_size(int level)
{
	return 1UL << (PAGE_SHIFT + 9 * (level - 1));
}

static unsigned long *entry_table(unsigned long entry)
{
	return __va(PFN_PHYS(pte_pfn(entry)));
}

/*
 * The pte for addr.  Missing tables are allocated when alloc is true;
 * otherwise NULL is returned and *next (if given) is set to the first
 * address past the hole, so walks skip empty ranges quickly.
 */
unsigned long *user_pte(struct mm_struct *mm, unsigned long addr, bool alloc,
			unsigned long *next)
{
	unsigned long *table = mm->pgd;
	int level;

	for (level = 4; level > 1; level--) {
		unsigned long *e = &table[level_index(addr, level)];

		if (!pte_present(*e)) {
			unsigned long *t;

			if (!alloc) {
				if (next)
					*next = (addr | (level_size(level) - 1)) + 1;
				return NULL;
			}
			t = (unsigned long *)get_zeroed_page(GFP_KERNEL);
			if (!t)
				return NULL;
			mm->nr_ptes++;
			inc_node_page_state(NR_PAGETABLE);
			/* Upper levels allow everything; the pte decides. */
			*e = __pa(t) | _PAGE_TABLE;
		}
		table = entry_table(*e);
	}
	return &table[level_index(addr, 1)];
}

static struct page *pte_page(unsigned long pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static unsigned long mk_pte(struct page *page, unsigned long prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* A not-present pte in a region: a new zeroed page (demand-zero). */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long *pte)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return -ENOMEM;
	*pte = mk_pte(page, vm_page_prot(vma->vm_flags));
	vma->vm_mm->rss++;
	return 0;
}

/* A copy of page, or NULL. */
static struct page *copy_user_page(struct page *page)
{
	struct page *new = alloc_page(GFP_KERNEL);

	if (new)
		memcpy(page_address(new), page_address(page), PAGE_SIZE);
	return new;
}

/* Point *pte at a copy of its page, with prot; drop the old mapping. */
static int replace_with_copy(struct vm_area_struct *vma, unsigned long *pte,
			     unsigned long prot)
{
	struct page *old = pte_page(*pte), *new = copy_user_page(old);

	if (!new)
		return -ENOMEM;
	*pte = mk_pte(new, prot);
	put_page(old);
	return 0;
}

/* A write to a read-only pte in a writable region: copy-on-write. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long *pte,
		      unsigned long addr)
{
	int err = 0;

	if (page_unpinned_count(pte_page(*pte)) == 1)	/* the last sharer */
		*pte = pte_mkwrite(*pte);
	else
		err = replace_with_copy(vma, pte, vm_page_prot(vma->vm_flags));
	if (!err)
		flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	return err;
}

/*
 * Before a pin (mm/gup.c, mmap_lock held): make the present page at
 * addr its mapping's alone, copying it when it is shared (Linux's
 * FAULT_FLAG_UNSHARE), keeping the pte's protection, so that later
 * writes by the process and by the device meet in the same page.
 * 0, or -ENOMEM.
 */
int unshare_user_page(struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long *pte = user_pte(vma->vm_mm, addr, false, NULL);
	int err;

	if (!pte || !pte_present(*pte) ||
	    page_unpinned_count(pte_page(*pte)) == 1)
		return 0;
	err = replace_with_copy(vma, pte, *pte & ~PTE_PFN_MASK);
	if (!err)
		flush_tlb_mm_range(vma->vm_mm, addr & PAGE_MASK,
				   (addr & PAGE_MASK) + PAGE_SIZE);
	return err;
}

/*
 * Resolve a fault at addr in vma, whose permissions the caller checked
 * against the access: 0, or -ENOMEM.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, bool write)
{
	unsigned long *pte;

	addr &= PAGE_MASK;
	pte = user_pte(vma->vm_mm, addr, true, NULL);
	if (!pte)
		return -ENOMEM;
	if (!pte_present(*pte))
		return do_anonymous_page(vma, pte);
	if (write && !pte_write(*pte))
		return do_wp_page(vma, pte, addr);
	/* Already resolved (e.g. a stale TLB entry): nothing to do. */
	flush_tlb_one(addr);
	return 0;
}

/* A page is there, accessible or kept under PROT_NONE. */
static bool pte_mapped(unsigned long pte)
{
	return pte_present(pte) || pte_protnone(pte);
}

/*
 * Call fn(mm, addr, pte, data) for each pte of [start, end) that maps a
 * page, skipping the ranges without page tables; stop at fn's first
 * non-zero result and return it.
 */
static int walk_mapped(struct mm_struct *mm, unsigned long start,
		       unsigned long end,
		       int (*fn)(struct mm_struct *mm, unsigned long addr,
				 unsigned long *pte, void *data),
		       void *data)
{
	unsigned long addr = start, next;
	int err;

	while (addr < end) {
		unsigned long *pte = user_pte(mm, addr, false, &next);

		if (!pte) {
			addr = next;
			continue;
		}
		if (pte_mapped(*pte)) {
			err = fn(mm, addr, pte, data);
			if (err)
				return err;
		}
		addr += PAGE_SIZE;
	}
	return 0;
}

/*
 * fork: the child maps the page too; a writable page becomes
 * copy-on-write, but a pinned one is copied for the child at once (the
 * parent keeps it: a device may be writing into it).
 */
static int copy_one(struct mm_struct *src, unsigned long addr,
		    unsigned long *spte, void *data)
{
	struct vm_area_struct *vma = data;
	unsigned long *dpte = user_pte(vma->vm_mm, addr, true, NULL);
	struct page *page = pte_page(*spte);

	if (!dpte)
		return -ENOMEM;
	/* LAB(kiobuf): the fork rule: a pinned page is copied for the child */
	if (page_maybe_dma_pinned(page)) {
		struct page *copy = copy_user_page(page);

		if (!copy)
			return -ENOMEM;
		*dpte = mk_pte(copy, *spte & ~PTE_PFN_MASK);
	} else {
		if (vma->vm_flags & VM_WRITE)
			*spte = pte_wrprotect(*spte);
		get_page(page);
		*dpte = *spte;
	}
#if 0	/* LAB(kiobuf) stub */
	/* fork before the rule: every page shared, pinned or not */
	if (vma->vm_flags & VM_WRITE)
		*spte = pte_wrprotect(*spte);
	get_page(page);
	*dpte = *spte;
#endif	/* END LAB(kiobuf) */
	vma->vm_mm->rss++;
	return 0;
}

/*
 * fork: give dst (the child's copy of vma) the pages the parent maps in
 * its range, copy-on-write when the region is writable (both sides lose
 * write access; the caller flushes the parent's TLB).
 */
int copy_page_range(struct mm_struct *src, struct vm_area_struct *dst)
{
	return walk_mapped(src, dst->vm_start, dst->vm_end, copy_one, dst);
}

static int zap_one(struct mm_struct *mm, unsigned long addr,
		   unsigned long *pte, void *data)
{
	struct page *page = pte_page(*pte);

	*pte = 0;
	mm->rss--;
	put_page(page);
	return 0;
}

/* Unmap [start, end): drop each page's reference; flush the TLBs. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	walk_mapped(mm, start, end, zap_one, NULL);
	flush_tlb_mm_range(mm, start, end);
}

static int protect_one(struct mm_struct *mm, unsigned long addr,
		       unsigned long *pte, void *data)
{
	unsigned long prot = *(unsigned long *)data;
	struct page *page = pte_page(*pte);

	if (page_unpinned_count(page) > 1)	/* shared: stays copy-on-write */
		prot = pte_wrprotect(prot);
	*pte = mk_pte(page, prot);
	return 0;
}

/* mprotect: give the mapped pages of [start, end) vm_flags' protection. */
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, unsigned long vm_flags)
{
	unsigned long prot = vm_page_prot(vm_flags);

	walk_mapped(mm, start, end, protect_one, &prot);
	flush_tlb_mm_range(mm, start, end);
}

static void free_table(unsigned long *table, int level)
{
	int i;

	if (level > 1)
		for (i = 0; i < PTRS_PER_TABLE; i++)
			if (pte_present(table[i]))
				free_table(entry_table(table[i]), level - 1);
	free_page((unsigned long)table);
	dec_node_page_state(NR_PAGETABLE);
}

/* Free the page tables of the user half (every page already unmapped). */
void free_pgtables(struct mm_struct *mm)
{
	int i;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++) {
		if (pte_present(mm->pgd[i]))
			free_table(entry_table(mm->pgd[i]), 3);
		mm->pgd[i] = 0;
	}
	mm->nr_ptes = 0;
}

/*
 * Write len bytes into mm at addr, faulting pages in as a user write
 * would (exec builds the new stack this way before the mm is loaded).
 * Takes mm->mmap_lock.  0, or -EFAULT outside a writable region, or
 * -ENOMEM.
 */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *buf,
	       size_t len)
{
	int err = 0;

	mutex_lock(&mm->mmap_lock);
	while (len && !err) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		size_t off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);

		if (!vma || addr < vma->vm_start || !(vma->vm_flags & VM_WRITE)) {
			err = -EFAULT;
			break;
		}
		err = handle_mm_fault(vma, addr, true);
		if (!err)
			memcpy((char *)page_address(pte_page(*user_pte(mm, addr, false, NULL))) +
			       off, buf, n);
		buf = (const char *)buf + n;
		addr += n;
		len -= n;
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}
