/*
 * Tests of kmalloc and object caches (suite "slab"): size classes
 * (sizes known at run time and constant ones, whose cache the inline
 * kmalloc() picks at compile time), alignment, ksize, krealloc, zeroing, kcalloc overflow, large and too
 * large requests, GFP_DMA, kmalloc_node on every node, physical
 * contiguity, constructors, the debug checks, destroy with live objects,
 * a million random operations that must leave every count as it was,
 * and the slabinfo/meminfo text.  The size classes and the node
 * expectations come from the test's own table and from what tests/run
 * told QEMU (kunit/machine.h), not from the allocator's tables.
 */
#include <kunit/capture.h>
#include <kunit/machine.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

#include "slab.h"

static const unsigned int classes[] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

/* The smallest class that holds size bytes, or 0 when none does. */
static unsigned int class_of(size_t size)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i])
			return classes[i];
	return 0;
}

/* p, of size bytes, is an object of the right cache, or whole pages. */
static void check_class(struct kunit *test, const void *p, size_t size)
{
	const struct page *page = virt_to_page(p);
	unsigned int want = class_of(size);
	char name[24];

	if (!want) {
		KUNIT_EXPECT_FALSE_MSG(test, PageSlab(page), "size %zu", size);
		KUNIT_EXPECT_EQ_MSG(test, ksize(p), PAGE_SIZE << get_order(size),
				    "size %zu", size);
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, ksize(p), want, "size %zu", size);
	KUNIT_ASSERT_TRUE_MSG(test, PageSlab(page), "size %zu", size);
	snprintf(name, sizeof(name), "kmalloc-%u", want);
	KUNIT_EXPECT_STREQ_MSG(test, page->slab_cache->name, name,
			       "size %zu", size);
}

static void check_size(struct kunit *test, size_t size)
{
	u8 *p = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %zu", size);
	check_class(test, p, size);
	KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p, 8), "size %zu", size);
	if (!(size & (size - 1)))
		KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p, size),
				      "power of two %zu", size);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid((unsigned long)p));
	memset(p, 0x5a, size);
	kfree(p);
}

static void slab_every_size_class(struct kunit *test)
{
	static const size_t odd[] = { 1, 3, 7, 9, 17, 33, 65, 95, 97, 100, 130,
				      191, 193, 300, 1000, 3000, 5000, 8191 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		check_size(test, classes[i]);
		check_size(test, classes[i] - 1);
		check_size(test, classes[i] + 1);
	}
	for (i = 0; i < ARRAY_SIZE(odd); i++)
		check_size(test, odd[i]);
}

/* kmalloc() of a constant size, whose cache is picked at compile time. */
#define CHECK_CONSTANT_SIZE(test, n)					\
do {									\
	void *p = kmalloc(n, GFP_KERNEL);				\
									\
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "constant size %d", n);	\
	check_class(test, p, n);					\
	kfree(p);							\
} while (0)

/* ... and with constant zone flags: the cache of that zone. */
static void check_constant_zone(struct kunit *test, void *p, const char *name)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "%s", name);
	KUNIT_EXPECT_STREQ(test, virt_to_page(p)->slab_cache->name, name);
	kfree(p);
}

static void slab_kmalloc_constant_sizes(struct kunit *test)
{
	u8 *z;
	int i;

	CHECK_CONSTANT_SIZE(test, 1);
	CHECK_CONSTANT_SIZE(test, 8);
	CHECK_CONSTANT_SIZE(test, 9);
	CHECK_CONSTANT_SIZE(test, 16);
	CHECK_CONSTANT_SIZE(test, 17);
	CHECK_CONSTANT_SIZE(test, 32);
	CHECK_CONSTANT_SIZE(test, 33);
	CHECK_CONSTANT_SIZE(test, 64);
	CHECK_CONSTANT_SIZE(test, 65);
	CHECK_CONSTANT_SIZE(test, 96);
	CHECK_CONSTANT_SIZE(test, 97);
	CHECK_CONSTANT_SIZE(test, 128);
	CHECK_CONSTANT_SIZE(test, 129);
	CHECK_CONSTANT_SIZE(test, 192);
	CHECK_CONSTANT_SIZE(test, 193);
	CHECK_CONSTANT_SIZE(test, 256);
	CHECK_CONSTANT_SIZE(test, 257);
	CHECK_CONSTANT_SIZE(test, 512);
	CHECK_CONSTANT_SIZE(test, 513);
	CHECK_CONSTANT_SIZE(test, 1024);
	CHECK_CONSTANT_SIZE(test, 1025);
	CHECK_CONSTANT_SIZE(test, 2048);
	CHECK_CONSTANT_SIZE(test, 2049);
	CHECK_CONSTANT_SIZE(test, 4096);
	CHECK_CONSTANT_SIZE(test, 4097);
	CHECK_CONSTANT_SIZE(test, 8192);
	CHECK_CONSTANT_SIZE(test, 8193);	/* pages */
	check_constant_zone(test, kmalloc(64, GFP_DMA32), "dma32-kmalloc-64");
	check_constant_zone(test, kmalloc(100, GFP_KERNEL | GFP_DMA), "dma-kmalloc-128");
	z = kzalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, z);
	for (i = 0; i < 200; i++)
		KUNIT_EXPECT_EQ_MSG(test, z[i], 0, "byte %d", i);
	check_constant_zone(test, z, "kmalloc-256");
}

