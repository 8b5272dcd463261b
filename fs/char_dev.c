/*
 * Character devices: a table from major number to the driver's file
 * operations.  An S_IFCHR inode (init_special_inode) opens through
 * def_chr_fops, whose open, chrdev_open(), looks the major up, puts the
 * driver's operations in the file and calls the driver's open.
 *
 * Invariants: chrdevs[m].fops is non-NULL exactly when major m is
 * registered; majors run from 1 to CHRDEV_MAJOR_MAX - 1; a dynamic major
 * is the highest free one from CHRDEV_MAJOR_DYN_END down to
 * CHRDEV_MAJOR_DYN_START, as in Linux (254..234).
 *
 * Locking: chrdevs_lock, a spinlock, protects the table.  A file
 * already open keeps the operations it was given: the driver must not
 * go away while its files are open (there are no modules to unload).
 * Modern Linux: struct cdev in a kobj_map, looked up by (major, minor)
 * ranges, with a module reference held by each open file.
 */
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define CHRDEV_MAJOR_DYN_END	234
#define CHRDEV_MAJOR_DYN_START	254

struct char_device_struct {
	const char *name;
	const struct file_operations *fops;
};

static struct char_device_struct chrdevs[CHRDEV_MAJOR_MAX];
static DEFINE_SPINLOCK(chrdevs_lock);

/* The highest free dynamic major, or -EBUSY.  Caller holds chrdevs_lock. */
static int find_dynamic_major(void)
{
	int i;

	for (i = CHRDEV_MAJOR_DYN_START; i >= CHRDEV_MAJOR_DYN_END; i--)
		if (!chrdevs[i].fops)
			return i;
	return -EBUSY;
}

int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops)
{
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || !fops)
		return -EINVAL;
	spin_lock(&chrdevs_lock);
	if (major == 0)
		ret = find_dynamic_major();
	else
		ret = chrdevs[major].fops ? -EBUSY : (int)major;
	if (ret > 0) {
		chrdevs[ret].name = name;
		chrdevs[ret].fops = fops;
	}
	spin_unlock(&chrdevs_lock);
	if (ret < 0)
		pr_warn("chrdev: cannot register %s at major %u (error %d)\n",
			name, major, ret);
	return major == 0 ? ret : (ret < 0 ? ret : 0);
}

void unregister_chrdev(unsigned int major, const char *name)
{
	if (major == 0 || major >= CHRDEV_MAJOR_MAX)
		return;
	spin_lock(&chrdevs_lock);
	if (chrdevs[major].fops && !strcmp(chrdevs[major].name, name)) {
		chrdevs[major].fops = NULL;
		chrdevs[major].name = NULL;
	}
	spin_unlock(&chrdevs_lock);
}

int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = NULL;
	unsigned int major = MAJOR(inode->i_rdev);

	spin_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX)
		fops = chrdevs[major].fops;
	spin_unlock(&chrdevs_lock);
	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	return fops->open ? fops->open(inode, filp) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
