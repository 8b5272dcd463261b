/*
 * Tests of vmalloc and ioremap (suite "vmalloc"): large areas whose
 * pages need not be contiguous, the guard page after each area, every
 * page returned by vfree, reuse of freed ranges, vzalloc, bad vfree
 * calls, and ioremap's uncached view of a physical page.
 */
#include <asm/traps.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

static void touch(void *addr)
{
	*(volatile u8 *)addr = 1;
}

/* Free pages once caches and per-CPU lists have given back what they hold. */
static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

static void check_area(struct kunit *test, unsigned long size)
{
	unsigned long free_before, off, scattered = 0, cr2 = 0;
	struct page *page, *prev = NULL;
	u8 *p;

	vfree(vmalloc(size));		/* page tables for the range now exist */
	free_before = settled_free_pages();
	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %lu", size);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_FALSE(test, virt_addr_valid((unsigned long)p));
	for (off = 0; off < size; off += PAGE_SIZE) {
		p[off] = (u8)(off >> PAGE_SHIFT);
		page = vmalloc_to_page(p + off);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, *(u8 *)page_address(page), (u8)(off >> PAGE_SHIFT));
		scattered += prev && page_to_pfn(page) != page_to_pfn(prev) + 1;
		prev = page;
	}
	kunit_info(test, "%lu KiB: %lu of %lu pages not right after the previous",
		   size >> 10, scattered, size >> PAGE_SHIFT);
	/* The page after the area is the unmapped guard. */
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(touch, p + size, &cr2), X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, cr2, (unsigned long)(p + size));
	vfree(p);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(touch, p, NULL), X86_TRAP_PF);
}

static void vmalloc_1m(struct kunit *test)
{
	check_area(test, SZ_1M);
}

static void vmalloc_64m(struct kunit *test)
{
	if (settled_free_pages() < (96UL << 20) >> PAGE_SHIFT)
		kunit_skip(test, "needs more than 96 MiB free; this machine has less");
	check_area(test, 64 * SZ_1M);
}

static void vmalloc_reuse_and_zero(struct kunit *test)
{
	u8 *a, *b;

	a = vmalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, a);
	memset(a, 0xee, 3 * PAGE_SIZE);
	vfree(a);
	b = vzalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_EQ(test, b, a);		/* the freed range again */
	KUNIT_EXPECT_EQ(test, b[0] | b[PAGE_SIZE] | b[3 * PAGE_SIZE - 1], 0);
	vfree(b);
}

static void vmalloc_bad_calls(struct kunit *test)
{
	void *k = kmalloc(32, GFP_KERNEL);
	const char *out;

	KUNIT_EXPECT_NULL(test, vmalloc(0));
	KUNIT_EXPECT_NULL(test, vmalloc(1UL << 45));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(k));
	vfree(NULL);
	kunit_capture_start();
	vfree(k);				/* not vmalloc memory */
	vfree((void *)(VMALLOC_START + 0x123000));
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "not a vmalloc area"));
	kfree(k);
}

static void vmalloc_ioremap(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	u32 *io;

	KUNIT_ASSERT_NE(test, page, 0);
	*(u32 *)(page + 0x10) = 0x12345678;
	io = ioremap(virt_to_phys((void *)page) + 0x10, 8);
	KUNIT_ASSERT_NOT_NULL(test, io);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(io));
	KUNIT_EXPECT_EQ(test, (unsigned long)io & ~PAGE_MASK, 0x10);
	KUNIT_EXPECT_EQ(test, *io, 0x12345678);
	*io = 0xabcdef01;
	KUNIT_EXPECT_EQ(test, *(u32 *)(page + 0x10), 0xabcdef01);
	iounmap(io);
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(touch, io, NULL), X86_TRAP_PF);
	free_page(page);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_1m),
	KUNIT_CASE(vmalloc_64m),
	KUNIT_CASE(vmalloc_reuse_and_zero),
	KUNIT_CASE(vmalloc_bad_calls),
	KUNIT_CASE(vmalloc_ioremap),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);
