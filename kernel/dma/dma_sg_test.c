/*
 * Tests of dma_map_sg() (suite "dma_sg"): physically adjacent entries
 * merge into one DMA segment and others do not; merging stops at the
 * device's maximum segment size and segment boundary; the entries after
 * the last segment get length 0; bounced entries stay one segment each
 * and carry their data both ways, also through dma_sync_sg_*(); a list
 * with a direct and a bounced entry; unmapping with the ORIGINAL nents
 * leaves nothing behind; a list that fails part way leaves nothing
 * mapped.
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <linux/swiotlb.h>

#include "dma_test.h"

/* sg[i] = PAGE_SIZE of page + idx[i] pages (an order-2 block: 4 pages). */
static void sg_from_block(struct scatterlist *sg, struct page *block,
			  const int *idx, int n)
{
	int i;

	sg_init_table(sg, n);
	for (i = 0; i < n; i++)
		sg_set_page(&sg[i], block + idx[i], PAGE_SIZE, 0);
}

static void dma_map_sg_merges_adjacent_pages(struct kunit *test)
{
	static const int idx[] = { 0, 1, 2, 3 };
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[4];
	struct dma_test_dev t;
	int count;

	KUNIT_ASSERT_NOT_NULL(test, block);
	dma_test_dev_init(&t, NULL, 64);
	sg_from_block(sg, block, idx, 4);
	count = dma_map_sg(&t.dev, sg, 4, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, count, 1);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[0]), dma_test_phys(block));
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[0]), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[1]), 0);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[3]), 0);
	dma_unmap_sg(&t.dev, sg, 4, DMA_TO_DEVICE);
	__free_pages(block, 2);
}

static void dma_map_sg_keeps_apart_non_adjacent(struct kunit *test)
{
	static const int idx[] = { 0, 2, 3 };
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[3];
	struct dma_test_dev t;

	KUNIT_ASSERT_NOT_NULL(test, block);
	dma_test_dev_init(&t, NULL, 64);
	sg_from_block(sg, block, idx, 3);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 3, DMA_FROM_DEVICE), 2);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[0]), dma_test_phys(block));
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[0]), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[1]), dma_test_phys(block + 2));
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[1]), 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[2]), 0);
	dma_unmap_sg(&t.dev, sg, 3, DMA_FROM_DEVICE);

	/* Part pages merge too when they meet: 2 KiB at the end of page 0 + page 1. */
	sg_init_table(sg, 2);
	sg_set_page(&sg[0], block, 2048, 2048);
	sg_set_page(&sg[1], block + 1, PAGE_SIZE, 0);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 2, DMA_FROM_DEVICE), 1);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[0]), dma_test_phys(block) + 2048);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[0]), 2048 + PAGE_SIZE);
	dma_unmap_sg(&t.dev, sg, 2, DMA_FROM_DEVICE);
	__free_pages(block, 2);
}

static void dma_map_sg_respects_segment_limits(struct kunit *test)
{
	static const int idx[] = { 0, 1, 2, 3 };
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[4];
	struct dma_test_dev t;

	KUNIT_ASSERT_NOT_NULL(test, block);
	dma_test_dev_init(&t, NULL, 64);
	t.dev.dma_parms = &t.parms;
	t.parms.max_segment_size = 2 * PAGE_SIZE;
	sg_from_block(sg, block, idx, 4);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 4, DMA_TO_DEVICE), 2);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[0]), 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[1]), dma_test_phys(block + 2));
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[1]), 2 * PAGE_SIZE);
	dma_unmap_sg(&t.dev, sg, 4, DMA_TO_DEVICE);

	/* A 64 KiB maximum, but no segment may cross a 4 KiB boundary. */
	t.parms.max_segment_size = 0;
	t.parms.segment_boundary_mask = PAGE_SIZE - 1;
	sg_from_block(sg, block, idx, 4);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 4, DMA_TO_DEVICE), 4);
	dma_unmap_sg(&t.dev, sg, 4, DMA_TO_DEVICE);
	__free_pages(block, 2);
}

