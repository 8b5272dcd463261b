/*
 * The buddy allocator core (mm/buddy.c, built for the host with kern_
 * names) checked against a simple model of which pages are free.
 *
 * How: the test builds in ordinary heap memory what boot would set up
 * for the allocator.  One memory section's struct pages are calloc'd and
 * registered in mem_section[]; each page's zone, node and section go in
 * its flags (set_page_links()), and zones in node_data[] own ranges of
 * those pages.  The zone under test always sits between two neighbours
 * whose pages are all free: ZONE_DMA of the same node below it and
 * ZONE_DMA32 of another node above it.  Their free blocks touch the
 * zone's edges, so a pfn buddy of an edge block is often a free block of
 * the same order that must not be merged with, being in another zone.
 *
 * The model is a bitmap of the free pages (bit per pfn of the section)
 * plus the list of blocks the test holds.  After every call into the
 * allocator for the zone under test, check_zone() walks all free lists
 * and compares them with the model and with the invariants listed at the
 * top of mm/buddy.c: each free block is aligned, in the zone, headed by a
 * PG_buddy page whose private is its order, never overlaps another, has
 * no free buddy of the same order; the blocks cover exactly the model's
 * free pages; nr_free and free_pages agree with the lists; no other page
 * has PG_buddy and no page's other flag bits changed.
 *
 * Cases:
 *  - test_free_coalesces: every page of a zone freed one at a time in a
 *    shuffled order ends as the fewest, largest aligned blocks; then one
 *    block of each order can be allocated.
 *  - test_random_model: seeded random allocations and frees (over 10^6
 *    in all) on zones with unaligned edges, one with holes; an
 *    allocation may fail only when the model has no free aligned block
 *    of that order.
 *  - test_edge_cases: too small a zone, an empty zone, one split.
 *
 * A random run that fails prints its seed and its last operations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The C library's headers and the kernel's compiler.h both define
 * __always_inline (to the same effect); drop the first so the second can.
 */
#undef __always_inline

/* The prototypes come from mm/internal.h, under their host names. */
#define buddy_init_zone kern_buddy_init_zone
#define buddy_free kern_buddy_free
#define buddy_alloc kern_buddy_alloc
#include "../../mm/internal.h"
#include <linux/page_ref.h>

#include "ktap.h"

/*
 * buddy.c finds struct pages through these; the kernel defines them in
 * mm/mm_init.c and mm/page_alloc.c, which are not built for the host.
 */
struct mem_section mem_section[NR_MEM_SECTIONS];
struct pglist_data node_data[MAX_NUMNODES];

#define TOP_ORDER	(MAX_ORDER - 1)
#define SECTION		5UL			/* the one section with pages */
#define SEC_BASE	(SECTION << PFN_SECTION_SHIFT)	/* its first pfn */
#define NID		2	/* the node of the zone under test */
#define NID_ABOVE	3	/* the node of its upper neighbour */

/* What an owner leaves in the lru of a block it holds: never to be read. */
#define LRU_POISON	((struct list_head *)0x10)

/* ---- a deterministic random number generator (xorshift64*) ---- */

static u64 rng_state;

static void rng_seed(u64 seed)
{
	rng_state = seed * 0x9e3779b97f4a7c15ULL | 1;	/* 0 would stay 0 */
}

static u64 rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static unsigned long rng_below(unsigned long n)
{
	return rng() % n;
}

/* ---- checks ---- */

/* REQUIRE() and host_nr_checks come from ktap.h. */

/*
 * The last operations, printed when a check fails so that the failing
 * sequence can be read and replayed.
 */
#define TRAIL_LEN 12
static struct op {
	unsigned long step;
	char kind;		/* 'a' alloc, 'f' free */
	unsigned int order;
	unsigned long pfn;	/* freed, or returned (0: NULL) */
} trail[TRAIL_LEN];
static unsigned long nr_ops;	/* operations since world_create() */

static void note_op(char kind, unsigned int order, unsigned long pfn)
{
	struct op *op = &trail[nr_ops % TRAIL_LEN];

	op->step = nr_ops++;
	op->kind = kind;
	op->order = order;
	op->pfn = pfn;
}

