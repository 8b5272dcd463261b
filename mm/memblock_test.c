/*
 * Tests of the boot-time allocator (suite "memblock"), after the fact:
 * what it reserved, that its lists stayed sorted and aligned, that it
 * gave the page allocator exactly its free memory, that each section's
 * struct pages sit on the section's own node, and that it refuses to
 * allocate once retired.
 */
#include <asm/page.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>

static void memblock_reserves_boot_areas(struct kunit *test)
{
	unsigned int i;

	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(0));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(SZ_1M - 1));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_text)));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_end) - 1));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(boot_mbi_phys));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(boot_mbi_phys +
						     boot_info.total_size - 1));
	for (i = 0; i < boot_info.nr_modules; i++)
		KUNIT_EXPECT_TRUE(test, memblock_is_reserved(boot_info.modules[i].mod_start));
}

static void check_sorted(struct kunit *test, const struct memblock_type *type)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED(r->base | r->size, PAGE_SIZE),
				      "%s %lu", type->name, i);
		KUNIT_EXPECT_GT(test, r->size, 0);
		if (i > 0)
			KUNIT_EXPECT_GE_MSG(test, r->base, r[-1].base + r[-1].size,
					    "%s %lu", type->name, i);
	}
}

static void memblock_lists_sorted(struct kunit *test)
{
	check_sorted(test, &memblock.memory);
	check_sorted(test, &memblock.reserved);
}

static void memblock_memory_matches_map(struct kunit *test)
{
	u64 want = 0, start, end;
	unsigned int i;

	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct multiboot_mmap_entry *e = &boot_info.mmap[i];

		if (e->type != MULTIBOOT_MEMORY_AVAILABLE)
			continue;
		start = ALIGN(e->addr, PAGE_SIZE);
		end = ALIGN_DOWN(e->addr + e->len, PAGE_SIZE);
		if (end > start)
			want += end - start;
	}
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), want);
	for (i = 0; i < memblock.memory.cnt; i++)
		KUNIT_EXPECT_NE(test, memblock.memory.regions[i].nid, NUMA_NO_NODE);
}

static void count_free(phys_addr_t base, phys_addr_t end, int nid, void *arg)
{
	*(unsigned long *)arg += PFN_DOWN(end) - PFN_UP(base);
}

static void memblock_free_memory_handed_over(struct kunit *test)
{
	unsigned long free = 0, managed = 0;
	int nid, z;

	memblock_for_each_free_range(count_free, &free);
	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			managed += NODE_DATA(nid)->node_zones[z].managed_pages;
	KUNIT_EXPECT_TRUE(test, memblock.retired);
	KUNIT_EXPECT_EQ(test, managed, free);
	KUNIT_EXPECT_GT(test, managed, 0);
}

static void memblock_struct_pages_on_own_node(struct kunit *test)
{
	unsigned long nr, pfn;
	int checked = 0;

	for (nr = 0; nr < NR_MEM_SECTIONS; nr++) {
		struct page *map = mem_section[nr].section_mem_map;
		int nid;

		if (!map)
			continue;
		/* The node of the section's first page of RAM. */
		for (pfn = nr << PFN_SECTION_SHIFT; !memblock_is_memory(PFN_PHYS(pfn)); pfn++)
			;
		nid = page_to_nid(pfn_to_page(pfn));
		KUNIT_EXPECT_EQ_MSG(test, memblock_pfn_nid(PHYS_PFN(__pa(map))), nid,
				    "section %lu", nr);
		checked++;
	}
	KUNIT_EXPECT_GT(test, checked, 0);
}

static void memblock_retired_refuses(struct kunit *test)
{
	const char *out;

	kunit_info(test, "a warning about a memblock use after retirement follows");
	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE, NUMA_NO_NODE), 0);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "WARNING"));
}

static struct kunit_case memblock_cases[] = {
	KUNIT_CASE(memblock_reserves_boot_areas),
	KUNIT_CASE(memblock_lists_sorted),
	KUNIT_CASE(memblock_memory_matches_map),
	KUNIT_CASE(memblock_free_memory_handed_over),
	KUNIT_CASE(memblock_struct_pages_on_own_node),
	KUNIT_CASE(memblock_retired_refuses),
	{}
};

static struct kunit_suite memblock_suite = {
	.name = "memblock",
	.test_cases = memblock_cases,
};
kunit_test_suite(memblock_suite);
