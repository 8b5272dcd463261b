/*
 * Tests of DMA-API debugging (suite "dma_debug"; needs dma_debug on the
 * command line, which every test configuration has): each of Linux's
 * reports provoked by the driver mistake that makes it, its text
 * checked word for word with the driver and device it names, the
 * mapping's caller and a backtrace, and its counter: an unmap of memory
 * never mapped (and of DMA_MAPPING_ERROR), with another size, function
 * or direction, without a dma_mapping_error() check; a driver released
 * with mappings left; a sync outside a mapping, of memory not mapped,
 * or in another direction; an sg list unmapped with the returned count
 * instead of nents, or with a segment longer than the device takes; a
 * double unmap, which frees nothing twice.  Every mapping is tracked
 * while it lives and /proc/dma-api counts them.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swiotlb.h>

#include "dma_test.h"

struct debug_case {
	struct dma_test_dev t;
	struct dma_test_counts before;
	void *buf;			/* a page of kmalloc memory */
};

/* A case of this suite; reports: it provokes some on purpose. */
static void debug_case_start(struct kunit *test, struct debug_case *c,
			     bool reports)
{
	dma_test_need_debug(test);
	if (reports)
		dma_test_expect_reports(test);
	dma_test_dev_init(&c->t, NULL, 64);
	c->buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c->buf);
	dma_test_counts(&c->before);
}

static noinline dma_addr_t map_checked(struct kunit *test, struct debug_case *c,
			      size_t size, enum dma_data_direction dir)
{
	dma_addr_t addr = dma_map_single(&c->t.dev, c->buf, size, dir);

	KUNIT_ASSERT_EQ(test, dma_mapping_error(&c->t.dev, addr), 0);
	return addr;
}

/* The capture holds want (and a backtrace); one report of kind was counted. */
static void expect_report(struct kunit *test, struct debug_case *c,
			  const char *out, const char *want,
			  enum dma_debug_err kind)
{
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "want \"%s\"", want);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call Trace:"));
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&c->before, kind), 1);
}

static void dma_debug_free_not_allocated(struct kunit *test)
{
	struct debug_case c;
	const char *out;

	debug_case_start(test, &c, true);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, 0x123000, 4096, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	expect_report(test, &c, out,
		      "DMA-API: dmatest dma64: device driver tries to free DMA memory it has not allocated [device address=0x0000000000123000] [size=4096 bytes]\n",
		      DMA_ERR_FREE_NOT_ALLOCATED);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, DMA_MAPPING_ERROR, 4096, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	expect_report(test, &c, out,
		      "DMA-API: dmatest dma64: device driver tries to free an invalid DMA memory address\n",
		      DMA_ERR_FREE_INVALID);
	kfree(c.buf);
}

static void dma_debug_different_size(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	const char *out;
	char want[200];

	debug_case_start(test, &c, true);
	addr = map_checked(test, &c, 4096, DMA_TO_DEVICE);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, addr, 2048, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "DMA-API: dmatest dma64: device driver frees DMA memory with different size [device address=0x%016llx] [map size=4096 bytes] [unmap size=2048 bytes]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_FREE_SIZE);
	/* The caller that mapped it, by name. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "DMA-API: Mapped at: map_checked+"));
	kfree(c.buf);
}

static void dma_debug_wrong_function(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	const char *out;
	char want[200];

	debug_case_start(test, &c, true);
	addr = dma_map_page(&c.t.dev, virt_to_page(c.buf), 0, 512, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&c.t.dev, addr), 0);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, addr, 512, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "DMA-API: dmatest dma64: device driver frees DMA memory with wrong function [device address=0x%016llx] [size=512 bytes] [mapped as page] [unmapped as single]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_FREE_FUNCTION);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Mapped at: dma_debug_wrong_function+"));
	kfree(c.buf);
}

static void dma_debug_different_direction(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	const char *out;
	char want[220];

	debug_case_start(test, &c, true);
	addr = map_checked(test, &c, 256, DMA_TO_DEVICE);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, addr, 256, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "DMA-API: dmatest dma64: device driver frees DMA memory with different direction [device address=0x%016llx] [size=256 bytes] [mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_FREE_DIRECTION);
	kfree(c.buf);
}

static void dma_debug_map_error_not_checked(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	const char *out;
	char want[200];

	debug_case_start(test, &c, true);
	addr = dma_map_single(&c.t.dev, c.buf, 64, DMA_TO_DEVICE);
	kunit_capture_start();
	dma_unmap_single(&c.t.dev, addr, 64, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "DMA-API: dmatest dma64: device driver failed to check map error[device address=0x%016llx] [size=64 bytes] [mapped as single]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_MAP_NOT_CHECKED);
	/* Checked: no report. */
	addr = map_checked(test, &c, 64, DMA_TO_DEVICE);
	dma_unmap_single(&c.t.dev, addr, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&c.before, DMA_ERR_MAP_NOT_CHECKED), 1);
	kfree(c.buf);
}

