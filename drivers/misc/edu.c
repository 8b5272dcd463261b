/*
 * A driver for QEMU's "edu" device (PCI 1234:11e8), a bus master made
 * for teaching: a factorial unit and a DMA engine that moves up to 4 KiB
 * between RAM and a buffer inside the device.  Each device becomes
 * /dev/eduN:
 *
 *   read()/write()  through a kernel buffer: copy_{to,from}_user, then
 *                   dma_map_single() and one transfer (the DMA layer
 *                   bounces the buffer if the device cannot reach it);
 *   EDU_IOC_DMA     zero-copy: the user's pages are pinned with a kiobuf
 *                   (map_user_kiobuf, lock_kiovec), described by a
 *                   scatterlist, dma_map_sg()'d, one transfer per segment;
 *   EDU_IOC_FACT    the factorial unit;  EDU_IOC_INFO  ids and counters.
 *
 * At probe the driver reads /etc/edu.conf as the course text shows a
 * driver reading a file (get_fs, set_fs(KERNEL_DS), sys_open, sys_read,
 * sys_close, set_fs back), checks the identification register (major
 * 1) and the liveness register (it returns what was written, inverted),
 * enables the device and bus mastering, sets the DMA mask (28 bits: the
 * device ANDs every RAM address with its mask, silently) and takes MSI,
 * else INTx, else polls.
 *
 * The device trusts its driver: an offset or length outside its window
 * aborts or corrupts the emulator.  Every request is checked here before
 * a register is written.
 *
 * A transfer that does not end within the timeout gives -ETIMEDOUT.  If
 * the device is still busy then, its buffer stays mapped (and pinned)
 * in edu->stuck until the device is seen idle: the next operation, or
 * remove, waits for that and releases it.  A device never reads or
 * writes memory that was given back.
 *
 * Locking: edu->lock (a mutex) serialises every operation on one device
 * and guards the fields marked (M) in edu_internal.h; the interrupt
 * handler touches only edu->done and edu->irq_status.  edu_devices_lock
 * guards the minor table.  Order: edu_devices_lock is never held while
 * taking edu->lock.
 */
#include <linux/completion.h>
#include <linux/devfs_fs_kernel.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/iobuf.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swiotlb.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/fcntl.h>
#include "edu_internal.h"

struct edu_xfer {
	enum dma_data_direction dir;
	void *buf;			/* copied path: the kernel buffer */
	dma_addr_t addr;		/* ... and its mapping */
	u32 len;
	struct kiobuf *iobuf;		/* zero-copy path: the pinned pages */
	struct scatterlist *sg;		/* ... their scatterlist */
	int nents;			/* ... entries given to dma_map_sg() */
	int mapped;			/* ... DMA segments it returned */
};

static struct edu_device *edu_devices[EDU_MAX_DEVICES];
static DEFINE_MUTEX(edu_devices_lock);
static int edu_major;

/* ---- Registers ---- */

static u32 edu_read32(struct edu_device *edu, unsigned int reg)
{
	return ioread32(edu->mmio + reg);
}

static void edu_write32(struct edu_device *edu, unsigned int reg, u32 val)
{
	iowrite32(val, edu->mmio + reg);
}

static bool edu_dma_idle(struct edu_device *edu)
{
	return !(readq(edu->mmio + EDU_REG_DMA_CMD) & EDU_DMA_START);
}

static bool edu_fact_idle(struct edu_device *edu)
{
	return !(edu_read32(edu, EDU_REG_STATUS) & EDU_STATUS_COMPUTING);
}

/* LAB(edu): write edu_irq() and edu_wait(): interrupts and timeouts */
/*
 * The interrupt: acknowledge what the device raised (which lowers INTx)
 * and wake the waiter.  On a shared INTx line the device may have
 * raised nothing.
 */
static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	u32 status = edu_read32(edu, EDU_REG_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	edu_write32(edu, EDU_REG_IRQ_ACK, status);
	atomic_long_or(status, &edu->irq_status);
	complete(&edu->done);
	return IRQ_HANDLED;
}

/*
 * Wait until the device raises bit (interrupt modes) or idle() says it
 * is done (polling).  -ETIMEDOUT after the configured time.
 */
