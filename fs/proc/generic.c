/*
 * The text files of /proc: a file's text is made once, when it is
 * opened, into a buffer that belongs to that open file; reads are then
 * served from it at the file position (simple_read_from_buffer), so a
 * reader sees one consistent snapshot however small its reads are, and
 * lseek() moves within it.  Linux's seq_file instead regenerates the
 * text record by record as reads advance.
 *
 * The generators write at most size bytes and return the length, as
 * scnprintf does; some cut the text at a character, others
 * (proc_pid_maps_show) at the last whole line that fits.  So a text
 * that comes within PROC_LINE_MAX bytes of the end may have been cut,
 * and the buffer doubles (from one page up to PROC_TEXT_MAX) until the
 * text ends further from it.
 *
 * A fixed entry (of /proc, or of a subdirectory such as /proc/tty) is
 * a text file or a subdirectory, whose entries are a table, struct
 * proc_dir: a lookup makes the named entry's inode, and a listing
 * emits the table in order, entry i at position PROC_FIRST_POS + i.
 *
 * Locking: none; the buffer is the open file's own, and its position is
 * serialised by the VFS (f_pos_lock); the tables are constant.
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/dirent.h>

#include "internal.h"

#define PROC_TEXT_MAX	(1024 * 1024)
#define PROC_LINE_MAX	256	/* longest line a generator may drop whole */

struct proc_text {
	size_t len;
	char buf[];
};

struct super_block *proc_sb;

struct inode *proc_new_inode(unsigned long ino, umode_t mode, pid_t pid,
			     const struct proc_entry *entry)
{
	struct proc_inode_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	struct inode *inode;

	if (!info)
		return NULL;
	inode = new_inode(proc_sb);
	if (!inode) {
		kfree(info);
		return NULL;
	}
	info->pid = pid;
	info->entry = entry;
	inode->i_private = info;
	inode->i_ino = ino;
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	return inode;
}

/* Make the text, growing the buffer until it fits: it, or ERR_PTR. */
static struct proc_text *proc_text_make(const struct proc_entry *e, pid_t pid)
{
	struct proc_text *t;
	size_t size;
	ssize_t len;

	for (size = PAGE_SIZE; size <= PROC_TEXT_MAX; size *= 2) {
		t = kmalloc(sizeof(*t) + size, GFP_KERNEL);
		if (!t)
			return ERR_PTR(-ENOMEM);
		len = e->fill(pid, t->buf, size);
		if (len < 0) {
			kfree(t);
			return ERR_PTR(len);
		}
		if (len + PROC_LINE_MAX < size) {
			t->len = len;
			return t;
		}
		kfree(t);
	}
	return ERR_PTR(-EFBIG);
}

static int proc_text_open(struct inode *inode, struct file *file)
{
	struct proc_inode_info *info = PROC_I(inode);
	struct proc_text *t = proc_text_make(info->entry, info->pid);

	if (IS_ERR(t))
		return PTR_ERR(t);
	file->private_data = t;
	return 0;
}

static ssize_t proc_text_read(struct file *file, char __user *buf,
			      size_t count, loff_t *pos)
{
	struct proc_text *t = file->private_data;

	return simple_read_from_buffer(buf, count, pos, t->buf, t->len);
}

/* SEEK_SET, SEEK_CUR and SEEK_END (the end of the text); never below 0. */
static loff_t proc_text_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_text *t = file->private_data;
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = t->len + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	return file->f_pos = pos;
}

static int proc_text_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

const struct file_operations proc_text_fops = {
	.open = proc_text_open,
	.read = proc_text_read,
	.llseek = proc_text_llseek,
	.release = proc_text_release,
};

/* ---- fixed entries and subdirectories ---- */

static const struct inode_operations proc_subdir_iops;
static const struct file_operations proc_subdir_fops;

struct inode *proc_entry_inode(unsigned long ino, const struct proc_entry *e)
{
	umode_t mode = e->dir ? S_IFDIR | 0555 : S_IFREG | 0444;
	struct inode *inode = proc_new_inode(ino, mode, 0, e);

	if (!inode)
		return NULL;
	if (e->dir) {
		inode->i_op = &proc_subdir_iops;
		inode->i_fop = &proc_subdir_fops;
	} else {
		inode->i_fop = &proc_text_fops;
	}
	return inode;
}

unsigned char proc_entry_type(const struct proc_entry *e)
{
	return e->dir ? DT_DIR : DT_REG;
}

static struct inode *proc_subdir_lookup(struct inode *dir,
					const struct qstr *name)
{
	const struct proc_dir *d = PROC_I(dir)->entry->dir;
	struct inode *inode;
	unsigned int i;

	for (i = 0; i < d->nr_entries; i++) {
		if (!strcmp(name->name, d->entries[i].name)) {
			inode = proc_entry_inode(d->first_ino + i,
						 &d->entries[i]);
			return inode ? inode : ERR_PTR(-ENOMEM);
		}
	}
	return ERR_PTR(-ENOENT);
}

static int proc_subdir_iterate(struct file *file, struct dir_context *ctx)
{
	const struct proc_dir *d = PROC_I(file_inode(file))->entry->dir;
	const struct proc_entry *e;
	unsigned int i = d->nr_entries;

	if (!dir_emit_dots(file, ctx))
		return 0;
	if (ctx->pos < PROC_FIRST_POS + (loff_t)d->nr_entries)
		i = ctx->pos - PROC_FIRST_POS;
	for (; i < d->nr_entries; i++) {
		e = &d->entries[i];
		if (!dir_emit(ctx, e->name, strlen(e->name), d->first_ino + i,
			      proc_entry_type(e)))
			return 0;
		ctx->pos = PROC_FIRST_POS + i + 1;
	}
	return 0;
}

static const struct inode_operations proc_subdir_iops = {
	.lookup = proc_subdir_lookup,
};

static const struct file_operations proc_subdir_fops = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = proc_subdir_iterate,
};
