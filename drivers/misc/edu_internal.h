/*
 * The edu driver's insides, shared by drivers/misc/edu.c and its tests
 * (drivers/misc/edu_test.c): the device's registers, the per-device
 * state, the settings file's parser, and the few hooks the tests use.
 *
 * Registers are offsets in BAR0 (QEMU's docs/specs/edu.rst; REFERENCE.md
 * section 5).  Below 0x80 only 4-byte accesses work; from 0x80 on, 4 or
 * 8 bytes.
 */
#ifndef _DRIVERS_MISC_EDU_INTERNAL_H
#define _DRIVERS_MISC_EDU_INTERNAL_H

#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/refcount.h>
#include <uapi/linux/edu.h>

#define PCI_VENDOR_ID_QEMU	0x1234
#define PCI_DEVICE_ID_QEMU_EDU	0x11e8

#define EDU_REG_ID		0x00	/* 0x010000ed: major 1, minor 0 */
#define EDU_REG_LIVENESS	0x04	/* reads back ~(what was written) */
#define EDU_REG_FACT		0x08	/* write n, read n! when done */
#define EDU_REG_STATUS		0x20
#define   EDU_STATUS_COMPUTING	0x01	/* the factorial is running */
#define   EDU_STATUS_IRQFACT	0x80	/* raise 0x001 when it ends */
#define EDU_REG_IRQ_STATUS	0x24	/* raised and not yet acknowledged */
#define EDU_REG_IRQ_RAISE	0x60
#define EDU_REG_IRQ_ACK		0x64
#define EDU_REG_DMA_SRC		0x80
#define EDU_REG_DMA_DST		0x88
#define EDU_REG_DMA_COUNT	0x90
#define EDU_REG_DMA_CMD		0x98
#define   EDU_DMA_START		0x01	/* reads 1 until the transfer ends */
#define   EDU_DMA_FROM_DEV	0x02	/* device buffer to RAM */
#define   EDU_DMA_IRQ		0x04	/* raise 0x100 when it ends */

#define EDU_IRQ_FACT		0x001
#define EDU_IRQ_DMA		0x100

#define EDU_ID_MAJOR(id)	((id) >> 24)
#define EDU_DMA_WINDOW		0x40000	/* device address of its buffer */
#define EDU_MAX_DEVICES		16	/* minors 0..15: /dev/edu0..edu15 */
#define EDU_CONF		"/etc/edu.conf"
/*
 * How long an operation waits for a transfer that timed out to end
 * (at least; longer if the timeout is): a transfer takes about 100 ms,
 * so a short timeout must not make the device look wedged.
 */
#define EDU_RECLAIM_MS		1000

/* Settings from /etc/edu.conf (docs/edu.md). */
struct edu_config {
	unsigned int dma_bits;		/* DMA mask width, 24..64 */
	unsigned int irq_mode;		/* EDU_IRQ_MSI, _INTX or _POLL */
	unsigned int timeout_ms;	/* how long a DMA may take */
	unsigned int window_bytes;	/* of the buffer served, 1..4096 */
};

/* A transfer whose buffer the device may still be using. */
struct edu_xfer;

/*
 * One device.  (C) constant after probe; (M) guarded by lock, which
 * serialises every use of the device's registers but the interrupt
 * handler's; (I) written by the interrupt handler, read under lock.
 */
struct edu_device {
	struct pci_dev *pdev;		/* (C) */
	void __iomem *mmio;		/* (C) BAR0 */
	unsigned int minor;		/* (C) N of /dev/eduN */
	char name[8];			/* (C) "eduN" */
	struct edu_config cfg;		/* (C), but timeout_ms: (M), tests
					 * shorten it */
	int irq;			/* (C) Linux irq, -1 when polling */
	refcount_t ref;			/* probe's, and one per open file */
	struct mutex lock;
	bool gone;			/* (M) removed: files get -ENODEV */
	struct edu_xfer *stuck;		/* (M) timed out, device still busy */
	void *buf;			/* (M) read()/write()'s kernel buffer */
	struct completion done;		/* (I) completed by the handler */
	atomic_long_t irq_status;	/* (I) bits the handler acknowledged */
	struct edu_info info;		/* (M) counters and the id register;
					 * the rest of EDU_IOC_INFO's answer is
					 * derived (edu_get_info()) */
	bool test_drop_start;		/* (M) tests: never start a DMA */
};

/*
 * Parse the settings file's text for the device named devname
 * ("0000:00:04.0"): defaults first, then the global keys, then those of
 * a [devname] section.  0, or -EINVAL with a message naming the line in
 * err (the settings are then the defaults).
 */
int edu_parse_config(const char *text, const char *devname,
		     struct edu_config *cfg, char *err, size_t errlen);
extern const struct edu_config edu_default_config;

/* The device behind /dev/eduN with a reference, or NULL; edu_put() it. */
struct edu_device *edu_get(unsigned int minor);
void edu_put(struct edu_device *edu);

/*
 * Device operations; each takes edu->lock.  0 or -errno.  After
 * -ETIMEDOUT the device may still use buf until the next operation on
 * the device has begun.
 */
int edu_factorial(struct edu_device *edu, u32 n, u32 *result);
int edu_copy_to_device(struct edu_device *edu, const void *buf, u32 offset,
		       u32 len);
int edu_copy_from_device(struct edu_device *edu, void *buf, u32 offset,
			 u32 len);
int edu_zero_copy(struct edu_device *edu, struct edu_dma *req);
/* EDU_IOC_INFO's answer. */
int edu_get_info(struct edu_device *edu, struct edu_info *info);

extern struct pci_driver edu_driver;

#endif
