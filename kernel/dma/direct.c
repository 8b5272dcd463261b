/*
 * The direct mapping (Linux's kernel/dma/direct.c): DMA without an IOMMU.
 * A bus address is the physical address; a buffer the device reaches
 * whole is given to it as it is, any other goes through a bounce buffer
 * (swiotlb.c).  Also the scatterlist walk, with its merging of adjacent
 * segments, and coherent memory from the zone the coherent mask allows.
 *
 * Invariants: every address handed to a device lies wholly below
 * min(its mask, its bus limit); a DMA address inside a bounce pool is a
 * bounced mapping, any other a direct one.  A mapped scatterlist has
 * its DMA segments in the first `count` entries and, in the entries
 * after them up to nents, length 0 and DMA_MAPPING_ERROR; bounced
 * entries are never merged, so each bounced segment is one mapping.
 *
 * x86 keeps caches coherent with DMA (the CPU snoops the bus), so a
 * direct mapping needs no cache maintenance at map, unmap or sync: on a
 * non-coherent CPU (Linux's arch_sync_dma_for_device/cpu) these are the
 * places that would write back or invalidate.
 *
 * Locking: none here; swiotlb.c locks its pools, a scatterlist belongs
 * to its caller for the duration of the call, and each CPU counts its
 * direct mappings in its own cpu_data with this_cpu_inc().
 */
#include <linux/bug.h>
#include <linux/dma-mapping.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/swiotlb.h>

#include "direct.h"

unsigned long dma_direct_mapped_count(void)
{
	unsigned long n = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(cpu_data[cpu].dma_direct_mapped);
	return n;
}

dma_addr_t dma_direct_map_bounce(struct device *dev, phys_addr_t phys,
				 size_t size, enum dma_data_direction dir,
				 unsigned long attrs)
{
	phys_addr_t tlb = swiotlb_tbl_map_single(dev, phys, size, dir, attrs);

	if (tlb == (phys_addr_t)DMA_MAPPING_ERROR)
		return DMA_MAPPING_ERROR;
	/* The slot search stayed below the limit: never a truncated address. */
	if (WARN_ON_ONCE(!dma_capable(dev, phys_to_dma(dev, tlb), size))) {
		swiotlb_tbl_unmap_single(dev, tlb, size, dir,
					 attrs | DMA_ATTR_SKIP_CPU_SYNC);
		return DMA_MAPPING_ERROR;
	}
	return phys_to_dma(dev, tlb);
}

void dma_direct_sync_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (is_swiotlb_buffer(phys))
		swiotlb_sync_single_for_cpu(dev, phys, size, dir);
}

void dma_direct_sync_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (is_swiotlb_buffer(phys))
		swiotlb_sync_single_for_device(dev, phys, size, dir);
}

/* ---- scatterlists ---- */

static phys_addr_t sg_phys(struct scatterlist *sg)
{
	return PFN_PHYS(page_to_pfn(sg_page(sg))) + sg->offset;
}

/*
 * May len bytes at addr join the DMA segment seg?  Both direct, addr
 * right after it, and the sum within the device's segment size and
 * boundary (the union of two ranges the device reaches, it needs no
 * new mask check).
 */
static bool dma_sg_can_merge(struct device *dev, struct scatterlist *seg,
			     dma_addr_t addr, unsigned int len)
{
	dma_addr_t start = sg_dma_address(seg);
	u64 total = (u64)sg_dma_len(seg) + len;
	u64 boundary = dma_get_seg_boundary(dev);

	return start + sg_dma_len(seg) == addr &&
	       !is_swiotlb_buffer(dma_to_phys(dev, start)) &&
	       !is_swiotlb_buffer(dma_to_phys(dev, addr)) &&
	       total <= dma_get_max_seg_size(dev) &&
	       !((start ^ (start + total - 1)) & ~boundary);
}

