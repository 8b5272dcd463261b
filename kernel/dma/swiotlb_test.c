/*
 * Tests of the bounce buffers (suite "dma_swiotlb", docs/dma.md): where
 * the pools are and how big (the default rule, whole segments, below
 * 256 MiB and 16 MiB); page-sized mappings start on a page; a full pool
 * gives DMA_MAPPING_ERROR and Linux's report once, then serves again
 * after an unmap; the low pool serves a 24-bit device; an unmap with
 * the wrong size frees the mapping's own slots once and copies back the
 * mapping's bytes; a second unmap, or one of an address that starts no
 * mapping, is reported and frees nothing; and 1000 random map/unmap
 * cycles on every CPU at once (sizes up to 16 KiB, every direction,
 * direct and bounced, several masks) move every byte right and leave
 * the pools and the debug hash as they found them.
 */
#include <asm/percpu.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/swiotlb.h>
#include <linux/topology.h>

#include "dma_test.h"

/* RAM below limit, from memblock's list of memory (kept after boot). */
static unsigned long ram_below(phys_addr_t limit)
{
	unsigned long sum = 0, i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base < limit)
			sum += min(r->base + r->size, limit) - r->base;
	}
	return sum;
}

static void swiotlb_pools_placed_and_sized(struct kunit *test)
{
	unsigned long ram = memblock_phys_mem_size(), want;
	struct swiotlb_stats st;
	int i;

	swiotlb_get_stats(&st);
	KUNIT_ASSERT_GE(test, st.nr_pools, 1);
	for (i = 0; i < st.nr_pools; i++) {
		KUNIT_EXPECT_EQ(test, st.pools[i].nslabs % IO_TLB_SEGSIZE, 0);
		KUNIT_EXPECT_EQ(test, st.pools[i].start % PAGE_SIZE, 0);
		KUNIT_EXPECT_EQ(test, st.pools[i].end - st.pools[i].start,
				st.pools[i].nslabs * IO_TLB_SIZE);
	}
	KUNIT_EXPECT_LE(test, st.pools[0].end, SWIOTLB_LIMIT);
	/*
	 * The default (no swiotlb= here): 1/32 of RAM within [256 KiB,
	 * 64 MiB], at most half the RAM below 256 MiB, whole segments.
	 */
	want = clamp(ram / 32, SWIOTLB_MIN_SIZE, SWIOTLB_MAX_SIZE);
	want = ALIGN_DOWN(min(want, ram_below(SWIOTLB_LIMIT) / 2),
			  IO_TLB_MAX_MAPPING);
	KUNIT_EXPECT_EQ(test, st.pools[0].nslabs * IO_TLB_SIZE, want);
	if (st.nr_pools > 1) {
		KUNIT_EXPECT_LE(test, st.pools[1].end, SWIOTLB_LOW_LIMIT);
		KUNIT_EXPECT_EQ(test, st.pools[1].nslabs, SWIOTLB_LOW_SLABS);
	}
	KUNIT_EXPECT_EQ(test, st.nslabs, st.pools[0].nslabs +
			(st.nr_pools > 1 ? st.pools[1].nslabs : 0));
	KUNIT_EXPECT_FALSE(test, st.force);
}

static void swiotlb_page_sized_mappings_start_on_a_page(struct kunit *test)
{
	static const size_t sizes[] = { 100, 2048, 2049, 4096, 5000, 65536 };
	struct dma_test_dev t;
	dma_addr_t addr[ARRAY_SIZE(sizes)];
	void *buf = kmalloc(65536, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		addr[i] = dma_map_single(&t.dev, buf, sizes[i], DMA_TO_DEVICE);
		KUNIT_ASSERT_EQ(test, dma_mapping_error(&t.dev, addr[i]), 0);
		KUNIT_EXPECT_EQ(test, addr[i] % IO_TLB_SIZE, 0);
		if (sizes[i] >= PAGE_SIZE)
			KUNIT_EXPECT_EQ_MSG(test, addr[i] % PAGE_SIZE, 0, "%zu bytes",
					    sizes[i]);
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		dma_unmap_single(&t.dev, addr[i], sizes[i], DMA_TO_DEVICE);
	kfree(buf);
}

static int count_str(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay++;
	}
	return n;
}

