/*
 * The DMA mapping interface (kernel/dma/, docs/dma.md), with Linux's
 * names and semantics (Documentation/core-api/dma-api.rst): how a driver
 * turns memory the kernel gave it into an address its device can use
 * (a bus or "DMA" address), and hands the memory back and forth between
 * CPU and device.
 *
 * Streaming mappings (dma_map_single/page/sg) lend one buffer to the
 * device for one transfer: between map and unmap (or sync_for_cpu) the
 * CPU must not touch it.  A buffer the device cannot reach (above its
 * mask) is copied through a bounce buffer below it (kernel/dma/swiotlb.c)
 * and the device is given the bounce buffer's address.  Coherent memory
 * (dma_alloc_coherent) is shared by CPU and device for as long as the
 * driver keeps it, with no hand-over.
 *
 * A driver may map only memory in the direct map that the page or slab
 * allocator gave it (__get_free_pages, alloc_pages, kmalloc): never the
 * stack, vmalloc memory, or the kernel image.  Such an address gets
 * DMA_MAPPING_ERROR and a report, with or without dma_debug.  Every map
 * must be checked with dma_mapping_error() and undone with the same
 * size and direction; dma_debug on the command line tracks every
 * mapping and reports the mistakes (kernel/dma/debug.c).
 *
 * On x86 the CPU's caches snoop DMA, so the syncs cost nothing unless
 * the mapping was bounced; bus addresses equal physical addresses (no
 * IOMMU).  All calls may be made from any context, interrupts included,
 * except dma_alloc_coherent() with a GFP flag that may sleep.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/device.h>
#include <linux/dma-direction.h>
#include <linux/gfp.h>
#include <linux/types.h>

struct page;
struct scatterlist;

/* The low n bits set, n in 1..64 (Linux's value; no shift by 64). */
#define DMA_BIT_MASK(n)		(~0ULL >> (64 - (n)))
/* What a failed map returns; never a valid address. */
#define DMA_MAPPING_ERROR	(~(dma_addr_t)0)

/* dma_get_max_seg_size() and dma_get_seg_boundary() without dma_parms. */
#define DMA_DEFAULT_MAX_SEGMENT	(64U * 1024)
#define DMA_DEFAULT_SEG_BOUNDARY	0xffffffffUL

/*
 * Attributes of the internal map and unmap calls (Linux's DMA_ATTR_*):
 * SKIP_CPU_SYNC copies nothing to or from a bounce buffer (undoing a
 * half-made mapping); NO_WARN keeps a full bounce pool quiet.
 */
#define DMA_ATTR_SKIP_CPU_SYNC	(1UL << 5)
#define DMA_ATTR_NO_WARN	(1UL << 8)

/*
 * Masks.  0, or -EIO when the platform cannot honour mask (narrower than
 * ZONE_DMA's 24 bits, the lowest memory the page allocator and the
 * bounce pool can give, unless all RAM is lower) or the device cannot do
 * DMA (dma_mask == NULL).  The mask is left as it was on -EIO.
 */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
int dma_set_mask_and_coherent(struct device *dev, u64 mask);
/* The streaming mask, or 32 bits when none is set (Linux's default). */
u64 dma_get_mask(struct device *dev);
/* The smallest mask that reaches all RAM (2^n - 1). */
u64 dma_get_required_mask(struct device *dev);
/* Would mask be accepted?  (Linux's dma_supported: nonzero if so.) */
int dma_supported(struct device *dev, u64 mask);

/* Descriptor limits dma_map_sg() merges within (dev->dma_parms). */
unsigned int dma_get_max_seg_size(struct device *dev);
unsigned long dma_get_seg_boundary(struct device *dev);
/* 0, or -EIO when dev has no dma_parms to hold it. */
int dma_set_max_seg_size(struct device *dev, unsigned int size);
/* The largest streaming mapping dev can make (a bounce buffer's limit). */
size_t dma_max_mapping_size(struct device *dev);

/*
 * Streaming mappings.  Each map returns the bus address or
 * DMA_MAPPING_ERROR (bad argument, an address outside the direct map,
 * no room in the bounce pool); unmap takes the same size and direction.
 * dma_map_page() maps size bytes from offset (< PAGE_SIZE) in page and
 * the pages physically after it.
 */
dma_addr_t dma_map_single(struct device *dev, void *cpu_addr, size_t size,
			  enum dma_data_direction dir);
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir);
dma_addr_t dma_map_page(struct device *dev, struct page *page, size_t offset,
			size_t size, enum dma_data_direction dir);
void dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		    enum dma_data_direction dir);
/* Nonzero (-ENOMEM) when addr is a failed mapping; call it after each map. */
int dma_mapping_error(struct device *dev, dma_addr_t addr);

/*
 * Map the first nents entries of sg.  Physically adjacent entries the
 * device reaches directly are merged while a segment stays within
 * dma_get_max_seg_size() and does not cross dma_get_seg_boundary();
 * bounced entries stay alone.  Returns the number of DMA segments,
 * described by sg_dma_address()/sg_dma_len() of the first entries (the
 * ones after them get length 0), or 0 with nothing mapped.  Unmap and
 * sync with the ORIGINAL nents, not the returned count.
 */
int dma_map_sg(struct device *dev, struct scatterlist *sg, int nents,
	       enum dma_data_direction dir);
void dma_unmap_sg(struct device *dev, struct scatterlist *sg, int nents,
		  enum dma_data_direction dir);

/*
 * Ownership hand-over while a mapping stays: for_cpu before the CPU
 * reads what the device wrote, for_device before the device reads what
 * the CPU wrote.  addr and size may describe part of a mapping.  They
 * copy only for bounced mappings.
 */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
			 int nelems, enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
			    int nelems, enum dma_data_direction dir);

/*
 * Coherent memory: size bytes (whole pages, at most 4 MiB) of zeroed
 * memory within the coherent mask (ZONE_DMA for masks of 24 bits or
 * less, ZONE_DMA32 up to 32 bits, any zone above), on the device's node
 * when it has such memory.  Returns the CPU address and sets *dma_handle,
 * or NULL.  Free with the same size, CPU address and handle.
 */
void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle);

/*
 * The bus calls this after a driver's remove() (and tests may call it):
 * with dma_debug on, a driver that left mappings or coherent memory
 * behind is reported.  Returns how many it left (0 without dma_debug).
 */
int dma_debug_device_release(struct device *dev);

/* /proc/swiotlb and /proc/dma-api: their text into buf; its length. */
size_t swiotlb_proc_show(char *buf, size_t size);
size_t dma_api_proc_show(char *buf, size_t size);

#endif