static void print_trail(void)
{
	unsigned long i = nr_ops > TRAIL_LEN ? nr_ops - TRAIL_LEN : 0;

	printf("# the last operations (pfn relative to the section base %#lx):\n",
	       SEC_BASE);
	for (; i < nr_ops; i++) {
		const struct op *op = &trail[i % TRAIL_LEN];

		if (op->kind == 'f')
			printf("#   %lu: buddy_free(+%#lx, order %u)\n", op->step,
			       op->pfn - SEC_BASE, op->order);
		else if (op->pfn)
			printf("#   %lu: buddy_alloc(order %u) = +%#lx\n",
			       op->step, op->order, op->pfn - SEC_BASE);
		else
			printf("#   %lu: buddy_alloc(order %u) = NULL\n",
			       op->step, op->order);
	}
}

/* ---- bitmaps over the pfns of the section ---- */

#define MAP_WORDS (PAGES_PER_SECTION / 64)

static bool bit_test(const u64 *map, unsigned long pfn)
{
	unsigned long i = pfn - SEC_BASE;

	return map[i / 64] >> (i % 64) & 1;
}

/*
 * The mask, within its word, of the aligned block of 2^order pages at
 * pfn; only for order < 6, as larger blocks are whole words.
 */
static u64 block_mask(unsigned long pfn, unsigned int order)
{
	return ((1ULL << (1U << order)) - 1) << ((pfn - SEC_BASE) % 64);
}

static void block_set(u64 *map, unsigned long pfn, unsigned int order,
		      bool value)
{
	unsigned long i = pfn - SEC_BASE, w;

	if (order < 6) {
		if (value)
			map[i / 64] |= block_mask(pfn, order);
		else
			map[i / 64] &= ~block_mask(pfn, order);
		return;
	}
	for (w = i / 64; w < (i + (1UL << order)) / 64; w++)
		map[w] = value ? ~0ULL : 0;
}

/* Is every bit of the aligned block of 2^order pages at pfn set? */
static bool block_all_set(const u64 *map, unsigned long pfn,
			  unsigned int order)
{
	unsigned long i = pfn - SEC_BASE, w;

	if (order < 6)
		return (map[i / 64] & block_mask(pfn, order)) ==
		       block_mask(pfn, order);
	for (w = i / 64; w < (i + (1UL << order)) / 64; w++)
		if (map[w] != ~0ULL)
			return false;
	return true;
}

/* ---- the section, its pages and the zones ---- */

static struct page *pages;	/* the section's struct pages */

/*
 * The flags each page of the section must have, apart from PG_buddy on
 * the head of a free block: its zone, node and section, PG_reserved on a
 * hole and PG_head on a block the test holds.
 */
static unsigned long expect_flags[PAGES_PER_SECTION];

static void section_create(void)
{
	unsigned long i;

	memset(node_data, 0, sizeof(node_data));
	for (i = 0; i < MAX_NUMNODES; i++)
		node_data[i].node_id = i;
	pages = calloc(PAGES_PER_SECTION, sizeof(*pages));
	mem_section[SECTION].section_mem_map = pages;
	/* Until a zone claims them, pages are holes of the zone under test. */
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		set_page_links(&pages[i], ZONE_DMA32, NID, SECTION);
		SetPageReserved(&pages[i]);
		expect_flags[i] = pages[i].flags;
	}
}

static void section_destroy(void)
{
	mem_section[SECTION].section_mem_map = NULL;
	free(pages);
	pages = NULL;
}

/* Make zone zidx of node nid own pfns [start, end), none of them free yet. */
static struct zone *zone_create(int nid, enum zone_type zidx,
				unsigned long start, unsigned long end)
{
	struct zone *zone = &node_data[nid].node_zones[zidx];
	unsigned long pfn;

	/* Garbage first: buddy_init_zone() must set up every list. */
	memset(zone, 0xa5, sizeof(*zone));
	spin_lock_init(&zone->lock);
	zone->zone_pgdat = &node_data[nid];
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = end - start;
	zone->managed_pages = end - start;
	zone->name = zidx == ZONE_DMA ? "DMA" : "DMA32";
	kern_buddy_init_zone(zone);
	for (pfn = start; pfn < end; pfn++) {
		set_page_links(pfn_to_page(pfn), zidx, nid, SECTION);
		expect_flags[pfn - SEC_BASE] = pfn_to_page(pfn)->flags;
	}
	return zone;
}

