/*
 * Setting up the page allocator at boot: struct page arrays, nodes,
 * zones and zonelists, then handing memblock's free memory over.
 *
 * Called once by the boot CPU, after numa_init() has tagged memblock's
 * memory with nodes and paging_init() has mapped all of it:
 *   sparse_init()        a struct page array per present 128 MiB section,
 *                        allocated on the section's node, every page
 *                        PG_reserved with its zone, node and section;
 *   free_area_init()     each online node's span and zones (clipped to
 *                        the node's memory), buddy lists, per-CPU lists;
 *   build_all_zonelists() fallback order: this node's zones from the
 *                        highest down, then the other nodes by distance;
 *                        then each CPU's first node with memory
 *                        (numa_mem_id());
 *   memblock_free_all()  free memory joins the buddy lists.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

#include "internal.h"

unsigned long max_pfn;
struct mem_section mem_section[NR_MEM_SECTIONS];

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal" };
static const unsigned long zone_end_pfns[MAX_NR_ZONES] = {
	ZONE_DMA_END_PFN, ZONE_DMA32_END_PFN, MAX_PFN,
};

static enum zone_type pfn_zone(unsigned long pfn)
{
	enum zone_type z = ZONE_DMA;

	while (pfn >= zone_end_pfns[z])
		z++;
	return z;
}

static unsigned long zone_start_pfn_of(enum zone_type z)
{
	return z == ZONE_DMA ? 0 : zone_end_pfns[z - 1];
}

/*
 * A page as it is before the page allocator owns it, Linux's
 * __init_single_page(): the array comes from memblock unzeroed, so the
 * page is cleared here word by word (Linux's mm_zero_struct_page(): a
 * string instruction per page costs more than a few stores), then made
 * reserved, with its zone, node, section and address.
 */
static void init_single_page(struct page *page, unsigned long pfn, int nid,
			     unsigned long nr)
{
	unsigned long *word = (unsigned long *)page;
	unsigned int i;

	BUILD_BUG_ON(sizeof(*page) % sizeof(*word));
#pragma GCC unroll 8	/* plain stores, no loop (clang obeys it too) */
	for (i = 0; i < sizeof(*page) / sizeof(*word); i++)
		word[i] = 0;
	set_page_links(page, pfn_zone(pfn), nid, nr);
	SetPageReserved(page);
	page->virtual = __va(PFN_PHYS(pfn));
}

/* Initialise the pages of [start, end) within section nr, on node nid. */
static void sparse_set_node(unsigned long nr, unsigned long start,
			    unsigned long end, int nid)
{
	unsigned long pfn, first = nr << PFN_SECTION_SHIFT;
	struct page *page;

	start = max(start, first);
	end = min(end, first + PAGES_PER_SECTION);
	page = pfn_to_page(start);
	for (pfn = start; pfn < end; pfn++, page++)
		init_single_page(page, pfn, nid, nr);
}

/* A new section's array, every page of it (holes too) on node nid. */
static void sparse_init_section(unsigned long nr, int nid)
{
	phys_addr_t map;

	map = memblock_phys_alloc(PAGES_PER_SECTION * sizeof(struct page),
				  PAGE_SIZE, nid);
	if (!map)
		panic("no memory for the struct pages of section %lu", nr);
	mem_section[nr].section_mem_map = __va(map);
	sparse_set_node(nr, 0, MAX_PFN, nid);
}

/*
 * A section's holes keep the node of the memory that made the section;
 * RAM in a section made earlier (by another node's range) gets its own.
 */
void sparse_init(void)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long i, nr, start, end;
	int nid;

	for (i = 0; i < mem->cnt; i++) {
		start = PFN_DOWN(mem->regions[i].base);
		end = PFN_DOWN(mem->regions[i].base + mem->regions[i].size);
		nid = mem->regions[i].nid;
		for (nr = pfn_to_section_nr(start); nr <= pfn_to_section_nr(end - 1); nr++) {
			if (!mem_section[nr].section_mem_map)
				sparse_init_section(nr, nid);
			else
				sparse_set_node(nr, start, end, nid);
		}
		max_pfn = max(max_pfn, end);
	}
}

/* Pages of node nid's memory within [start, end). */
static unsigned long node_present_in(int nid, unsigned long start,
				     unsigned long end)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long i, s, e, total = 0;

	for (i = 0; i < mem->cnt; i++) {
		if (mem->regions[i].nid != nid)
			continue;
		s = max(start, PFN_DOWN(mem->regions[i].base));
		e = min(end, PFN_DOWN(mem->regions[i].base + mem->regions[i].size));
		if (s < e)
			total += e - s;
	}
	return total;
}

