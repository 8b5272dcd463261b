/*
 * What the files of kernel/dma/ share about the direct mapping (Linux's
 * include/linux/dma-direct.h and kernel/dma/direct.h): without an IOMMU
 * a bus address is the physical address, and a device reaches
 * [0, dma_direct_limit(dev)].  mapping.c checks the arguments and calls
 * these; they map, bounce through swiotlb.c when the device cannot reach
 * the buffer, and sync.  Mapping a buffer the device reaches is inline
 * (as Linux's dma_direct_map_page()): a few comparisons and a count.
 */
#ifndef _KERNEL_DMA_DIRECT_H
#define _KERNEL_DMA_DIRECT_H

#include <asm/percpu.h>
#include <asm/smp.h>
#include <linux/compiler.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/numa.h>
#include <linux/swiotlb.h>
#include <linux/types.h>

struct scatterlist;

/* No IOMMU and no bus offset here: the identity, named as in Linux. */
static inline dma_addr_t phys_to_dma(struct device *dev, phys_addr_t paddr)
{
	return paddr;
}

static inline phys_addr_t dma_to_phys(struct device *dev, dma_addr_t addr)
{
	return addr;
}

/* The highest address dev reaches: min(mask, bus limit) (Linux's rule). */
static inline u64 dma_direct_limit(struct device *dev)
{
	u64 mask = *dev->dma_mask;

	if (dev->bus_dma_limit && dev->bus_dma_limit < mask)
		return dev->bus_dma_limit;
	return mask;
}

/* Does dev reach all of [addr, addr + size)?  (Linux's dma_capable.) */
static inline bool dma_capable(struct device *dev, dma_addr_t addr,
			       size_t size)
{
	dma_addr_t end = addr + size - 1;

	return size && end >= addr && end <= dma_direct_limit(dev);
}

/* The slow side of dma_direct_map_phys(): through a bounce buffer. */
dma_addr_t dma_direct_map_bounce(struct device *dev, phys_addr_t phys,
				 size_t size, enum dma_data_direction dir,
				 unsigned long attrs);

/* The bus address of [phys, phys + size), bounced if dev cannot reach it. */
static inline dma_addr_t dma_direct_map_phys(struct device *dev,
					     phys_addr_t phys, size_t size,
					     enum dma_data_direction dir,
					     unsigned long attrs)
{
	dma_addr_t addr = phys_to_dma(dev, phys);

	if (unlikely(is_swiotlb_force_bounce(dev) ||
		     !dma_capable(dev, addr, size)))
		return dma_direct_map_bounce(dev, phys, size, dir, attrs);
	this_cpu_inc(dma_direct_mapped);	/* for /proc/swiotlb */
	return addr;
}

/* Undo dma_direct_map_phys(): free the bounce buffer, if any. */
static inline void dma_direct_unmap_phys(struct device *dev, dma_addr_t addr,
					 size_t size,
					 enum dma_data_direction dir,
					 unsigned long attrs)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (unlikely(is_swiotlb_buffer(phys)))
		swiotlb_tbl_unmap_single(dev, phys, size, dir, attrs);
}
void dma_direct_sync_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_direct_sync_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir);

/* The sg list is checked already; 0 on failure with nothing mapped. */
int dma_direct_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      enum dma_data_direction dir);
void dma_direct_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
			 enum dma_data_direction dir, unsigned long attrs);
void dma_direct_sync_sg(struct device *dev, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir, bool for_cpu);

void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *handle,
		       gfp_t gfp);
void dma_direct_free(struct device *dev, size_t size, void *cpu_addr);

/* Streaming mappings made without bouncing, since boot (/proc/swiotlb). */
unsigned long dma_direct_mapped_count(void);

#endif
