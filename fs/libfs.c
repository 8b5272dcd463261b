/*
 * Helpers for simple file systems and drivers: the "." and ".."
 * entries of a directory listing, reading a kernel buffer as a file,
 * and the trivial llseek and read methods.
 *
 * Locking: none; the callers' f_pos_lock serialises the position.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <uapi/linux/dirent.h>

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	struct inode *parent = inode->i_parent ? inode->i_parent : inode;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, parent->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	return -EISDIR;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if ((u64)pos >= available || !count)
		return 0;
	count = min(count, available - (size_t)pos);
	left = copy_to_user(to, from + pos, count);
	if (left == count)
		return -EFAULT;
	*ppos = pos + (count - left);
	return count - left;
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if ((u64)pos >= available || !count)
		return 0;
	count = min(count, available - (size_t)pos);
	left = copy_from_user(to + pos, from, count);
	if (left == count)
		return -EFAULT;
	*ppos = pos + (count - left);
	return count - left;
}