static int edu_wait(struct edu_device *edu, u32 bit,
		    bool (*idle)(struct edu_device *))
{
	unsigned long deadline = jiffies + msecs_to_jiffies(edu->cfg.timeout_ms);

	for (;;) {
		long left = (long)(deadline - jiffies);

		if (edu->irq < 0) {
			if (idle(edu))
				return 0;
			if (left <= 0)
				return -ETIMEDOUT;
			msleep(1);
			continue;
		}
		if (atomic_long_xchg(&edu->irq_status, 0) & bit)
			return 0;
		if (left <= 0 || !wait_for_completion_timeout(&edu->done, left))
			return (atomic_long_xchg(&edu->irq_status, 0) & bit) ?
			       0 : -ETIMEDOUT;
	}
}
#if 0	/* LAB(edu) stub */
/* A stand-in that only quiets the device: the waiter never hears of it. */
static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu_device *edu = dev_id;
	u32 status = edu_read32(edu, EDU_REG_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	edu_write32(edu, EDU_REG_IRQ_ACK, status);
	return IRQ_HANDLED;
}

/* A stand-in that polls, and would wait for ever. */
static int edu_wait(struct edu_device *edu, u32 bit,
		    bool (*idle)(struct edu_device *))
{
	while (!idle(edu))
		msleep(1);
	return 0;
}
#endif	/* END LAB(edu) */

/*
 * Forget an interrupt a transfer that timed out may still have raised,
 * so that it cannot end the next wait early.
 */
static void edu_forget_irq(struct edu_device *edu)
{
	u32 status = edu_read32(edu, EDU_REG_IRQ_STATUS);

	if (status)
		edu_write32(edu, EDU_REG_IRQ_ACK, status);
	atomic_long_set(&edu->irq_status, 0);
}

/*
 * Start one transfer of len bytes between RAM at addr and the window.
 * (__maybe_unused, as edu_bounced() and edu_count(): the stand-ins of
 * lab edu, docs/labs/05-edu.md, call none of the three.)
 */
static __maybe_unused int edu_dma_run(struct edu_device *edu, dma_addr_t addr,
				      u32 offset, u32 len, bool to_device)
{
	u64 window = EDU_DMA_WINDOW + offset;
	u64 cmd = EDU_DMA_START;

	if (!to_device)
		cmd |= EDU_DMA_FROM_DEV;
	if (edu->irq >= 0)
		cmd |= EDU_DMA_IRQ;
	if (edu->test_drop_start)
		cmd &= ~EDU_DMA_START;
	edu_forget_irq(edu);
	writeq(to_device ? addr : window, edu->mmio + EDU_REG_DMA_SRC);
	writeq(to_device ? window : addr, edu->mmio + EDU_REG_DMA_DST);
	writeq(len, edu->mmio + EDU_REG_DMA_COUNT);
	writeq(cmd, edu->mmio + EDU_REG_DMA_CMD);
	return edu_wait(edu, EDU_IRQ_DMA, edu_dma_idle);
}

/* ---- Transfers and their buffers ---- */

/* Did the DMA layer hand out a bounce slot?  (Bus = physical here.) */
static __maybe_unused bool edu_bounced(dma_addr_t addr)
{
	return is_swiotlb_buffer(addr);
}

/* Unmap, unpin and free everything a transfer holds. */
static void edu_xfer_release(struct edu_device *edu, struct edu_xfer *x)
{
	struct device *dev = &edu->pdev->dev;

	if (x->iobuf) {
		if (x->mapped)
			dma_unmap_sg(dev, x->sg, x->nents, x->dir);
		unmap_kiobuf(x->iobuf);		/* unlocks too */
		free_kiovec(1, &x->iobuf);
		kfree(x->sg);
	} else if (x->len) {
		dma_unmap_single(dev, x->addr, x->len, x->dir);
	}
	kfree(x);
}

/*
 * Before an operation: if a timed-out transfer is still held, wait (up
 * to EDU_RECLAIM_MS, or the timeout if longer) for the device to go
 * idle and release it.  -EBUSY if it is still busy.
 */
static int edu_reclaim(struct edu_device *edu)
{
	unsigned long deadline;

	if (!edu->stuck)
		return 0;
	deadline = jiffies + msecs_to_jiffies(max(edu->cfg.timeout_ms,
						  (unsigned int)EDU_RECLAIM_MS));
	while (!edu_dma_idle(edu)) {
		if ((long)(deadline - jiffies) <= 0)
			return -EBUSY;
		msleep(1);
	}
	edu_forget_irq(edu);
	edu_xfer_release(edu, edu->stuck);
	edu->stuck = NULL;
	return 0;
}

