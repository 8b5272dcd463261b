/*
 * GFP ("get free pages") flags and the page allocator's interface
 * (mm/page_alloc.c), with Linux's names and semantics:
 *
 *   GFP_KERNEL  normal kernel allocation; may sleep to reclaim memory
 *               (this kernel has nothing to reclaim yet, so it just fails)
 *   GFP_ATOMIC  never sleeps; for interrupt handlers and spinlock holders
 *   GFP_DMA     only ZONE_DMA (below 16 MiB); never falls back higher
 *   GFP_DMA32   at most ZONE_DMA32 (below 4 GiB)
 *   __GFP_ZERO      the pages come zeroed
 *   __GFP_THISNODE  only the requested node, no fallback to others
 *   __GFP_NOWARN    no warning when the allocation fails
 *
 * The bit values are this kernel's own; only the names and meanings
 * follow Linux.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/types.h>

typedef unsigned int gfp_t;

#define __GFP_DMA		0x01u
#define __GFP_DMA32		0x04u
#define __GFP_HIGH		0x20u	/* may use emergency reserves */
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#define __GFP_DIRECT_RECLAIM	0x400u	/* the caller may sleep */
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u
#define __GFP_THISNODE		0x200000u
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ZONEMASK		(__GFP_DMA | __GFP_DMA32)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32

/* The highest zone the GFP flags allow. */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	return gfp & __GFP_DMA32 ? ZONE_DMA32 : ZONE_NORMAL;
}

/* May this allocation sleep? */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return gfp & __GFP_DIRECT_RECLAIM;
}

/*
 * 2^order contiguous pages on node nid; NUMA_NO_NODE means numa_mem_id(),
 * this CPU's node or, when that has no memory, the nearest that has.
 */
struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order);
/* 2^order pages from the node of the CPU the caller runs on. */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)

/* The same, as a direct-map address (0 on failure). */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
#define __get_free_page(gfp_mask)	__get_free_pages(gfp_mask, 0)
unsigned long get_zeroed_page(gfp_t gfp_mask);

/* Drop a reference; the pages go back when the last one is gone. */
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

/* Give this CPU's (every CPU's) cached order-0 pages back to the buddy lists. */
void drain_local_pages(void);
void drain_all_pages(void);

#endif
