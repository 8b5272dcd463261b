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

/*
 * How many of count bytes at pos lie inside a buffer of available bytes:
 * -EINVAL for a negative position, 0 at or past the end.
 */
static ssize_t buffer_span(loff_t pos, size_t available, size_t count)
{
	if (pos < 0)
		return -EINVAL;
	if ((u64)pos >= available)
		return 0;
	return min(count, available - (size_t)pos);
}

/* A copy of count bytes, left of them not copied: advance *ppos. */
static ssize_t buffer_copied(loff_t *ppos, size_t count, size_t left)
{
	if (left == count)
		return -EFAULT;
	*ppos += count - left;
	return count - left;
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	ssize_t n = buffer_span(*ppos, available, count);

	if (n <= 0)
		return n;
	return buffer_copied(ppos, n, copy_to_user(to, from + *ppos, n));
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	ssize_t n = buffer_span(*ppos, available, count);

	if (n <= 0)
		return n;
	return buffer_copied(ppos, n, copy_from_user(to + *ppos, from, n));
}
