/*
 * Tests for the page allocator (suite "page_alloc"): every order, the
 * address conversions, exhaustion and recovery, GFP zone limits and
 * GFP_DMA32's fallback to ZONE_DMA, bad frees, reference counts, the
 * flags a free clears, GFP_ATOMIC from an interrupt, the node
 * allocations from each CPU come from, and the /proc-style reports.  They run in every QEMU
 * configuration and only assume what the allocator promises; where an
 * expectation depends on the machine, it comes from what tests/run told
 * QEMU (kunit/machine.h), not from the kernel's own tables.
 */
#include <asm/percpu.h>
#include <asm/sections.h>
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
#include <linux/slab.h>
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

/*
 * The free pages a request leaves in a zone (REFERENCE.md section 4):
 * the min mark, halved for __GFP_HIGH and a quarter lower again for a
 * caller that cannot sleep, plus the reserve kept from requests that
 * could have used zones up to highest.
 */
static long pages_kept(const struct zone *zone, int highest, gfp_t gfp)
{
	long min = min_wmark_pages(zone);

	if (gfp & __GFP_HIGH)
		min -= min / 2;
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		min -= min / 4;
	return min + zone->lowmem_reserve[highest];
}

/*
 * After exhausting memory with gfp, every zone the request could use is
 * down to what it must leave: at most that many pages free, and at least
 * that many less one per-CPU batch (a refill takes a batch at once),
 * unless it had fewer to start with.
 */
static void expect_zones_at_marks(struct kunit *test, gfp_t gfp,
				  const struct free_snapshot *start)
{
	int nid, z, highest = gfp_zone(gfp);
	const struct zone *zone;
	long kept, floor;

	for_each_online_node(nid) {
		for (z = 0; z <= highest; z++) {
			zone = &NODE_DATA(nid)->node_zones[z];
			if (!populated_zone(zone))
				continue;
			kept = pages_kept(zone, highest, gfp);
			floor = min((long)start->free_pages[nid][z],
				    kept + 1 - zone->pcp[0].batch);
			KUNIT_EXPECT_LE_MSG(test, (long)zone->free_pages, kept,
					    "gfp %#x node %d zone %d", gfp, nid, z);
			KUNIT_EXPECT_GE_MSG(test, (long)zone->free_pages, floor,
					    "gfp %#x node %d zone %d", gfp, nid, z);
		}
	}
}

/* Pages of ZONE_DMA that requests for any zone must leave to GFP_DMA. */
static unsigned long dma_reserve_pages(void)
{
	unsigned long n = 0;
	int nid;

	for_each_online_node(nid)
		n += NODE_DATA(nid)->node_zones[ZONE_DMA].lowmem_reserve[ZONE_NORMAL];
	return n;
}

/*
 * GFP_KERNEL stops at each zone's min mark plus its reserve, leaving
 * ZONE_DMA to GFP_DMA callers; GFP_ATOMIC then goes further; all of it
 * comes back when freed.
 */
