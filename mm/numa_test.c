/*
 * Tests of NUMA placement (suite "numa"): the nodes, CPUs, memory and
 * distances the kernel found against what QEMU was given, the zonelist
 * fallback order, __GFP_THISNODE, and fallback to the nearest node once
 * a node is exhausted.
 *
 * The test harness describes the machine on the command line
 * (kunit/machine.h).  The expected fallback order is computed from that
 * description, not from the kernel's own tables.  QEMU's node ids are
 * proximity domains, which the kernel may number differently; the
 * expectations go through the kernel's node-to-domain map, and
 * numa_nodes_match_config checks that map against each node's CPUs and
 * memory.
 */
#include <kunit/machine.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "test_chain.h"

static struct kunit_machine topo;
static bool have_description;

/* Reads the harness's description; cases without one skip. */
static int numa_test_init(struct kunit *test)
{
	int ret = kunit_machine_read(&topo);

	have_description = ret == 0;
	return ret == -ENOENT ? 0 : ret;
}

/* Kernel node nid's proximity domain is one of QEMU's nodes, and its own. */
static void check_pxm_map(struct kunit *test)
{
	unsigned long seen = 0;
	int nid, pxm;

	for (nid = 0; nid < topo.nr_nodes; nid++) {
		pxm = topo.pxm[nid];
		KUNIT_ASSERT_GE_MSG(test, pxm, 0,
				    "node %d has no proximity domain of QEMU's", nid);
		KUNIT_EXPECT_FALSE_MSG(test, seen >> pxm & 1,
				       "two nodes have proximity domain %d", pxm);
		seen |= 1UL << pxm;
	}
}

static void numa_nodes_match_config(struct kunit *test)
{
	int nid, cpu;

	if (!have_description)
		kunit_skip(test, "no ktest_numa= on the command line");
	if (topo.nr_nodes == 0) {
		KUNIT_EXPECT_EQ(test, nr_online_nodes, 1);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			KUNIT_EXPECT_EQ(test, cpu_to_node(cpu), 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, nr_online_nodes, topo.nr_nodes);
	check_pxm_map(test);
	for (nid = 0; nid < topo.nr_nodes; nid++) {
		u64 present = PFN_PHYS(NODE_DATA(nid)->node_present_pages);
		u64 given = (u64)kunit_machine_node_mib(&topo, nid) << 20;

		KUNIT_EXPECT_TRUE(test, node_online(nid));
		KUNIT_EXPECT_EQ_MSG(test, node_has_memory(nid), given != 0,
				    "node %d", nid);
		KUNIT_EXPECT_LE_MSG(test, present, given, "node %d", nid);
		KUNIT_EXPECT_GE_MSG(test, present + SZ_1M, given, "node %d", nid);
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		KUNIT_EXPECT_EQ_MSG(test, cpu_to_node(cpu),
				    kunit_machine_cpu_node(&topo, cpu), "CPU %d", cpu);
}

static void numa_distances_match_config(struct kunit *test)
{
	int i, j;

	if (topo.nr_nodes == 0)
		kunit_skip(test, "not a NUMA machine");
	for (i = 0; i < topo.nr_nodes; i++)
		for (j = 0; j < topo.nr_nodes; j++)
			KUNIT_EXPECT_EQ_MSG(test, node_distance(i, j),
					    kunit_machine_distance(&topo, i, j),
					    "from %d to %d", i, j);
}

/* The nodes in nid's fallback zonelist, each once, in order. */
static int zonelist_nodes(int nid, int nodes[MAX_NUMNODES])
{
	const struct zoneref *z =
		NODE_DATA(nid)->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int n = 0, prev_idx = MAX_NR_ZONES, node;

	for (; z->zone; z++) {
		node = z->zone->zone_pgdat->node_id;
		if (n == 0 || nodes[n - 1] != node) {
			nodes[n++] = node;
			prev_idx = MAX_NR_ZONES;
		}
		if (z->zone_idx >= prev_idx)	/* zones must descend */
			return -1;
		prev_idx = z->zone_idx;
	}
	return n;
}

static void numa_zonelist_order(struct kunit *test)
{
	int want[MAX_NUMNODES], got[MAX_NUMNODES], nid, n;

	if (topo.nr_nodes == 0)
		kunit_skip(test, "not a NUMA machine");
	for (nid = 0; nid < topo.nr_nodes; nid++) {
		n = kunit_machine_fallback(&topo, nid, want);
		KUNIT_EXPECT_EQ_MSG(test, zonelist_nodes(nid, got), n, "node %d", nid);
		KUNIT_EXPECT_MEMEQ_MSG(test, got, want, n * sizeof(int),
				       "fallback order of node %d", nid);
	}
}

static void numa_zones_clipped(struct kunit *test)
{
	static const unsigned long zone_end[MAX_NR_ZONES] = {
		ZONE_DMA_END_PFN, ZONE_DMA32_END_PFN, MAX_PFN };
	unsigned long present;
	int nid, z;

	for_each_online_node(nid) {
		struct pglist_data *pgdat = NODE_DATA(nid);

		present = 0;
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &pgdat->node_zones[z];

			if (!populated_zone(zone))
				continue;
			present += zone->present_pages;
			KUNIT_EXPECT_GE(test, zone->zone_start_pfn, pgdat->node_start_pfn);
			KUNIT_EXPECT_LE(test, zone_end_pfn(zone),
					pgdat->node_start_pfn + pgdat->node_spanned_pages);
			KUNIT_EXPECT_LE(test, zone_end_pfn(zone), zone_end[z]);
			if (z > 0)
				KUNIT_EXPECT_GE(test, zone->zone_start_pfn, zone_end[z - 1]);
		}
		KUNIT_EXPECT_EQ_MSG(test, present, pgdat->node_present_pages, "node %d", nid);
	}
}

static void numa_thisnode_never_falls_back(struct kunit *test)
{
	static const unsigned int orders[] = { 0, 3, 9 };
	struct page *page;
	unsigned int i;
	int nid;

	for_each_online_node(nid) {
		for (i = 0; i < ARRAY_SIZE(orders); i++) {
			page = alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE |
						__GFP_NOWARN, orders[i]);
			if (!node_has_memory(nid)) {
				KUNIT_EXPECT_NULL_MSG(test, page, "node %d", nid);
				continue;
			}
			KUNIT_ASSERT_NOT_NULL_MSG(test, page, "node %d", nid);
			KUNIT_EXPECT_EQ(test, page_to_nid(page), nid);
			__free_pages(page, orders[i]);
		}
	}
}

