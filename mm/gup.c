/*
 * Taking a process's pages for I/O: get_user_pages() and
 * pin_user_pages() (Linux's mm/gup.c), the core a driver's kiobuf or
 * DMA path is built on.
 *
 * Each page of the range is faulted in as the access would fault it
 * (demand-zero, copy-on-write broken for FOLL_WRITE, the stack grown),
 * through the page-fault path's handle_mm_fault(), then taken:
 *  - get_user_pages(): a plain reference (page_ref_inc; put_page drops it);
 *  - pin_user_pages(): a pin, GUP_PIN_COUNTING_BIAS added to _refcount,
 *    so page_maybe_dma_pinned() can tell it from mappings and plain
 *    references.  A pinned page is first made its mapping's alone
 *    (unshare_user_page()), so the process and the device share one
 *    page for as long as the pin lasts.
 *
 * Invariants:
 *  - all or nothing: a call that fails part-way releases every page it
 *    took and returns the error (Linux returns how many it took before
 *    the failure, or the error when none);
 *  - a pin keeps the page: munmap, exit and fork only drop their own
 *    mapping's reference (mm/memory.c), and the page is freed when the
 *    last unpin brings the count to 0;
 *  - nr_foll_pin_acquired counts the pins handed out, nr_foll_pin_released
 *    the pins dropped: equal when nothing is pinned;
 *  - mm->pinned_vm counts FOLL_LONGTERM pins charged to the process,
 *    never above the RLIMIT_MEMLOCK of whoever charged them.
 *
 * Locking: the range is faulted in and taken under one hold of
 * current->mm->mmap_lock (a mutex: callers may sleep); the counts are
 * atomic, so unpinning needs no lock and works after the mm is gone.
 */
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>

#include "internal.h"

#define FOLL_PIN	0x40000	/* internal: take pins, not references */
#define FOLL_ALLOWED	(FOLL_WRITE | FOLL_LONGTERM)

int account_pinned_vm(struct mm_struct *mm, unsigned long npages, bool inc)
{
	unsigned long limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;

	if (!inc) {
		atomic_long_sub(npages, &mm->pinned_vm);
		return 0;
	}
	if (atomic_long_add_return(npages, &mm->pinned_vm) > limit) {
		atomic_long_sub(npages, &mm->pinned_vm);
		return -ENOMEM;
	}
	return 0;
}

/* Drop what __gup() took of pages[0..n-1], leaving the counters alone. */
static void gup_release(struct page **pages, unsigned long n,
			unsigned int flags)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		put_page_refs(pages[i], gup_page_refs(flags & FOLL_PIN));
}

/* The page mapped at addr for the access, or NULL (mmap_lock held). */
static struct page *follow_page(struct mm_struct *mm, unsigned long addr,
				unsigned int flags)
{
	unsigned long *pte = user_pte(mm, addr, false, NULL);

	if (!pte || !pte_present(*pte))
		return NULL;
	if ((flags & FOLL_WRITE) && !pte_write(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

/*
 * Fault in the page at addr as the access would, make a page to be
 * pinned its mapping's alone, and take it: 0, or -EFAULT / -ENOMEM.
 */
static int gup_one(struct mm_struct *mm, unsigned long addr,
		   unsigned int flags, struct page **pagep)
{
	unsigned long access = flags & FOLL_WRITE ? VM_WRITE : VM_READ;
	struct vm_area_struct *vma;
	struct page *page;
	int err;

	vma = find_extend_vma(mm, addr);
	if (!vma || !(vma->vm_flags & access))
		return -EFAULT;
	page = follow_page(mm, addr, flags);
	if (!page) {
		err = handle_mm_fault(vma, addr, flags & FOLL_WRITE);
		if (err)
			return err;
	}
	if (flags & FOLL_PIN) {
		err = unshare_user_page(vma, addr);
		if (err)
			return err;
	}
	page = follow_page(mm, addr, flags);
	if (WARN_ON(!page))	/* the fault just mapped it */
		return -EFAULT;
	if (pagep) {
		gup_grab_page(page, flags & FOLL_PIN);
		*pagep = page;
	}
	return 0;
}

/*
 * The caller's arguments: 0, or -EINVAL (bad flags, FOLL_PIN among them;
 * 0 pages; wrapping) / -EFAULT.
 */
static long gup_check(unsigned long start, unsigned long nr_pages,
		      unsigned int flags)
{
	unsigned long first = start & PAGE_MASK, len;

	if (flags & ~FOLL_ALLOWED || !nr_pages)
		return -EINVAL;
	if (nr_pages > (~0UL >> PAGE_SHIFT))
		return -EINVAL;
	len = nr_pages << PAGE_SHIFT;
	if (first + len - 1 < first)
		return -EINVAL;
	/* Below the limit, as access_ok(); and never a kernel address. */
	if (!access_ok(VERIFY_READ, first, len) || first + len > TASK_SIZE)
		return -EFAULT;
	if (!current->mm)
		return -EFAULT;
	return 0;
}

/* Fault in and take the pages; the arguments passed gup_check(). */
static long __gup(unsigned long start, unsigned long nr_pages,
		  unsigned int flags, struct page **pages)
{
	struct mm_struct *mm = current->mm;
	unsigned long i, addr = start & PAGE_MASK;
	long err = 0;

	might_fault();
	mutex_lock(&mm->mmap_lock);
	for (i = 0; i < nr_pages; i++, addr += PAGE_SIZE) {
		err = gup_one(mm, addr, flags, pages ? &pages[i] : NULL);
		if (err)
			break;
	}
	if (err && pages)
		gup_release(pages, i, flags);
	mutex_unlock(&mm->mmap_lock);
	return err ? err : (long)nr_pages;
}

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages)
{
	long ret = gup_check(start, nr_pages, gup_flags);

	if (ret)
		return ret;
	return __gup(start, nr_pages, gup_flags, pages);
}

long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages)
{
	bool longterm = gup_flags & FOLL_LONGTERM;
	long ret;

	if (!pages)
		return -EINVAL;
	ret = gup_check(start, nr_pages, gup_flags);
	if (ret)
		return ret;
	if (longterm && account_pinned_vm(current->mm, nr_pages, true))
		return -ENOMEM;
	ret = __gup(start, nr_pages, gup_flags | FOLL_PIN, pages);
	if (ret < 0) {
		if (longterm)
			account_pinned_vm(current->mm, nr_pages, false);
		return ret;
	}
	mod_node_page_state(NR_FOLL_PIN_ACQUIRED, ret);
	return ret;
}

void unpin_user_page(struct page *page)
{
	if (WARN_ON(!page_maybe_dma_pinned(page)))	/* not pinned: a bug */
		return;
	mod_node_page_state(NR_FOLL_PIN_RELEASED, 1);
	put_page_refs(page, gup_page_refs(true));
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	unsigned long i;

	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
}

/*
 * Linux takes the page lock to set the dirty bit of a page-cache page;
 * an anonymous page here has no page cache behind it, so the atomic
 * bit is all there is.
 */
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty)
{
	unsigned long i;

	for (i = 0; i < npages; i++) {
		if (make_dirty)
			SetPageDirty(pages[i]);
		unpin_user_page(pages[i]);
	}
}
