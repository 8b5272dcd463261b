/*
 * Tests of the DMA mapping interface (suite "dma", docs/dma.md): masks
 * (24 bits and up accepted, narrower or no mask refused with -EIO), the
 * required mask; with test devices of 24, 28, 32 and 64-bit masks,
 * buffers below the mask mapped as they are (bus address = physical),
 * buffers above it bounced with the data right both ways, checked the
 * way a device would see it (through the direct-map view of the bus
 * address); syncs of bounced mappings, whole and in part; a per-device
 * force switch so machines with no RAM above a mask still bounce;
 * dma_map_page() offsets; coherent memory inside the coherent mask, in
 * the right zone and node; bad arguments and addresses outside the
 * direct map (stack, vmalloc, kernel text, rodata, data, user) refused
 * with DMA_MAPPING_ERROR and Linux's report, nothing left mapped; the
 * same answers from the inline paths dma_map_single() takes without
 * dma_debug; the old pci_* names when linux/pci.h exists; /proc/swiotlb
 * and /proc/dma-api.
 *
 * A case that finds no RAM above a mask (64 MiB is all below 28 bits)
 * tests the masks it can and skips when none is left.
 */
#include <asm/sections.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/pci-dma-compat.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swiotlb.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>

#include "direct.h"
#include "dma_test.h"

static const int mask_bits[] = { 24, 28, 32, 64 };

static void dma_set_mask_limits(struct kunit *test)
{
	static const int ok_bits[] = { 24, 28, 32, 40, 64 };
	struct dma_test_dev t;
	int i;

	for (i = 0; i < ARRAY_SIZE(ok_bits); i++) {
		dma_test_dev_init(&t, NULL, 64);
		KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&t.dev,
					DMA_BIT_MASK(ok_bits[i])), 0);
		KUNIT_EXPECT_EQ(test, t.mask, DMA_BIT_MASK(ok_bits[i]));
		KUNIT_EXPECT_EQ(test, t.dev.coherent_dma_mask,
				DMA_BIT_MASK(ok_bits[i]));
		KUNIT_EXPECT_EQ(test, dma_get_mask(&t.dev), DMA_BIT_MASK(ok_bits[i]));
	}
	dma_test_dev_init(&t, NULL, 32);
	KUNIT_EXPECT_EQ(test, dma_set_mask(&t.dev, DMA_BIT_MASK(23)), -EIO);
	KUNIT_EXPECT_EQ(test, dma_set_mask(&t.dev, DMA_BIT_MASK(16)), -EIO);
	KUNIT_EXPECT_EQ(test, dma_set_coherent_mask(&t.dev, 0), -EIO);
	KUNIT_EXPECT_EQ(test, t.mask, DMA_BIT_MASK(32));
	KUNIT_EXPECT_EQ(test, t.dev.coherent_dma_mask, DMA_BIT_MASK(32));
	t.dev.dma_mask = NULL;
	KUNIT_EXPECT_EQ(test, dma_set_mask(&t.dev, DMA_BIT_MASK(32)), -EIO);
	KUNIT_EXPECT_EQ(test, dma_set_coherent_mask(&t.dev, DMA_BIT_MASK(32)), -EIO);
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&t.dev, DMA_BIT_MASK(64)),
			-EIO);
	KUNIT_EXPECT_EQ(test, dma_set_mask(NULL, DMA_BIT_MASK(32)), -EIO);
	/* No mask (or 0) reads as Linux's default of 32 bits. */
	KUNIT_EXPECT_EQ(test, dma_get_mask(&t.dev), DMA_BIT_MASK(32));
	KUNIT_EXPECT_EQ(test, DMA_BIT_MASK(64), ~0ULL);
	KUNIT_EXPECT_EQ(test, DMA_BIT_MASK(28), 0xfffffffULL);
}

static void dma_get_required_mask_reaches_all_ram(struct kunit *test)
{
	struct dma_test_dev t;
	u64 last = PFN_PHYS(max_pfn) - 1, mask;

	dma_test_dev_init(&t, NULL, 64);
	mask = dma_get_required_mask(&t.dev);
	KUNIT_EXPECT_EQ(test, mask & (mask + 1), 0);	/* 2^n - 1 */
	KUNIT_EXPECT_GE(test, mask, last);
	KUNIT_EXPECT_LT(test, mask >> 1, last);
}

