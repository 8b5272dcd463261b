/*
 * The memory the allocator works on, as boot would set it up: one section
 * of struct pages in heap memory, registered in mem_section[], whose
 * zones in node_data[] own ranges of pages; and check_zone(), which walks
 * a zone's free lists and compares them with its model and with the
 * invariants at the top of mm/buddy.c.
 *
 * Invariants: expect_flags[] holds each page's flags apart from PG_buddy
 * on the head of a free block; a page no zone owns is a reserved hole of
 * the zone under test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/*
 * buddy.c finds struct pages through these; the kernel defines them in
 * mm/mm_init.c and mm/page_alloc.c, which are not built for the host.
 */
struct mem_section mem_section[NR_MEM_SECTIONS];
struct pglist_data node_data[MAX_NUMNODES];

/* ---- the section, its pages and the zones ---- */

struct page *pages;	/* the section's struct pages */

/*
 * The flags each page of the section must have, apart from PG_buddy on
 * the head of a free block: its zone, node and section, PG_reserved on a
 * hole and PG_head on a block the test holds.
 */
unsigned long expect_flags[PAGES_PER_SECTION];

void section_create(void)
{
	unsigned long i;

	memset(node_data, 0, sizeof(node_data));
	for (i = 0; i < MAX_NUMNODES; i++)
		node_data[i].node_id = i;
	pages = calloc(PAGES_PER_SECTION, sizeof(*pages));
	mem_section[SECTION].section_mem_map = pages;
	/* Until a zone claims them, pages are holes of the zone under test. */
	for (i = 0; i < PAGES_PER_SECTION; i++) {
		set_page_links(&pages[i], ZONE_DMA32, NID, SECTION);
		SetPageReserved(&pages[i]);
		expect_flags[i] = pages[i].flags;
	}
}

void section_destroy(void)
{
	mem_section[SECTION].section_mem_map = NULL;
	free(pages);
	pages = NULL;
}

/* Make zone zidx of node nid own pfns [start, end), none of them free yet. */
struct zone *zone_create(int nid, enum zone_type zidx,
			 unsigned long start, unsigned long end)
{
	struct zone *zone = &node_data[nid].node_zones[zidx];
	unsigned long pfn;

	/* Garbage first: buddy_init_zone() must set up every list. */
	memset(zone, 0xa5, sizeof(*zone));
	spin_lock_init(&zone->lock);
	zone->zone_pgdat = &node_data[nid];
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = end - start;
	zone->managed_pages = end - start;
	zone->name = zidx == ZONE_DMA ? "DMA" : "DMA32";
	kern_buddy_init_zone(zone);
	for (pfn = start; pfn < end; pfn++) {
		set_page_links(pfn_to_page(pfn), zidx, nid, SECTION);
		expect_flags[pfn - SEC_BASE] = pfn_to_page(pfn)->flags;
	}
	return zone;
}

/* Make pfns [start, end) of a zone a hole: reserved, never freed. */
void make_hole(struct zone *zone, unsigned long start,
	       unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++) {
		SetPageReserved(pfn_to_page(pfn));
		expect_flags[pfn - SEC_BASE] = pfn_to_page(pfn)->flags;
		zone->present_pages--;
		zone->managed_pages--;
	}
}

bool is_hole(unsigned long pfn)
{
	return expect_flags[pfn - SEC_BASE] & 1UL << PG_reserved;
}

/* ---- the full check of a zone against its model ---- */

/* Per pfn of the section: 1 + the order of the free block it heads, or 0. */
static unsigned char head_order[PAGES_PER_SECTION];

