/*
 * Tests for the page allocator (suite "page_alloc"): every order, the
 * address conversions, exhaustion and recovery, GFP zone limits and
 * GFP_DMA32's fallback to ZONE_DMA, bad frees, reference counts,
 * GFP_ATOMIC from an interrupt, the node allocations from each CPU come
 * from, and the /proc-style reports.  They run in every QEMU
 * configuration and only assume what the allocator promises; where an
 * expectation depends on the machine, it comes from what tests/run told
 * QEMU (kunit/machine.h), not from the kernel's own tables.
 */
#include <asm/percpu.h>
#include <kunit/capture.h>
#include <kunit/machine.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

#include "test_chain.h"

#define NOWARN	(GFP_KERNEL | __GFP_NOWARN)

/* The free-list state of every zone, to compare before and after. */
struct free_snapshot {
	unsigned long free_pages[MAX_NUMNODES][MAX_NR_ZONES];
	unsigned long nr_free[MAX_NUMNODES][MAX_NR_ZONES][MAX_ORDER];
};

static struct free_snapshot before, after;

static void snapshot(struct free_snapshot *s)
{
	int nid, z;
	unsigned int o;

	drain_all_pages();
	memset(s, 0, sizeof(*s));
	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			s->free_pages[nid][z] = zone->free_pages;
			for (o = 0; o < MAX_ORDER; o++)
				s->nr_free[nid][z][o] = zone->free_area[o].nr_free;
		}
	}
}

static void page_alloc_every_order(struct kunit *test)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn, n = 1UL << order;
		struct zone *zone;

		KUNIT_ASSERT_NOT_NULL_MSG(test, page, "order %u", order);
		pfn = page_to_pfn(page);
		zone = page_zone(page);
		KUNIT_EXPECT_EQ_MSG(test, pfn & (n - 1), 0, "order %u", order);
		KUNIT_EXPECT_GE(test, pfn, zone->zone_start_pfn);
		KUNIT_EXPECT_LE(test, pfn + n, zone_end_pfn(zone));
		KUNIT_EXPECT_EQ(test, page_to_nid(page), zone->zone_pgdat->node_id);
		KUNIT_EXPECT_PTR_EQ(test, pfn_to_page(pfn), page);
		KUNIT_EXPECT_PTR_EQ(test, virt_to_page(page_address(page)), page);
		KUNIT_EXPECT_EQ(test, virt_to_phys(page_address(page)), PFN_PHYS(pfn));
		KUNIT_EXPECT_EQ(test, page_count(page), 1);
		memset(page_address(page), 0xa5, PAGE_SIZE << order);	/* mapped */
		__free_pages(page, order);
	}
}

static void page_alloc_get_free_page(struct kunit *test)
{
	unsigned long addr = __get_free_page(GFP_KERNEL);
	unsigned long zeroed;
	unsigned int i;

	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(addr));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(addr, PAGE_SIZE));
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page((void *)addr),
			    pfn_to_page(PHYS_PFN(__pa(addr))));
	memset((void *)addr, 0xff, PAGE_SIZE);
	free_page(addr);

	/* The per-CPU list hands the same dirty page back: it must be zeroed. */
	zeroed = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, zeroed, 0);
	for (i = 0; i < PAGE_SIZE; i++)
		if (((u8 *)zeroed)[i])
			break;
	KUNIT_EXPECT_EQ(test, i, PAGE_SIZE);
	free_page(zeroed);
}

static void page_alloc_exhaust_and_recover(struct kunit *test)
{
	unsigned long free_before, n;
	void *chain = NULL;
	int nid, z;

	snapshot(&before);
	free_before = nr_free_pages();
	n = chain_exhaust(GFP_KERNEL, NUMA_NO_NODE, 0, &chain);
	kunit_info(test, "allocated %lu pages of %lu free", n, free_before);
	KUNIT_EXPECT_EQ(test, n, free_before);
	KUNIT_EXPECT_NULL(test, alloc_pages(NOWARN, 0));
	chain_release(chain);
	snapshot(&after);
	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++) {
			KUNIT_EXPECT_EQ_MSG(test, after.free_pages[nid][z],
					    before.free_pages[nid][z],
					    "node %d zone %d", nid, z);
			KUNIT_EXPECT_MEMEQ_MSG(test, after.nr_free[nid][z],
					       before.nr_free[nid][z],
					       sizeof(before.nr_free[nid][z]),
					       "blocks per order, node %d zone %d", nid, z);
		}
}