static void dma_map_single_below_mask_is_direct(struct kunit *test)
{
	unsigned long used = dma_test_slots_used();
	struct dma_test_dev t;
	struct page *page;
	dma_addr_t addr;
	int i;

	for (i = 0; i < ARRAY_SIZE(mask_bits); i++) {
		dma_test_dev_init(&t, NULL, mask_bits[i]);
		page = dma_test_pages_below(t.mask, 0);
		KUNIT_ASSERT_NOT_NULL(test, page);
		addr = dma_map_single(&t.dev, (char *)page_address(page) + 100,
				      1000, DMA_TO_DEVICE);
		KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
		KUNIT_EXPECT_EQ_MSG(test, addr, dma_test_phys(page) + 100,
				    "%d-bit mask", mask_bits[i]);
		KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used);
		dma_unmap_single(&t.dev, addr, 1000, DMA_TO_DEVICE);
		__free_page(page);
	}
}

/* A page above t's mask, or NULL (the caller moves on to the next mask). */
static struct page *page_above_mask(struct kunit *test, struct dma_test_dev *t)
{
	if (!dma_test_ram_above(t->mask))
		return NULL;
	return dma_test_pages_above(t->mask, 0);
}

/* The device's view of a bounced mapping: checks that make it one. */
static void expect_bounced(struct kunit *test, struct dma_test_dev *t,
			   dma_addr_t addr, phys_addr_t phys, size_t size)
{
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t->dev, addr), 0);
	KUNIT_EXPECT_NE(test, addr, phys);
	KUNIT_EXPECT_TRUE(test, is_swiotlb_buffer(addr));
	KUNIT_EXPECT_LE_MSG(test, addr + size - 1, t->mask, "%s", t->dev.name);
}

static void dma_map_single_above_mask_bounces_to_device(struct kunit *test)
{
	unsigned long used = dma_test_slots_used();
	int i, tested = 0;
	struct dma_test_dev t;
	struct page *page;
	dma_addr_t addr;
	void *buf;

	for (i = 0; i < ARRAY_SIZE(mask_bits); i++) {
		dma_test_dev_init(&t, NULL, mask_bits[i]);
		page = page_above_mask(test, &t);
		if (!page)
			continue;
		buf = page_address(page);
		dma_test_fill(buf, PAGE_SIZE, i);
		addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
		expect_bounced(test, &t, addr, dma_test_phys(page), PAGE_SIZE);
		KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(addr), PAGE_SIZE, i));
		KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used + 2);
		dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_TO_DEVICE);
		KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used);
		__free_page(page);
		tested++;
	}
	if (!tested)
		kunit_skip(test, "no RAM above a 24-bit mask");
	kunit_info(test, "bounced for %d of the masks", tested);
}

static void dma_map_single_above_mask_bounces_from_device(struct kunit *test)
{
	int i, tested = 0;
	struct dma_test_dev t;
	struct page *page;
	dma_addr_t addr;
	void *buf;

	for (i = 0; i < ARRAY_SIZE(mask_bits); i++) {
		dma_test_dev_init(&t, NULL, mask_bits[i]);
		page = page_above_mask(test, &t);
		if (!page)
			continue;
		buf = page_address(page);
		memset(buf, 0, PAGE_SIZE);
		addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_FROM_DEVICE);
		expect_bounced(test, &t, addr, dma_test_phys(page), PAGE_SIZE);
		/* The device writes: through the bus address, never the buffer. */
		dma_test_fill(phys_to_virt(addr), PAGE_SIZE, 40 + i);
		KUNIT_EXPECT_FALSE(test, dma_test_check(buf, PAGE_SIZE, 40 + i));
		dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_FROM_DEVICE);
		KUNIT_EXPECT_TRUE_MSG(test, dma_test_check(buf, PAGE_SIZE, 40 + i),
				      "%s", t.dev.name);
		__free_page(page);
		tested++;
	}
	if (!tested)
		kunit_skip(test, "no RAM above a 24-bit mask");
}

