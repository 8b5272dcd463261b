/*
 * The test as an owner of pages: giving pages to the allocator, taking
 * blocks from it and giving them back as mm/page_alloc.c does, with the
 * full check after each; and the world of each case, the zone under test
 * between its two neighbours.
 *
 * Invariants: a block the test holds has PG_head, private its order, a
 * reference count of 1 and a poisoned lru, and buddy.c must not change
 * any of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- operations: the test as an owner of pages ---- */

/* Give the 2^order pages at pfn to the allocator (as boot does). */
void give(struct model *m, unsigned long pfn, unsigned int order)
{
	note_op('f', order, pfn);
	kern_buddy_free(m->zone, pfn_to_page(pfn), order);
	block_set(m->freemap, pfn, order, true);
	m->nr_free += 1UL << order;
}

/* Free page pfn alone, then check everything. */
bool give_page(struct model *m, unsigned long pfn)
{
	give(m, pfn, 0);
	return check_zone(m);
}

/*
 * Allocate a block of this order; when the zone has none, it must have
 * none by the model too.  *got is the block's pfn, or 0 on NULL.
 */
bool take(struct model *m, unsigned int order, unsigned long *got)
{
	struct page *page = kern_buddy_alloc(m->zone, order);
	unsigned long pfn;

	*got = 0;
	if (!page) {
		note_op('a', order, 0);
		REQUIRE(!model_has_block(m, order),
		      "buddy_alloc(order %u) = NULL, but an aligned block of that order is free",
		      order);
		return check_zone(m);
	}
	REQUIRE(page >= pages && page < pages + PAGES_PER_SECTION,
	      "buddy_alloc(order %u) = %p, not a page", order, page);
	pfn = SEC_BASE + (page - pages);
	note_op('a', order, pfn);
	REQUIRE(IS_ALIGNED(pfn, 1UL << order),
	      "buddy_alloc(order %u) = +%#lx, misaligned", order,
	      pfn - SEC_BASE);
	REQUIRE(pfn >= m->start && pfn + (1UL << order) <= m->end,
	      "buddy_alloc(order %u) = +%#lx, outside the zone [+%#lx, +%#lx)",
	      order, pfn - SEC_BASE, m->start - SEC_BASE, m->end - SEC_BASE);
	REQUIRE(block_all_set(m->freemap, pfn, order),
	      "buddy_alloc(order %u) = +%#lx, which overlaps a held block or a hole",
	      order, pfn - SEC_BASE);

	block_set(m->freemap, pfn, order, false);
	m->nr_free -= 1UL << order;
	m->held[m->nr_held++] = (struct block){ pfn, order };
	/* Own it as mm/page_alloc.c does; buddy.c must not touch any of it. */
	page->private = order;
	set_page_count(page, 1);
	SetPageHead(page);
	page->lru.next = page->lru.prev = LRU_POISON;
	expect_flags[pfn - SEC_BASE] |= 1UL << PG_head;
	*got = pfn;
	return check_zone(m);
}

/* Give back the i-th held block, as mm/page_alloc.c does. */
bool give_back(struct model *m, unsigned long i)
{
	struct block b = m->held[i];
	struct page *page = pfn_to_page(b.pfn);

	REQUIRE(PageHead(page) && page->private == b.order &&
	      page_ref_count(page) == 1 && page->lru.next == LRU_POISON,
	      "held block +%#lx of order %u was changed while held",
	      b.pfn - SEC_BASE, b.order);
	ClearPageHead(page);
	page->private = 0;
	set_page_count(page, 0);
	expect_flags[b.pfn - SEC_BASE] &= ~(1UL << PG_head);
	m->held[i] = m->held[--m->nr_held];
	give(m, b.pfn, b.order);
	return check_zone(m);
}

/* ---- the zone under test between its neighbours ---- */

/*
 * The section, with the zone under test at [start, end) (minus the holes
 * the caller makes) and its two neighbours, every neighbour page free.
 * The zone's own pages are not free yet.
 */
void world_create(unsigned long start, unsigned long end)
{
	unsigned long lo = start - min(start - SEC_BASE, 1027UL);
	unsigned long hi = min(end + 1029, SEC_BASE + PAGES_PER_SECTION);
	unsigned long pfn;

	section_create();
	model_init(&below, zone_create(NID, ZONE_DMA, lo, start));
	model_init(&zm, zone_create(NID, ZONE_DMA32, start, end));
	model_init(&above, zone_create(NID_ABOVE, ZONE_DMA32, end, hi));
	for (pfn = below.start; pfn < below.end; pfn++)
		give(&below, pfn, 0);
	for (pfn = above.start; pfn < above.end; pfn++)
		give(&above, pfn, 0);
	nr_ops = 0;
}

/* Are the neighbours as they were: all free and fully coalesced? */
bool check_neighbours(void)
{
	return check_zone(&below) && check_fully_coalesced(&below) &&
	       check_zone(&above) && check_fully_coalesced(&above);
}

void world_destroy(void)
{
	free(below.held);
	free(zm.held);
	free(above.held);
	section_destroy();
}

/* Free every non-hole page of the zone under test, in a shuffled order. */
bool give_all_pages_shuffled(struct model *m)
{
	unsigned long *order = calloc(m->end - m->start, sizeof(*order));
	unsigned long n = 0, i, j, t, pfn;
	bool ok = true;

	for (pfn = m->start; pfn < m->end; pfn++)
		if (!is_hole(pfn))
			order[n++] = pfn;
	for (i = n; i > 1; i--) {		/* Fisher-Yates */
		j = rng_below(i);
		t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (i = 0; i < n && ok; i++)
		ok = give_page(m, order[i]);
	free(order);
	return ok;
}

/* Give back every held block, in a random order. */
bool give_back_all(struct model *m)
{
	while (m->nr_held)
		if (!give_back(m, rng_below(m->nr_held)))
			return false;
	return true;
}
