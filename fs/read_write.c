/*
 * read, write and lseek: the system calls, the vfs_* functions under
 * them, kernel_read()/kernel_write() for kernel buffers, and the
 * generic llseek.
 *
 * Invariants: a read or write goes to f_op only if the file was opened
 * for it (else -EBADF) and the whole user buffer passes access_ok()
 * (else -EFAULT); a transfer is at most MAX_RW_COUNT bytes, as in Linux.
 *
 * Locking: for regular files and directories, f_pos_lock is held from
 * reading f_pos to storing the new one, so two threads sharing a file
 * never read the same bytes (Linux's FMODE_ATOMIC_POS).  Pipes and
 * devices ignore the position and may block for long, so they are
 * called without it.
 */
#include <asm/page.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

#define MAX_RW_COUNT	(0x7fffffffUL & PAGE_MASK)

static bool file_pos_atomic(struct file *file)
{
	umode_t mode = file_inode(file)->i_mode;

	return S_ISREG(mode) || S_ISDIR(mode);
}

static void file_pos_lock(struct file *file)
{
	if (file_pos_atomic(file))
		mutex_lock(&file->f_pos_lock);
}

static void file_pos_unlock(struct file *file)
{
	if (file_pos_atomic(file))
		mutex_unlock(&file->f_pos_lock);
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = eof;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &offset))
		return -EINVAL;
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t maxsize = 0x7fffffffffffffffLL;

	if (inode->i_sb)
		maxsize = inode->i_sb->s_maxbytes;
	return generic_file_llseek_size(file, offset, whence, maxsize,
					READ_ONCE(inode->i_size));
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size)
{
	return generic_file_llseek_size(file, offset, whence, size, size);
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t ret;

	if (whence < SEEK_SET || whence > SEEK_END)
		return -EINVAL;
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	file_pos_lock(file);
	ret = file->f_op->llseek(file, offset, whence);
	file_pos_unlock(file);
	return ret;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read)	/* directories: -EISDIR */
		return S_ISDIR(file_inode(file)->i_mode) ? -EISDIR : -EINVAL;
	if (!access_ok(VERIFY_WRITE, buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, min(count, MAX_RW_COUNT), pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!access_ok(VERIFY_READ, buf, count))
		return -EFAULT;
	return file->f_op->write(file, buf, min(count, MAX_RW_COUNT), pos);
}

/*
 * Reads and writes share one path, so buf is not const: a write only
 * reads it.
 */
static ssize_t rw_at(struct file *file, char __user *buf, size_t count,
		     loff_t *pos, bool write)
{
	if (write)
		return vfs_write(file, buf, count, pos);
	return vfs_read(file, buf, count, pos);
}

/* A transfer at *pos, or at the file position (which advances) if NULL. */
static ssize_t file_rw(struct file *file, char __user *buf, size_t count,
		       loff_t *pos, bool write)
{
	loff_t fpos;
	ssize_t ret;

	if (pos)
		return rw_at(file, buf, count, pos, write);
	file_pos_lock(file);
	fpos = file->f_pos;
	ret = rw_at(file, buf, count, &fpos, write);
	if (ret >= 0)
		file->f_pos = fpos;
	file_pos_unlock(file);
	return ret;
}

static ssize_t kernel_rw(struct file *file, void *buf, size_t count,
			 loff_t *pos, bool write)
{
	mm_segment_t old = get_fs();
	ssize_t ret;

	set_fs(KERNEL_DS);
	ret = file_rw(file, (char __user *)buf, count, pos, write);
	set_fs(old);
	return ret;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	return kernel_rw(file, buf, count, pos, false);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	return kernel_rw(file, (void *)buf, count, pos, true);
}

static long fd_rw(unsigned int fd, char __user *buf, size_t count, bool write)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = file_rw(file, buf, count, NULL, write);
	fput(file);
	return ret;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	return fd_rw(fd, buf, count, false);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return fd_rw(fd, (char __user *)buf, count, true);
}

long sys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = whence > SEEK_END ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	return ret;
}