/* Bidirectional, bounced by force: syncs move the data each way, in part too. */
static void dma_sync_single_bounced_both_ways(struct kunit *test)
{
	struct dma_test_dev t;
	dma_addr_t addr;
	u8 *buf, *dev_view;

	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_fill(buf, PAGE_SIZE, 1);
	addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_BIDIRECTIONAL);
	expect_bounced(test, &t, addr, virt_to_phys(buf), PAGE_SIZE);
	dev_view = phys_to_virt(addr);
	KUNIT_EXPECT_TRUE(test, dma_test_check(dev_view, PAGE_SIZE, 1));

	dma_test_fill(dev_view, PAGE_SIZE, 2);		/* device writes */
	dma_sync_single_for_cpu(&t.dev, addr, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(buf, PAGE_SIZE, 2));

	dma_test_fill(buf, PAGE_SIZE, 3);		/* CPU writes */
	dma_sync_single_for_device(&t.dev, addr, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(dev_view, PAGE_SIZE, 3));

	/* Part of the mapping: 512 bytes at 1024, and nothing else. */
	memset(dev_view + 1024, 0xa5, 512);
	dma_sync_single_for_cpu(&t.dev, addr + 1024, 512, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_EQ(test, buf[1024], 0xa5);
	KUNIT_EXPECT_EQ(test, buf[1535], 0xa5);
	KUNIT_EXPECT_TRUE(test, dma_test_check(buf, 1024, 3));
	KUNIT_EXPECT_NE(test, buf[1536], 0xa5);

	memset(dev_view, 0x5a, PAGE_SIZE);
	dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_EQ(test, buf[0], 0x5a);
	KUNIT_EXPECT_EQ(test, buf[PAGE_SIZE - 1], 0x5a);
	kfree(buf);
}

/* dma_force_bounce: every machine bounces, whatever its RAM. */
static void dma_force_bounce_round_trip(struct kunit *test)
{
	unsigned long used = dma_test_slots_used();
	struct dma_test_dev t;
	dma_addr_t addr;
	u8 *buf;

	dma_test_dev_init(&t, "dmaforce", 64);
	t.dev.dma_force_bounce = true;
	buf = kmalloc(3000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_fill(buf, 3000, 9);
	addr = dma_map_single(&t.dev, buf, 3000, DMA_TO_DEVICE);
	expect_bounced(test, &t, addr, virt_to_phys(buf), 3000);
	KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(addr), 3000, 9));
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used + 2);
	dma_unmap_single(&t.dev, addr, 3000, DMA_TO_DEVICE);

	addr = dma_map_single(&t.dev, buf, 3000, DMA_FROM_DEVICE);
	expect_bounced(test, &t, addr, virt_to_phys(buf), 3000);
	dma_test_fill(phys_to_virt(addr), 3000, 10);
	dma_unmap_single(&t.dev, addr, 3000, DMA_FROM_DEVICE);
	KUNIT_EXPECT_TRUE(test, dma_test_check(buf, 3000, 10));
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), used);
	kfree(buf);
}

static void dma_map_page_keeps_offset(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct dma_test_dev t;
	dma_addr_t addr;
	u8 *buf;

	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
	dma_test_fill(buf + 300, 2000, 5);
	dma_test_dev_init(&t, NULL, 64);
	addr = dma_map_page(&t.dev, page, 300, 2000, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
	KUNIT_EXPECT_EQ(test, addr, dma_test_phys(page) + 300);
	dma_unmap_page(&t.dev, addr, 2000, DMA_TO_DEVICE);

	t.dev.dma_force_bounce = true;
	addr = dma_map_page(&t.dev, page, 300, 2000, DMA_TO_DEVICE);
	expect_bounced(test, &t, addr, dma_test_phys(page) + 300, 2000);
	KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(addr), 2000, 5));
	dma_unmap_page(&t.dev, addr, 2000, DMA_TO_DEVICE);
	__free_page(page);
}