/*
 * After a transfer: release it, or keep it in edu->stuck when it timed
 * out while the device is still working on it.
 */
static void edu_xfer_end(struct edu_device *edu, struct edu_xfer *x, int err)
{
	if (err == -ETIMEDOUT) {
		edu->info.timeouts++;
		dev_warn(&edu->pdev->dev, "DMA timed out after %u ms\n",
			 edu->cfg.timeout_ms);
		if (!edu_dma_idle(edu)) {
			edu->stuck = x;
			return;
		}
	}
	edu_xfer_release(edu, x);
}

static __maybe_unused void edu_count(struct edu_device *edu, bool to_device,
				     u32 len, bool bounced)
{
	if (to_device) {
		edu->info.transfers_to_device++;
		edu->info.bytes_to_device += len;
	} else {
		edu->info.transfers_from_device++;
		edu->info.bytes_from_device += len;
	}
	if (bounced)
		edu->info.bounced++;
	else
		edu->info.direct++;
}

/* Lock the device for an operation: -ENODEV once removed. */
static int edu_lock(struct edu_device *edu)
{
	int ret;

	mutex_lock(&edu->lock);
	ret = edu->gone ? -ENODEV : edu_reclaim(edu);
	if (ret)
		mutex_unlock(&edu->lock);
	return ret;
}

/* Does [offset, offset + len) lie in the part of the buffer served? */
static bool edu_window_ok(struct edu_device *edu, u32 offset, u32 len)
{
	u32 window = edu->cfg.window_bytes;

	return offset <= window && len <= window - offset;
}

/* LAB(edu): write __edu_copy(): map the buffer, one transfer, count, release */
/*
 * The copied path, edu->lock held: buf (direct-map memory) <-> the
 * window.  After -ETIMEDOUT the device may still use buf until the next
 * operation on the device has begun (edu_reclaim() waits for it).
 */
static int __edu_copy(struct edu_device *edu, void *buf, u32 offset, u32 len,
		      enum dma_data_direction dir)
{
	struct device *dev = &edu->pdev->dev;
	struct edu_xfer *x;
	int ret;

	if (!edu_window_ok(edu, offset, len))
		return -EINVAL;
	if (!len)
		return 0;
	x = kzalloc(sizeof(*x), GFP_KERNEL);
	if (!x)
		return -ENOMEM;
	x->dir = dir;
	x->addr = dma_map_single(dev, buf, len, dir);
	if (dma_mapping_error(dev, x->addr)) {
		kfree(x);
		return -ENOMEM;
	}
	x->len = len;
	ret = edu_dma_run(edu, x->addr, offset, len, dir == DMA_TO_DEVICE);
	if (!ret) {
		edu_count(edu, dir == DMA_TO_DEVICE, len,
			  edu_bounced(x->addr));
		edu->info.copied++;
	}
	edu_xfer_end(edu, x, ret);
	return ret;
}
#if 0	/* LAB(edu) stub */
/* A stand-in that moves nothing. */
static int __edu_copy(struct edu_device *edu, void *buf, u32 offset, u32 len,
		      enum dma_data_direction dir)
{
	return -ENOSYS;
}
#endif	/* END LAB(edu) */

static int edu_copy(struct edu_device *edu, void *buf, u32 offset, u32 len,
		    enum dma_data_direction dir)
{
	int ret = edu_lock(edu);

	if (ret)
		return ret;
	ret = __edu_copy(edu, buf, offset, len, dir);
	mutex_unlock(&edu->lock);
	return ret;
}

int edu_copy_to_device(struct edu_device *edu, const void *buf, u32 offset,
		       u32 len)
{
	return edu_copy(edu, (void *)buf, offset, len, DMA_TO_DEVICE);
}

int edu_copy_from_device(struct edu_device *edu, void *buf, u32 offset,
			 u32 len)
{
	return edu_copy(edu, buf, offset, len, DMA_FROM_DEVICE);
}

