/*
 * The direction of a streaming DMA mapping, seen from memory (Linux's
 * include/linux/dma-direction.h): TO_DEVICE, the device reads the buffer;
 * FROM_DEVICE, the device writes it; BIDIRECTIONAL, either.  DMA_NONE is
 * a debugging value that no mapping may use.  The values are Linux's, and
 * the old PCI_DMA_* names of linux/pci-dma-compat.h share them.
 */
#ifndef _LINUX_DMA_DIRECTION_H
#define _LINUX_DMA_DIRECTION_H

#include <linux/types.h>

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

static inline bool valid_dma_direction(enum dma_data_direction dir)
{
	return dir == DMA_BIDIRECTIONAL || dir == DMA_TO_DEVICE ||
	       dir == DMA_FROM_DEVICE;
}

#endif
