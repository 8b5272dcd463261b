/*
 * Helpers of the DMA suites (kernel/dma/dma_test.h): test devices, pages
 * on either side of a mask, patterns, and the counts a case compares.
 *
 * Locking: none; each case owns what it allocates.
 */
#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/string.h>

#include "dma_test.h"

#define DMA_TEST_TRIES	16	/* pages held back while looking higher */

struct device_driver dma_test_driver = { .name = "dmatest" };

void dma_test_dev_init(struct dma_test_dev *t, const char *name, int bits)
{
	memset(t, 0, sizeof(*t));
	if (name)
		strscpy(t->dev.name, name, sizeof(t->dev.name));
	else
		snprintf(t->dev.name, sizeof(t->dev.name), "dma%d", bits);
	t->dev.driver = &dma_test_driver;
	t->dev.numa_node = NUMA_NO_NODE;
	t->dev.dma_mask = &t->mask;
	t->mask = DMA_BIT_MASK(bits);
	t->dev.coherent_dma_mask = DMA_BIT_MASK(bits);
}

bool dma_test_ram_above(u64 limit)
{
	return PFN_PHYS(max_pfn) - 1 > limit;
}

/* One try on nid: a block, or NULL when the node has none to give. */
static struct page *dma_test_try_node(int nid, unsigned int order)
{
	return alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN,
				order);
}

struct page *dma_test_pages_above(u64 limit, unsigned int order)
{
	struct page *held[DMA_TEST_TRIES], *page, *found = NULL;
	int nid, n = 0, tries;

	for_each_online_node(nid) {
		for (tries = 0; !found && tries < 4 && n < DMA_TEST_TRIES; tries++) {
			page = dma_test_try_node(nid, order);
			if (!page)
				break;
			if (dma_test_phys(page) > limit)
				found = page;
			else
				held[n++] = page;
		}
	}
	while (n > 0)
		__free_pages(held[--n], order);
	return found;
}

struct page *dma_test_pages_below(u64 limit, unsigned int order)
{
	gfp_t gfp = limit < DMA_BIT_MASK(32) ? GFP_DMA : GFP_DMA32;
	struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

	if (page && dma_test_phys(page) + (PAGE_SIZE << order) - 1 > limit) {
		__free_pages(page, order);
		page = NULL;
	}
	return page;
}

void dma_test_fill(void *buf, size_t len, u8 seed)
{
	u8 *p = buf;
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (u8)(seed + i * 7 + (i >> 8));
}

bool dma_test_check(const void *buf, size_t len, u8 seed)
{
	const u8 *p = buf;
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (u8)(seed + i * 7 + (i >> 8)))
			return false;
	return true;
}

unsigned long dma_test_slots_used(void)
{
	struct swiotlb_stats st;

	swiotlb_get_stats(&st);
	return st.used;
}

void dma_test_counts(struct dma_test_counts *c)
{
	struct swiotlb_stats st;
	int i;

	swiotlb_get_stats(&st);
	c->slots_used = st.used;
	c->bad_unmaps = st.bad_unmaps;
	c->map_failed = st.map_failed;
	c->active_entries = dma_debug_active_entries();
	for (i = 0; i < NR_DMA_DEBUG_ERRS; i++)
		c->errors[i] = dma_debug_error_count(i);
}

/* What the running case started from; cases run one at a time. */
static struct dma_test_counts dma_case_start;
static bool dma_case_reports;
static bool dma_case_paused, dma_case_tracked;	/* dma_test_debug_pause() */

int dma_test_case_init(struct kunit *test)
{
	dma_test_counts(&dma_case_start);
	dma_case_reports = false;
	dma_case_paused = false;
	return 0;
}

void dma_test_debug_pause(void)
{
	dma_case_tracked = dma_debug_enabled();
	dma_case_paused = true;
	WRITE_ONCE(dma_debug_on, false);
}

void dma_test_debug_resume(void)
{
	if (dma_case_paused)
		WRITE_ONCE(dma_debug_on, dma_case_tracked);
	dma_case_paused = false;
}

void dma_test_expect_reports(struct kunit *test)
{
	dma_case_reports = true;
}

void dma_test_case_exit(struct kunit *test)
{
	struct dma_test_counts now;
	int i;

	dma_test_debug_resume();	/* if the case ended before it did */
	dma_test_counts(&now);
	KUNIT_EXPECT_EQ_MSG(test, now.slots_used, dma_case_start.slots_used,
			    "bounce slots left in use");
	KUNIT_EXPECT_EQ_MSG(test, now.active_entries,
			    dma_case_start.active_entries, "mappings left tracked");
	if (dma_case_reports)
		return;
	for (i = 0; i < NR_DMA_DEBUG_ERRS; i++)
		KUNIT_EXPECT_EQ_MSG(test, now.errors[i], dma_case_start.errors[i],
				    "unexpected reports of kind %d", i);
	KUNIT_EXPECT_EQ(test, now.bad_unmaps, dma_case_start.bad_unmaps);
	KUNIT_EXPECT_EQ(test, now.map_failed, dma_case_start.map_failed);
}

unsigned long dma_test_new_errors(const struct dma_test_counts *c,
				  enum dma_debug_err kind)
{
	return dma_debug_error_count(kind) - c->errors[kind];
}
