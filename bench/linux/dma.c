/*
 * The DMA metrics, Linux side: dma_map_single() + dma_unmap_single() of
 * a 4 KiB kmalloc buffer to the device (DMA_TO_DEVICE), as Ferry's bench
 * does, through two platform devices of our own with 64-bit DMA masks:
 *  - "bounced" maps through a swiotlb bounce buffer every time (a slot
 *    taken, the data copied in, the slot given back);
 *  - "direct" maps the buffer as it is.
 *
 * Ferry bounces one device with a per-device switch.  Linux's switch,
 * swiotlb=force (which the harness boots with), bounces every device
 * that has the swiotlb pool, so the direct device is given none
 * (dev->dma_io_tlb_mem = NULL), as a device looks on a machine without
 * swiotlb.  A narrow mask with a buffer above it cannot stand in for
 * the switch here: Linux puts its pool at the top of the memory below
 * 4 GiB (near 1 GiB on this machine), and maps through it only for a
 * device that can reach it.
 *
 * Invariants: between bench_dma_setup() and bench_dma_teardown() both
 * devices and buffers exist; a buffer is mapped only inside one
 * iteration.
 *
 * Locking: none; one thread runs the metrics.
 */
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/swiotlb.h>

#include "internal.h"

#define BENCH_DMA_SIZE		4096

enum { DMA_DIRECT, DMA_BOUNCED, NR_DMA_DEVS };

static struct platform_device *dma_dev[NR_DMA_DEVS];
static void *dma_buf[NR_DMA_DEVS];

static struct platform_device *dma_dev_create(int id)
{
	struct platform_device_info info = {
		.name = "ferry_bench_dma",
		.id = id,
		.dma_mask = DMA_BIT_MASK(64),
	};

	return platform_device_register_full(&info);
}

/* 0, or -ENODEV when Linux would not bounce the bounced device's maps. */
static int dma_check_bounce(struct device *dev)
{
	return is_swiotlb_force_bounce(dev) ? 0 : -ENODEV;
}

int bench_dma_setup(void)
{
	int i, err = -ENOMEM;

	for (i = 0; i < NR_DMA_DEVS; i++) {
		dma_dev[i] = dma_dev_create(i);
		if (IS_ERR(dma_dev[i])) {
			dma_dev[i] = NULL;
			goto out_teardown;
		}
		dma_buf[i] = kmalloc(BENCH_DMA_SIZE, GFP_KERNEL);
		if (!dma_buf[i])
			goto out_teardown;
	}
	dma_dev[DMA_DIRECT]->dev.dma_io_tlb_mem = NULL;
	err = dma_check_bounce(&dma_dev[DMA_BOUNCED]->dev);
	if (!err)
		return 0;
out_teardown:
	bench_dma_teardown();
	return err;
}

void bench_dma_teardown(void)
{
	int i;

	for (i = 0; i < NR_DMA_DEVS; i++) {
		kfree(dma_buf[i]);
		dma_buf[i] = NULL;
		if (dma_dev[i])
			platform_device_unregister(dma_dev[i]);
		dma_dev[i] = NULL;
	}
}

int bench_dma_map_pairs(int ops, unsigned long bounced)
{
	struct device *dev = &dma_dev[bounced]->dev;
	void *buf = dma_buf[bounced];
	int i, failed = 0;
	dma_addr_t addr;

	for (i = 0; i < ops; i++) {
		addr = dma_map_single(dev, buf, BENCH_DMA_SIZE, DMA_TO_DEVICE);
		if (!dma_mapping_error(dev, addr))
			dma_unmap_single(dev, addr, BENCH_DMA_SIZE, DMA_TO_DEVICE);
		else
			failed++;
		barrier();
	}
	return failed;
}