static void dma_debug_pending_at_release(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr, handle;
	const char *out;
	void *cpu;

	debug_case_start(test, &c, true);
	addr = map_checked(test, &c, 128, DMA_FROM_DEVICE);
	cpu = dma_alloc_coherent(&c.t.dev, PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, dma_debug_device_release(&c.t.dev), 2);
	out = kunit_capture_stop();
	expect_report(test, &c, out,
		      "DMA-API: dmatest dma64: device driver has pending DMA allocations while released from device [count=2]\n",
		      DMA_ERR_PENDING);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "One of leaked entries details: [device address=0x"));
	dma_unmap_single(&c.t.dev, addr, 128, DMA_FROM_DEVICE);
	dma_free_coherent(&c.t.dev, PAGE_SIZE, cpu, handle);
	KUNIT_EXPECT_EQ(test, dma_debug_device_release(&c.t.dev), 0);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&c.before, DMA_ERR_PENDING), 1);
	kfree(c.buf);
}

static void dma_debug_sync_checks(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	const char *out;
	char want[240];

	debug_case_start(test, &c, true);
	addr = map_checked(test, &c, 4096, DMA_FROM_DEVICE);
	dma_sync_single_for_cpu(&c.t.dev, addr + 1024, 1024, DMA_FROM_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_debug_error_count(DMA_ERR_SYNC_OUTSIDE),
			c.before.errors[DMA_ERR_SYNC_OUTSIDE]);

	kunit_capture_start();
	dma_sync_single_for_cpu(&c.t.dev, addr + 2048, 4096, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "DMA-API: dmatest dma64: device driver syncs DMA memory outside allocated range [device address=0x%016llx] [allocation size=4096 bytes] [sync offset+size=6144]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_SYNC_OUTSIDE);

	kunit_capture_start();
	dma_sync_single_for_device(&c.t.dev, addr, 4096, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "device driver syncs DMA memory with different direction [device address=0x%016llx] [size=4096 bytes] [mapped with DMA_FROM_DEVICE] [synced with DMA_TO_DEVICE]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_SYNC_DIRECTION);
	dma_unmap_single(&c.t.dev, addr, 4096, DMA_FROM_DEVICE);

	kunit_capture_start();
	dma_sync_single_for_cpu(&c.t.dev, addr, 4096, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	snprintf(want, sizeof(want),
		 "device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=4096 bytes]\n",
		 (unsigned long long)addr);
	expect_report(test, &c, out, want, DMA_ERR_SYNC_NOT_ALLOCATED);
	kfree(c.buf);
}

/* Bounced or direct, a second unmap is reported and frees nothing. */
static void dma_debug_double_unmap(struct kunit *test)
{
	struct debug_case c;
	dma_addr_t addr;
	int bounce;

	debug_case_start(test, &c, true);
	for (bounce = 0; bounce < 2; bounce++) {
		c.t.dev.dma_force_bounce = bounce;
		addr = map_checked(test, &c, 1024, DMA_TO_DEVICE);
		dma_unmap_single(&c.t.dev, addr, 1024, DMA_TO_DEVICE);
		dma_unmap_single(&c.t.dev, addr, 1024, DMA_TO_DEVICE);
		KUNIT_EXPECT_EQ(test, dma_test_slots_used(), c.before.slots_used);
	}
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&c.before, DMA_ERR_FREE_NOT_ALLOCATED), 2);
	kfree(c.buf);
}

static void dma_debug_sg_count_and_segment(struct kunit *test)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1);
	struct scatterlist sg[2];
	struct debug_case c;
	const char *out;
	int count;

	KUNIT_ASSERT_NOT_NULL(test, block);
	debug_case_start(test, &c, true);
	sg_init_table(sg, 2);
	sg_set_page(&sg[0], block, PAGE_SIZE, 0);
	sg_set_page(&sg[1], block + 1, PAGE_SIZE, 0);
	count = dma_map_sg(&c.t.dev, sg, 2, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, count, 1);
	kunit_capture_start();
	dma_unmap_sg(&c.t.dev, sg, count, DMA_TO_DEVICE);	/* should be 2 */
	out = kunit_capture_stop();
	expect_report(test, &c, out,
		      "DMA-API: dmatest dma64: device driver frees DMA sg list with different entry count [map count=2] [unmap count=1]\n",
		      DMA_ERR_SG_COUNT);

	c.t.dev.dma_parms = &c.t.parms;
	c.t.parms.max_segment_size = PAGE_SIZE;
	sg_init_table(sg, 1);
	sg_set_page(&sg[0], block, 2 * PAGE_SIZE, 0);
	kunit_capture_start();
	count = dma_map_sg(&c.t.dev, sg, 1, DMA_TO_DEVICE);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, count, 1);
	expect_report(test, &c, out,
		      "DMA-API: dmatest dma64: mapping sg segment longer than device claims to support [len=8192] [max=4096]\n",
		      DMA_ERR_SG_SEGMENT);
	dma_unmap_sg(&c.t.dev, sg, 1, DMA_TO_DEVICE);
	__free_pages(block, 1);
	kfree(c.buf);
}