/* LAB(edu): write edu_map_user(): pin, lock and map the user's pages */
/* Pin, lock and map the user's buffer for a zero-copy transfer. */
static int edu_map_user(struct edu_device *edu, struct edu_xfer *x,
			const struct edu_dma *req)
{
	struct device *dev = &edu->pdev->dev;
	int rw = x->dir == DMA_TO_DEVICE ? WRITE : READ;
	int ret, n;

	ret = alloc_kiovec(1, &x->iobuf);
	if (ret)
		return ret;
	ret = map_user_kiobuf(rw, x->iobuf, req->addr, req->len);
	if (ret)
		return ret;
	ret = lock_kiovec(1, &x->iobuf, 1);
	if (ret)
		return ret;
	x->sg = kcalloc(x->iobuf->nr_pages, sizeof(*x->sg), GFP_KERNEL);
	if (!x->sg)
		return -ENOMEM;
	n = kiobuf_to_sg(x->iobuf, x->sg, x->iobuf->nr_pages,
			 dma_get_max_seg_size(dev));
	if (n < 0)
		return n;
	x->nents = n;
	x->mapped = dma_map_sg(dev, x->sg, n, x->dir);
	return x->mapped ? 0 : -ENOMEM;
}
#if 0	/* LAB(edu) stub */
/* A stand-in that maps nothing. */
static int edu_map_user(struct edu_device *edu, struct edu_xfer *x,
			const struct edu_dma *req)
{
	return -ENOSYS;
}
#endif	/* END LAB(edu) */

/* Free what edu_map_user() got before it failed. */
static void edu_unmap_user(struct edu_xfer *x)
{
	if (x->iobuf) {
		unmap_kiobuf(x->iobuf);
		free_kiovec(1, &x->iobuf);
	}
	kfree(x->sg);
	kfree(x);
}

/* LAB(edu): write edu_run_segments(): one transfer per DMA segment */
/* One device transfer per DMA segment; the first error ends it. */
static int edu_run_segments(struct edu_device *edu, struct edu_xfer *x,
			    struct edu_dma *req)
{
	bool to_device = x->dir == DMA_TO_DEVICE;
	u32 offset = req->offset;
	struct scatterlist *s;
	int i, ret;

	for_each_sg(x->sg, s, x->mapped, i) {
		bool bounced = edu_bounced(sg_dma_address(s));

		ret = edu_dma_run(edu, sg_dma_address(s), offset,
				  sg_dma_len(s), to_device);
		if (ret)
			return ret;
		edu_count(edu, to_device, sg_dma_len(s), bounced);
		req->bounced += bounced;
		offset += sg_dma_len(s);
	}
	edu->info.zero_copy++;
	return 0;
}
#if 0	/* LAB(edu) stub */
/* A stand-in that moves nothing. */
static int edu_run_segments(struct edu_device *edu, struct edu_xfer *x,
			    struct edu_dma *req)
{
	return -ENOSYS;
}
#endif	/* END LAB(edu) */

int edu_zero_copy(struct edu_device *edu, struct edu_dma *req)
{
	struct edu_xfer *x;
	int ret;

	req->bounced = 0;
	if (req->direction > EDU_DMA_FROM_DEVICE ||
	    !edu_window_ok(edu, req->offset, req->len))
		return -EINVAL;
	if (!req->len)
		return 0;
	x = kzalloc(sizeof(*x), GFP_KERNEL);
	if (!x)
		return -ENOMEM;
	x->dir = req->direction == EDU_DMA_TO_DEVICE ? DMA_TO_DEVICE :
						       DMA_FROM_DEVICE;
	ret = edu_map_user(edu, x, req);
	if (ret) {
		edu_unmap_user(x);
		return ret;
	}
	ret = edu_lock(edu);
	if (ret) {
		edu_xfer_release(edu, x);
		return ret;
	}
	ret = edu_run_segments(edu, x, req);
	edu_xfer_end(edu, x, ret);
	mutex_unlock(&edu->lock);
	return ret;
}

int edu_factorial(struct edu_device *edu, u32 n, u32 *result)
{
	int ret = edu_lock(edu);

	if (ret)
		return ret;
	edu_forget_irq(edu);
	edu_write32(edu, EDU_REG_STATUS, edu->irq >= 0 ? EDU_STATUS_IRQFACT : 0);
	edu_write32(edu, EDU_REG_FACT, n);
	ret = edu_wait(edu, EDU_IRQ_FACT, edu_fact_idle);
	if (!ret) {
		*result = edu_read32(edu, EDU_REG_FACT);
		edu->info.factorials++;
	} else {
		edu->info.timeouts++;
	}
	mutex_unlock(&edu->lock);
	return ret;
}

/* ---- /dev/eduN ---- */

