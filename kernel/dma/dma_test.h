/*
 * What the DMA suites share (the kernel/dma test files): test devices with a
 * mask of a given width, bound to a pretend driver "dmatest" so reports
 * name them ("DMA-API: dmatest dma28: ..."), and memory on either side
 * of a mask, found with the page allocator.
 *
 * None of this needs PCI: a struct device is all the DMA layer uses.
 */
#ifndef _KERNEL_DMA_TEST_H
#define _KERNEL_DMA_TEST_H

#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/swiotlb.h>

#include "debug.h"

struct dma_test_dev {
	struct device dev;
	u64 mask;			/* what dev.dma_mask points at */
	struct device_dma_parameters parms;
};

extern struct device_driver dma_test_driver;

/* A device named "dma<bits>" (or name) with both masks set to bits. */
void dma_test_dev_init(struct dma_test_dev *t, const char *name, int bits);

/* Is there RAM above limit at all? */
bool dma_test_ram_above(u64 limit);

/*
 * 2^order pages wholly above limit (tried on every node; NULL when
 * none turns up), or wholly at or below it.  Free with __free_pages().
 */
struct page *dma_test_pages_above(u64 limit, unsigned int order);
struct page *dma_test_pages_below(u64 limit, unsigned int order);

static inline phys_addr_t dma_test_phys(struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/* Fill len bytes with a pattern seeded by seed; check it. */
void dma_test_fill(void *buf, size_t len, u8 seed);
bool dma_test_check(const void *buf, size_t len, u8 seed);

/* Slots in use in all bounce pools, now. */
unsigned long dma_test_slots_used(void);

/* Counts a case compares before and after: the slots and debug entries. */
struct dma_test_counts {
	unsigned long slots_used;
	unsigned long active_entries;
	unsigned long errors[NR_DMA_DEBUG_ERRS];
	unsigned long bad_unmaps, map_failed;	/* swiotlb's own */
};

void dma_test_counts(struct dma_test_counts *c);
/* Reports of kind since c was taken. */
unsigned long dma_test_new_errors(const struct dma_test_counts *c,
				  enum dma_debug_err kind);

/*
 * Every DMA suite's init and exit: after each case, no bounce slot and
 * no tracked mapping may be left over, and no report may have appeared
 * unless the case said it provokes some (dma_test_expect_reports()).
 */
int dma_test_case_init(struct kunit *test);
void dma_test_case_exit(struct kunit *test);
void dma_test_expect_reports(struct kunit *test);

/*
 * Switch dma_debug's tracking off until dma_test_debug_resume() (or the
 * case's end), so that a case can test the untracked paths every
 * configuration would otherwise skip (they all boot with dma_debug).
 * No mapping may cross the switch.
 */
void dma_test_debug_pause(void);
void dma_test_debug_resume(void);

/* A small xorshift generator, for repeatable random runs. */
static inline u32 dma_test_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Skip the case unless dma_debug is on. */
#define dma_test_need_debug(test)					\
	do {								\
		if (!dma_debug_enabled())				\
			kunit_skip(test, "dma_debug is not on the command line"); \
	} while (0)

#endif