/* Each call refused, nothing mapped, each counted as a bad argument. */
static void dma_map_refuses_bad_arguments(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL), *last;
	struct dma_test_counts before;
	struct dma_test_dev t, nomask;
	struct scatterlist sg[2];
	void *buf;

	KUNIT_ASSERT_NOT_NULL(test, page);
	buf = page_address(page);
	dma_test_dev_init(&t, NULL, 64);
	dma_test_dev_init(&nomask, "dmanomask", 64);
	nomask.dev.dma_mask = NULL;
	last = pfn_to_page(max_pfn - 1);
	dma_test_counts(&before);
	dma_test_expect_reports(test);

	KUNIT_EXPECT_EQ(test, dma_map_single(NULL, buf, 64, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(&nomask.dev, buf, 64, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, buf, 0, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, buf, 64, DMA_NONE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, (void *)-16L, 64, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_page(&t.dev, page, PAGE_SIZE, 64, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_page(&t.dev, NULL, 0, 64, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_page(&t.dev, last, 0, 2 * PAGE_SIZE, DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_BAD_ARGUMENT), 8);

	sg_init_table(sg, 2);
	sg_set_page(&sg[0], page, 64, 0);
	sg_set_page(&sg[1], page, 64, PAGE_SIZE);	/* offset past its page */
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 2, DMA_TO_DEVICE), 0);
	sg_set_page(&sg[1], page, 0, 128);		/* length 0 */
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 2, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 0, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 3, DMA_TO_DEVICE), 0);	/* too few */
	KUNIT_EXPECT_EQ(test, dma_map_sg(&t.dev, sg, 1, DMA_NONE), 0);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_BAD_ARGUMENT), 13);

	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), before.slots_used);
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), before.active_entries);
	__free_page(page);
}

static char dma_test_data_buf[64];
static const char dma_test_rodata_buf[64] = "read-only: no device may write here";

/* Map addr and expect the refusal report naming area, len 64. */
static void expect_area_refused(struct kunit *test, struct dma_test_dev *t,
				void *addr, const char *area)
{
	char want[160];
	const char *out;
	dma_addr_t dma;

	snprintf(want, sizeof(want),
		 "DMA-API: dmatest %s: device driver maps memory from %s [addr=%p] [len=64]\n",
		 t->dev.name, area, addr);
	kunit_capture_start();
	dma = dma_map_single(&t->dev, addr, 64, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, dma, DMA_MAPPING_ERROR);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "want \"%s\"", want);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call Trace:"));
}

static void expect_page_refused(struct kunit *test, struct dma_test_dev *t,
				struct page *page, const char *area)
{
	char want[128];
	const char *out;
	dma_addr_t dma;

	snprintf(want, sizeof(want), "device driver maps memory from %s [addr=",
		 area);
	kunit_capture_start();
	dma = dma_map_page(&t->dev, page, 0, 64, DMA_FROM_DEVICE);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, dma, DMA_MAPPING_ERROR);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, want), "want \"%s\"", want);
}

/* In every build, dma_debug or not: these addresses never reach a device. */
static void dma_map_refuses_memory_outside_direct_map(struct kunit *test)
{
	struct dma_test_counts before;
	char stack_buf[64];
	struct dma_test_dev t;
	void *vbuf = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, vbuf);
	dma_test_dev_init(&t, NULL, 64);
	dma_test_counts(&before);
	dma_test_expect_reports(test);
	kunit_info(test, "eight refusal reports with backtraces follow");
	expect_area_refused(test, &t, vbuf, "vmalloc area");
	expect_area_refused(test, &t, stack_buf, "stack");
	expect_area_refused(test, &t, (void *)dma_map_single, "kernel text");
	expect_area_refused(test, &t, (void *)dma_test_rodata_buf, "kernel rodata");
	expect_area_refused(test, &t, dma_test_data_buf, "kernel data");
	expect_page_refused(test, &t, pfn_to_page(PHYS_PFN(__pa_symbol(_text))),
			    "kernel text");
	expect_page_refused(test, &t, vmalloc_to_page(stack_buf), "stack");
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_ILLEGAL_AREA), 7);
	/* A user address is no direct-map address either. */
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, (void *)0x400000UL, 64,
					     DMA_TO_DEVICE), DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), before.slots_used);
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), before.active_entries);
	vfree(vbuf);
}

