/*
 * The device model, only as much of it as drivers and the DMA layer need:
 * a struct device that a bus device (struct pci_dev) embeds, naming the
 * device for messages and carrying its DMA limits, and a struct
 * device_driver naming the driver bound to it.
 *
 * dma_mask points at the bus device's own mask (Linux: pdev->dma_mask),
 * so a device that cannot do DMA at all has dma_mask == NULL.  Both masks
 * are written by the driver (dma_set_mask() and friends) in probe, before
 * the first mapping, and only read after that.  driver is set by the bus
 * while it probes and cleared after remove; the bus's own lock guards it.
 *
 * bus_dma_limit, dma_parms and dma_force_bounce are set, like the masks,
 * before the first mapping; dma_force_bounce is this kernel's own switch
 * (tests and benchmarks use it to bounce a device that needs no bouncing,
 * as swiotlb=force does for every device).
 *
 * Linux's struct device also has a kobject, a parent chain, power
 * management and a bus type; none of those is built here.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/printk.h>
#include <linux/types.h>

struct device_driver {
	const char *name;
};

/*
 * Limits of one DMA descriptor, when the device has them (Linux's
 * struct device_dma_parameters): dma_map_sg() never merges segments
 * into one longer than max_segment_size or crossing a multiple of
 * segment_boundary_mask + 1.
 */
struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned long segment_boundary_mask;
};

struct device {
	char name[24];			/* "0000:00:04.0", or a test's name */
	struct device_driver *driver;	/* bound driver, NULL if none */
	u64 *dma_mask;			/* NULL: no DMA; else the streaming mask */
	u64 coherent_dma_mask;		/* for dma_alloc_coherent() */
	int numa_node;			/* NUMA_NO_NODE if unknown */
	void *driver_data;		/* dev_set_drvdata() */
	/* The DMA layer's (kernel/dma/, docs/dma.md); zero means default. */
	u64 bus_dma_limit;		/* the bus's own reach, 0: none */
	struct device_dma_parameters *dma_parms;	/* NULL: 64 KiB, 4 GiB */
	bool dma_force_bounce;		/* bounce every streaming mapping */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

/* The bound driver's name, "" when none (Linux prints the bus then). */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->driver ? dev->driver->name : "";
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline int dev_to_node(const struct device *dev)
{
	return dev->numa_node;
}

/* "edu 0000:00:04.0: message", as Linux's dev_printk. */
#define dev_printk(level, dev, fmt, ...)				\
	printk(level "%s %s: " fmt, dev_driver_string(dev),		\
	       dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	do { } while (0)

#endif