/* Make pfns [start, end) of a zone a hole: reserved, never freed. */
static void make_hole(struct zone *zone, unsigned long start,
		      unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++) {
		SetPageReserved(pfn_to_page(pfn));
		expect_flags[pfn - SEC_BASE] = pfn_to_page(pfn)->flags;
		zone->present_pages--;
		zone->managed_pages--;
	}
}

static bool is_hole(unsigned long pfn)
{
	return expect_flags[pfn - SEC_BASE] & 1UL << PG_reserved;
}

/* ---- the model of one zone ---- */

struct block {
	unsigned long pfn;
	unsigned int order;
};

struct model {
	struct zone *zone;
	unsigned long start, end;	/* the zone's pfns */
	u64 freemap[MAP_WORDS];		/* the pages that should be free */
	unsigned long nr_free;		/* how many */
	struct block *held;		/* the blocks the test holds */
	unsigned long nr_held;
};

/* The zone under test and its two neighbours. */
static struct model zm, below, above;

static void model_init(struct model *m, struct zone *zone)
{
	m->zone = zone;
	m->start = zone->zone_start_pfn;
	m->end = zone_end_pfn(zone);
	memset(m->freemap, 0, sizeof(m->freemap));
	m->nr_free = 0;
	m->held = calloc(m->end - m->start + 1, sizeof(*m->held));
	m->nr_held = 0;
}

/*
 * Could the zone hand out a block of this order: does the model have an
 * aligned block of 2^order free pages?  Holes and pages outside the zone
 * are never free in the model, so they need no test of their own.  With
 * the free pages maximally coalesced, buddy_alloc() must succeed exactly
 * when this is true.
 */
static bool model_has_block(const struct model *m, unsigned int order)
{
	unsigned long first = (m->start - SEC_BASE) / 64;
	unsigned long last = (m->end - 1 - SEC_BASE) / 64, w, i;

	if (order >= 6) {
		/* A block is 2^(order-6) whole words, aligned as many. */
		unsigned long words = 1UL << (order - 6);

		for (w = first & ~(words - 1); w <= last; w += words) {
			for (i = 0; i < words; i++)
				if (m->freemap[w + i] != ~0ULL)
					break;
			if (i == words)
				return true;
		}
		return false;
	}
	for (w = first; w <= last; w++) {
		u64 x = m->freemap[w];
		unsigned int j;

		/* Now bit b stays set only if bits b .. b+2^order-1 all are. */
		for (j = 0; j < order; j++)
			x &= x >> (1U << j);
		/* Keep the aligned starts: bits 0, 2^order, 2*2^order ... */
		if (x & ~0ULL / ((1ULL << (1U << order)) - 1))
			return true;
	}
	return false;
}

/*
 * The free blocks a fully free pfn range [start, end) without holes must
 * end up as, counted per order: from the bottom, each time the largest
 * block that is aligned and fits (no larger than TOP_ORDER).
 */
static void count_greedy_blocks(unsigned long start, unsigned long end,
				unsigned long counts[MAX_ORDER])
{
	while (start < end) {
		unsigned int order = TOP_ORDER;

		while (!IS_ALIGNED(start, 1UL << order) ||
		       start + (1UL << order) > end)
			order--;
		counts[order]++;
		start += 1UL << order;
	}
}

/* With every page of the zone but its holes free, are the blocks right? */
static bool check_fully_coalesced(const struct model *m)
{
	unsigned long counts[MAX_ORDER] = { 0 }, pfn, run;
	unsigned int order;

	/* Each run of pages between holes is decomposed on its own. */
	for (pfn = m->start; pfn < m->end; pfn = run) {
		for (run = pfn; run < m->end && !is_hole(run); run++)
			;
		count_greedy_blocks(pfn, run, counts);
		if (run < m->end)
			run++;			/* step over one hole page */
	}
	for (order = 0; order < MAX_ORDER; order++)
		REQUIRE(m->zone->free_area[order].nr_free == counts[order],
		      "zone [+%#lx, +%#lx): %lu free blocks of order %u, not %lu",
		      m->start - SEC_BASE, m->end - SEC_BASE,
		      m->zone->free_area[order].nr_free, order, counts[order]);
	return true;
}

