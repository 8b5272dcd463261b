/*
 * The old PCI DMA names (Linux's include/linux/pci-dma-compat.h, from
 * 2.6 until 5.18; the 2.4 course text's pci_map_single()): each is the
 * DMA API call on the pci_dev's embedded struct device, and the
 * PCI_DMA_* directions are the DMA_* values.  Linux removed them once
 * every driver called dma_*() on &pdev->dev itself; new code here should
 * do the same (docs/dma.md).
 *
 * They are inlines, so the DMA layer's debugging names the driver that
 * called them, not this header.  A NULL pci_dev means no device for the
 * coherent calls, as in Linux (which then allocated for "ISA"); here
 * that is refused like any DMA call without a device.
 */
#ifndef _LINUX_PCI_DMA_COMPAT_H
#define _LINUX_PCI_DMA_COMPAT_H

#include <linux/dma-mapping.h>
#include <linux/pci.h>

#define PCI_DMA_BIDIRECTIONAL	DMA_BIDIRECTIONAL
#define PCI_DMA_TODEVICE	DMA_TO_DEVICE
#define PCI_DMA_FROMDEVICE	DMA_FROM_DEVICE
#define PCI_DMA_NONE		DMA_NONE

static inline struct device *pci_dma_dev(struct pci_dev *pdev)
{
	return pdev ? &pdev->dev : NULL;
}

static inline void *pci_alloc_consistent(struct pci_dev *pdev, size_t size,
					 dma_addr_t *dma_handle)
{
	return dma_alloc_coherent(pci_dma_dev(pdev), size, dma_handle,
				  GFP_ATOMIC);
}

static inline void pci_free_consistent(struct pci_dev *pdev, size_t size,
				       void *vaddr, dma_addr_t dma_handle)
{
	dma_free_coherent(pci_dma_dev(pdev), size, vaddr, dma_handle);
}

static inline dma_addr_t pci_map_single(struct pci_dev *pdev, void *ptr,
					size_t size, int direction)
{
	return dma_map_single(pci_dma_dev(pdev), ptr, size,
			      (enum dma_data_direction)direction);
}

static inline void pci_unmap_single(struct pci_dev *pdev, dma_addr_t dma_addr,
				    size_t size, int direction)
{
	dma_unmap_single(pci_dma_dev(pdev), dma_addr, size,
			 (enum dma_data_direction)direction);
}

static inline dma_addr_t pci_map_page(struct pci_dev *pdev, struct page *page,
				      unsigned long offset, size_t size,
				      int direction)
{
	return dma_map_page(pci_dma_dev(pdev), page, offset, size,
			    (enum dma_data_direction)direction);
}

static inline void pci_unmap_page(struct pci_dev *pdev, dma_addr_t dma_address,
				  size_t size, int direction)
{
	dma_unmap_page(pci_dma_dev(pdev), dma_address, size,
		       (enum dma_data_direction)direction);
}

static inline int pci_map_sg(struct pci_dev *pdev, struct scatterlist *sg,
			     int nents, int direction)
{
	return dma_map_sg(pci_dma_dev(pdev), sg, nents,
			  (enum dma_data_direction)direction);
}

static inline void pci_unmap_sg(struct pci_dev *pdev, struct scatterlist *sg,
				int nents, int direction)
{
	dma_unmap_sg(pci_dma_dev(pdev), sg, nents,
		     (enum dma_data_direction)direction);
}

static inline void pci_dma_sync_single_for_cpu(struct pci_dev *pdev,
					       dma_addr_t dma_handle,
					       size_t size, int direction)
{
	dma_sync_single_for_cpu(pci_dma_dev(pdev), dma_handle, size,
				(enum dma_data_direction)direction);
}

static inline void pci_dma_sync_single_for_device(struct pci_dev *pdev,
						  dma_addr_t dma_handle,
						  size_t size, int direction)
{
	dma_sync_single_for_device(pci_dma_dev(pdev), dma_handle, size,
				   (enum dma_data_direction)direction);
}

static inline void pci_dma_sync_sg_for_cpu(struct pci_dev *pdev,
					   struct scatterlist *sg, int nelems,
					   int direction)
{
	dma_sync_sg_for_cpu(pci_dma_dev(pdev), sg, nelems,
			    (enum dma_data_direction)direction);
}

static inline void pci_dma_sync_sg_for_device(struct pci_dev *pdev,
					      struct scatterlist *sg,
					      int nelems, int direction)
{
	dma_sync_sg_for_device(pci_dma_dev(pdev), sg, nelems,
			       (enum dma_data_direction)direction);
}

static inline int pci_dma_mapping_error(struct pci_dev *pdev,
					dma_addr_t dma_addr)
{
	return dma_mapping_error(pci_dma_dev(pdev), dma_addr);
}

static inline int pci_set_dma_mask(struct pci_dev *pdev, u64 mask)
{
	return dma_set_mask(pci_dma_dev(pdev), mask);
}

static inline int pci_set_consistent_dma_mask(struct pci_dev *pdev, u64 mask)
{
	return dma_set_coherent_mask(pci_dma_dev(pdev), mask);
}

#endif
