/*
 * Case test_random_model: seeded random allocations and frees (over 10^6
 * in all) on zones with unaligned edges, one with holes; an allocation
 * may fail only when the model has no free aligned block of that order,
 * and the neighbours never change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_random_model(void)
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