/*
 * Without dma_debug (as `make run` boots, unlike the tests), the inline
 * paths of dma_map_single() and dma_unmap_single() answer: the same
 * answers as the checked paths.  Direct, counted; bounced both ways and
 * freed; the same refusals with the same reports.
 */
static void dma_map_single_untracked_same_answers(struct kunit *test)
{
	struct dma_test_dev t, tb;
	struct dma_test_counts before;
	void *vbuf = vmalloc(PAGE_SIZE);
	u8 *buf = kmalloc(3000, GFP_KERNEL);
	unsigned long direct;
	char stack_buf[64];
	dma_addr_t addr;

	KUNIT_ASSERT_NOT_NULL(test, vbuf);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_dev_init(&t, NULL, 64);
	dma_test_dev_init(&tb, "dmaforce", 64);
	tb.dev.dma_force_bounce = true;
	dma_test_counts(&before);
	dma_test_expect_reports(test);
	dma_test_debug_pause();

	direct = dma_direct_mapped_count();
	addr = dma_map_single(&t.dev, buf, 3000, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, addr, virt_to_phys(buf));
	KUNIT_EXPECT_GT(test, dma_direct_mapped_count(), direct);
	dma_unmap_single(&t.dev, addr, 3000, DMA_TO_DEVICE);

	dma_test_fill(buf, 3000, 11);
	addr = dma_map_single(&tb.dev, buf, 3000, DMA_BIDIRECTIONAL);
	expect_bounced(test, &tb, addr, virt_to_phys(buf), 3000);
	KUNIT_EXPECT_TRUE(test, dma_test_check(phys_to_virt(addr), 3000, 11));
	dma_test_fill(phys_to_virt(addr), 3000, 12);
	dma_unmap_single(&tb.dev, addr, 3000, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_TRUE(test, dma_test_check(buf, 3000, 12));
	KUNIT_EXPECT_EQ(test, dma_test_slots_used(), before.slots_used);

	kunit_info(test, "four refusal reports with backtraces follow");
	expect_area_refused(test, &t, vbuf, "vmalloc area");
	expect_area_refused(test, &t, stack_buf, "stack");
	expect_area_refused(test, &t, (void *)dma_map_single, "kernel text");
	expect_area_refused(test, &t, (void *)dma_test_rodata_buf, "kernel rodata");
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_ILLEGAL_AREA), 4);
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, buf, 0, DMA_TO_DEVICE),
			DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(&t.dev, buf, 64, DMA_NONE),
			DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_map_single(NULL, buf, 64, DMA_TO_DEVICE),
			DMA_MAPPING_ERROR);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_BAD_ARGUMENT), 3);

	dma_test_debug_resume();
	KUNIT_EXPECT_EQ(test, dma_debug_active_entries(), before.active_entries);
	kfree(buf);
	vfree(vbuf);
}