/* Map max-size bounce buffers until dev's pools are full; how many. */
static int fill_pool(struct kunit *test, struct dma_test_dev *t, void *buf,
		     dma_addr_t *addr, int max)
{
	int n = 0;

	while (n < max) {
		addr[n] = dma_map_single(&t->dev, buf, IO_TLB_MAX_MAPPING,
					 DMA_TO_DEVICE);
		if (dma_mapping_error(&t->dev, addr[n]))
			break;
		n++;
	}
	return n;
}

static void swiotlb_full_pool_reports_once_then_recovers(struct kunit *test)
{
	struct dma_test_counts before;
	struct swiotlb_stats st;
	struct dma_test_dev t;
	char want[128];
	dma_addr_t *addr, one;
	const char *out;
	void *buf;
	int n, max, i;

	swiotlb_get_stats(&st);
	max = st.pools[0].nslabs / IO_TLB_SEGSIZE + 1;
	addr = kcalloc(max, sizeof(*addr), GFP_KERNEL);
	buf = kmalloc(IO_TLB_MAX_MAPPING, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, addr);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_expect_reports(test);
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	dma_test_counts(&before);

	kunit_capture_start();
	n = fill_pool(test, &t, buf, addr, max);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, buf, 64, DMA_TO_DEVICE),
				DMA_MAPPING_ERROR);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, n, max - 1);
	snprintf(want, sizeof(want),
		 "dmatest dmaforce: swiotlb buffer is full (sz: %d bytes), total %lu (slots), used %lu (slots)\n",
		 (int)IO_TLB_MAX_MAPPING, st.pools[0].nslabs, st.pools[0].nslabs);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "want \"%s\"", want);
	KUNIT_EXPECT_EQ(test, count_str(out, "swiotlb buffer is full"), 1);
	swiotlb_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.map_failed, before.map_failed + 4);

	/* One unmap and the pool serves again. */
	dma_unmap_single(&t.dev, addr[--n], IO_TLB_MAX_MAPPING, DMA_TO_DEVICE);
	one = dma_map_single(&t.dev, buf, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, one), 0);
	if (!dma_mapping_error(&t.dev, one))
		dma_unmap_single(&t.dev, one, 64, DMA_TO_DEVICE);
	while (n > 0)
		dma_unmap_single(&t.dev, addr[--n], IO_TLB_MAX_MAPPING, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), before.slots_used);
	kfree(buf);
	kfree(addr);
}

/* A 24-bit device reaches only the low pool, and fills it alone. */
static void swiotlb_low_pool_serves_24_bit(struct kunit *test)
{
	struct dma_test_dev t;
	struct swiotlb_stats st;
	dma_addr_t big, more;
	struct page *page;

	swiotlb_get_stats(&st);
	if (st.nr_pools < 2)
		kunit_skip(test, "the main pool is below 16 MiB: no low pool");
	dma_test_dev_init(&t, NULL, 24);
	page = dma_test_pages_above(t.mask, get_order(IO_TLB_MAX_MAPPING));
	if (!page)
		kunit_skip(test, "no 256 KiB block above 16 MiB");
	dma_test_expect_reports(test);
	big = dma_map_page(&t.dev, page, 0, IO_TLB_MAX_MAPPING, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&t.dev, big), 0);
	KUNIT_EXPECT_GE(test, big, st.pools[1].start);
	KUNIT_EXPECT_LE(test, big + IO_TLB_MAX_MAPPING, st.pools[1].end);
	more = dma_map_page(&t.dev, page, 0, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, more, DMA_MAPPING_ERROR);
	if (!dma_mapping_error(&t.dev, more))
		dma_unmap_page(&t.dev, more, 64, DMA_TO_DEVICE);
	dma_unmap_page(&t.dev, big, IO_TLB_MAX_MAPPING, DMA_TO_DEVICE);
	__free_pages(page, get_order(IO_TLB_MAX_MAPPING));
}