/* Each bounced entry is its own segment, and its data goes both ways. */
static void dma_map_sg_bounced_entries_stay_apart(struct kunit *test)
{
	static const int idx[] = { 0, 1, 2, 3 };
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[4];
	struct dma_test_dev t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, block);
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	for (i = 0; i < 4; i++)
		dma_test_fill(page_address(block + i), PAGE_SIZE, i);
	sg_from_block(sg, block, idx, 4);
	KUNIT_ASSERT_EQ(test, dma_map_sg(&t.dev, sg, 4, DMA_BIDIRECTIONAL), 4);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_TRUE(test, is_swiotlb_buffer(sg_dma_address(&sg[i])));
		KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[i]), PAGE_SIZE);
		KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(sg_dma_address(&sg[i])),
						       PAGE_SIZE, i));
		dma_test_fill(phys_to_virt(sg_dma_address(&sg[i])), PAGE_SIZE, 10 + i);
	}
	dma_sync_sg_for_cpu(&t.dev, sg, 4, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(page_address(block + 3), PAGE_SIZE, 13));
	dma_test_fill(page_address(block + 1), PAGE_SIZE, 21);
	dma_sync_sg_for_device(&t.dev, sg, 4, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(sg_dma_address(&sg[1])),
					       PAGE_SIZE, 21));
	dma_test_fill(phys_to_virt(sg_dma_address(&sg[2])), PAGE_SIZE, 32);
	dma_unmap_sg(&t.dev, sg, 4, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(page_address(block + 2), PAGE_SIZE, 32));
	__free_pages(block, 2);
}

/* One entry the device reaches and one above its mask: one of each. */
static void dma_map_sg_mixes_direct_and_bounced(struct kunit *test)
{
	struct page *low, *high;
	struct scatterlist sg[2];
	struct dma_test_dev t;

	dma_test_dev_init(&t, NULL, 24);
	high = dma_test_pages_above(t.mask, 0);
	if (!high)
		kunit_skip(test, "no page above 16 MiB");
	low = dma_test_pages_below(t.mask, 0);
	KUNIT_ASSERT_NOT_NULL(test, low);
	dma_test_fill(page_address(high), PAGE_SIZE, 7);
	sg_init_table(sg, 2);
	sg_set_page(&sg[0], low, PAGE_SIZE, 0);
	sg_set_page(&sg[1], high, PAGE_SIZE, 0);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 2, DMA_TO_DEVICE), 2);
	KUNIT_EXPECT_EQ(test, sg_dma_address(&sg[0]), dma_test_phys(low));
	KUNIT_EXPECT_TRUE(test, is_swiotlb_buffer(sg_dma_address(&sg[1])));
	KUNIT_EXPECT_LE(test, sg_dma_address(&sg[1]) + PAGE_SIZE - 1, t.mask);
	KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(sg_dma_address(&sg[1])),
					       PAGE_SIZE, 7));
	dma_unmap_sg(&t.dev, sg, 2, DMA_TO_DEVICE);
	__free_page(low);
	__free_page(high);
}

/*
 * The third entry cannot bounce (one bounce buffer holds 256 KiB): the
 * two before it, already bounced, are undone, and the call returns 0.
 */
static void dma_map_sg_failure_leaves_nothing_mapped(struct kunit *test)
{
	struct page *a = alloc_page(GFP_KERNEL), *big = alloc_pages(GFP_KERNEL, 7);
	unsigned long used = dma_test_slots_used();
	unsigned long active = dma_debug_active_entries();
	struct scatterlist sg[3];
	struct dma_test_dev t;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, big);
	dma_test_expect_reports(test);	/* swiotlb says the entry is too big */
	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	sg_init_table(sg, 3);
	sg_set_page(&sg[0], a, 1024, 0);
	sg_set_page(&sg[1], a, 1024, 2048);
	sg_set_page(&sg[2], big, PAGE_SIZE << 7, 0);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 3, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used);
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), active);
	KUNIT_EXPECT_EQ(test, sg_dma_len(&sg[0]), 0);
	__free_page(a);
	__free_pages(big, 7);
}

static struct kunit_case dma_sg_cases[] = {
	KUNIT_CASE(dma_map_sg_merges_adjacent_pages),
	KUNIT_CASE(dma_map_sg_keeps_apart_non_adjacent),
	KUNIT_CASE(dma_map_sg_respects_segment_limits),
	KUNIT_CASE(dma_map_sg_bounced_entries_stay_apart),
	KUNIT_CASE(dma_map_sg_mixes_direct_and_bounced),
	KUNIT_CASE(dma_map_sg_failure_leaves_nothing_mapped),
	{}
};

static struct kunit_suite dma_sg_suite = {
	.name = "dma_sg",
	.init = dma_test_case_init,
	.exit = dma_test_case_exit,
	.test_cases = dma_sg_cases,
};
kunit_test_suite(dma_sg_suite);