/* ---- the full check of a zone against its model ---- */

/* Per pfn of the section: 1 + the order of the free block it heads, or 0. */
static unsigned char head_order[PAGES_PER_SECTION];

static bool check_zone(const struct model *m)
{
	struct zone *zone = m->zone;
	unsigned long pfn, buddy, total = 0, block_end = 0, count, offset;
	struct list_head *list, *pos, *prev;
	const struct page *page;
	unsigned int order;

	memset(head_order + (m->start - SEC_BASE), 0, m->end - m->start);

	/* Each free list: its entries and its count. */
	for (order = 0; order < MAX_ORDER; order++) {
		list = &zone->free_area[order].free_list;
		count = 0;
		prev = list;
		for (pos = list->next; pos != list; prev = pos, pos = pos->next) {
			/* Make sure the entry is a page's lru before reading it. */
			offset = (unsigned long)pos - (unsigned long)&pages[0].lru;
			REQUIRE(offset % sizeof(struct page) == 0 &&
			      offset / sizeof(struct page) < PAGES_PER_SECTION,
			      "order %u list holds %p, not a page", order, pos);
			REQUIRE(pos->prev == prev, "order %u list: bad prev at %p",
			      order, pos);
			page = list_entry(pos, struct page, lru);
			pfn = SEC_BASE + (page - pages);
			REQUIRE(page_to_pfn(page) == pfn,
			      "pfn +%#lx: flags %#lx name another section",
			      pfn - SEC_BASE, page->flags);
			REQUIRE(pfn >= m->start && pfn + (1UL << order) <= m->end,
			      "free block +%#lx of order %u is outside the zone [+%#lx, +%#lx)",
			      pfn - SEC_BASE, order, m->start - SEC_BASE,
			      m->end - SEC_BASE);
			REQUIRE(IS_ALIGNED(pfn, 1UL << order),
			      "free block +%#lx of order %u is misaligned",
			      pfn - SEC_BASE, order);
			REQUIRE(PageBuddy(page) && page->private == order,
			      "free block +%#lx of order %u: PG_buddy %d, private %lu",
			      pfn - SEC_BASE, order, PageBuddy(page),
			      page->private);
			REQUIRE(!head_order[pfn - SEC_BASE],
			      "pfn +%#lx is on the order %u and order %u lists",
			      pfn - SEC_BASE, head_order[pfn - SEC_BASE] - 1,
			      order);
			head_order[pfn - SEC_BASE] = order + 1;
			total += 1UL << order;
			count++;
		}
		REQUIRE(list->prev == prev, "order %u list: bad prev at the head",
		      order);
		REQUIRE(zone->free_area[order].nr_free == count,
		      "order %u: nr_free %lu, but %lu blocks on the list",
		      order, zone->free_area[order].nr_free, count);
	}
	REQUIRE(zone->free_pages == total,
	      "free_pages %lu, but %lu pages on the lists",
	      zone->free_pages, total);
	REQUIRE(total == m->nr_free, "%lu pages on the free lists, %lu free",
	      total, m->nr_free);

	/*
	 * Each page of the zone, in pfn order.  Free blocks are aligned
	 * powers of two, so two that overlap start one inside the other:
	 * a head before the end of the block before it.
	 */
	for (pfn = m->start; pfn < m->end; pfn++) {
		unsigned long i = pfn - SEC_BASE, want = expect_flags[i];

		page = &pages[i];
		if (head_order[i]) {
			order = head_order[i] - 1;
			REQUIRE(pfn >= block_end,
			      "free block +%#lx of order %u lies inside another",
			      pfn - SEC_BASE, order);
			block_end = pfn + (1UL << order);
			buddy = pfn ^ (1UL << order);
			REQUIRE(order == TOP_ORDER || buddy < m->start ||
			      buddy >= m->end ||
			      head_order[buddy - SEC_BASE] != order + 1,
			      "free buddies +%#lx and +%#lx of order %u were not merged",
			      pfn - SEC_BASE, buddy - SEC_BASE, order);
			want |= 1UL << PG_buddy;
		} else if (pfn < block_end) {
			REQUIRE(page->private == 0,
			      "pfn +%#lx inside a free block has private %lu",
			      pfn - SEC_BASE, page->private);
		}
		REQUIRE(bit_test(m->freemap, pfn) == (pfn < block_end),
		      "pfn +%#lx is %s the free lists but %s",
		      pfn - SEC_BASE, pfn < block_end ? "on" : "not on",
		      is_hole(pfn) ? "a hole" :
		      bit_test(m->freemap, pfn) ? "free" : "held");
		REQUIRE(page->flags == want, "pfn +%#lx: flags %#lx, not %#lx",
		      pfn - SEC_BASE, page->flags, want);
	}
	return true;
}

