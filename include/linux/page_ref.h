/*
 * A page's reference count, struct page's _refcount (Linux's
 * include/linux/page_ref.h).  Every access goes through these, so the
 * count stays atomic: CPUs forking, faulting and exiting take and drop
 * references to the same copy-on-write pages at once.
 *
 * Invariants: 0 on a free page; 1 on a newly allocated block's first
 * page (set by the page allocator), more while it is shared; the
 * decrement that reaches 0 frees the block (mm/page_alloc.c).  Locking:
 * none, the count is atomic.  page_count(), get_page() and put_page()
 * in linux/mm.h are what most code uses.
 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/atomic.h>
#include <linux/mm_types.h>

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_add(struct page *page, int nr)
{
	atomic_add(nr, &page->_refcount);
}

/* Drop nr references; true when they were the last (fully ordered). */
static inline bool page_ref_sub_and_test(struct page *page, int nr)
{
	return atomic_sub_and_test(nr, &page->_refcount);
}

/* Drop a reference; true when it was the last (fully ordered). */
static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

#endif