static void page_alloc_gfp_zones(struct kunit *test)
{
	struct page *page;
	void *chain = NULL;
	unsigned long n;

	page = alloc_pages(GFP_DMA32, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_LT(test, PFN_PHYS(page_to_pfn(page) + 4), 1ULL << 32);
	__free_pages(page, 2);

	n = chain_exhaust(GFP_DMA, NUMA_NO_NODE, 0, &chain);
	KUNIT_EXPECT_GT(test, n, 0);
	for (void **p = chain; p; p = p[0])
		KUNIT_EXPECT_LT(test, __pa(p), 16ULL << 20);
	/* ZONE_DMA is empty: GFP_DMA fails rather than using higher memory. */
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_DMA | __GFP_NOWARN, 0));
	page = alloc_pages(GFP_KERNEL, 0);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_pages(page, 0);
	chain_release(chain);
}

/*
 * Empty nid's ZONE_DMA32 with GFP_DMA32 | __GFP_THISNODE blocks onto
 * chain, largest first.  At each order, a block from another zone means
 * ZONE_DMA32 has none of that order left: it goes back at once, except
 * at order 0, where it is returned (NULL when no block came at all).
 */
static struct page *exhaust_dma32(int nid, void **chain)
{
	const gfp_t gfp = GFP_DMA32 | __GFP_THISNODE | __GFP_NOWARN;
	struct page *page;
	int order;

	for (order = MAX_ORDER - 1; order >= 0; order--) {
		while ((page = alloc_pages_node(nid, gfp, order)) &&
		       page_zonenum(page) == ZONE_DMA32)
			chain_push(chain, page, order);
		if (page && order)
			__free_pages(page, order);
	}
	return page;
}

/* A node with both ZONE_DMA and ZONE_DMA32, or NUMA_NO_NODE. */
static int dma_and_dma32_node(void)
{
	int nid;

	for_each_online_node(nid)
		if (populated_zone(&NODE_DATA(nid)->node_zones[ZONE_DMA]) &&
		    populated_zone(&NODE_DATA(nid)->node_zones[ZONE_DMA32]))
			return nid;
	return NUMA_NO_NODE;
}

static void page_alloc_dma32_falls_back_to_dma(struct kunit *test)
{
	int nid = dma_and_dma32_node();
	struct page *page;
	void *chain = NULL;

	if (nid == NUMA_NO_NODE)
		kunit_skip(test, "no node has both ZONE_DMA and ZONE_DMA32");
	snapshot(&before);
	page = exhaust_dma32(nid, &chain);
	/* ZONE_DMA32 came first while it had pages, and is now empty... */
	KUNIT_EXPECT_NOT_NULL(test, chain);
	KUNIT_EXPECT_EQ(test, NODE_DATA(nid)->node_zones[ZONE_DMA32].free_pages, 0);
	/* ...so an order-0 GFP_DMA32 request is served by ZONE_DMA. */
	KUNIT_EXPECT_NOT_NULL_MSG(test, page, "node %d: GFP_DMA32 failed with "
				  "ZONE_DMA32 empty instead of using ZONE_DMA", nid);
	if (page) {
		KUNIT_EXPECT_EQ(test, page_zonenum(page), ZONE_DMA);
		KUNIT_EXPECT_EQ(test, page_to_nid(page), nid);
		__free_pages(page, 0);
	}
	for (void **p = chain; p; p = p[0])
		KUNIT_EXPECT_LT(test, __pa(p), 1ULL << 32);
	chain_release(chain);
	snapshot(&after);
	KUNIT_EXPECT_MEMEQ(test, after.free_pages, before.free_pages,
			   sizeof(before.free_pages));
	KUNIT_EXPECT_MEMEQ(test, after.nr_free, before.nr_free,
			   sizeof(before.nr_free));
}

static void page_alloc_zeroed_block(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	unsigned long i;
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page_address(page), 0x77, 4 * PAGE_SIZE);
	__free_pages(page, 2);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	p = page_address(page);
	for (i = 0; i < 4 * PAGE_SIZE && !p[i]; i++)
		;
	KUNIT_EXPECT_EQ(test, i, 4 * PAGE_SIZE);
	__free_pages(page, 2);
}

