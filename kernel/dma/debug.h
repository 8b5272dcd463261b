/*
 * DMA-API debugging (kernel/dma/debug.c; Linux's kernel/dma/debug.h):
 * the hooks mapping.c calls around every map, unmap, sync and coherent
 * allocation, and the reports, which mapping.c also uses for what it
 * refuses in every build (an address outside the direct map, a bad
 * argument).  The hooks do nothing unless dma_debug is on the command
 * line; the reports and their counters always work.
 */
#ifndef _KERNEL_DMA_DEBUG_H
#define _KERNEL_DMA_DEBUG_H

#include <linux/compiler.h>
#include <linux/device.h>
#include <linux/dma-direction.h>
#include <linux/types.h>

struct scatterlist;

/* What made a mapping (Linux's type2name: single, page, sg, coherent). */
enum dma_debug_type {
	dma_debug_single,
	dma_debug_page,
	dma_debug_sg,
	dma_debug_coherent,
};

/* The reports, one counter each (dma_debug_error_count()). */
enum dma_debug_err {
	DMA_ERR_FREE_NOT_ALLOCATED,	/* unmap of an address not mapped */
	DMA_ERR_FREE_INVALID,		/* unmap of DMA_MAPPING_ERROR */
	DMA_ERR_FREE_SIZE,		/* unmap with another size */
	DMA_ERR_FREE_FUNCTION,		/* e.g. map_single, unmap_page */
	DMA_ERR_FREE_CPU_ADDRESS,	/* free_coherent of another address */
	DMA_ERR_FREE_DIRECTION,		/* unmap with another direction */
	DMA_ERR_SG_COUNT,		/* unmap_sg with another nents */
	DMA_ERR_MAP_NOT_CHECKED,	/* no dma_mapping_error() before unmap */
	DMA_ERR_PENDING,		/* mappings left at driver release */
	DMA_ERR_SYNC_NOT_ALLOCATED,	/* sync of an address not mapped */
	DMA_ERR_SYNC_OUTSIDE,		/* sync past a mapping's end */
	DMA_ERR_SYNC_DIRECTION,		/* sync with another direction */
	DMA_ERR_SG_SEGMENT,		/* sg segment over the device's max */
	DMA_ERR_ILLEGAL_AREA,		/* stack, vmalloc, image: refused */
	DMA_ERR_BAD_ARGUMENT,		/* size 0, DMA_NONE, no device: refused */
	NR_DMA_DEBUG_ERRS
};

/*
 * Whether mappings are tracked: on from boot with dma_debug, off for good
 * once entries run out.  Inline, so that with dma_debug off a map or
 * unmap costs one load for it; the hooks below check it again.
 */
extern bool dma_debug_on;

static inline bool dma_debug_enabled(void)
{
	return READ_ONCE(dma_debug_on);
}

/*
 * "DMA-API: DRIVER DEVICE: " + the message, the mapping's caller when
 * given ("DMA-API: Mapped at: FUNCTION+OFF/LEN"), and a backtrace;
 * counted under kind.
 */
void dma_report(struct device *dev, enum dma_debug_err kind,
		const void *mapped_at, const char *fmt, ...) __printf(4, 5);
/* A refused call, one line naming its caller (rate-limited); counted. */
void dma_report_bad_arg(struct device *dev, const void *caller,
			const char *fmt, ...) __printf(3, 4);

/* Reports of a kind since boot, and mappings tracked now. */
unsigned long dma_debug_error_count(enum dma_debug_err kind);
unsigned long dma_debug_active_entries(void);
/* Mappings tracked now for dev (without reporting them). */
int dma_debug_device_entries(struct device *dev);

void debug_dma_map_phys(struct device *dev, phys_addr_t phys, size_t size,
			enum dma_data_direction dir, dma_addr_t addr,
			enum dma_debug_type type, const void *caller);
void debug_dma_unmap_phys(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, enum dma_debug_type type,
			  const void *caller);
void debug_dma_mapping_error(struct device *dev, dma_addr_t addr);
void debug_dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      int mapped, enum dma_data_direction dir,
		      const void *caller);
void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sgl,
			int nents, enum dma_data_direction dir,
			const void *caller);
void debug_dma_alloc_coherent(struct device *dev, size_t size,
			      dma_addr_t addr, void *virt, const void *caller);
void debug_dma_free_coherent(struct device *dev, size_t size, void *virt,
			     dma_addr_t addr, const void *caller);
/* A sync either way: within a mapping, in its direction. */
void debug_dma_sync_single(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, const void *caller);
void debug_dma_sync_sg(struct device *dev, struct scatterlist *sgl, int nents,
		       enum dma_data_direction dir, const void *caller);

#endif
