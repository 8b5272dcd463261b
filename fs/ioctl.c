/*
 * ioctl: hand the command to the file's driver.  A file whose
 * operations have no unlocked_ioctl gets -ENOTTY ("inappropriate ioctl
 * for device"), as in Linux.  The driver is called with no lock held
 * and checks its own arguments; arg is often a user pointer.
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long ret = -ENOTTY;

	if (!file)
		return -EBADF;
	if (file->f_op && file->f_op->unlocked_ioctl)
		ret = file->f_op->unlocked_ioctl(file, cmd, arg);
	fput(file);
	return ret;
}
