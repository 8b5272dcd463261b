/*
 * devfs (fs/devfs.c): the file system mounted at /dev, listing the
 * device nodes drivers register.  A node is a name, a character device
 * number and permission bits; opening it reaches the driver that
 * register_chrdev() installed for its major.
 *
 * Historical note: Linux 2.4's devfs_register() took a parent handle,
 * flags and the driver's operations as well, and returned a handle;
 * 2.6.13 removed devfs.  Modern Linux creates nodes from user space
 * (udev) on devtmpfs, from the device numbers drivers announce with
 * device_create().
 */
#ifndef _LINUX_DEVFS_FS_KERNEL_H
#define _LINUX_DEVFS_FS_KERNEL_H

#include <linux/types.h>

#define DEVFS_NAME_LEN	32	/* a node's name, its NUL included */

/*
 * Add /dev/name, a character device (major, minor) with permission
 * bits mode (S_IFCHR may be included; another type is -EINVAL).
 * 0, or -EINVAL (empty name, too long, with "/", "." or "..", a major
 * outside 1..255, a minor above MINORMASK), -EEXIST, -ENOMEM.
 */
int devfs_register(const char *name, unsigned int major, unsigned int minor,
		   umode_t mode);
/* Remove /dev/name (files open on it stay usable): 0 or -ENOENT. */
int devfs_unregister(const char *name);

#endif
