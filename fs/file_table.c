/*
 * Open files: struct file allocation and reference counting.
 *
 * Invariants: a file holds one reference to its inode from alloc_file()
 * to the last fput(); f_op->release() is called exactly once, by that
 * fput(), and only for a file whose f_op->open() succeeded (or that had
 * none).  f_mode says which of read and write the opener asked for.
 *
 * Locking: f_count is an atomic_long_t; f_pos_lock serialises position
 * updates (fs/read_write.c).  Modern Linux frees the last reference through
 * task_work so that release runs without the caller's locks held.
 */
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/slab.h>

#include "internal.h"

static fmode_t open_flags_to_fmode(unsigned int flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return FMODE_READ;
	case O_WRONLY:
		return FMODE_WRITE;
	case O_RDWR:
		return FMODE_READ | FMODE_WRITE;
	default:		/* 3: neither, as Linux (ioctl only) */
		return 0;
	}
}

struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_inode = inode;
	f->f_op = fops;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC |
			       O_CLOEXEC);
	f->f_mode = open_flags_to_fmode(flags);
	atomic_long_set(&f->f_count, 1);
	mutex_init(&f->f_pos_lock);
	return f;
}

struct file *open_inode(struct inode *inode, unsigned int flags)
{
	struct file *f;
	int ret;

	f = alloc_file(inode, flags, inode->i_fop);
	if (!f)
		return ERR_PTR(-ENOMEM);
	ihold(inode);
	if (f->f_op && f->f_op->open) {
		ret = f->f_op->open(inode, f);
		if (ret) {
			iput(inode);
			kfree(f);
			return ERR_PTR(ret);
		}
	}
	return f;
}

struct file *get_file(struct file *f)
{
	WARN_ON(atomic_long_inc_return(&f->f_count) <= 1);
	return f;
}

void fput(struct file *f)
{
	long left = atomic_long_dec_return(&f->f_count);

	if (WARN_ON(left < 0) || left > 0)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	iput(f->f_inode);
	kfree(f);
}

int filp_close(struct file *filp, void *id)
{
	fput(filp);
	return 0;
}