static void page_alloc_exhaust_and_recover(struct kunit *test)
{
	static struct free_snapshot step;
	unsigned long free_before, n, dma, atomic;
	void *chain = NULL;
	int nid, z;

	snapshot(&before);
	free_before = nr_free_pages();
	n = chain_exhaust(GFP_KERNEL, NUMA_NO_NODE, 0, &chain);
	kunit_info(test, "GFP_KERNEL took %lu pages of %lu free", n, free_before);
	KUNIT_EXPECT_GT(test, n, free_before / 2);
	KUNIT_EXPECT_LT(test, n, free_before);
	KUNIT_EXPECT_NULL(test, alloc_pages(NOWARN, 0));
	expect_zones_at_marks(test, GFP_KERNEL, &before);

	snapshot(&step);
	dma = chain_exhaust(GFP_DMA, NUMA_NO_NODE, 0, &chain);
	kunit_info(test, "then GFP_DMA took %lu pages", dma);
	if (dma_reserve_pages() > 8)
		KUNIT_EXPECT_GT(test, dma, 0);
	expect_zones_at_marks(test, GFP_DMA, &step);

	snapshot(&step);
	atomic = chain_exhaust(GFP_ATOMIC, NUMA_NO_NODE, 0, &chain);
	kunit_info(test, "then GFP_ATOMIC took %lu pages", atomic);
	KUNIT_EXPECT_GT(test, atomic, 0);
	expect_zones_at_marks(test, GFP_ATOMIC, &step);
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
	/*
	 * ZONE_DMA32 came first while it had pages, and is now down to its
	 * low mark, where the first pass of an allocation moves on...
	 */
	KUNIT_EXPECT_NOT_NULL(test, chain);
	KUNIT_EXPECT_LE(test, NODE_DATA(nid)->node_zones[ZONE_DMA32].free_pages,
			low_wmark_pages(&NODE_DATA(nid)->node_zones[ZONE_DMA32]));
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

#define REMOTE_PAGES	8

struct remote_free {
	struct page *pages[REMOTE_PAGES];
	int n;
	struct completion done;
};

static int free_pages_here(void *data)
{
	struct remote_free *rf = data;
	int i;

	for (i = 0; i < rf->n; i++)
		__free_page(rf->pages[i]);
	complete(&rf->done);
	return 0;
}

/* A node whose ZONE_DMA has pages, or NUMA_NO_NODE. */
static int dma_node(void)
{
	int nid;

	for_each_online_node(nid)
		if (populated_zone(&NODE_DATA(nid)->node_zones[ZONE_DMA]))
			return nid;
	return NUMA_NO_NODE;
}

/*
 * Pages cached on another CPU's list count for nothing in the zone's
 * free pages: an allocation that finds the zone at its mark must have
 * them given back and try again before it fails.
 */
static void page_alloc_drains_other_cpus_before_failing(struct kunit *test)
{
	const gfp_t gfp = GFP_KERNEL | GFP_DMA | __GFP_THISNODE | __GFP_NOWARN;
	int nid = dma_node(), i, other = (raw_smp_processor_id() + 1) % nr_cpu_ids;
	struct remote_free rf = { .n = 0 };
	struct zone *zone;
	struct page *page;
	void *chain = NULL;

	if (num_online_cpus() < 2 || nid == NUMA_NO_NODE)
		kunit_skip(test, "needs two CPUs and a ZONE_DMA");
	zone = &NODE_DATA(nid)->node_zones[ZONE_DMA];
	rf.n = min(zone->pcp[other].batch + 2, zone->pcp[other].high);
	KUNIT_ASSERT_LE(test, rf.n, REMOTE_PAGES);
	for (i = 0; i < rf.n; i++) {
		rf.pages[i] = alloc_pages_node(nid, gfp, 0);
		KUNIT_ASSERT_NOT_NULL(test, rf.pages[i]);
	}
	chain_exhaust(gfp, nid, 0, &chain);	/* ZONE_DMA down to its mark */

	init_completion(&rf.done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(free_pages_here, &rf,
						       other, "remote_free"));
	wait_for_completion(&rf.done);
	KUNIT_EXPECT_GE(test, zone->pcp[other].count, rf.n);

	page = alloc_pages_node(nid, gfp, 0);
	KUNIT_EXPECT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, zone->pcp[other].count, 0);
	if (page)
		__free_page(page);
	chain_release(chain);
}

/* A slab's page freed behind the slab's back is refused. */
static void page_alloc_free_slab_page(struct kunit *test)
{
	u64 *obj = kmalloc(64, GFP_KERNEL);
	struct page *page;
	const char *out;

	KUNIT_ASSERT_NOT_NULL(test, obj);
	page = virt_to_page(obj);
	*obj = 0x1234;
	kunit_capture_start();
	free_pages((unsigned long)obj & PAGE_MASK, 0);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Bad page free: page belongs to a slab cache"));
	KUNIT_EXPECT_TRUE(test, PageSlab(page));
	KUNIT_EXPECT_EQ(test, *obj, 0x1234);
	kfree(obj);
}

/*
 * A page dirtied through a pin comes back from the allocator clean: the
 * free clears PG_dirty, so its next owner does not inherit it.  Both
 * orders, since order 0 goes to a per-CPU list and order 1 to the buddy
 * lists.
 */
