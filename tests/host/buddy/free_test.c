/*
 * Case test_free_coalesces: every page of a zone freed one at a time in a
 * shuffled order ends as the fewest, largest aligned blocks; then one
 * block of each order can be allocated, smallest first and largest
 * first, and given back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_free_coalesces(void)
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
