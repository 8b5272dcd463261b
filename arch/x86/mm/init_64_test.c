/*
 * Tests of the kernel page tables (suite "paging"): the kernel image is
 * W^X, the direct map covers all RAM with large pages and is never
 * executable, and map_kernel_page() maps and unmaps single pages with
 * page-table pages from the page allocator.
 */
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <linux/errno.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>

static const u32 paging_test_constant = 0x1234;

static void write_byte(void *addr)
{
	*(volatile u8 *)addr = 0x90;
}

static void call_address(void *addr)
{
	((void (*)(void))addr)();
}

/* Expect a page fault at addr from fn(addr). */
static void expect_fault_at(struct kunit *test, void (*fn)(void *), void *addr)
{
	unsigned long cr2 = 0;

	KUNIT_EXPECT_EQ(test, kunit_expect_fault(fn, addr, &cr2), X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, cr2, (unsigned long)addr);
}

static void paging_kernel_is_wx(struct kunit *test)
{
	static u8 data_ret[16] = { 0xc3 };	/* ret */

	expect_fault_at(test, write_byte, (void *)write_byte);	/* text */
	expect_fault_at(test, write_byte, (void *)&paging_test_constant);
	expect_fault_at(test, call_address, data_ret);		/* data, NX */
	KUNIT_EXPECT_EQ(test, paging_test_constant, 0x1234);
}

static void paging_direct_map_not_executable(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	KUNIT_ASSERT_NE(test, page, 0);
	*(u8 *)page = 0xc3;
	expect_fault_at(test, call_address, (void *)page);
	free_page(page);
}

static void paging_direct_map_covers_ram(struct kunit *test)
{
	unsigned long i, va, entry;
	int level, large = 0;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long first = (unsigned long)__va(r->base);
		unsigned long last = (unsigned long)__va(r->base + r->size - 1);

		for (va = first; va <= last; va += SZ_1M) {
			entry = lookup_kernel_pte(va, &level);
			KUNIT_ASSERT_TRUE_MSG(test, entry & _PAGE_PRESENT, "va %lx", va);
			KUNIT_EXPECT_TRUE(test, entry & _PAGE_RW);
			KUNIT_EXPECT_EQ(test, entry & _PAGE_NX, __supported_pte_mask & _PAGE_NX);
			large += level > 1;
		}
		KUNIT_EXPECT_TRUE(test, lookup_kernel_pte(last, &level) & _PAGE_PRESENT);
	}
	KUNIT_EXPECT_GT(test, large, 0);	/* 2 MiB / 1 GiB pages are used */
}

static void paging_map_kernel_page(struct kunit *test)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	/* High in the vmalloc area, where no area has made page tables. */
	unsigned long va = VMALLOC_END + 1 - SZ_1G + 0x3000;
	unsigned long free_before;
	int level;

	KUNIT_ASSERT_NE(test, page, 0);
	drain_all_pages();
	free_before = nr_free_pages();
	KUNIT_ASSERT_EQ(test, map_kernel_page(va, __pa(page), PAGE_KERNEL), 0);
	/* New page tables came from the page allocator. */
	KUNIT_EXPECT_LT(test, nr_free_pages(), free_before);
	KUNIT_EXPECT_EQ(test, map_kernel_page(va, __pa(page), PAGE_KERNEL), -EBUSY);
	*(volatile u32 *)va = 0xfeedbeef;
	KUNIT_EXPECT_EQ(test, *(u32 *)page, 0xfeedbeef);
	KUNIT_EXPECT_EQ(test, lookup_kernel_pte(va, &level) & PTE_PFN_MASK, __pa(page));
	KUNIT_EXPECT_EQ(test, level, 1);
	unmap_kernel_page(va);
	expect_fault_at(test, write_byte, (void *)va);
	free_page(page);
}

static struct kunit_case paging_cases[] = {
	KUNIT_CASE(paging_kernel_is_wx),
	KUNIT_CASE(paging_direct_map_not_executable),
	KUNIT_CASE(paging_direct_map_covers_ram),
	KUNIT_CASE(paging_map_kernel_page),
	{}
};

static struct kunit_suite paging_suite = {
	.name = "paging",
	.test_cases = paging_cases,
};
kunit_test_suite(paging_suite);