struct edu_device *edu_get(unsigned int minor)
{
	struct edu_device *edu = NULL;

	mutex_lock(&edu_devices_lock);
	if (minor < EDU_MAX_DEVICES && edu_devices[minor]) {
		edu = edu_devices[minor];
		refcount_inc(&edu->ref);
	}
	mutex_unlock(&edu_devices_lock);
	return edu;
}

void edu_put(struct edu_device *edu)
{
	if (refcount_dec_and_test(&edu->ref)) {
		kfree(edu->buf);
		kfree(edu);
	}
}

static int edu_open(struct inode *inode, struct file *file)
{
	struct edu_device *edu = edu_get(MINOR(inode->i_rdev));

	if (!edu)
		return -ENXIO;
	file->private_data = edu;
	return 0;
}

static int edu_release(struct inode *inode, struct file *file)
{
	edu_put(file->private_data);
	return 0;
}

/* Clip a request at pos to the window: the bytes to move, or 0. */
static u32 edu_clip(struct edu_device *edu, loff_t pos, size_t count)
{
	u32 window = edu->cfg.window_bytes;

	if (pos >= window)
		return 0;
	return min(count, (size_t)(window - pos));
}

/*
 * read() and write() go through edu->buf, the device's own kmalloc'd
 * buffer: after a timeout the device may still be using it, and it is
 * touched again only once the device is idle (edu_lock()).
 */
static ssize_t edu_read(struct file *file, char __user *ubuf, size_t count,
			loff_t *ppos)
{
	struct edu_device *edu = file->private_data;
	u32 len;
	int ret;

	if (*ppos < 0)
		return -EINVAL;
	len = edu_clip(edu, *ppos, count);
	if (!len)
		return 0;
	ret = edu_lock(edu);
	if (ret)
		return ret;
	ret = __edu_copy(edu, edu->buf, *ppos, len, DMA_FROM_DEVICE);
	if (!ret && copy_to_user(ubuf, edu->buf, len))
		ret = -EFAULT;
	mutex_unlock(&edu->lock);
	if (ret)
		return ret;
	*ppos += len;
	return len;
}

static ssize_t edu_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	struct edu_device *edu = file->private_data;
	u32 len;
	int ret;

	if (*ppos < 0)
		return -EINVAL;
	if (!count)
		return 0;
	len = edu_clip(edu, *ppos, count);
	if (!len)
		return -ENOSPC;		/* a full fixed-size device */
	ret = edu_lock(edu);
	if (ret)
		return ret;
	ret = copy_from_user(edu->buf, ubuf, len) ? -EFAULT :
	      __edu_copy(edu, edu->buf, *ppos, len, DMA_TO_DEVICE);
	mutex_unlock(&edu->lock);
	if (ret)
		return ret;
	*ppos += len;
	return len;
}

static loff_t edu_llseek(struct file *file, loff_t offset, int whence)
{
	struct edu_device *edu = file->private_data;

	return fixed_size_llseek(file, offset, whence, edu->cfg.window_bytes);
}

static const char *const edu_irq_mode_names[] = {
	[EDU_IRQ_MSI] = "MSI", [EDU_IRQ_INTX] = "INTx",
	[EDU_IRQ_POLL] = "polling",
};

/* The interrupt mode in use: what probe got of what the settings asked. */
static unsigned int edu_irq_mode(struct edu_device *edu)
{
	if (edu->irq < 0)
		return EDU_IRQ_POLL;
	return edu->pdev->msi_enabled ? EDU_IRQ_MSI : EDU_IRQ_INTX;
}

int edu_get_info(struct edu_device *edu, struct edu_info *info)
{
	struct pci_dev *pdev = edu->pdev;
	int ret = edu_lock(edu);

	if (ret)
		return ret;
	*info = edu->info;		/* the counters and the id register */
	info->vendor = pdev->vendor;
	info->device = pdev->device;
	info->revision = pdev->revision;
	info->irq_mode = edu_irq_mode(edu);
	info->dma_bits = edu->cfg.dma_bits;
	info->timeout_ms = edu->cfg.timeout_ms;
	info->window_bytes = edu->cfg.window_bytes;
	mutex_unlock(&edu->lock);
	return 0;
}

