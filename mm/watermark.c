/*
 * Watermarks and zone reserves: how much of a zone an allocation may
 * take (Linux's setup_per_zone_wmarks() and lowmem_reserve).
 *
 * Each zone keeps three marks of free pages.  min is the zone's share of
 * min_free_kbytes (sqrt(16 * lowmem kB), clamped to 128 kB..256 MiB,
 * split among the zones by managed pages); low and high lie one and two
 * steps above it, a step being the larger of min/4 and a thousandth of
 * the zone.  An ordinary allocation takes a page only while the zone
 * stays above min; __GFP_HIGH may go down to min/2 and GFP_ATOMIC a
 * quarter lower still, so interrupt handlers find pages after everyone
 * else has been refused.  Linux's kswapd wakes at low and reclaims up to
 * high; this kernel has nothing to reclaim, so low only steers the first
 * pass of an allocation towards zones and nodes that are not short.
 *
 * lowmem_reserve protects the low zones that only some callers can use:
 * a request that could have been served from a higher zone (a
 * GFP_KERNEL one falling back into ZONE_DMA32 or ZONE_DMA) must leave,
 * on top of the mark, 1/ratio of the managed pages of the higher zones
 * of that node it could have used: ratio 256 for DMA and DMA32, 32 for
 * NORMAL.  That is what keeps GFP_DMA and GFP_DMA32 (and, once there is
 * one, a swiotlb bounce pool) supplied on a machine whose normal memory
 * is full.
 *
 * Invariants: the marks and reserves are set once, after the boot
 * memory has joined the allocator, and are constant after.  free_pages
 * is read without zone->lock: a check may be a few pages off while other
 * CPUs allocate, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmstat.h>

#include "internal.h"

static const int lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 256, 32 };
int min_free_kbytes;

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << 62;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/* min, low and high of one zone, from its share of min_pages. */
static void zone_set_wmarks(struct zone *zone, unsigned long min_pages,
			    unsigned long lowmem)
{
	unsigned long min = (u64)min_pages * zone->managed_pages / lowmem;
	unsigned long step = max(min / 4, zone->managed_pages * 10 / 10000);

	zone->_watermark[WMARK_MIN] = min;
	zone->_watermark[WMARK_LOW] = min + step;
	zone->_watermark[WMARK_HIGH] = min + 2 * step;
}

static void setup_per_zone_wmarks(void)
{
	unsigned long lowmem = totalram_pages(), min_pages;	/* no highmem */
	int nid, z;

	min_free_kbytes = clamp(int_sqrt(lowmem * (PAGE_SIZE >> 10) * 16),
				128UL, 262144UL);
	min_pages = min_free_kbytes >> (PAGE_SHIFT - 10);
	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			zone_set_wmarks(&NODE_DATA(nid)->node_zones[z],
					min_pages, lowmem);
}

static void setup_per_zone_lowmem_reserve(void)
{
	struct pglist_data *pgdat;
	struct zone *zone, *upper;
	unsigned long above;
	int nid, i, j;

	for_each_online_node(nid) {
		pgdat = NODE_DATA(nid);
		for (i = 0; i < MAX_NR_ZONES; i++) {
			zone = &pgdat->node_zones[i];
			above = 0;
			for (j = 0; j < MAX_NR_ZONES; j++) {
				upper = &pgdat->node_zones[j];
				if (j > i)
					above += upper->managed_pages;
				zone->lowmem_reserve[j] = j > i ?
					above / lowmem_reserve_ratio[i] : 0;
			}
		}
	}
}

void init_per_zone_wmark_min(void)
{
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	pr_info("Watermarks: min_free_kbytes %d; lowmem_reserve_ratio %d %d %d\n",
		min_free_kbytes, lowmem_reserve_ratio[ZONE_DMA],
		lowmem_reserve_ratio[ZONE_DMA32], lowmem_reserve_ratio[ZONE_NORMAL]);
}

/*
 * May an allocation of 2^order pages, held to mark and allowed up to
 * highest_zoneidx, take them from z?  The pages must leave more than
 * mark (lowered for ALLOC_HIGH and ALLOC_HARDER) plus the reserve kept
 * from such requests free, and a free block large enough must exist.
 */
bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags)
{
	long min = mark;
	long free_pages = (long)READ_ONCE(z->free_pages) - (1L << order) + 1;
	unsigned int o;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (order == 0)
		return true;
	for (o = order; o < MAX_ORDER; o++)
		if (READ_ONCE(z->free_area[o].nr_free))
			return true;
	return false;
}
