/*
 * Tests of NUMA placement (suite "numa"): the nodes, CPUs, memory and
 * distances the kernel found against what QEMU was given, the zonelist
 * fallback order, __GFP_THISNODE, and fallback to the nearest node once
 * a node is exhausted.
 *
 * The test harness describes the machine on the command line:
 * ktest_numa=MASK:MIB/... (per node: hex CPU mask, MiB of memory) or
 * "none", and ktest_dist=D.D... (the distance matrix, row-major).  The
 * expected fallback order is computed from those, not from the kernel's
 * own tables.
 */
#include <asm/cmdline.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "test_chain.h"

struct topology {
	int nr_nodes;			/* 0: the machine has no NUMA */
	unsigned long cpus[MAX_NUMNODES];
	unsigned long mib[MAX_NUMNODES];
	int dist[MAX_NUMNODES][MAX_NUMNODES];
};

static struct topology topo;

/* Parse an unsigned number in base; returns the char after it. */
static const char *parse_num(const char *s, unsigned int base, unsigned long *v)
{
	*v = 0;
	for (;; s++) {
		unsigned int d = *s >= '0' && *s <= '9' ? *s - '0' :
				 *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : 99;

		if (d >= base)
			return s;
		*v = *v * base + d;
	}
}

static bool parse_numa(const char *s, struct topology *t)
{
	while (*s && t->nr_nodes < MAX_NUMNODES) {
		int n = t->nr_nodes++;

		s = parse_num(s, 16, &t->cpus[n]);
		if (*s++ != ':')
			return false;
		s = parse_num(s, 10, &t->mib[n]);
		if (*s == '/')
			s++;
	}
	return !*s;
}

static bool parse_dist(const char *s, struct topology *t)
{
	unsigned long v;
	int i;

	for (i = 0; i < t->nr_nodes * t->nr_nodes; i++) {
		s = parse_num(s, 10, &v);
		t->dist[i / t->nr_nodes][i % t->nr_nodes] = v;
		if (*s == '.')
			s++;
	}
	return !*s;
}

/* Reads the harness's description; skips the case when there is none. */
static int numa_test_init(struct kunit *test)
{
	char buf[256];

	memset(&topo, 0, sizeof(topo));
	if (cmdline_find_option(boot_command_line, "ktest_numa", buf,
				sizeof(buf)) < 0)
		return 0;
	if (!strcmp(buf, "none"))
		return 0;
	if (!parse_numa(buf, &topo))
		return -EINVAL;
	if (cmdline_find_option(boot_command_line, "ktest_dist", buf,
				sizeof(buf)) < 0 || !parse_dist(buf, &topo))
		return -EINVAL;
	return 0;
}

static bool have_description(void)
{
	return cmdline_find_option(boot_command_line, "ktest_numa", NULL, 0) >= 0;
}

static void numa_nodes_match_config(struct kunit *test)
{
	int nid, cpu;

	if (!have_description())
		kunit_skip(test, "no ktest_numa= on the command line");
	if (topo.nr_nodes == 0) {
		KUNIT_EXPECT_EQ(test, nr_online_nodes, 1);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			KUNIT_EXPECT_EQ(test, cpu_to_node(cpu), 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, nr_online_nodes, topo.nr_nodes);
	for (nid = 0; nid < topo.nr_nodes; nid++) {
		u64 present = PFN_PHYS(NODE_DATA(nid)->node_present_pages);
		u64 given = (u64)topo.mib[nid] << 20;

		KUNIT_EXPECT_TRUE(test, node_online(nid));
		KUNIT_EXPECT_EQ(test, node_has_memory(nid), topo.mib[nid] != 0);
		KUNIT_EXPECT_LE_MSG(test, present, given, "node %d", nid);
		KUNIT_EXPECT_GE_MSG(test, present + SZ_1M, given, "node %d", nid);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			KUNIT_EXPECT_EQ_MSG(test, cpu_to_node(cpu) == nid,
					    (topo.cpus[nid] >> cpu) & 1,
					    "CPU %d, node %d", cpu, nid);
	}
}

static void numa_distances_match_config(struct kunit *test)
{
	int i, j;

	if (topo.nr_nodes == 0)
		kunit_skip(test, "not a NUMA machine");
	for (i = 0; i < topo.nr_nodes; i++)
		for (j = 0; j < topo.nr_nodes; j++)
			KUNIT_EXPECT_EQ_MSG(test, node_distance(i, j), topo.dist[i][j],
					    "from %d to %d", i, j);
}

/* Nodes with memory in the order allocations from nid should try them. */
static int expected_order(int nid, int order[MAX_NUMNODES])
{
	unsigned long used = 0;
	int n = 0, best, m;

	for (;;) {
		best = -1;
		for (m = 0; m < topo.nr_nodes; m++)
			if (!(used & (1UL << m)) &&
			    (best < 0 || topo.dist[nid][m] < topo.dist[nid][best]))
				best = m;
		if (best < 0)
			return n;
		used |= 1UL << best;
		if (topo.mib[best])
			order[n++] = best;
	}
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
		n = expected_order(nid, want);
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
		int n = expected_order(nid, want), next;

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