/* Every kind of mapping is an entry while it lives. */
static void dma_debug_tracks_every_mapping(struct kunit *test)
{
	struct scatterlist sg[1];
	struct debug_case c;
	dma_addr_t single, page, handle;
	void *cpu;

	debug_case_start(test, &c, false);
	single = map_checked(test, &c, 64, DMA_TO_DEVICE);
	page = dma_map_page(&c.t.dev, virt_to_page(c.buf), 128, 64, DMA_FROM_DEVICE);
	KUNIT_ASSERT_EQ(test, dma_mapping_error(&c.t.dev, page), 0);
	sg_init_table(sg, 1);
	sg_set_page(sg, virt_to_page(c.buf), 64, 256);
	KUNIT_ASSERT_EQ(test, dma_map_sg(&c.t.dev, sg, 1, DMA_BIDIRECTIONAL), 1);
	cpu = dma_alloc_coherent(&c.t.dev, PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), c.before.active_entries + 4);
	KUNIT_EXPECT_EQ(test, dma_debug_device_entries(&c.t.dev), 4);
	dma_unmap_single(&c.t.dev, single, 64, DMA_TO_DEVICE);
	dma_unmap_page(&c.t.dev, page, 64, DMA_FROM_DEVICE);
	dma_unmap_sg(&c.t.dev, sg, 1, DMA_BIDIRECTIONAL);
	dma_free_coherent(&c.t.dev, PAGE_SIZE, cpu, handle);
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), c.before.active_entries);
	/* None of that was a mistake: the suite's exit sees no report. */
	kfree(c.buf);
}

static struct kunit_case dma_debug_cases[] = {
	KUNIT_CASE(dma_debug_free_not_allocated),
	KUNIT_CASE(dma_debug_different_size),
	KUNIT_CASE(dma_debug_wrong_function),
	KUNIT_CASE(dma_debug_different_direction),
	KUNIT_CASE(dma_debug_map_error_not_checked),
	KUNIT_CASE(dma_debug_pending_at_release),
	KUNIT_CASE(dma_debug_sync_checks),
	KUNIT_CASE(dma_debug_double_unmap),
	KUNIT_CASE(dma_debug_sg_count_and_segment),
	KUNIT_CASE(dma_debug_tracks_every_mapping),
	{}
};

static struct kunit_suite dma_debug_suite = {
	.name = "dma_debug",
	.init = dma_test_case_init,
	.exit = dma_test_case_exit,
	.test_cases = dma_debug_cases,
};
kunit_test_suite(dma_debug_suite);