bool check_zone(const struct model *m)
{
	struct zone *zone = m->zone;
	unsigned long pfn, buddy, total = 0, block_end = 0, count, offset;
	struct list_head *list, *pos, *prev;
	const struct page *page;
	unsigned int order;

	memset(head_order + (m->start - SEC_BASE), 0, m->end - m->start);

	/* Each free list: its entries and its count. */
	for (order = 0; order < MAX_ORDER; order++) {
		list = &zone->free_area[order].free_list;
		count = 0;
		prev = list;
		for (pos = list->next; pos != list; prev = pos, pos = pos->next) {
			/* Make sure the entry is a page's lru before reading it. */
			offset = (unsigned long)pos - (unsigned long)&pages[0].lru;
			REQUIRE(offset % sizeof(struct page) == 0 &&
			      offset / sizeof(struct page) < PAGES_PER_SECTION,
			      "order %u list holds %p, not a page", order, pos);
			REQUIRE(pos->prev == prev, "order %u list: bad prev at %p",
			      order, pos);
			page = list_entry(pos, struct page, lru);
			pfn = SEC_BASE + (page - pages);
			REQUIRE(page_to_pfn(page) == pfn,
			      "pfn +%#lx: flags %#lx name another section",
			      pfn - SEC_BASE, page->flags);
			REQUIRE(pfn >= m->start && pfn + (1UL << order) <= m->end,
			      "free block +%#lx of order %u is outside the zone [+%#lx, +%#lx)",
			      pfn - SEC_BASE, order, m->start - SEC_BASE,
			      m->end - SEC_BASE);
			REQUIRE(IS_ALIGNED(pfn, 1UL << order),
			      "free block +%#lx of order %u is misaligned",
			      pfn - SEC_BASE, order);
			REQUIRE(PageBuddy(page) && page->private == order,
			      "free block +%#lx of order %u: PG_buddy %d, private %lu",
			      pfn - SEC_BASE, order, PageBuddy(page),
			      page->private);
			REQUIRE(!head_order[pfn - SEC_BASE],
			      "pfn +%#lx is on the order %u and order %u lists",
			      pfn - SEC_BASE, head_order[pfn - SEC_BASE] - 1,
			      order);
			head_order[pfn - SEC_BASE] = order + 1;
			total += 1UL << order;
			count++;
		}
		REQUIRE(list->prev == prev, "order %u list: bad prev at the head",
		      order);
		REQUIRE(zone->free_area[order].nr_free == count,
		      "order %u: nr_free %lu, but %lu blocks on the list",
		      order, zone->free_area[order].nr_free, count);
	}
	REQUIRE(zone->free_pages == total,
	      "free_pages %lu, but %lu pages on the lists",
	      zone->free_pages, total);
	REQUIRE(total == m->nr_free, "%lu pages on the free lists, %lu free",
	      total, m->nr_free);

	/*
	 * Each page of the zone, in pfn order.  Free blocks are aligned
	 * powers of two, so two that overlap start one inside the other:
	 * a head before the end of the block before it.
	 */
	for (pfn = m->start; pfn < m->end; pfn++) {
		unsigned long i = pfn - SEC_BASE, want = expect_flags[i];

		page = &pages[i];
		if (head_order[i]) {
			order = head_order[i] - 1;
			REQUIRE(pfn >= block_end,
			      "free block +%#lx of order %u lies inside another",
			      pfn - SEC_BASE, order);
			block_end = pfn + (1UL << order);
			buddy = pfn ^ (1UL << order);
			REQUIRE(order == TOP_ORDER || buddy < m->start ||
			      buddy >= m->end ||
			      head_order[buddy - SEC_BASE] != order + 1,
			      "free buddies +%#lx and +%#lx of order %u were not merged",
			      pfn - SEC_BASE, buddy - SEC_BASE, order);
			want |= 1UL << PG_buddy;
		} else if (pfn < block_end) {
			REQUIRE(page->private == 0,
			      "pfn +%#lx inside a free block has private %lu",
			      pfn - SEC_BASE, page->private);
		}
		REQUIRE(bit_test(m->freemap, pfn) == (pfn < block_end),
		      "pfn +%#lx is %s the free lists but %s",
		      pfn - SEC_BASE, pfn < block_end ? "on" : "not on",
		      is_hole(pfn) ? "a hole" :
		      bit_test(m->freemap, pfn) ? "free" : "held");
		REQUIRE(page->flags == want, "pfn +%#lx: flags %#lx, not %#lx",
		      pfn - SEC_BASE, page->flags, want);
	}
	return true;
}