/* ---- operations: the test as an owner of pages ---- */

/* Give the 2^order pages at pfn to the allocator (as boot does). */
static void give(struct model *m, unsigned long pfn, unsigned int order)
{
	note_op('f', order, pfn);
	kern_buddy_free(m->zone, pfn_to_page(pfn), order);
	block_set(m->freemap, pfn, order, true);
	m->nr_free += 1UL << order;
}

/* Free page pfn alone, then check everything. */
static bool give_page(struct model *m, unsigned long pfn)
{
	give(m, pfn, 0);
	return check_zone(m);
}

/*
 * Allocate a block of this order; when the zone has none, it must have
 * none by the model too.  *got is the block's pfn, or 0 on NULL.
 */
static bool take(struct model *m, unsigned int order, unsigned long *got)
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
static bool give_back(struct model *m, unsigned long i)
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
static void world_create(unsigned long start, unsigned long end)
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
static bool check_neighbours(void)
{
	return check_zone(&below) && check_fully_coalesced(&below) &&
	       check_zone(&above) && check_fully_coalesced(&above);
}

static void world_destroy(void)
{
	free(below.held);
	free(zm.held);
	free(above.held);
	section_destroy();
}

/* Free every non-hole page of the zone under test, in a shuffled order. */
static bool give_all_pages_shuffled(struct model *m)
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
static bool give_back_all(struct model *m)
{
	while (m->nr_held)
		if (!give_back(m, rng_below(m->nr_held)))
			return false;
	return true;
}

/* ---- case 1: freeing page by page coalesces completely ---- */

static bool free_and_coalesce(unsigned long offset, unsigned long nr_pages)
{
	unsigned long start = SEC_BASE + 2048 + offset, got;
	unsigned int order;
	int pass;

	world_create(start, start + nr_pages);
	if (!give_all_pages_shuffled(&zm) || !check_fully_coalesced(&zm))
		return false;
	REQUIRE(zm.zone->free_pages == nr_pages, "free_pages %lu, %lu pages",
	      zm.zone->free_pages, nr_pages);

	/* One block of every order, smallest first, then largest first. */
	for (pass = 0; pass < 2; pass++) {
		for (order = 0; order < MAX_ORDER; order++) {
			unsigned int o = pass ? TOP_ORDER - order : order;

			if (!take(&zm, o, &got))
				return false;
			REQUIRE(got, "buddy_alloc(order %u) = NULL from a zone of %lu free pages",
			      o, zm.nr_free);
		}
		REQUIRE(zm.zone->free_pages == nr_pages - ((1UL << MAX_ORDER) - 1),
		      "free_pages %lu after taking 2^%u - 1 pages of %lu",
		      zm.zone->free_pages, MAX_ORDER, nr_pages);
		if (!give_back_all(&zm) || !check_fully_coalesced(&zm))
			return false;
	}
	return check_neighbours();
}

static void test_free_coalesces(void)
{
	/* Zone offsets from an aligned pfn, and sizes, in pages. */
	static const unsigned long geometry[][2] = {
		{ 0, 4096 },		/* four whole top-order blocks */
		{ 5, 4099 },		/* small blocks at both edges */
		{ 1021, 5000 },
		{ 3, 2558 },		/* one top-order block, smaller ones round it */
	};
	unsigned int i;

	rng_seed(1);
	for (i = 0; i < ARRAY_SIZE(geometry); i++) {
		if (!free_and_coalesce(geometry[i][0], geometry[i][1])) {
			printf("# zone of %lu pages at offset %lu\n",
			       geometry[i][1], geometry[i][0]);
			print_trail();
		}
		world_destroy();
	}
}

