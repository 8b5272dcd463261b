/*
 * Bits of struct page's flags, and where the zone, node and section
 * numbers sit in the same word (Linux's page-flags.h and
 * page-flags-layout.h).
 *
 *   63           53 52   50 49  48 47              0
 *  [ section (11) | node (3) | zone (2) | ...  PG_* bits ]
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/bitops.h>
#include <linux/mm_types.h>
#include <linux/numa.h>

enum pageflags {
	PG_reserved,	/* not managed by the page allocator (hole, kernel, ...) */
	PG_buddy,	/* heads a free block on a free list; order in private */
	PG_head,	/* heads an allocated block; order in private */
	PG_pcp,		/* free, on a per-CPU list */
	PG_slab,	/* part of a slab of kmem_cache objects (mm/slab.c) */
	PG_locked,	/* locked for I/O: lock_page(), linux/pagemap.h */
	PG_dirty,	/* written through a pin (unpin_user_pages_dirty_lock) */
};

#define SECTIONS_WIDTH		11
#define NODES_WIDTH		NODES_SHIFT
#define ZONES_WIDTH		2
#define SECTIONS_PGSHIFT	(64 - SECTIONS_WIDTH)
#define NODES_PGSHIFT		(SECTIONS_PGSHIFT - NODES_WIDTH)
#define ZONES_PGSHIFT		(NODES_PGSHIFT - ZONES_WIDTH)
#define SECTIONS_MASK		((1UL << SECTIONS_WIDTH) - 1)
#define NODES_MASK		((1UL << NODES_WIDTH) - 1)
#define ZONES_MASK		((1UL << ZONES_WIDTH) - 1)

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{									\
	return page->flags & (1UL << bit);				\
}									\
static inline void SetPage##name(struct page *page)			\
{									\
	page->flags |= 1UL << bit;					\
}									\
static inline void ClearPage##name(struct page *page)			\
{									\
	page->flags &= ~(1UL << bit);					\
}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Pcp, PG_pcp)
PAGEFLAG(Slab, PG_slab)

/*
 * PG_locked has no plain Set/Clear: with PG_dirty it is one of the two
 * bits of flags that any CPU changes, atomically, here through
 * lock_page()/unlock_page().
 */
static inline bool PageLocked(const struct page *page)
{
	return test_bit(PG_locked, &page->flags);
}

/*
 * PG_dirty is set on a user page that other CPUs may hold too (pins,
 * mappings), so it is set atomically.  The allocator clears it with the
 * plain __ClearPageDirty() when the page is freed, when nobody else can
 * reach it.  Nothing reads it yet: without a page cache or swap, a
 * dirty anonymous page has nowhere to be written back.
 */
static inline bool PageDirty(const struct page *page)
{
	return test_bit(PG_dirty, &page->flags);
}

static inline void SetPageDirty(struct page *page)
{
	set_bit(PG_dirty, &page->flags);
}

/* For a page only the caller can reach (being freed): no locked bus cycle. */
static inline void __ClearPageDirty(struct page *page)
{
	page->flags &= ~(1UL << PG_dirty);
}

static inline unsigned long page_to_section(const struct page *page)
{
	return (page->flags >> SECTIONS_PGSHIFT) & SECTIONS_MASK;
}

static inline int page_to_nid(const struct page *page)
{
	return (page->flags >> NODES_PGSHIFT) & NODES_MASK;
}

static inline unsigned int page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

/* Set a new page's zone, node and section, clearing every other bit. */
static inline void set_page_links(struct page *page, unsigned int zone,
				  int nid, unsigned long section)
{
	page->flags = (section & SECTIONS_MASK) << SECTIONS_PGSHIFT |
		      ((unsigned long)nid & NODES_MASK) << NODES_PGSHIFT |
		      (zone & ZONES_MASK) << ZONES_PGSHIFT;
}

#endif