/* Take every page of nid (largest blocks first) with __GFP_THISNODE. */
static void exhaust_node(int nid, void **chain)
{
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--)
		chain_exhaust(GFP_KERNEL | __GFP_THISNODE, nid, order, chain);
}

static void numa_fallback_to_nearest(struct kunit *test)
{
	int want[MAX_NUMNODES], nid;
	struct page *page;
	void *chain;

	if (topo.nr_nodes < 2)
		kunit_skip(test, "needs two or more nodes");
	for (nid = 0; nid < topo.nr_nodes; nid++) {
		int n = kunit_machine_fallback(&topo, nid, want), next;

		chain = NULL;
		if (node_has_memory(nid))
			exhaust_node(nid, &chain);
		/* The first node with memory other than nid itself. */
		next = want[0] == nid ? want[1] : want[0];
		page = alloc_pages_node(nid, GFP_KERNEL, 0);
		KUNIT_EXPECT_GE(test, n, 1);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ_MSG(test, page_to_nid(page), next,
				    "node %d exhausted, expected its nearest", nid);
		__free_pages(page, 0);
		KUNIT_EXPECT_NULL(test, alloc_pages_node(nid, GFP_KERNEL |
				  __GFP_THISNODE | __GFP_NOWARN, 0));
		chain_release(chain);
	}
}

static struct kunit_case numa_cases[] = {
	KUNIT_CASE(numa_nodes_match_config),
	KUNIT_CASE(numa_distances_match_config),
	KUNIT_CASE(numa_zonelist_order),
	KUNIT_CASE(numa_zones_clipped),
	KUNIT_CASE(numa_thisnode_never_falls_back),
	KUNIT_CASE(numa_fallback_to_nearest),
	{}
};

static struct kunit_suite numa_suite = {
	.name = "numa",
	.init = numa_test_init,
	.test_cases = numa_cases,
};
kunit_test_suite(numa_suite);
