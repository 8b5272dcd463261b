/*
 * Opening files: open, openat, filp_open() for the kernel, and chdir.
 *
 * open() walks to the last component, then looks it up (or creates a
 * regular file there with O_CREAT), checks the request against the
 * inode (O_DIRECTORY on a non-directory: -ENOTDIR; a directory opened
 * for writing or with O_CREAT: -EISDIR), makes a struct file with the
 * inode's file operations and calls their open() (for a character
 * device that is chrdev_open(), which hands over to the driver), then
 * applies O_TRUNC to a regular file.  The descriptor is reserved first
 * and filled in only once the file is ready, so no other thread sees a
 * half-opened file.
 *
 * Locking: none of its own (see fs/namei.c and fs/file.c).
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#include "internal.h"

static struct file *finish_open(struct inode *inode, int flags)
{
	struct file *file;
	int ret = 0;

	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (S_ISDIR(inode->i_mode) &&
	    ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT)))
		return ERR_PTR(-EISDIR);
	file = open_inode(inode, flags);
	if (IS_ERR(file))
		return file;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) &&
	    inode->i_op && inode->i_op->truncate)
		ret = inode->i_op->truncate(inode, 0);
	if (ret) {
		fput(file);
		return ERR_PTR(ret);
	}
	return file;
}

struct file *file_open_at(struct inode *base, const char *path, int flags,
			  umode_t mode)
{
	struct nameidata nd;
	struct inode *inode;
	struct file *file;
	int ret;

	ret = path_parentat(base, path, &nd);
	if (ret)
		return ERR_PTR(ret);
	if (flags & O_CREAT)
		inode = lookup_create(&nd, flags, mode);
	else
		inode = lookup_last(&nd);
	path_release(&nd);
	if (IS_ERR(inode))
		return ERR_PTR(PTR_ERR(inode));
	file = finish_open(inode, flags);
	iput(inode);
	return file;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return file_open_at(NULL, filename, flags, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *path = getname(filename);
	struct inode *base;
	struct file *file;
	long fd;

	if (IS_ERR(path))
		return PTR_ERR(path);
	base = dfd_base(dfd, path);
	fd = IS_ERR(base) ? PTR_ERR(base) : get_unused_fd_flags(flags);
	if (fd >= 0) {
		file = file_open_at(base, path, flags, mode);
		if (IS_ERR(file)) {
			put_unused_fd(fd);
			fd = PTR_ERR(file);
		} else {
			fd_install(fd, file);
		}
	}
	if (!IS_ERR(base))
		iput(base);
	putname(path);
	return fd;
}

long sys_open(const char __user *filename, int flags, umode_t mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_chdir(const char __user *filename)
{
	struct inode *inode = user_path(filename);
	long ret = 0;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if (!S_ISDIR(inode->i_mode))
		ret = -ENOTDIR;
	else if (!current->fs)
		ret = -EINVAL;	/* a kernel thread has no cwd to change */
	else
		set_fs_pwd(current->fs, inode);
	iput(inode);
	return ret;
}