/* Mark the entries after last (up to nents of sgl) as no segment. */
static void dma_sg_terminate(struct scatterlist *sgl, int nents,
			     struct scatterlist *last)
{
	struct scatterlist *sg;
	bool after = !last;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		if (after) {
			sg->dma_address = DMA_MAPPING_ERROR;
			sg->dma_length = 0;
		}
		after = after || sg == last;
	}
}

int dma_direct_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      enum dma_data_direction dir)
{
	struct scatterlist *sg, *out = NULL;
	dma_addr_t addr;
	int i, count = 0;

	for_each_sg(sgl, sg, nents, i) {
		addr = dma_direct_map_phys(dev, sg_phys(sg), sg->length, dir, 0);
		if (addr == DMA_MAPPING_ERROR)
			goto out_unmap;
		if (out && dma_sg_can_merge(dev, out, addr, sg->length)) {
			out->dma_length += sg->length;
			continue;
		}
		out = out ? sg_next(out) : sgl;
		out->dma_address = addr;
		out->dma_length = sg->length;
		count++;
	}
	dma_sg_terminate(sgl, nents, out);
	return count;

out_unmap:
	dma_sg_terminate(sgl, nents, out);
	dma_direct_unmap_sg(dev, sgl, nents, dir, DMA_ATTR_SKIP_CPU_SYNC);
	dma_sg_terminate(sgl, nents, NULL);	/* no segment left to program */
	return 0;
}

void dma_direct_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
			 enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		if (!sg_dma_len(sg))
			break;
		dma_direct_unmap_phys(dev, sg_dma_address(sg), sg_dma_len(sg),
				      dir, attrs);
	}
}

void dma_direct_sync_sg(struct device *dev, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir, bool for_cpu)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		if (!sg_dma_len(sg))
			break;
		if (for_cpu)
			dma_direct_sync_for_cpu(dev, sg_dma_address(sg),
						sg_dma_len(sg), dir);
		else
			dma_direct_sync_for_device(dev, sg_dma_address(sg),
						   sg_dma_len(sg), dir);
	}
}

/* ---- coherent memory ---- */

static u64 dma_coherent_limit(struct device *dev)
{
	u64 mask = dev->coherent_dma_mask;

	if (dev->bus_dma_limit && dev->bus_dma_limit < mask)
		return dev->bus_dma_limit;
	return mask;
}

/* The highest zone whose every page lies below limit (Linux's rule). */
static gfp_t dma_coherent_zone(u64 limit)
{
	if (limit <= DMA_BIT_MASK(24))
		return GFP_DMA;
	if (limit <= DMA_BIT_MASK(32))
		return GFP_DMA32;
	return 0;
}

/* After a page beyond limit: the next zone down to try, or -1. */
static long dma_coherent_next_zone(gfp_t zone, u64 limit)
{
	if (zone == 0 && limit < DMA_BIT_MASK(64))
		return GFP_DMA32;
	if (zone == GFP_DMA32)
		return GFP_DMA;
	return -1;
}

void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *handle,
		       gfp_t gfp)
{
	unsigned int order = get_order(size);
	u64 limit = dma_coherent_limit(dev);
	long zone = dma_coherent_zone(limit);
	struct page *page;
	phys_addr_t phys;

	gfp = (gfp & ~GFP_ZONEMASK) | __GFP_ZERO | __GFP_NOWARN;
	for (; zone >= 0; zone = dma_coherent_next_zone(zone, limit)) {
		page = alloc_pages_node(dev_to_node(dev), gfp | zone, order);
		if (!page)
			continue;
		phys = PFN_PHYS(page_to_pfn(page));
		if (phys + size - 1 <= limit) {
			*handle = phys_to_dma(dev, phys);
			return page_address(page);
		}
		__free_pages(page, order);
	}
	return NULL;
}

void dma_direct_free(struct device *dev, size_t size, void *cpu_addr)
{
	free_pages((unsigned long)cpu_addr, get_order(size));
}
