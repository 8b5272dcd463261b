/*
 * Inodes and super blocks: allocation, reference counting, and the
 * attributes stat() reports.
 *
 * Invariants: i_count counts the references (directory entries, open
 * files, path walks in progress, i_parent pointers of subdirectories,
 * mounts); the iput() that drops it to 0 calls the super block's
 * evict_inode() and frees the inode, then drops the inode's reference
 * to its parent (a loop, not recursion, so a chain of removed
 * directories is freed without deep stacks).
 *
 * Locking: none of its own.  i_count, s_next_ino and next_anon_dev
 * are atomic counters.  Modern Linux: inodes are also hashed and
 * cached after their last reference until memory is short.
 */
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <uapi/linux/dirent.h>

static atomic_t next_anon_dev;	/* minor numbers of major 0 */

struct super_block *alloc_super(const char *type,
				const struct super_operations *ops)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_type = type;
	sb->s_op = ops;
	sb->s_maxbytes = 0x7fffffffffffffffLL;
	sb->s_dev = MKDEV(0, atomic_inc_return(&next_anon_dev));
	return sb;
}

struct inode *new_inode(struct super_block *sb)
{
	static atomic_long_t next_sbless_ino;
	atomic_long_t *counter = sb ? &sb->s_next_ino : &next_sbless_ino;
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_ino = atomic_long_inc_return(counter);
	atomic_set(&inode->i_count, 1);
	inode->i_sb = sb;
	mutex_init(&inode->i_mutex);
	return inode;
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) <= 1);
}

/* The last reference is gone: let the file system clean up, then free. */
static struct inode *evict(struct inode *inode)
{
	struct inode *parent = inode->i_parent;
	struct super_block *sb = inode->i_sb;

	if (sb && sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	kfree(inode);
	return parent;
}

void iput(struct inode *inode)
{
	int left;

	while (inode) {
		left = atomic_dec_return(&inode->i_count);
		if (WARN_ON(left < 0) || left > 0)
			return;
		inode = evict(inode);
	}
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	}
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb ? inode->i_sb->s_dev : 0;
	stat->mode = inode->i_mode;
	stat->nlink = READ_ONCE(inode->i_nlink);
	stat->rdev = inode->i_rdev;
	stat->size = READ_ONCE(inode->i_size);
	stat->blocks = ((u64)stat->size + 511) / 512;
	stat->mtime = inode->i_mtime;
}

unsigned int fs_umode_to_dtype(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return DT_DIR;
	case S_IFREG:
		return DT_REG;
	case S_IFCHR:
		return DT_CHR;
	case S_IFIFO:
		return DT_FIFO;
	default:
		return DT_UNKNOWN;
	}
}