static void slab_zero_and_null(struct kunit *test)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KUNIT_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(p), 0);
	kfree(p);
	kfree(NULL);
	KUNIT_EXPECT_PTR_EQ(test, kcalloc(0, 8, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void slab_krealloc_keeps_content(struct kunit *test)
{
	u8 *p = kmalloc(40, GFP_KERNEL), *q;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 40; i++)
		p[i] = i;
	q = krealloc(p, 5000, GFP_KERNEL);		/* grow to another class */
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_GE(test, ksize(q), 5000);
	for (i = 0; i < 40; i++)
		KUNIT_EXPECT_EQ(test, q[i], i);
	p = krealloc(q, 20, GFP_KERNEL);		/* shrinking keeps it */
	KUNIT_EXPECT_PTR_EQ(test, p, q);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_EQ(test, p[i], i);
	p = krealloc(p, 100000, GFP_KERNEL);		/* to the page allocator */
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 20; i++)
		KUNIT_EXPECT_EQ(test, p[i], i);
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = krealloc(NULL, 16, GFP_KERNEL);		/* like kmalloc */
	KUNIT_EXPECT_NOT_NULL(test, p);
	kfree(p);
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void slab_kzalloc_and_kcalloc(struct kunit *test)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 64);
	kfree(p);
	p = kzalloc(64, GFP_KERNEL);	/* most likely the same, recycled */
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 64));
	kfree(p);
	p = kcalloc(100, 12, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 1200));
	kfree(p);
	KUNIT_EXPECT_NULL(test, kcalloc((size_t)-1 / 8 + 2, 8, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(1UL << 40, 1UL << 30, GFP_KERNEL));
}

/* Each page of [p, p + size) lies right after the previous one in RAM. */
static void check_contiguous(struct kunit *test, u8 *p, size_t size)
{
	phys_addr_t base = virt_to_phys(p);
	size_t off;

	for (off = 0; off < size; off += PAGE_SIZE) {
		KUNIT_EXPECT_EQ(test, virt_to_phys(p + off), base + off);
		p[off] = (u8)(off >> PAGE_SHIFT);
		KUNIT_EXPECT_EQ(test, *(u8 *)phys_to_virt(base + off),
				(u8)(off >> PAGE_SHIFT));
	}
}

static void slab_large_and_too_large(struct kunit *test)
{
	static const size_t sizes[] = { 3 * PAGE_SIZE + 100, SZ_1K * 64, SZ_1M,
					4 * SZ_1M };
	const char *out;
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kmalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %zu", sizes[i]);
		KUNIT_EXPECT_GE(test, ksize(p), sizes[i]);
		check_contiguous(test, p, sizes[i]);
		kfree(p);
	}
	p = kmalloc(8192, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	check_contiguous(test, p, 8192);
	kfree(p);

	kunit_capture_start();
	KUNIT_EXPECT_NULL(test, kmalloc(4 * SZ_1M + 1, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc(SZ_1G * 64, GFP_KERNEL | __GFP_NOWARN));
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "kmalloc of 4194305 bytes"));
	KUNIT_EXPECT_NULL(test, strstr(out, "68719476736"));	/* __GFP_NOWARN */
}

static void slab_gfp_dma(struct kunit *test)
{
	u8 *p = kmalloc(100, GFP_DMA), *q = kmalloc(20000, GFP_DMA);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_LT(test, virt_to_phys(p) + 100, 16ULL << 20);
	KUNIT_EXPECT_LT(test, virt_to_phys(q) + 20000, 16ULL << 20);
	kfree(p);
	kfree(q);
}

#define DMA32_OBJECTS	512

/*
 * GFP_DMA32 objects lie below 4 GiB, from caches of their own, on
 * machines with memory above 4 GiB too (numa4); a cache whose slabs
 * may lie higher refuses a GFP_DMA32 request instead of ignoring it.
 */
