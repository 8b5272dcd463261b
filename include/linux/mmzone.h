/*
 * Nodes, zones and memory sections (Linux's include/linux/mmzone.h).
 *
 * A node (struct pglist_data) is a set of CPUs and the memory closest to
 * them.  Its memory is cut into zones by physical address: ZONE_DMA below
 * 16 MiB (ISA DMA), ZONE_DMA32 below 4 GiB (32-bit PCI masters),
 * ZONE_NORMAL above; a node has only the zones its memory falls in.  Each
 * zone runs a buddy allocator over orders 0..MAX_ORDER-1 (mm/buddy.c).
 *
 * struct pages live in arrays of one memory section (128 MiB) each,
 * allocated on the section's own node; mem_section[] finds them, so holes
 * between sections cost nothing (SPARSEMEM in Linux).
 *
 * Legend: (L) zone->lock (read without it by the watermark checks)
 *         (C) constant once boot set it up
 *         (P) the owning CPU, interrupts off
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <asm/page.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/numa.h>
#include <linux/page-flags.h>
#include <linux/spinlock.h>

#define MAX_ORDER		11	/* orders 0..10: 4 KiB to 4 MiB */
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

enum zone_type {
	ZONE_DMA,		/* below 16 MiB */
	ZONE_DMA32,		/* below 4 GiB */
	ZONE_NORMAL,		/* the rest */
	MAX_NR_ZONES
};

#define ZONE_DMA_END_PFN	((16UL << 20) >> PAGE_SHIFT)
#define ZONE_DMA32_END_PFN	((4UL << 30) >> PAGE_SHIFT)

struct free_area {
	struct list_head free_list;	/* (L) heads of free blocks */
	unsigned long nr_free;		/* (L) blocks on the list */
};

/* A CPU's cache of free order-0 pages of one zone. */
struct per_cpu_pages {
	int count;			/* (P) pages on list */
	int high;			/* (C) drain when count exceeds this */
	int batch;			/* (C) pages moved per refill or drain */
	struct list_head list;		/* (P) */
};

struct pglist_data;

/* The three free-page marks of a zone (mm/watermark.c). */
enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct zone {
	spinlock_t lock;		/* protects the (L) fields */
	struct free_area free_area[MAX_ORDER];	/* (L) */
	unsigned long free_pages;	/* (L) pages on the free lists */
	struct per_cpu_pages pcp[NR_CPUS];	/* (P) */
	struct pglist_data *zone_pgdat;	/* (C) */
	unsigned long zone_start_pfn;	/* (C) */
	unsigned long spanned_pages;	/* (C) pfns from start to end, holes too */
	unsigned long present_pages;	/* (C) RAM in the span */
	unsigned long managed_pages;	/* (C) pages given to the allocator */
	const char *name;		/* (C) "DMA", "DMA32", "Normal" */
	unsigned long _watermark[NR_WMARK];	/* (C) in pages */
	/*
	 * (C) lowmem_reserve[i]: pages kept back from a request whose highest
	 * usable zone is i (0 for i <= this zone); /proc/zoneinfo's protection
	 */
	long lowmem_reserve[MAX_NR_ZONES];
};

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])

/* How far below a mark an allocation may go (mm/watermark.c). */
#define ALLOC_HIGH	0x1	/* __GFP_HIGH: down to half the mark */
#define ALLOC_HARDER	0x2	/* cannot sleep (GFP_ATOMIC): a quarter lower */
bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags);
/* sqrt(16 * lowmem kB): the sum of every zone's min, in kB. */
extern int min_free_kbytes;

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

/* Does the zone have any RAM (Linux: present pages)? */
static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

/* Zonelists: the zones an allocation may use, best first. */
struct zoneref {
	struct zone *zone;		/* NULL ends the list */
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NUMNODES * MAX_NR_ZONES + 1];
};

enum {
	ZONELIST_FALLBACK,	/* this node, then the others by distance */
	ZONELIST_NOFALLBACK,	/* this node only (__GFP_THISNODE) */
	MAX_ZONELISTS
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];		/* (C) */
	struct zonelist node_zonelists[MAX_ZONELISTS];	/* (C) */
	int node_id;					/* (C) */
	unsigned long node_start_pfn;			/* (C) */
	unsigned long node_spanned_pages;		/* (C) */
	unsigned long node_present_pages;		/* (C) */
} pg_data_t;

extern struct pglist_data node_data[MAX_NUMNODES];
#define NODE_DATA(nid)		(&node_data[nid])

/* Nodes that exist (node_online) and that have memory (node_state N_MEMORY). */
extern unsigned long node_online_map;
extern unsigned long node_memory_map;
extern int nr_online_nodes;
#define node_online(nid)	((node_online_map >> (nid)) & 1)
#define node_has_memory(nid)	((node_memory_map >> (nid)) & 1)
#define for_each_online_node(nid) \
	for (nid = 0; nid < MAX_NUMNODES; nid++) if (node_online(nid))

static inline int zone_idx(const struct zone *zone)
{
	return zone - zone->zone_pgdat->node_zones;
}

/* ---- memory sections ---- */

#define SECTION_SIZE_BITS	27	/* 128 MiB */
#define MAX_PHYSMEM_BITS	38	/* 256 GiB of physical addresses */
#define PFN_SECTION_SHIFT	(SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION	(1UL << PFN_SECTION_SHIFT)
#define NR_MEM_SECTIONS		(1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
#define MAX_PFN			(1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT))

struct mem_section {
	struct page *section_mem_map;	/* (C) PAGES_PER_SECTION pages, or NULL */
};

extern struct mem_section mem_section[NR_MEM_SECTIONS];

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> PFN_SECTION_SHIFT;
}

/* True when pfn has a struct page (it may still be a hole: PG_reserved). */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < MAX_PFN &&
	       mem_section[pfn_to_section_nr(pfn)].section_mem_map != NULL;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_section[pfn_to_section_nr(pfn)].section_mem_map +
	       (pfn & (PAGES_PER_SECTION - 1));
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	unsigned long nr = page_to_section(page);

	return (nr << PFN_SECTION_SHIFT) +
	       (unsigned long)(page - mem_section[nr].section_mem_map);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

#endif
