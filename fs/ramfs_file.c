/*
 * ramfs regular files: the data lives in whole pages from the page
 * allocator, found through an array indexed by page number.  A NULL
 * slot is a hole and reads as zeros; a page is allocated the first time
 * something is written into it.
 *
 * Invariants: i_size <= s_maxbytes; every byte of a page at or beyond
 * i_size is zero (truncation clears the tail of the last page), so
 * growing a file by writing past its end exposes only zeros; slots past
 * nr_slots are holes.
 *
 * Locking: the inode's i_mutex protects i_size, the slot array and the
 * pages' contents, so a read or write of one call is atomic with
 * respect to others on the same file.  User memory is touched with it
 * held (a fault may sleep; nothing else here needs the lock).
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>

#include "internal.h"

struct ramfs_file {
	void **pages;			/* page addresses; NULL: a hole */
	unsigned long nr_slots;
};

static struct ramfs_file *ramfs_file_info(struct inode *inode)
{
	struct ramfs_file *rf = inode->i_private;

	if (!rf) {
		rf = kzalloc(sizeof(*rf), GFP_KERNEL);
		inode->i_private = rf;
	}
	return rf;
}

/* The page at index idx, allocated if needed; NULL on ENOMEM. */
static void *ramfs_get_page(struct inode *inode, unsigned long idx)
{
	struct ramfs_file *rf = ramfs_file_info(inode);
	unsigned long n;
	void **slots;

	if (!rf)
		return NULL;
	if (idx >= rf->nr_slots) {
		n = max(max(idx + 1, rf->nr_slots * 2), 16UL);
		slots = krealloc(rf->pages, n * sizeof(void *), GFP_KERNEL);
		if (!slots)
			return NULL;
		memset(slots + rf->nr_slots, 0,
		       (n - rf->nr_slots) * sizeof(void *));
		rf->pages = slots;
		rf->nr_slots = n;
	}
	if (!rf->pages[idx]) {
		rf->pages[idx] = (void *)get_zeroed_page(GFP_KERNEL);
		if (rf->pages[idx])
			inc_node_page_state(NR_FILE_PAGES);
	}
	return rf->pages[idx];
}

static void *ramfs_find_page(struct inode *inode, unsigned long idx)
{
	struct ramfs_file *rf = inode->i_private;

	return rf && idx < rf->nr_slots ? rf->pages[idx] : NULL;
}

static ssize_t ramfs_read(struct file *file, char __user *buf, size_t count,
			  loff_t *ppos)
{
	struct inode *inode = file_inode(file);
	size_t done = 0, n, off, left = 0;
	loff_t pos = *ppos;
	void *page;

	if (pos < 0)
		return -EINVAL;
	mutex_lock(&inode->i_mutex);
	if (pos < inode->i_size)
		count = min(count, (size_t)(inode->i_size - pos));
	else
		count = 0;
	while (done < count) {
		off = pos & ~PAGE_MASK;
		n = min(PAGE_SIZE - off, count - done);
		page = ramfs_find_page(inode, pos >> PAGE_SHIFT);
		if (page)
			left = copy_to_user(buf + done, page + off, n);
		else
			left = clear_user(buf + done, n);
		done += n - left;
		pos += n - left;
		if (left)
			break;
	}
	*ppos = pos;
	mutex_unlock(&inode->i_mutex);
	return done || !left ? (ssize_t)done : -EFAULT;
}

/*
 * Copy n bytes of user data through bounce into the file at pos: bytes
 * stored, or -errno if none.  Caller holds i_mutex.  The bounce buffer
 * keeps a faulting copy_from_user() from zero-filling file data it did
 * not replace.
 */
static ssize_t ramfs_store(struct inode *inode, const char __user *buf,
			   size_t n, loff_t pos, void *bounce)
{
	size_t left = copy_from_user(bounce, buf, n);
	void *page;

	if (left == n)
		return -EFAULT;
	page = ramfs_get_page(inode, pos >> PAGE_SHIFT);
	if (!page)
		return -ENOMEM;
	memcpy(page + (pos & ~PAGE_MASK), bounce, n - left);
	if (pos + (loff_t)(n - left) > inode->i_size)
		WRITE_ONCE(inode->i_size, pos + (n - left));
	return n - left;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *ppos)
{
	struct inode *inode = file_inode(file);
	loff_t maxbytes = inode->i_sb->s_maxbytes, pos;
	ssize_t done = 0, ret = 0;
	void *bounce;
	size_t n;

	bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	mutex_lock(&inode->i_mutex);
	pos = file->f_flags & O_APPEND ? inode->i_size : *ppos;
	if (pos < 0)
		ret = -EINVAL;
	else if (count && pos >= maxbytes)
		ret = -EFBIG;
	else
		count = min(count, (size_t)(maxbytes - pos));
	while (!ret && (size_t)done < count) {
		n = min(PAGE_SIZE - (pos & ~PAGE_MASK), count - done);
		ret = ramfs_store(inode, buf + done, n, pos, bounce);
		if (ret > 0) {
			done += ret;
			pos += ret;
			ret = (size_t)ret == n ? 0 : -EFAULT;
		}
	}
	*ppos = pos;
	mutex_unlock(&inode->i_mutex);
	kfree(bounce);
	return done ? done : ret;
}

/* Free the pages from index first on.  Caller holds i_mutex. */
static void ramfs_free_pages(struct ramfs_file *rf, unsigned long first)
{
	unsigned long i;

	for (i = first; rf && i < rf->nr_slots; i++) {
		if (rf->pages[i]) {
			free_page((unsigned long)rf->pages[i]);
			dec_node_page_state(NR_FILE_PAGES);
		}
		rf->pages[i] = NULL;
	}
}

static int ramfs_truncate(struct inode *inode, loff_t size)
{
	void *page;

	if (size < 0)
		return -EINVAL;
	if (size > inode->i_sb->s_maxbytes)
		return -EFBIG;
	mutex_lock(&inode->i_mutex);
	if (size < inode->i_size) {
		ramfs_free_pages(inode->i_private,
				 DIV_ROUND_UP(size, PAGE_SIZE));
		page = ramfs_find_page(inode, size >> PAGE_SHIFT);
		if (page)	/* keep the tail of the last page zero */
			memset(page + (size & ~PAGE_MASK), 0,
			       PAGE_SIZE - (size & ~PAGE_MASK));
	}
	WRITE_ONCE(inode->i_size, size);
	mutex_unlock(&inode->i_mutex);
	return 0;
}

void ramfs_file_evict(struct inode *inode)
{
	struct ramfs_file *rf = inode->i_private;

	if (!rf)
		return;
	ramfs_free_pages(rf, 0);
	kfree(rf->pages);
	kfree(rf);
}

const struct inode_operations ramfs_file_inode_operations = {
	.truncate = ramfs_truncate,
};

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
};
