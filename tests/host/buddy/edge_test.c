/*
 * Case test_edge_cases: a zone too small for a top-order block, an empty
 * zone and one whose every page is held, and one order-3 block split by
 * an order-0 allocation and merged again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_edge_cases(void)
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
