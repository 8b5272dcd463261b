/*
 * Taking user pages for I/O (mm/gup.c, Linux's names): get_user_pages()
 * takes plain references, pin_user_pages() takes pins that can be told
 * apart from them.  A pin adds GUP_PIN_COUNTING_BIAS to the page's
 * _refcount, as Linux folds FOLL_PIN into the refcount of a small page,
 * so a page's count of 1024 or more means "maybe under DMA" and the
 * count still reaches 0 (and the page is freed) only when every mapping,
 * reference and pin is gone.
 *
 * The arithmetic of the count is the inline helpers at the bottom, which
 * mm/gup.c and mm/memory.c use and tests/host/test_gup.c checks on the
 * host.  Included by linux/mm.h.  docs/gup.md explains the rules.
 */
#ifndef _LINUX_GUP_H
#define _LINUX_GUP_H

#include <linux/page_ref.h>
#include <linux/types.h>

struct mm_struct;
struct page;

#define FOLL_WRITE	0x01	/* check the pages are writable; break COW */
#define FOLL_LONGTERM	0x100	/* the pin may last (charged to RLIMIT_MEMLOCK) */

#define GUP_PIN_COUNTING_BIAS	(1U << 10)

/*
 * Fault in and take nr_pages pages of the current process from the one
 * holding start, as an access would (FOLL_WRITE: a write).  nr_pages,
 * or -EFAULT / -ENOMEM / -EINVAL with nothing taken (Linux returns the
 * count taken before a failure instead).  Takes current->mm->mmap_lock.
 * get_user_pages: one reference each (put_page); pin_user_pages: one
 * pin each (unpin_user_page), charged to the process's pinned_vm with
 * FOLL_LONGTERM (see account_pinned_vm()).
 */
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
/* With make_dirty, mark each page dirty (PG_dirty) first. */
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);

/*
 * Charge (inc) or uncharge npages of long-term pins to mm->pinned_vm,
 * as Linux's RDMA and vfio drivers do: charging past the current
 * task's RLIMIT_MEMLOCK fails with -ENOMEM and charges nothing.
 * pin_user_pages(FOLL_LONGTERM) charges current->mm itself; whoever
 * unpins those pages uncharges the same mm (holding a reference to it
 * from pin to unpin, e.g. get_task_mm()).
 */
int account_pinned_vm(struct mm_struct *mm, unsigned long npages, bool inc);

/*
 * What one page taken by the pin core adds to its _refcount: a pin
 * (pin_user_pages) GUP_PIN_COUNTING_BIAS, a plain reference
 * (get_user_pages) 1.  Dropping it subtracts the same, through
 * put_page_refs(), which frees the page when the count reaches 0.
 */
static inline int gup_page_refs(bool pin)
{
	return pin ? (int)GUP_PIN_COUNTING_BIAS : 1;
}

/* Take one pin or one plain reference on a page already held. */
static inline void gup_grab_page(struct page *page, bool pin)
{
	page_ref_add(page, gup_page_refs(pin));
}

/* Maybe pinned: the count holds at least one pin's bias (Linux's test). */
static inline bool page_maybe_dma_pinned(struct page *page)
{
	return page_ref_count(page) >= (int)GUP_PIN_COUNTING_BIAS;
}

/*
 * The references to page other than pins (mappings and plain ones),
 * assuming fewer than GUP_PIN_COUNTING_BIAS of them: copy-on-write asks
 * whether a page is its mapping's alone with this, so a pin does not
 * make a page look shared.
 */
static inline int page_unpinned_count(struct page *page)
{
	return page_ref_count(page) & (GUP_PIN_COUNTING_BIAS - 1);
}

#endif
