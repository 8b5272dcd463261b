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
 *
 * The fixture and one file per case are in tests/host/buddy/.
 */
#include <stdio.h>

#include "buddy/fixture.h"

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