static void slab_gfp_dma32(struct kunit *test)
{
	struct kmem_cache *s;
	const char *out;
	void **objs;
	int i;

	objs = kcalloc(DMA32_OBJECTS, sizeof(*objs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	/* Asked of every node: most of numa4's nodes 1 and 2 lie above 4 GiB. */
	for (i = 0; i < DMA32_OBJECTS; i++) {
		objs[i] = kmalloc_node(i % 2 ? 4096 : 64, GFP_KERNEL | GFP_DMA32,
				       i % nr_online_nodes);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_LT(test, virt_to_phys(objs[i]) + 4096, 1ULL << 32);
	}
	KUNIT_EXPECT_STREQ(test, virt_to_page(objs[0])->slab_cache->name,
			   "dma32-kmalloc-64");
	for (i = 0; i < DMA32_OBJECTS; i++)
		kfree(objs[i]);
	kfree(objs);

	s = kmem_cache_create("slab_test_normal", 48, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	kunit_capture_start();
	KUNIT_EXPECT_NULL(test, kmem_cache_alloc(s, GFP_KERNEL | GFP_DMA32));
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "slab_test_normal: cache memory is not in the zone asked for"));
	kmem_cache_destroy(s);
}

/* On every node: that node, or the nearest with memory by QEMU's distances. */
static void slab_kmalloc_node(struct kunit *test)
{
	struct kunit_machine m;
	int nid, want, ret;
	void *p;

	ret = kunit_machine_read(&m);
	if (ret == -ENOENT)
		kunit_skip(test, "no ktest_numa= on the command line");
	KUNIT_ASSERT_EQ(test, ret, 0);
	for_each_online_node(nid) {
		want = kunit_machine_memory_node(&m, nid);
		p = kmalloc_node(200, GFP_KERNEL, nid);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ_MSG(test, page_to_nid(virt_to_page(p)), want,
				    "node %d", nid);
		kfree(p);
		p = kmalloc_node(50000, GFP_KERNEL, nid);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ_MSG(test, page_to_nid(virt_to_page(p)), want,
				    "node %d, 50000 bytes", nid);
		kfree(p);
	}
}

static int ctor_calls;

static void test_ctor(void *obj)
{
	ctor_calls++;
	*(u32 *)obj = 0xc0ffee;
}

static void slab_constructor_once(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_ctor", 72, 0, 0, test_ctor);
	void *objs[40];
	int i, calls;

	KUNIT_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	for (i = 0; i < 40; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_EQ(test, *(u32 *)objs[i], 0xc0ffee);
	}
	calls = ctor_calls;
	KUNIT_EXPECT_GE(test, calls, 40);
	for (i = 0; i < 40; i++)
		kmem_cache_free(s, objs[i]);
	for (i = 0; i < 40; i++) {	/* reused objects are not constructed again */
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_EXPECT_EQ(test, *(u32 *)objs[i], 0xc0ffee);
	}
	KUNIT_EXPECT_EQ(test, ctor_calls, calls);
	for (i = 0; i < 40; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
}

static void slab_debug_catches(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_debug", 64, 0,
						 SLAB_DEBUG_FLAGS, NULL);
	const char *out;
	u8 *p, *q;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	kunit_info(test, "three deliberate slab_debug reports follow");
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_capture_start();
	p[64] = 1;				/* one byte past the end */
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);			/* double free */
	p[3] = 7;				/* write after free */
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* the same object comes back */
	out = kunit_capture_stop();
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "BUG slab_test_debug: Redzone overwritten"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "BUG slab_test_debug: Object already free"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "BUG slab_test_debug: Poison overwritten"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "caller slab_debug_catches+0x"));
	kmem_cache_free(s, q);

	/* The cache is intact: normal use reports nothing. */
	kunit_capture_start();
	for (i = 0; i < 200; i++) {
		p = kmem_cache_alloc(s, GFP_KERNEL);
		memset(p, i, 64);
		kmem_cache_free(s, p);
	}
	out = kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(out, "BUG"));
	kmem_cache_destroy(s);
}

static void slab_create_refuses_bad_arguments(struct kunit *test)
{
	const char *out;

	kunit_capture_start();
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_zero", 0, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_huge", 64 * 1024, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_align", 64, 24, 0, NULL));
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "kmem_cache_create(slab_test_align): bad size 64 or alignment 24"));
	kmem_cache_destroy(NULL);		/* like kfree(NULL) */
}

static void slab_destroy_refuses_live_cache(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_live", 100, 0, 0, NULL);
	const char *out;
	void *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_capture_start();
	kmem_cache_destroy(s);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"kmem_cache_destroy slab_test_live: Slab cache still has objects"));
	kmem_cache_free(s, p);			/* still usable */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	kunit_capture_start();
	kmem_cache_destroy(s);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(out, "still has objects"));
}