/* ---- case 2: random operations against the model ---- */

#define RANDOM_STEPS	250000UL

static unsigned long long nr_random_ops, nr_allocs, nr_nulls, nr_frees;
static unsigned long long nr_taken[MAX_ORDER];	/* allocations that succeeded */

/* An order biased to small ones, as most allocations are; now and then any. */
static unsigned int random_order(void)
{
	unsigned long r = rng_below(100);

	if (r < 45)
		return 0;
	if (r < 65)
		return 1;
	if (r < 77)
		return 2;
	if (r < 85)
		return 3;
	return rng_below(MAX_ORDER);
}

static bool random_run(u64 seed, bool holes)
{
	/* How often to allocate rather than free, changed every 1000 steps,
	 * so the zone goes through nearly empty and nearly full. */
	static const unsigned int alloc_percent[] = { 30, 50, 60, 75, 90 };
	unsigned long start, nr_pages, step, got, h0 = 0, h1 = 0, h2 = 0;
	unsigned int percent = 50, order;

	rng_seed(seed);
	/* An odd first pfn and an even size: small blocks at both edges,
	 * and the last page's buddy is the upper neighbour's first page. */
	start = SEC_BASE + 2048 + 1 + 2 * rng_below(32);
	nr_pages = (holes ? 2000 + rng_below(1001) : 1500 + rng_below(1501)) & ~1UL;
	world_create(start, start + nr_pages);
	if (holes) {
		/* A run of pages and, later, a single page never freed. */
		h0 = start + nr_pages / 4 + rng_below(nr_pages / 4);
		h1 = h0 + 100 + rng_below(300);
		h2 = start + 3 * nr_pages / 4 + rng_below(nr_pages / 8);
		make_hole(zm.zone, h0, h1);
		make_hole(zm.zone, h2, h2 + 1);
	}
	printf("# seed %llu: zone [+%#lx, +%#lx), %lu pages", seed,
	       start - SEC_BASE, start + nr_pages - SEC_BASE, nr_pages);
	if (holes)
		printf(", holes [+%#lx, +%#lx) and +%#lx", h0 - SEC_BASE,
		       h1 - SEC_BASE, h2 - SEC_BASE);
	printf("\n");

	if (!give_all_pages_shuffled(&zm) || !check_fully_coalesced(&zm))
		return false;
	for (step = 0; step < RANDOM_STEPS; step++) {
		if (step % 1000 == 0)
			percent = alloc_percent[rng_below(ARRAY_SIZE(alloc_percent))];
		if (!zm.nr_held || rng_below(100) < percent) {
			order = random_order();
			if (!take(&zm, order, &got))
				return false;
			nr_allocs++;
			if (got)
				nr_taken[order]++;
			else
				nr_nulls++;
		} else {
			if (!give_back(&zm, rng_below(zm.nr_held)))
				return false;
			nr_frees++;
		}
		nr_random_ops++;
		/* The neighbours never change: a cheap look now, a full one later. */
		REQUIRE(below.zone->free_pages == below.nr_free &&
		      above.zone->free_pages == above.nr_free,
		      "a neighbour's free_pages changed: %lu, %lu",
		      below.zone->free_pages, above.zone->free_pages);
		if (step % 4096 == 0 && !check_neighbours())
			return false;
	}
	return give_back_all(&zm) && check_fully_coalesced(&zm) &&
	       check_neighbours();
}

static void test_random_model(void)
{
	unsigned int order;
	u64 seed;

	for (seed = 1; seed <= 5; seed++) {
		if (!random_run(seed, seed == 5)) {
			printf("# seed %llu failed\n", seed);
			print_trail();
		}
		world_destroy();
	}
	printf("# %llu random operations: %llu allocations (%llu NULL), %llu frees\n",
	       nr_random_ops, nr_allocs, nr_nulls, nr_frees);
	printf("# blocks allocated per order:");
	for (order = 0; order < MAX_ORDER; order++)
		printf(" %llu", nr_taken[order]);
	printf("\n");
}

/* ---- case 3: edge cases ---- */

/* Every order fails, and the zone is left as it was. */
static bool check_nothing_to_take(struct model *m)
{
	unsigned long got;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		if (!take(m, order, &got))
			return false;
		REQUIRE(!got, "buddy_alloc(order %u) = +%#lx from an empty zone",
		      order, got - SEC_BASE);
	}
	return true;
}