static bool all_zero(const u8 *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

static void dma_alloc_coherent_within_mask(struct kunit *test)
{
	struct dma_test_dev t;
	dma_addr_t handle;
	u8 *cpu;
	int i;

	for (i = 0; i < ARRAY_SIZE(mask_bits); i++) {
		dma_test_dev_init(&t, NULL, mask_bits[i]);
		cpu = dma_alloc_coherent(&t.dev, 3 * PAGE_SIZE, &handle, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL_MSG(test, cpu, "%d bits", mask_bits[i]);
		KUNIT_EXPECT_EQ(test, virt_to_phys(cpu), handle);
		KUNIT_EXPECT_LE(test, handle + 3 * PAGE_SIZE - 1, t.dev.coherent_dma_mask);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED(handle, PAGE_SIZE));
		KUNIT_EXPECT_TRUE(test, all_zero(cpu, 3 * PAGE_SIZE));
		if (mask_bits[i] == 24)
			KUNIT_EXPECT_EQ(test, page_zonenum(virt_to_page(cpu)), ZONE_DMA);
		dma_free_coherent(&t.dev, 3 * PAGE_SIZE, cpu, handle);
	}
}

/* A 64-bit device on node n gets its memory from n, for each node with memory. */
static void dma_alloc_coherent_on_device_node(struct kunit *test)
{
	struct dma_test_dev t;
	dma_addr_t handle;
	void *cpu;
	int nid;

	for_each_online_node(nid) {
		if (!node_has_memory(nid))
			continue;
		dma_test_dev_init(&t, NULL, 64);
		t.dev.numa_node = nid;
		cpu = dma_alloc_coherent(&t.dev, PAGE_SIZE, &handle, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, cpu);
		KUNIT_EXPECT_EQ_MSG(test, page_to_nid(virt_to_page(cpu)), nid,
				    "device on node %d", nid);
		dma_free_coherent(&t.dev, PAGE_SIZE, cpu, handle);
	}
}

static void dma_alloc_coherent_refuses_bad_calls(struct kunit *test)
{
	struct dma_test_counts before;
	struct dma_test_dev t;
	dma_addr_t handle;
	void *cpu;

	dma_test_dev_init(&t, NULL, 32);
	dma_test_counts(&before);
	dma_test_expect_reports(test);
	KUNIT_EXPECT_NULL(test, dma_alloc_coherent(&t.dev, 0, &handle, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, dma_alloc_coherent(&t.dev, 8UL << 20, &handle,
						   GFP_KERNEL));
	t.dev.coherent_dma_mask = 0;
	KUNIT_EXPECT_NULL(test, dma_alloc_coherent(&t.dev, PAGE_SIZE, &handle,
						   GFP_KERNEL));
	t.dev.coherent_dma_mask = DMA_BIT_MASK(32);
	cpu = dma_alloc_coherent(&t.dev, PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	/* A handle that is not this memory's: refused, nothing freed. */
	dma_free_coherent(&t.dev, PAGE_SIZE, cpu, handle + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, page_count(virt_to_page(cpu)), 1);
	KUNIT_EXPECT_EQ(test, dma_test_new_errors(&before, DMA_ERR_BAD_ARGUMENT), 4);
	dma_free_coherent(&t.dev, PAGE_SIZE, cpu, handle);
}

static void dma_mapping_error_and_limits(struct kunit *test)
{
	struct dma_test_dev t;

	dma_test_dev_init(&t, NULL, 64);
	KUNIT_EXPECT_NE(test, dma_mapping_error(&t.dev, DMA_MAPPING_ERROR), 0);
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, 0x100000), 0);
	KUNIT_EXPECT_EQ(test, dma_max_mapping_size(&t.dev), (size_t)-1);
	KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(&t.dev), 65536);
	KUNIT_EXPECT_EQ(test, dma_get_seg_boundary(&t.dev), 0xffffffffUL);
	KUNIT_EXPECT_EQ(test, dma_set_max_seg_size(&t.dev, 4096), -EIO);
	t.dev.dma_parms = &t.parms;
	KUNIT_EXPECT_EQ(test, dma_set_max_seg_size(&t.dev, 8192), 0);
	KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(&t.dev), 8192);
	t.dev.dma_force_bounce = true;
	KUNIT_EXPECT_EQ(test, dma_max_mapping_size(&t.dev), IO_TLB_MAX_MAPPING);
	dma_test_dev_init(&t, NULL, 24);
	KUNIT_EXPECT_EQ(test, dma_max_mapping_size(&t.dev), IO_TLB_MAX_MAPPING);
}