/* A small pseudo-random generator (xorshift), for repeatable runs. */
static u64 rnd_state;

static u64 rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static void *random_alloc(void)
{
	u64 r = rnd();
	size_t size = (r >> 8) % 8192 + 1;
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN;
	int nid = NUMA_NO_NODE;

	if ((r & 0xff) < 4)
		size = (r >> 20) % 60000 + 8193;	/* page allocator */
	if ((r & 0xf00) == 0)
		gfp |= GFP_DMA;
	else if ((r & 0xf00) == 0x100)
		gfp |= GFP_DMA32;
	if ((r & 0x7000) == 0)
		nid = (r >> 40) % MAX_NUMNODES;
	if (nid != NUMA_NO_NODE && !node_online(nid))
		nid = NUMA_NO_NODE;
	return kmalloc_node(size, gfp, nid);
}

static char slabinfo_before[8192], slabinfo_after[8192];

/* Every zone's free pages, once caches and per-CPU lists are emptied. */
static void zone_free_pages(unsigned long free[MAX_NUMNODES][MAX_NR_ZONES])
{
	int nid, z;

	kmem_cache_shrink_all();
	drain_all_pages();
	memset(free, 0, sizeof(unsigned long) * MAX_NUMNODES * MAX_NR_ZONES);
	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			free[nid][z] = NODE_DATA(nid)->node_zones[z].free_pages;
}

/* Is kmalloc poisoning its objects (slab_debug on the command line)? */
static bool kmalloc_debugged(void)
{
	void *p = kmalloc(64, GFP_KERNEL);
	bool debugged = p && (virt_to_page(p)->slab_cache->flags & SLAB_POISON);

	kfree(p);
	return debugged;
}

/*
 * A million random kmalloc/kfree operations leave every zone and cache as
 * they were.  Under slab_debug, where every object is poisoned and
 * checked, a fifth as many: the machines without it run the million.
 */
static void slab_million_random_ops(struct kunit *test)
{
	static unsigned long before[MAX_NUMNODES][MAX_NR_ZONES];
	static unsigned long after[MAX_NUMNODES][MAX_NR_ZONES];
	static void *slots[2048];
	unsigned long i, fails = 0, ops = kmalloc_debugged() ? 200000 : 1000000;
	unsigned int k;

	zone_free_pages(before);
	slabinfo_show(slabinfo_before, sizeof(slabinfo_before));
	rnd_state = 0x9e3779b97f4a7c15ULL;
	for (i = 0; i < ops; i++) {
		k = rnd() % ARRAY_SIZE(slots);
		if (slots[k]) {
			kfree(slots[k]);
			slots[k] = NULL;
		} else {
			slots[k] = random_alloc();
			fails += !slots[k];
		}
	}
	for (k = 0; k < ARRAY_SIZE(slots); k++) {
		kfree(slots[k]);
		slots[k] = NULL;
	}
	zone_free_pages(after);
	slabinfo_show(slabinfo_after, sizeof(slabinfo_after));
	kunit_info(test, "%lu operations, %lu allocations failed", ops, fails);
	KUNIT_EXPECT_MEMEQ(test, after, before, sizeof(before));	/* every zone */
	KUNIT_EXPECT_STREQ(test, slabinfo_after, slabinfo_before);	/* every cache */
}

static void slab_reports(struct kunit *test)
{
	static char buf[8192];
	void *p = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	slabinfo_show(buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "slabinfo - version: 2.1\n", 24), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nkmalloc-64 "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\ndma-kmalloc-8192 "));
	meminfo_show(buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "MemTotal:       ", 16), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nMemFree:        "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nSlab:           "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmallocUsed:    "));
	kfree(p);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(slab_every_size_class),
	KUNIT_CASE(slab_kmalloc_constant_sizes),
	KUNIT_CASE(slab_zero_and_null),
	KUNIT_CASE(slab_krealloc_keeps_content),
	KUNIT_CASE(slab_kzalloc_and_kcalloc),
	KUNIT_CASE(slab_large_and_too_large),
	KUNIT_CASE(slab_gfp_dma),
	KUNIT_CASE(slab_gfp_dma32),
	KUNIT_CASE(slab_kmalloc_node),
	KUNIT_CASE(slab_constructor_once),
	KUNIT_CASE(slab_debug_catches),
	KUNIT_CASE(slab_create_refuses_bad_arguments),
	KUNIT_CASE(slab_destroy_refuses_live_cache),
	KUNIT_CASE(slab_million_random_ops),
	KUNIT_CASE(slab_reports),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