static void page_alloc_bad_requests(struct kunit *test)
{
	const char *out;

	kunit_capture_start();
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, MAX_ORDER));
	KUNIT_EXPECT_NULL(test, alloc_pages_node(MAX_NUMNODES + 3, GFP_KERNEL, 0));
	KUNIT_EXPECT_NULL(test, alloc_pages(NOWARN, MAX_ORDER + 5));
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "page allocation failure: order:11"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "page allocation failure: order:0"));
	KUNIT_EXPECT_NULL(test, strstr(out, "order:16"));	/* __GFP_NOWARN */
	KUNIT_EXPECT_EQ(test, __get_free_pages(NOWARN, MAX_ORDER), 0);
}

static void page_alloc_bad_frees(struct kunit *test)
{
	extern char _text[];
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	unsigned long free_before;
	const char *out;

	KUNIT_ASSERT_NOT_NULL(test, page);
	drain_all_pages();
	free_before = nr_free_pages();
	kunit_info(test, "four deliberate bad frees follow");
	kunit_capture_start();
	__free_pages(page, 0);				/* wrong order */
	__free_pages(page + 1, 0);			/* not the block's start */
	free_pages((unsigned long)_text, 0);		/* kernel image */
	free_pages(PAGE_OFFSET + (1UL << 45), 0);	/* no RAM there */
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "order differs"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "not the first page"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "not a page in the direct map"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "page_alloc_bad_frees+0x"));
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);	/* nothing freed */
	KUNIT_EXPECT_EQ(test, page_count(page), 1);

	__free_pages(page, 1);
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before + 2);
	kunit_capture_start();
	__free_pages(page, 1);				/* double free */
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "already free"));
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before + 2);
}

static void page_alloc_refcount(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	__free_pages(page, 0);			/* drops one reference */
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	KUNIT_EXPECT_TRUE(test, PageHead(page));
	put_page(page);				/* the last one frees it */
	KUNIT_EXPECT_EQ(test, page_count(page), 0);
	KUNIT_EXPECT_FALSE(test, PageHead(page));
}

/* ---- in an interrupt handler ---- */

struct irq_alloc {
	struct timer_list timer;
	struct completion done;
	bool in_interrupt;		/* what the handler saw */
	bool allocated;			/* every allocation succeeded */
};

/* A timer function: it runs from the timer interrupt. */
static void alloc_in_interrupt(struct timer_list *t)
{
	struct irq_alloc *a = container_of(t, struct irq_alloc, timer);
	struct page *page = alloc_pages(GFP_ATOMIC, 0);
	struct page *block = alloc_pages(GFP_ATOMIC, 2);
	unsigned long zeroed = get_zeroed_page(GFP_ATOMIC);

	a->in_interrupt = in_interrupt();
	a->allocated = page && block && zeroed;
	if (page)
		__free_pages(page, 0);
	if (block) {
		memset(page_address(block), 0x3c, 4 * PAGE_SIZE);
		__free_pages(block, 2);
	}
	free_page(zeroed);
	complete(&a->done);
}

