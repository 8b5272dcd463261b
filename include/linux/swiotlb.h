/*
 * The software I/O TLB (kernel/dma/swiotlb.c, docs/dma.md): bounce
 * buffers for devices that cannot reach the memory a driver maps.  Two
 * pools set aside at boot, cut in 2 KiB slots: the main pool below
 * 256 MiB (every mask of 28 bits or more reaches it: edu's default is
 * 28), and a small low pool below 16 MiB for the devices that cannot
 * reach the main pool (ISA-style 24-bit masks).  A mapping takes at
 * most IO_TLB_SEGSIZE contiguous slots (256 KiB).
 *
 * The DMA mapping layer (kernel/dma/direct.c) calls these when a buffer
 * lies beyond the device's limit, or for every mapping with
 * swiotlb=force or dev->dma_force_bounce.  Drivers never call them.
 */
#ifndef _LINUX_SWIOTLB_H
#define _LINUX_SWIOTLB_H

#include <linux/device.h>
#include <linux/dma-direction.h>
#include <linux/types.h>

#define IO_TLB_SHIFT		11
#define IO_TLB_SIZE		(1UL << IO_TLB_SHIFT)	/* one slot: 2 KiB */
#define IO_TLB_SEGSIZE		128	/* slots one mapping may span */
#define IO_TLB_MAX_MAPPING	(IO_TLB_SEGSIZE * IO_TLB_SIZE)	/* 256 KiB */

/* Where the pools go, and how big the main one may be. */
#define SWIOTLB_LIMIT		(256UL << 20)	/* main pool: below 2^28 */
#define SWIOTLB_LOW_LIMIT	(16UL << 20)	/* low pool: ZONE_DMA */
#define SWIOTLB_MIN_SIZE	IO_TLB_MAX_MAPPING
#define SWIOTLB_MAX_SIZE	(64UL << 20)	/* Linux's default size */
#define SWIOTLB_LOW_SLABS	IO_TLB_SEGSIZE	/* 256 KiB */
#define SWIOTLB_MAX_POOLS	2

/* Boot, after paging_init() and before mem_init(): set the pools aside. */
void swiotlb_init(void);

/*
 * Where the pools lie, (C) once swiotlb_init() has made them: each one's
 * [start, end), empty for a pool not made.  For the inline test below,
 * which every unmap makes.
 */
struct io_tlb_span {
	phys_addr_t start, end;
};

extern struct io_tlb_span io_tlb_spans[SWIOTLB_MAX_POOLS];

/* Is paddr inside a bounce pool?  (Then it is a bounced mapping.) */
static inline bool is_swiotlb_buffer(phys_addr_t paddr)
{
	int i;

	for (i = 0; i < SWIOTLB_MAX_POOLS; i++)
		if (paddr >= io_tlb_spans[i].start && paddr < io_tlb_spans[i].end)
			return true;
	return false;
}
/*
 * Must every mapping of dev bounce (swiotlb=force, dma_force_bounce)?
 * Inline: the direct mapping's fast path asks it for every map.
 */
extern bool swiotlb_force_bounce;

static inline bool is_swiotlb_force_bounce(struct device *dev)
{
	return swiotlb_force_bounce || dev->dma_force_bounce;
}

/*
 * Take slots below dev's limit for size bytes of orig_addr, copy the
 * buffer in (unless attrs has DMA_ATTR_SKIP_CPU_SYNC) and return the
 * slots' address; DMA_MAPPING_ERROR when no pool dev reaches has room
 * (reported, rate-limited) or size exceeds IO_TLB_MAX_MAPPING.
 */
phys_addr_t swiotlb_tbl_map_single(struct device *dev, phys_addr_t orig_addr,
				   size_t size, enum dma_data_direction dir,
				   unsigned long attrs);
/*
 * Copy back (FROM_DEVICE, BIDIRECTIONAL) and free the slots of the
 * mapping at tlb_addr.  An address that starts no mapping is reported
 * and frees nothing; a size that differs from the mapping's is reported
 * and the mapping's own slots are freed.
 */
void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr,
			      size_t size, enum dma_data_direction dir,
			      unsigned long attrs);
/* Copy in (for_device) or out (for_cpu) part or all of a mapping. */
void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr,
				    size_t size, enum dma_data_direction dir);
void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr,
				 size_t size, enum dma_data_direction dir);

/* What /proc/swiotlb shows, for tests. */
struct swiotlb_pool_info {
	phys_addr_t start, end;		/* [start, end) */
	unsigned long nslabs, used;
};

struct swiotlb_stats {
	int nr_pools;
	struct swiotlb_pool_info pools[SWIOTLB_MAX_POOLS];	/* main first */
	unsigned long nslabs, used, used_hiwater;	/* slots, all pools */
	unsigned long bytes_to_device;		/* copied into bounce buffers */
	unsigned long bytes_from_device;	/* copied back out */
	unsigned long mapped_bounced, map_failed, bad_unmaps;
	bool force;
};

void swiotlb_get_stats(struct swiotlb_stats *st);

#endif