static void page_alloc_free_clears_dirty(struct kunit *test)
{
	unsigned int order;
	struct page *page;

	for (order = 0; order < 2; order++) {
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		SetPageDirty(page);
		__free_pages(page, order);
		KUNIT_EXPECT_FALSE_MSG(test, PageDirty(page), "order %u", order);
	}
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

static unsigned long sqrt_floor(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/*
 * The marks and reserves follow Linux's formulas (REFERENCE.md section
 * 4), recomputed here from the zones' managed pages.
 */
static void page_alloc_watermarks(struct kunit *test)
{
	static const int ratio[MAX_NR_ZONES] = { 256, 256, 32 };
	unsigned long lowmem = totalram_pages(), min_pages, sum_min = 0;
	unsigned long above, expect_kb;
	int nid, z, j, zones = 0;

	expect_kb = clamp(sqrt_floor(lowmem * 4 * 16), 128UL, 262144UL);
	KUNIT_EXPECT_EQ(test, (unsigned long)min_free_kbytes, expect_kb);
	min_pages = expect_kb / 4;
	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &NODE_DATA(nid)->node_zones[z];
			unsigned long step = max(min_wmark_pages(zone) / 4,
						 zone->managed_pages / 1000);

			zones += zone->managed_pages != 0;
			sum_min += min_wmark_pages(zone);
			KUNIT_EXPECT_EQ(test, low_wmark_pages(zone),
					min_wmark_pages(zone) + step);
			KUNIT_EXPECT_EQ(test, high_wmark_pages(zone),
					min_wmark_pages(zone) + 2 * step);
			above = 0;
			for (j = 0; j < MAX_NR_ZONES; j++) {
				if (j > z)
					above += NODE_DATA(nid)->node_zones[j].managed_pages;
				KUNIT_EXPECT_EQ_MSG(test, zone->lowmem_reserve[j],
						    j > z ? (long)(above / ratio[z]) : 0,
						    "node %d zone %d [%d]", nid, z, j);
			}
		}
	}
	/* Each zone's share is rounded down. */
	KUNIT_EXPECT_LE(test, sum_min, min_pages);
	KUNIT_EXPECT_GE(test, sum_min + zones, min_pages);
}

/* The number on a "Key:    123 kB" line of meminfo text (0 if none). */
static unsigned long meminfo_kb(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	unsigned long n = 0;

	if (!p)
		return 0;
	for (p += strlen(key); *p == ' '; p++)
		;
	while (*p >= '0' && *p <= '9')
		n = n * 10 + (*p++ - '0');
	return n;
}

/* /proc/zoneinfo's marks and protection, /proc/meminfo's fields. */
static void page_alloc_watermark_reports(struct kunit *test)
{
	static char buf[8192];
	char line[160];
	const struct zone *zone = NULL;
	unsigned long total, free, avail;
	int nid, z;

	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES && !zone; z++)
			if (populated_zone(&NODE_DATA(nid)->node_zones[z]))
				zone = &NODE_DATA(nid)->node_zones[z];
	KUNIT_ASSERT_NOT_NULL(test, zone);
	zoneinfo_show(buf, sizeof(buf));
	snprintf(line, sizeof(line), "        min      %lu\n        low      %lu\n"
		 "        high     %lu\n        spanned  %lu\n",
		 min_wmark_pages(zone), low_wmark_pages(zone),
		 high_wmark_pages(zone), zone->spanned_pages);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, line));
	snprintf(line, sizeof(line), "        managed  %lu\n        protection: (%ld, %ld, %ld)\n",
		 zone->managed_pages, zone->lowmem_reserve[0],
		 zone->lowmem_reserve[1], zone->lowmem_reserve[2]);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, line));

	meminfo_show(buf, sizeof(buf));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "MemTotal: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nSwapTotal:             0 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nBuffers:               0 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nPageTables: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nKernelStack: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nCached: "));
	total = meminfo_kb(buf, "MemTotal:");
	free = meminfo_kb(buf, "MemFree:");
	avail = meminfo_kb(buf, "MemAvailable:");
	KUNIT_EXPECT_GT(test, avail, 0);
	KUNIT_EXPECT_LT(test, avail, free);
	KUNIT_EXPECT_LT(test, free, total);
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
	KUNIT_CASE(page_alloc_free_slab_page),
	KUNIT_CASE(page_alloc_drains_other_cpus_before_failing),
	KUNIT_CASE(page_alloc_refcount),
	KUNIT_CASE(page_alloc_free_clears_dirty),
	KUNIT_CASE(page_alloc_atomic_in_interrupt),
	KUNIT_CASE(page_alloc_local_node),
	KUNIT_CASE(page_alloc_no_node_nearest_memory),
	KUNIT_CASE(page_alloc_no_node_thisnode),
	KUNIT_CASE(page_alloc_reports),
	KUNIT_CASE(page_alloc_watermarks),
	KUNIT_CASE(page_alloc_watermark_reports),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