static void page_alloc_atomic_in_interrupt(struct kunit *test)
{
	struct irq_alloc a;
	unsigned long free_before, left;

	drain_all_pages();
	free_before = nr_free_pages();
	init_completion(&a.done);
	timer_setup(&a.timer, alloc_in_interrupt);
	a.timer.expires = jiffies + 1;
	add_timer(&a.timer);
	left = wait_for_completion_timeout(&a.done, 30 * HZ);
	del_timer_sync(&a.timer);	/* a is on this stack */
	KUNIT_ASSERT_NE_MSG(test, left, 0, "the timer did not run");
	KUNIT_EXPECT_TRUE(test, a.in_interrupt);
	KUNIT_EXPECT_TRUE(test, a.allocated);
	drain_all_pages();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* ---- the node allocations come from, on every CPU ---- */

static void get_machine(struct kunit *test, struct kunit_machine *m)
{
	int ret = kunit_machine_read(m);

	if (ret == -ENOENT)
		kunit_skip(test, "no ktest_numa= on the command line");
	KUNIT_ASSERT_EQ(test, ret, 0);
}

struct cpu_alloc {
	struct page *(*alloc)(gfp_t gfp);	/* in */
	gfp_t gfp;				/* in */
	int cpu, node, mem_node, page_node;	/* out: where it ran and got */
	struct completion done;
};

static int cpu_alloc_thread(void *data)
{
	struct cpu_alloc *a = data;
	struct page *page = a->alloc(a->gfp | __GFP_NOWARN);

	a->cpu = raw_smp_processor_id();	/* bound: it stays there */
	a->node = numa_node_id();
	a->mem_node = numa_mem_id();
	a->page_node = page ? page_to_nid(page) : NUMA_NO_NODE;
	if (page)
		__free_pages(page, 0);
	complete(&a->done);
	return 0;
}

/*
 * From a thread bound to each CPU in turn, one page from alloc(gfp) must
 * come from that CPU's node, or for a node without memory the nearest
 * node that has some, by the distances QEMU was given.
 */
static void check_every_cpu(struct kunit *test, struct page *(*alloc)(gfp_t),
			    gfp_t gfp)
{
	struct cpu_alloc a = { .alloc = alloc, .gfp = gfp };
	struct kunit_machine m;
	int cpu, node;

	get_machine(test, &m);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		node = kunit_machine_cpu_node(&m, cpu);
		init_completion(&a.done);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(cpu_alloc_thread, &a,
							       cpu, "page_alloc_test"));
		wait_for_completion(&a.done);
		KUNIT_EXPECT_EQ(test, a.cpu, cpu);
		KUNIT_EXPECT_EQ_MSG(test, a.node, node, "CPU %d: numa_node_id()", cpu);
		KUNIT_EXPECT_EQ_MSG(test, a.mem_node, kunit_machine_memory_node(&m, node),
				    "CPU %d: numa_mem_id()", cpu);
		KUNIT_EXPECT_EQ_MSG(test, a.page_node, kunit_machine_memory_node(&m, node),
				    "CPU %d (node %d): the page's node (-1: none)",
				    cpu, node);
	}
}

static struct page *alloc_local(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

static struct page *alloc_no_node(gfp_t gfp)
{
	return alloc_pages_node(NUMA_NO_NODE, gfp, 0);
}

static void page_alloc_local_node(struct kunit *test)
{
	check_every_cpu(test, alloc_local, GFP_KERNEL);
}

static void page_alloc_no_node_nearest_memory(struct kunit *test)
{
	check_every_cpu(test, alloc_no_node, GFP_KERNEL);
}

/* On a CPU of a memoryless node too: NUMA_NO_NODE is numa_mem_id(). */
static void page_alloc_no_node_thisnode(struct kunit *test)
{
	check_every_cpu(test, alloc_no_node, GFP_KERNEL | __GFP_THISNODE);
}

static void page_alloc_reports(struct kunit *test)
{
	static char buf[4096];
	char line[64];
	const struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_DMA];
	size_t len;

	drain_all_pages();
	len = buddyinfo_show(buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, len, strlen(buf));
	if (populated_zone(zone)) {
		snprintf(line, sizeof(line), "Node 0, zone      DMA %6lu %6lu ",
			 zone->free_area[0].nr_free, zone->free_area[1].nr_free);
		KUNIT_EXPECT_NOT_NULL(test, strstr(buf, line));
	}
	len = zoneinfo_show(buf, sizeof(buf));
	KUNIT_EXPECT_GT(test, len, 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "Node 0, zone      DMA\n  pages free     "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "        managed  "));
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(page_alloc_every_order),
	KUNIT_CASE(page_alloc_get_free_page),
	KUNIT_CASE(page_alloc_exhaust_and_recover),
	KUNIT_CASE(page_alloc_gfp_zones),
	KUNIT_CASE(page_alloc_dma32_falls_back_to_dma),
	KUNIT_CASE(page_alloc_zeroed_block),
	KUNIT_CASE(page_alloc_bad_requests),
	KUNIT_CASE(page_alloc_bad_frees),
	KUNIT_CASE(page_alloc_refcount),
	KUNIT_CASE(page_alloc_atomic_in_interrupt),
	KUNIT_CASE(page_alloc_local_node),
	KUNIT_CASE(page_alloc_no_node_nearest_memory),
	KUNIT_CASE(page_alloc_no_node_thisnode),
	KUNIT_CASE(page_alloc_reports),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
