/*
 * The buddy allocator core: free lists of blocks of 2^order pages,
 * orders 0..MAX_ORDER-1, per zone.
 *
 * A free block of order k starts at a pfn that is a multiple of 2^k; its
 * "buddy" is the block of the same order whose pfn differs only in bit k
 * (pfn ^ 2^k).  Allocating takes the smallest free block that fits and
 * splits it, putting the unused halves back one order lower each.
 * Freeing merges a block with its buddy while the buddy is free, of the
 * same order and in the same zone, then puts the result on its list.
 *
 * Invariants (checked by the host test after every step): every free
 * page belongs to exactly one block on exactly one free list; the first
 * page of a free block has PG_buddy and its order in page->private, the
 * others have neither; no free block's buddy is free at the same order
 * (blocks are as coalesced as possible); zone->free_pages counts the
 * pages on the lists.
 *
 * Locking: every function here expects zone->lock held by the caller
 * (mm/page_alloc.c).  This file is plain C with no locking or hardware
 * access of its own, so the host tests build and check it as it is.
 */
#include <linux/mmzone.h>

#include "internal.h"

void buddy_init_zone(struct zone *zone)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone->free_area[order].free_list);
		zone->free_area[order].nr_free = 0;
	}
	zone->free_pages = 0;
}

static void add_to_free_list(struct zone *zone, struct page *page,
			     unsigned int order)
{
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	SetPageBuddy(page);
	page->private = order;
}

static void del_from_free_list(struct zone *zone, struct page *page,
			       unsigned int order)
{
	list_del(&page->lru);
	zone->free_area[order].nr_free--;
	ClearPageBuddy(page);
	page->private = 0;
}

/* LAB(buddy): write buddy_free(): merge a freed block with its free buddies */
/* Is the page at pfn the head of a free block of this order in this zone? */
static bool page_is_buddy(struct zone *zone, unsigned long pfn,
			  unsigned int order)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return false;
	page = pfn_to_page(pfn);
	return PageBuddy(page) && page->private == order &&
	       page_zone(page) == zone;
}

void buddy_free(struct zone *zone, struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), buddy;

	zone->free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		buddy = pfn ^ (1UL << order);
		if (!page_is_buddy(zone, buddy, order))
			break;
		del_from_free_list(zone, pfn_to_page(buddy), order);
		pfn &= buddy;		/* the merged block starts at the lower one */
		order++;
	}
	add_to_free_list(zone, pfn_to_page(pfn), order);
}
#if 0	/* LAB(buddy) stub */
/* A stand-in that never merges: memory only ever breaks into smaller blocks. */
void buddy_free(struct zone *zone, struct page *page, unsigned int order)
{
	zone->free_pages += 1UL << order;
	add_to_free_list(zone, page, order);
}
#endif	/* END LAB(buddy) */

/* LAB(buddy): write buddy_alloc(): the smallest free block that fits, split */
/* Split a block of order high down to order low, freeing the upper halves. */
static void expand(struct zone *zone, unsigned long pfn, unsigned int low,
		   unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(zone, pfn_to_page(pfn + (1UL << high)), high);
	}
}

struct page *buddy_alloc(struct zone *zone, unsigned int order)
{
	struct free_area *area;
	struct page *page;
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++) {
		area = &zone->free_area[o];
		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(zone, page, o);
		expand(zone, page_to_pfn(page), order, o);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}
#if 0	/* LAB(buddy) stub */
/*
 * A stand-in that does not split in halves: it takes the first block big
 * enough and cuts the rest of it into blocks of the size asked for.  The
 * kernel boots on it, but every large block it touches stays in pieces.
 */
struct page *buddy_alloc(struct zone *zone, unsigned int order)
{
	struct free_area *area;
	struct page *page;
	unsigned long pfn, i;
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++) {
		area = &zone->free_area[o];
		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(zone, page, o);
		pfn = page_to_pfn(page);
		for (i = 1UL << order; i < 1UL << o; i += 1UL << order)
			add_to_free_list(zone, pfn_to_page(pfn + i), order);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}
#endif	/* END LAB(buddy) */