static long edu_ioctl_info(struct edu_device *edu, void __user *arg)
{
	struct edu_info info;
	int ret = edu_get_info(edu, &info);

	if (ret)
		return ret;
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long edu_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct edu_device *edu = file->private_data;
	void __user *uarg = (void __user *)arg;
	struct edu_fact fact;
	struct edu_dma req;
	long ret;

	switch (cmd) {
	case EDU_IOC_FACT:
		if (copy_from_user(&fact, uarg, sizeof(fact)))
			return -EFAULT;
		ret = edu_factorial(edu, fact.n, &fact.result);
		if (!ret && copy_to_user(uarg, &fact, sizeof(fact)))
			ret = -EFAULT;
		return ret;
	case EDU_IOC_DMA:
		if (copy_from_user(&req, uarg, sizeof(req)))
			return -EFAULT;
		ret = edu_zero_copy(edu, &req);
		if (!ret && copy_to_user(uarg, &req, sizeof(req)))
			ret = -EFAULT;
		return ret;
	case EDU_IOC_INFO:
		return edu_ioctl_info(edu, uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations edu_fops = {
	.llseek = edu_llseek,
	.read = edu_read,
	.write = edu_write,
	.unlocked_ioctl = edu_ioctl,
	.open = edu_open,
	.release = edu_release,
};

/* ---- Settings: /etc/edu.conf ---- */

/* Read the settings file into buf (NUL-terminated): bytes, or -errno. */
static long edu_read_config_file(char *buf, size_t size)
{
	mm_segment_t old_fs = get_fs();
	long fd, len;

	set_fs(KERNEL_DS);
	fd = sys_open((const char __user *)EDU_CONF, O_RDONLY, 0);
	if (fd < 0) {
		set_fs(old_fs);
		return fd;
	}
	len = sys_read(fd, (char __user *)buf, size - 1);
	sys_close(fd);
	set_fs(old_fs);
	if (len >= 0)
		buf[len] = '\0';
	if (len == size - 1)
		return -EFBIG;
	return len;
}

static void edu_load_config(struct edu_device *edu)
{
	struct device *dev = &edu->pdev->dev;
	size_t size = 4096;
	char *text = kmalloc(size, GFP_KERNEL);
	char err[80];
	long len;

	edu->cfg = edu_default_config;
	if (!text)
		return;
	len = edu_read_config_file(text, size);
	if (len == -ENOENT)
		dev_info(dev, "no %s: using the defaults\n", EDU_CONF);
	else if (len < 0)
		dev_warn(dev, "%s: error %ld; using the defaults\n", EDU_CONF,
			 len);
	else if (edu_parse_config(text, dev_name(dev), &edu->cfg, err,
				  sizeof(err)))
		dev_warn(dev, "%s: %s; using the defaults\n", EDU_CONF, err);
	kfree(text);
}

/* ---- Probe and remove ---- */

/* Identification (major 1) and liveness (the value comes back inverted). */
static int edu_check(struct edu_device *edu)
{
	struct device *dev = &edu->pdev->dev;
	u32 id = edu_read32(edu, EDU_REG_ID);
	u32 probe = 0x5a5a0000 | edu->minor;

	edu->info.id = id;
	if (EDU_ID_MAJOR(id) != 1) {
		dev_err(dev, "identification %#x: not an edu device of major 1\n",
			id);
		return -ENODEV;
	}
	edu_write32(edu, EDU_REG_LIVENESS, probe);
	if (edu_read32(edu, EDU_REG_LIVENESS) != ~probe) {
		dev_err(dev, "liveness check failed\n");
		return -EIO;
	}
	return 0;
}

/* MSI, else INTx, as edu->cfg allows; -1 in edu->irq means polling. */
static int edu_setup_irq(struct edu_device *edu)
{
	struct pci_dev *pdev = edu->pdev;
	unsigned int types = PCI_IRQ_LEGACY;
	int ret;

	edu->irq = -1;
	if (edu->cfg.irq_mode == EDU_IRQ_POLL)
		return 0;
	if (edu->cfg.irq_mode == EDU_IRQ_MSI)
		types |= PCI_IRQ_MSI;
	ret = pci_alloc_irq_vectors(pdev, 1, 1, types);
	if (ret < 0)
		return ret;
	ret = request_irq(pci_irq_vector(pdev, 0), edu_irq, IRQF_SHARED,
			  edu->name, edu);
	if (ret) {
		pci_free_irq_vectors(pdev);
		return ret;
	}
	edu->irq = pci_irq_vector(pdev, 0);
	return 0;
}

static void edu_free_irq(struct edu_device *edu)
{
	if (edu->irq < 0)
		return;
	free_irq(edu->irq, edu);
	pci_free_irq_vectors(edu->pdev);
}

/* A free minor, claimed for edu; -ENOSPC when all are taken. */
static int edu_claim_minor(struct edu_device *edu)
{
	int minor, ret = -ENOSPC;

	mutex_lock(&edu_devices_lock);
	for (minor = 0; minor < EDU_MAX_DEVICES; minor++) {
		if (!edu_devices[minor]) {
			edu_devices[minor] = edu;
			edu->minor = minor;
			ret = 0;
			break;
		}
	}
	mutex_unlock(&edu_devices_lock);
	return ret;
}

static void edu_release_minor(struct edu_device *edu)
{
	mutex_lock(&edu_devices_lock);
	edu_devices[edu->minor] = NULL;
	mutex_unlock(&edu_devices_lock);
}

static int edu_enable(struct edu_device *edu)
{
	struct pci_dev *pdev = edu->pdev;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	edu->mmio = pci_iomap(pdev, 0, 0);
	if (!edu->mmio) {
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	ret = edu_check(edu);
	if (!ret)
		ret = dma_set_mask_and_coherent(&pdev->dev,
					DMA_BIT_MASK(edu->cfg.dma_bits));
	if (ret) {
		pci_iounmap(pdev, edu->mmio);
		pci_disable_device(pdev);
		return ret;
	}
	pci_set_master(pdev);
	return 0;
}

static void edu_disable(struct edu_device *edu)
{
	pci_clear_master(edu->pdev);
	pci_iounmap(edu->pdev, edu->mmio);
	pci_disable_device(edu->pdev);
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu_device *edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	int ret;

	if (!edu)
		return -ENOMEM;
	edu->buf = kmalloc(EDU_BUF_SIZE, GFP_KERNEL);
	if (!edu->buf) {
		kfree(edu);
		return -ENOMEM;
	}
	edu->pdev = pdev;
	refcount_set(&edu->ref, 1);
	mutex_init(&edu->lock);
	init_completion(&edu->done);
	ret = edu_claim_minor(edu);
	if (ret)
		goto out_free;
	snprintf(edu->name, sizeof(edu->name), "edu%u", edu->minor);
	edu_load_config(edu);
	ret = edu_enable(edu);
	if (ret)
		goto out_minor;
	ret = edu_setup_irq(edu);
	if (ret)
		goto out_disable;
	ret = devfs_register(edu->name, edu_major, edu->minor, S_IFCHR | 0666);
	if (ret)
		goto out_irq;
	pci_set_drvdata(pdev, edu);
	dev_info(&pdev->dev, "/dev/%s: id %#x, %u-bit DMA, %s, timeout %u ms\n",
		 edu->name, edu->info.id, edu->cfg.dma_bits,
		 edu_irq_mode_names[edu_irq_mode(edu)], edu->cfg.timeout_ms);
	return 0;

out_irq:
	edu_free_irq(edu);
out_disable:
	edu_disable(edu);
out_minor:
	edu_release_minor(edu);
out_free:
	kfree(edu->buf);
	kfree(edu);
	return ret;
}

/*
 * Remove: new opens fail at once; a transfer in flight ends first (the
 * mutex), a stuck one is waited for; then the device is shut off.  Open
 * files keep the structure, and get -ENODEV.
 */
static void edu_remove(struct pci_dev *pdev)
{
	struct edu_device *edu = pci_get_drvdata(pdev);

	edu_release_minor(edu);
	devfs_unregister(edu->name);
	mutex_lock(&edu->lock);
	if (edu->stuck && edu_reclaim(edu)) {
		dev_err(&pdev->dev, "still busy at remove: its buffers are leaked\n");
		edu->buf = NULL;	/* the device may still write there */
	}
	edu->gone = true;
	mutex_unlock(&edu->lock);
	edu_free_irq(edu);
	edu_disable(edu);
	pci_set_drvdata(pdev, NULL);
	edu_put(edu);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, PCI_DEVICE_ID_QEMU_EDU) },
	{ 0 }
};

struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

static int edu_init(void)
{
	int ret = register_chrdev(0, "edu", &edu_fops);

	if (ret < 0)
		return ret;
	edu_major = ret;
	return pci_register_driver(&edu_driver);
}
device_initcall(edu_init);
