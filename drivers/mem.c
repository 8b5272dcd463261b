/*
 * The memory character devices, major 1 (MEM_MAJOR), as in Linux's
 * drivers/char/mem.c: /dev/null (minor 3) reads as end of file and
 * swallows every write; /dev/zero (minor 5) reads as an endless run of
 * zero bytes and swallows writes too.  Other minors are -ENXIO (this
 * kernel has no /dev/mem or /dev/kmem).
 *
 * The major's open routine (memory_open) replaces the file's
 * operations by the minor's, as Linux's does, so every later call goes
 * straight to the device.  A /dev/zero read clears the user buffer a
 * page at a time: a bad buffer gives -EFAULT if nothing was cleared
 * (else the bytes cleared so far), and a pending signal ends a long
 * read the same way (-EINTR if nothing was done), as in Linux.
 *
 * Locking: none; the devices keep no state.
 */
#include <asm/page.h>
#include <linux/devfs_fs_kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/major.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/uaccess.h>

#define MEM_NULL_MINOR	3
#define MEM_ZERO_MINOR	5

/* Both devices: every seek lands at 0 (Linux's null_lseek). */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static ssize_t read_null(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf,
			  size_t count, loff_t *pos)
{
	return count;
}

static ssize_t read_zero(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	size_t done = 0, n, left;

	while (done < count) {
		if (signal_pending(current))
			return done ? (ssize_t)done : -EINTR;
		n = min(count - done, (size_t)PAGE_SIZE);
		left = clear_user(buf + done, n);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
};

static int memory_open(struct inode *inode, struct file *filp)
{
	switch (MINOR(inode->i_rdev)) {
	case MEM_NULL_MINOR:
		filp->f_op = &null_fops;
		return 0;
	case MEM_ZERO_MINOR:
		filp->f_op = &zero_fops;
		return 0;
	default:
		return -ENXIO;
	}
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = null_lseek,
};

static int chr_dev_init(void)
{
	int ret = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (ret)
		return ret;
	ret = devfs_register("null", MEM_MAJOR, MEM_NULL_MINOR, 0666);
	if (!ret)
		ret = devfs_register("zero", MEM_MAJOR, MEM_ZERO_MINOR, 0666);
	if (ret)
		pr_warn("mem: /dev nodes not created (error %d)\n", ret);
	return ret;
}
device_initcall(chr_dev_init);