/*
 * A fully free zone with no aligned top-order block in it: allocating
 * that order fails, the next order down works.
 */
static bool too_small(unsigned long start, unsigned long nr_pages)
{
	unsigned long got;

	world_create(start, start + nr_pages);
	if (!give_all_pages_shuffled(&zm))
		return false;
	REQUIRE(!model_has_block(&zm, TOP_ORDER), "the zone is not too small");
	if (!take(&zm, TOP_ORDER, &got))
		return false;
	REQUIRE(!got, "buddy_alloc(order %u) = +%#lx from a zone too small",
	      TOP_ORDER, got - SEC_BASE);
	if (!take(&zm, TOP_ORDER - 1, &got))	/* the next order down fits */
		return false;
	REQUIRE(got, "buddy_alloc(order %u) = NULL", TOP_ORDER - 1);
	return true;
}

/* A fresh zone; then one whose every page is held. */
static bool empty_zone(void)
{
	unsigned long start = SEC_BASE + 4096 + 7, got;

	world_create(start, start + 100);
	REQUIRE(zm.zone->free_pages == 0, "free_pages %lu in a new zone",
	      zm.zone->free_pages);
	if (!check_zone(&zm) || !check_nothing_to_take(&zm))
		return false;

	if (!give_all_pages_shuffled(&zm))
		return false;
	while (zm.nr_free)
		if (!take(&zm, 0, &got))
			return false;
	return check_nothing_to_take(&zm) && give_back_all(&zm) &&
	       check_fully_coalesced(&zm) && check_neighbours();
}

/* One order-3 block, split by an order-0 allocation, then merged again. */
static bool split_one_block(void)
{
	unsigned long start = SEC_BASE + 2048, got;
	struct free_area *area;
	unsigned int order;

	world_create(start, start + 8);
	area = zm.zone->free_area;
	give(&zm, start, 3);
	if (!check_zone(&zm))
		return false;
	REQUIRE(area[3].nr_free == 1 && zm.zone->free_pages == 8,
	      "%lu order 3 blocks, %lu free pages", area[3].nr_free,
	      zm.zone->free_pages);

	if (!take(&zm, 0, &got))
		return false;
	REQUIRE(got == start, "buddy_alloc(0) = +%#lx, not the block's first page",
	      got - SEC_BASE);
	/* Pages 1, 2-3 and 4-7 of the block, one free block each. */
	for (order = 0; order < 3; order++) {
		REQUIRE(area[order].nr_free == 1, "%lu blocks of order %u",
		      area[order].nr_free, order);
		REQUIRE(PageBuddy(pfn_to_page(start + (1UL << order))) &&
		      pfn_to_page(start + (1UL << order))->private == order,
		      "no free block of order %u at +%#lx", order,
		      start + (1UL << order) - SEC_BASE);
	}
	for (order = 3; order < MAX_ORDER; order++)
		REQUIRE(area[order].nr_free == 0, "%lu blocks of order %u",
		      area[order].nr_free, order);
	REQUIRE(zm.zone->free_pages == 7, "free_pages %lu", zm.zone->free_pages);

	if (!give_back(&zm, 0))
		return false;
	REQUIRE(area[3].nr_free == 1 && PageBuddy(pfn_to_page(start)),
	      "the order 3 block did not merge back");
	return check_neighbours();
}

static void test_edge_cases(void)
{
	bool ok;

	rng_seed(3);
	/* 1023 pages from an aligned pfn; 2000 from just past one. */
	ok = too_small(SEC_BASE + 2048, 1023);
	world_destroy();
	if (ok) {
		ok = too_small(SEC_BASE + 1, 2000);
		world_destroy();
	}
	if (ok) {
		ok = empty_zone();
		world_destroy();
	}
	if (ok) {
		ok = split_one_block();
		world_destroy();
	}
	if (!ok)
		print_trail();
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_free_coalesces),
		HOST_CASE(test_random_model),
		HOST_CASE(test_edge_cases),
	};
	int failed = host_run(cases, ARRAY_SIZE(cases));

	printf("# %llu checks\n", host_nr_checks);
	return failed;
}