static void swiotlb_unmap_other_size_frees_its_slots_once(struct kunit *test)
{
	unsigned long used = dma_test_slots_used();
	struct dma_test_counts before;
	struct dma_test_dev t;
	dma_addr_t addr;
	const char *out;
	char want[128];
	u8 *buf = kzalloc(8192, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_expect_reports(test);
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	dma_test_counts(&before);
	addr = dma_map_single(&t.dev, buf, 8192, DMA_FROM_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used + 4);
	dma_test_fill(phys_to_virt(addr), 8192, 77);
	kunit_capture_start();
	dma_unmap_single(&t.dev, addr, 2048, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "swiotlb: unmap of %#llx with size 2048, mapped with size 8192: freeing its 4 slots",
		 (unsigned long long)addr);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "want \"%s\"", want);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used);
	/* The device may have written all 8 KiB: all of it comes back. */
	KUNIT_EXPECT_TRUE(test, dma_test_check(buf, 8192, 77));
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_FREE_SIZE),
			dma_debug_enabled() ? 1 : 0);
	kfree(buf);
}

static void swiotlb_second_unmap_frees_nothing(struct kunit *test)
{
	struct dma_test_counts before;
	struct swiotlb_stats st;
	struct dma_test_dev t;
	dma_addr_t addr, keep;
	const char *out;
	void *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_expect_reports(test);
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	dma_test_counts(&before);
	addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
	keep = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&t.dev, keep), 0);
	dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_TO_DEVICE);
	kunit_capture_start();
	dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_TO_DEVICE);
	/* Inside a mapping but not its start: no mapping starts there. */
	dma_unmap_single(&t.dev, keep + IO_TLB_SIZE, 64, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, count_str(out, "which starts no bounce buffer mapping: nothing freed"), 2);
	swiotlb_get_stats(&st);
	KUNIT_EXPECT_EQ(test, st.bad_unmaps, before.bad_unmaps + 2);
	KUNIT_EXPECT_EQ(test, st.used, before.slots_used + 2);	/* keep's two */
	dma_unmap_single(&t.dev, keep, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), before.slots_used);
	kfree(buf);
}

/* ---- every CPU at once ---- */

#define STRESS_CYCLES	1000
#define STRESS_MAX	(16 * 1024)
#define STRESS_ORDER	2		/* 16 KiB buffers */

struct stress_thread {
	struct completion done;
	struct page *low, *high;	/* below 16 MiB; as high as found */
	u8 *pattern;			/* STRESS_MAX + 256 bytes */
	u32 seed;
	int cpu;
	int bad_data, bad_maps, bounced;
};

static const int stress_bits[] = { 24, 28, 32, 64 };

/* One cycle: map a random part of a random buffer for a random device. */
static void stress_cycle(struct stress_thread *s, struct dma_test_dev *devs)
{
	u32 r = dma_test_rand(&s->seed);
	struct dma_test_dev *t = &devs[r % (ARRAY_SIZE(stress_bits) + 1)];
	size_t size = dma_test_rand(&s->seed) % STRESS_MAX + 1;
	size_t off = dma_test_rand(&s->seed) % (STRESS_MAX - size + 1);
	enum dma_data_direction dir = (r >> 8) % 3;
	struct page *pg = (r >> 12) & 1 ? s->high : s->low;
	u8 *buf = (u8 *)page_address(pg) + off, *dev_view;
	u8 in = r >> 16, out = in + 1;
	dma_addr_t addr;

	memcpy(buf, s->pattern + in, size);
	addr = dma_map_single(&t->dev, buf, size, dir);
	if (dma_mapping_error(&t->dev, addr) || addr + size - 1 > t->mask) {
		s->bad_maps++;
		return;
	}
	s->bounced += is_swiotlb_buffer(addr);
	dev_view = phys_to_virt(addr);
	if (memcmp(dev_view, s->pattern + in, size))
		s->bad_data++;
	if (dir != DMA_TO_DEVICE)
		memcpy(dev_view, s->pattern + out, size);
	dma_unmap_single(&t->dev, addr, size, dir);
	if (memcmp(buf, s->pattern + (dir == DMA_TO_DEVICE ? in : out), size))
		s->bad_data++;
}