/* A /proc file into a kmalloc'd buffer (NUL-terminated). */
static char *read_proc(struct kunit *test, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n, len = 0;
	char *buf;

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s", path);
	buf = kzalloc(4096, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	while ((n = kernel_read(f, buf + len, 4095 - len, &pos)) > 0)
		len += n;
	filp_close(f, NULL);
	return buf;
}

/* The number after "name " at the start of a line, or -1. */
static long proc_value(const char *text, const char *name)
{
	char key[48];
	const char *p;
	long v = 0;

	snprintf(key, sizeof(key), "\n%s ", name);
	p = strstr(text, key);
	if (!p)
		return -1;
	for (p += strlen(key); *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	return v;
}

/* One bounced round trip and one direct mapping, for the counters. */
static void bounce_once(struct kunit *test)
{
	struct dma_test_dev t;
	dma_addr_t addr;
	void *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_test_dev_init(&t, NULL, 64);
	addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
	dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_TO_DEVICE);
	t.dev.dma_force_bounce = true;
	addr = dma_map_single(&t.dev, buf, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_EQ(test, dma_mapping_error(&t.dev, addr), 0);
	dma_unmap_single(&t.dev, addr, PAGE_SIZE, DMA_BIDIRECTIONAL);
	kfree(buf);
}

static void proc_swiotlb_and_dma_api_text(struct kunit *test)
{
	struct swiotlb_stats st;
	char *text;

	bounce_once(test);
	text = read_proc(test, "/proc/swiotlb");
	swiotlb_get_stats(&st);
	KUNIT_EXPECT_TRUE(test, !strncmp(text, "pool main [mem 0x", 17));
	KUNIT_EXPECT_EQ(test, proc_value(text, "io_tlb_nslabs"), st.nslabs);
	KUNIT_EXPECT_EQ(test, proc_value(text, "io_tlb_used"), st.used);
	KUNIT_EXPECT_GE(test, proc_value(text, "io_tlb_used_hiwater"), 2);
	KUNIT_EXPECT_GT(test, proc_value(text, "bounced_bytes_to_device"), 0);
	KUNIT_EXPECT_GT(test, proc_value(text, "bounced_bytes_from_device"), 0);
	KUNIT_EXPECT_GT(test, proc_value(text, "mappings_bounced"), 0);
	KUNIT_EXPECT_GT(test, proc_value(text, "mappings_direct"), 0);
	KUNIT_EXPECT_GE(test, proc_value(text, "mappings_failed"), 0);
	KUNIT_EXPECT_GE(test, proc_value(text, "bad_unmaps"), 0);
	KUNIT_EXPECT_EQ(test, proc_value(text, "force"), 0);
	kfree(text);

	text = read_proc(test, "/proc/dma-api");
	KUNIT_EXPECT_EQ(test, proc_value(text, "num_active_entries"),
			dma_debug_active_entries());
	KUNIT_EXPECT_EQ(test, proc_value(text, "illegal_area"),
			dma_debug_error_count(DMA_ERR_ILLEGAL_AREA));
	KUNIT_EXPECT_TRUE(test, !strncmp(text, "disabled ", 9));
	kfree(text);
}

/* A PCI device of the test's own (no bus behind it), mask unset. */
static struct pci_dev *test_pci_dev(struct kunit *test, u64 *mask)
{
	struct pci_dev *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pdev);
	strscpy(pdev->dev.name, "dmapci", sizeof(pdev->dev.name));
	pdev->dev.driver = &dma_test_driver;
	*mask = 0;
	pdev->dev.dma_mask = mask;
	pdev->dev.numa_node = NUMA_NO_NODE;
	return pdev;
}

/* The old names map exactly as the new ones (they are the new ones). */
static void pci_compat_wrappers_map_the_same(struct kunit *test)
{
	u64 mask;
	struct pci_dev *pdev = test_pci_dev(test, &mask);
	dma_addr_t addr, handle;
	void *buf, *cpu;

	KUNIT_EXPECT_EQ(test, pci_set_dma_mask(pdev, DMA_BIT_MASK(64)), 0);
	KUNIT_EXPECT_EQ(test, pci_set_consistent_dma_mask(pdev, DMA_BIT_MASK(32)), 0);
	KUNIT_EXPECT_EQ(test, (int)PCI_DMA_TODEVICE, (int)DMA_TO_DEVICE);
	buf = kmalloc(256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	addr = pci_map_single(pdev, buf, 256, PCI_DMA_TODEVICE);
	KUNIT_EXPECT_EQ(test, pci_dma_mapping_error(pdev, addr), 0);
	KUNIT_EXPECT_EQ(test, addr, virt_to_phys(buf));
	pci_unmap_single(pdev, addr, 256, PCI_DMA_TODEVICE);
	pdev->dev.dma_force_bounce = true;
	addr = pci_map_single(pdev, buf, 256, PCI_DMA_FROMDEVICE);
	KUNIT_EXPECT_EQ(test, pci_dma_mapping_error(pdev, addr), 0);
	KUNIT_EXPECT_TRUE(test, is_swiotlb_buffer(addr));
	pci_unmap_single(pdev, addr, 256, PCI_DMA_FROMDEVICE);
	cpu = pci_alloc_consistent(pdev, PAGE_SIZE, &handle);
	KUNIT_ASSERT_NOT_NULL(test, cpu);
	KUNIT_EXPECT_LE(test, handle, DMA_BIT_MASK(32));
	pci_free_consistent(pdev, PAGE_SIZE, cpu, handle);
	kfree(buf);
	kfree(pdev);
}

/*
 * The course text's example compiles and runs as it is written there:
 * a page from a node, mapped through Linux 2.4's page->virtual with the
 * old name (a 64-bit device: the bus address is the page's own).
 */
static void pci_map_single_course_text_example(struct kunit *test)
{
	u64 mask;
	struct pci_dev *my_dev = test_pci_dev(test, &mask);
	int node_id = numa_node_id(), direction = PCI_DMA_TODEVICE;
	unsigned int gfp_mask = GFP_KERNEL, order = 0;
	size_t size = PAGE_SIZE;
	dma_addr_t dma_addr;

	KUNIT_ASSERT_EQ(test, pci_set_dma_mask(my_dev, DMA_BIT_MASK(64)), 0);
	struct page * my_page; my_page = alloc_pages_node(node_id, gfp_mask, order); dma_addr = pci_map_single(my_dev, my_page -> virtual, size, direction);
	KUNIT_ASSERT_NOT_NULL(test, my_page);
	KUNIT_EXPECT_PTR_EQ(test, my_page->virtual, page_address(my_page));
	KUNIT_EXPECT_EQ(test, pci_dma_mapping_error(my_dev, dma_addr), 0);
	KUNIT_EXPECT_EQ(test, dma_addr, page_to_phys(my_page));
	pci_unmap_single(my_dev, dma_addr, size, direction);
	__free_pages(my_page, order);
	kfree(my_dev);
}

static struct kunit_case dma_cases[] = {
	KUNIT_CASE(dma_set_mask_limits),
	KUNIT_CASE(dma_get_required_mask_reaches_all_ram),
	KUNIT_CASE(dma_map_single_below_mask_is_direct),
	KUNIT_CASE(dma_map_single_above_mask_bounces_to_device),
	KUNIT_CASE(dma_map_single_above_mask_bounces_from_device),
	KUNIT_CASE(dma_sync_single_bounced_both_ways),
	KUNIT_CASE(dma_force_bounce_round_trip),
	KUNIT_CASE(dma_map_page_keeps_offset),
	KUNIT_CASE(dma_map_refuses_bad_arguments),
	KUNIT_CASE(dma_map_refuses_memory_outside_direct_map),
	KUNIT_CASE(dma_map_single_untracked_same_answers),
	KUNIT_CASE(dma_alloc_coherent_within_mask),
	KUNIT_CASE(dma_alloc_coherent_on_device_node),
	KUNIT_CASE(dma_alloc_coherent_refuses_bad_calls),
	KUNIT_CASE(dma_mapping_error_and_limits),
	KUNIT_CASE(proc_swiotlb_and_dma_api_text),
	KUNIT_CASE(pci_compat_wrappers_map_the_same),
	KUNIT_CASE(pci_map_single_course_text_example),
	{}
};

static struct kunit_suite dma_suite = {
	.name = "dma",
	.init = dma_test_case_init,
	.exit = dma_test_case_exit,
	.test_cases = dma_cases,
};
kunit_test_suite(dma_suite);
