/*
 * The model of a zone: which pages should be free (a bitmap over the
 * pfns of the section) and which blocks the test holds; whether the zone
 * could hand out a block of an order; the blocks a fully free zone must
 * end up as.  Also the random number generator and the trail of the last
 * operations, printed when a check fails.
 *
 * Invariants: a model's freemap has bits only for pages of its zone that
 * are not holes; nr_free is the number of bits set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- a deterministic random number generator (xorshift64*) ---- */

static u64 rng_state;

void rng_seed(u64 seed)
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

unsigned long rng_below(unsigned long n)
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
unsigned long nr_ops;	/* operations since world_create() */

void note_op(char kind, unsigned int order, unsigned long pfn)
{
	struct op *op = &trail[nr_ops % TRAIL_LEN];

	op->step = nr_ops++;
	op->kind = kind;
	op->order = order;
	op->pfn = pfn;
}

void print_trail(void)
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

bool bit_test(const u64 *map, unsigned long pfn)
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

void block_set(u64 *map, unsigned long pfn, unsigned int order,
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
bool block_all_set(const u64 *map, unsigned long pfn,
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

/* ---- the model of one zone ---- */

/* The zone under test and its two neighbours. */
struct model zm, below, above;

void model_init(struct model *m, struct zone *zone)
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
bool model_has_block(const struct model *m, unsigned int order)
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
bool check_fully_coalesced(const struct model *m)
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