static int stress_thread_fn(void *data)
{
	struct stress_thread *s = data;
	struct dma_test_dev devs[ARRAY_SIZE(stress_bits) + 1];
	int i;

	for (i = 0; i < ARRAY_SIZE(stress_bits); i++)
		dma_test_dev_init(&devs[i], NULL, stress_bits[i]);
	dma_test_dev_init(&devs[i], "dmaforce", 64);
	devs[i].dev.dma_force_bounce = true;
	for (i = 0; i < STRESS_CYCLES; i++) {
		stress_cycle(s, devs);
		if (i % 64 == 0)
			sched_yield();
	}
	complete(&s->done);
	return 0;
}

/* The highest memory on offer: above 4 GiB, 256 MiB or 16 MiB. */
static struct page *stress_high_pages(void)
{
	static const u64 limits[] = { DMA_BIT_MASK(32), DMA_BIT_MASK(28),
				      DMA_BIT_MASK(24) };
	struct page *page = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(limits) && !page; i++)
		if (dma_test_ram_above(limits[i]))
			page = dma_test_pages_above(limits[i], STRESS_ORDER);
	return page ? page : alloc_pages(GFP_KERNEL, STRESS_ORDER);
}

static int stress_setup(struct stress_thread *s, int cpu)
{
	int i;

	memset(s, 0, sizeof(*s));
	init_completion(&s->done);
	s->cpu = cpu;
	s->seed = 0x9e3779b9u ^ (cpu * 2654435761u);
	s->low = dma_test_pages_below(DMA_BIT_MASK(24), STRESS_ORDER);
	s->high = stress_high_pages();
	s->pattern = kmalloc(STRESS_MAX + 256, GFP_KERNEL);
	if (!s->low || !s->high || !s->pattern)
		return -ENOMEM;
	for (i = 0; i < STRESS_MAX + 256; i++)
		s->pattern[i] = (u8)(i * 31 + (i >> 7) + cpu);
	return 0;
}

static void stress_teardown(struct stress_thread *s)
{
	if (s->low)
		__free_pages(s->low, STRESS_ORDER);
	if (s->high)
		__free_pages(s->high, STRESS_ORDER);
	kfree(s->pattern);
}

static void swiotlb_random_cycles_on_every_cpu(struct kunit *test)
{
	static struct stress_thread threads[NR_CPUS];
	int cpu, n = 0, i, bounced = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		KUNIT_ASSERT_EQ(test, stress_setup(&threads[n], cpu), 0);
		n++;
	}
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(stress_thread_fn,
				&threads[i], threads[i].cpu, "dmastress"));
	for (i = 0; i < n; i++) {
		wait_for_completion(&threads[i].done);
		KUNIT_EXPECT_EQ_MSG(test, threads[i].bad_maps, 0, "CPU %d", threads[i].cpu);
		KUNIT_EXPECT_EQ_MSG(test, threads[i].bad_data, 0, "CPU %d", threads[i].cpu);
		bounced += threads[i].bounced;
		stress_teardown(&threads[i]);
	}
	KUNIT_EXPECT_GT(test, bounced, 0);
	kunit_info(test, "%d CPUs, %d cycles each, %d bounced", n, STRESS_CYCLES,
		   bounced);
}

static struct kunit_case dma_swiotlb_cases[] = {
	KUNIT_CASE(swiotlb_pools_placed_and_sized),
	KUNIT_CASE(swiotlb_page_sized_mappings_start_on_a_page),
	KUNIT_CASE(swiotlb_full_pool_reports_once_then_recovers),
	KUNIT_CASE(swiotlb_low_pool_serves_24_bit),
	KUNIT_CASE(swiotlb_unmap_other_size_frees_its_slots_once),
	KUNIT_CASE(swiotlb_second_unmap_frees_nothing),
	KUNIT_CASE(swiotlb_random_cycles_on_every_cpu),
	{}
};

static struct kunit_suite dma_swiotlb_suite = {
	.name = "dma_swiotlb",
	.init = dma_test_case_init,
	.exit = dma_test_case_exit,
	.test_cases = dma_swiotlb_cases,
};
kunit_test_suite(dma_swiotlb_suite);
