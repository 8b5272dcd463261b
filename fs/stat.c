/*
 * stat, lstat and fstat: an inode's attributes in the x86_64 struct
 * stat layout (uapi/asm/stat.h).  There are no symbolic links, so lstat
 * is stat; owners are always root (0); st_blocks counts 512-byte units
 * of i_size and st_blksize is the page size.
 *
 * Locking: none; the fields are read once each and may be mid-update
 * when a write to the file races (as in Linux without the inode lock).
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

#include <uapi/asm/stat.h>

static long cp_new_stat(const struct kstat *k, struct stat __user *statbuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));	/* no kernel bytes in the padding */
	st.st_dev = new_encode_dev(k->dev);
	st.st_ino = k->ino;
	st.st_nlink = k->nlink;
	st.st_mode = k->mode;
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_size = k->size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = k->blocks;
	st.st_atime = k->mtime;
	st.st_mtime = k->mtime;
	st.st_ctime = k->mtime;
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long stat_inode(struct inode *inode, struct stat __user *statbuf)
{
	struct kstat k;

	generic_fillattr(inode, &k);
	return cp_new_stat(&k, statbuf);
}

long sys_stat(const char __user *filename, struct stat __user *statbuf)
{
	struct inode *inode = user_path(filename);
	long ret;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ret = stat_inode(inode, statbuf);
	iput(inode);
	return ret;
}

long sys_lstat(const char __user *filename, struct stat __user *statbuf)
{
	return sys_stat(filename, statbuf);
}

long sys_fstat(unsigned int fd, struct stat __user *statbuf)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = stat_inode(file_inode(file), statbuf);
	fput(file);
	return ret;
}