static void node_span(struct pglist_data *pgdat)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long i, start = MAX_PFN, end = 0;

	for (i = 0; i < mem->cnt; i++) {
		if (mem->regions[i].nid != pgdat->node_id)
			continue;
		start = min(start, PFN_DOWN(mem->regions[i].base));
		end = max(end, PFN_DOWN(mem->regions[i].base + mem->regions[i].size));
	}
	if (start >= end)
		start = end = 0;	/* a memoryless node */
	pgdat->node_start_pfn = start;
	pgdat->node_spanned_pages = end - start;
	pgdat->node_present_pages = node_present_in(pgdat->node_id, start, end);
}

/* Per-CPU list sizes, as Linux: about a thousandth of the zone, 1 to 31. */
static void zone_pcp_init(struct zone *zone)
{
	int cpu, batch = min(max(zone->present_pages / 1024, 1UL), 31UL);

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		zone->pcp[cpu].count = 0;
		zone->pcp[cpu].batch = batch;
		zone->pcp[cpu].high = 6 * batch;
		INIT_LIST_HEAD(&zone->pcp[cpu].list);
	}
}

static void zone_init(struct pglist_data *pgdat, enum zone_type z)
{
	struct zone *zone = &pgdat->node_zones[z];
	unsigned long node_end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	unsigned long start = max(pgdat->node_start_pfn, zone_start_pfn_of(z));
	unsigned long end = min(node_end, zone_end_pfns[z]);

	spin_lock_init(&zone->lock);
	buddy_init_zone(zone);
	zone->zone_pgdat = pgdat;
	zone->name = zone_names[z];
	zone->managed_pages = 0;
	if (start >= end)
		start = end = 0;
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = node_present_in(pgdat->node_id, start, end);
	zone_pcp_init(zone);
}

void free_area_init(void)
{
	int nid;
	enum zone_type z;

	for_each_online_node(nid) {
		struct pglist_data *pgdat = NODE_DATA(nid);

		pgdat->node_id = nid;
		node_span(pgdat);
		for (z = 0; z < MAX_NR_ZONES; z++)
			zone_init(pgdat, z);
		if (pgdat->node_present_pages)
			node_memory_map |= 1UL << nid;
	}
}

/* Append nid's populated zones, highest first, to the list at *pos. */
static void build_zonerefs_node(int nid, struct zoneref **pos)
{
	int z;

	for (z = MAX_NR_ZONES - 1; z >= 0; z--) {
		struct zone *zone = &NODE_DATA(nid)->node_zones[z];

		if (!populated_zone(zone))
			continue;
		(*pos)->zone = zone;
		(*pos)->zone_idx = z;
		(*pos)++;
	}
}

/* The nearest online node not yet used (ties: the lower node id). */
static int find_next_best_node(int nid, unsigned long used)
{
	int n, best = NUMA_NO_NODE;

	for_each_online_node(n) {
		if (used & (1UL << n))
			continue;
		if (best == NUMA_NO_NODE ||
		    node_distance(nid, n) < node_distance(nid, best))
			best = n;
	}
	return best;
}

static void build_zonelists(struct pglist_data *pgdat)
{
	struct zoneref *z = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	unsigned long used = 0;
	int n;

	while ((n = find_next_best_node(pgdat->node_id, used)) != NUMA_NO_NODE) {
		used |= 1UL << n;
		build_zonerefs_node(n, &z);
	}
	z->zone = NULL;

	z = pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
	build_zonerefs_node(pgdat->node_id, &z);
	z->zone = NULL;
}

/* Every node's zonelists; then each CPU's first node with memory. */
void build_all_zonelists(void)
{
	int nid, cpu;

	for_each_online_node(nid)
		build_zonelists(NODE_DATA(nid));
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		set_cpu_numa_mem(cpu, local_memory_node(cpu_to_node(cpu)));
}

/* Bytes of struct page arrays: one array per present section. */
static unsigned long memmap_bytes(void)
{
	unsigned long nr, n = 0;

	for (nr = 0; nr < NR_MEM_SECTIONS; nr++)
		n += mem_section[nr].section_mem_map != NULL;
	return n * PAGES_PER_SECTION * sizeof(struct page);
}

void mem_init(void)
{
	unsigned long freed, total = memblock_phys_mem_size() >> 10;

	sparse_init();
	free_area_init();
	build_all_zonelists();
	freed = memblock_free_all();
	init_per_zone_wmark_min();
	pr_info("Page allocator: zones per node (orders 0-%d):\n", MAX_ORDER - 1);
	mem_report();
	pr_info("Memory: %luK/%luK available (%luK reserved, %luK of struct pages at %zu bytes each)\n",
		freed << (PAGE_SHIFT - 10), total, total - (freed << (PAGE_SHIFT - 10)),
		memmap_bytes() >> 10, sizeof(struct page));
}
