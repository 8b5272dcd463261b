/*
 * ramfs: the root file system, kept entirely in memory.  This file has
 * the super block, inode creation and directories; regular files' data
 * is in fs/ramfs_file.c.
 *
 * A directory is a list of entries in creation order; each entry holds
 * one reference to its inode, and a subdirectory's i_parent holds one to
 * its parent.  Each entry gets a position cookie (2, 3, ...; 0 and 1 are
 * "." and "..") that never changes, so getdents64 resumes after the last
 * entry it returned even if entries before it were removed meanwhile.
 *
 * Invariants: names in one directory are unique, 1..NAME_MAX bytes and
 * never "." or ".."; a directory's i_nlink is 2 plus its subdirectories,
 * and 0 once it is removed (nothing can then be created in it); a
 * removed directory is empty.
 *
 * Locking: each directory's i_mutex protects its entry list, next_pos,
 * its own i_nlink and the i_nlink of the inodes it names.  rmdir holds
 * the parent's then the child's i_mutex (parent before child, the only
 * nesting; there is no rename, so no two unrelated directories are ever
 * held together).  A mutex per directory rather than one for the tree:
 * listing a directory copies to user memory, which may sleep on a page
 * fault, and other directories stay usable meanwhile.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

#define RAMFS_MAX_BYTES	(256LL << 20)	/* largest file */

struct ramfs_dir {
	struct list_head entries;	/* of ramfs_dirent, by pos */
	loff_t next_pos;		/* cookie of the next entry made */
};

struct ramfs_dirent {
	struct list_head list;
	struct inode *inode;		/* one reference */
	loff_t pos;			/* getdents64 cookie */
	u32 len;
	char name[];			/* NUL-terminated */
};

static const struct inode_operations ramfs_dir_inode_operations;
static const struct file_operations ramfs_dir_operations;

static struct inode *ramfs_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);
	struct ramfs_dir *rd;

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	if (S_ISDIR(mode)) {
		rd = kzalloc(sizeof(*rd), GFP_KERNEL);
		if (!rd) {
			iput(inode);
			return NULL;
		}
		INIT_LIST_HEAD(&rd->entries);
		rd->next_pos = 2;
		inode->i_private = rd;
		inode->i_nlink = 2;
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &ramfs_dir_operations;
	} else {
		inode->i_nlink = 1;
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
	}
	return inode;
}

static void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_dir *rd = inode->i_private;
	struct ramfs_dirent *d;

	if (!S_ISDIR(inode->i_mode)) {
		ramfs_file_evict(inode);
		return;
	}
	/* Only a whole tree being dropped still has entries here. */
	while (!list_empty(&rd->entries)) {
		d = list_first_entry(&rd->entries, struct ramfs_dirent, list);
		list_del(&d->list);
		iput(d->inode);
		kfree(d);
	}
	kfree(rd);
}

static const struct super_operations ramfs_super_operations = {
	.evict_inode = ramfs_evict_inode,
};

struct inode *ramfs_get_root(void)
{
	struct super_block *sb = alloc_super("ramfs", &ramfs_super_operations);
	struct inode *root;

	if (IS_ERR(sb))
		return NULL;
	sb->s_maxbytes = RAMFS_MAX_BYTES;
	root = ramfs_new_inode(sb, S_IFDIR | 0755);
	if (!root)
		kfree(sb);	/* the super block of a tree that never was */
	return root;
}

/* The entry called name in dir, or NULL.  Caller holds dir->i_mutex. */
static struct ramfs_dirent *ramfs_find(struct inode *dir,
				       const struct qstr *name)
{
	struct ramfs_dir *rd = dir->i_private;
	struct ramfs_dirent *d;
	struct list_head *pos;

	list_for_each(pos, &rd->entries) {
		d = list_entry(pos, struct ramfs_dirent, list);
		if (d->len == name->len && !memcmp(d->name, name->name, d->len))
			return d;
	}
	return NULL;
}

static struct inode *ramfs_lookup(struct inode *dir, const struct qstr *name)
{
	struct ramfs_dirent *d;
	struct inode *inode = ERR_PTR(-ENOENT);

	mutex_lock(&dir->i_mutex);
	d = ramfs_find(dir, name);
	if (d) {
		inode = d->inode;
		ihold(inode);
	}
	mutex_unlock(&dir->i_mutex);
	return inode;
}

/*
 * Make a new inode of mode under name in dir: the inode with one extra
 * reference for the caller, or ERR_PTR.  Caller holds dir->i_mutex.
 */
static struct inode *ramfs_add(struct inode *dir, const struct qstr *name,
			       umode_t mode)
{
	struct ramfs_dir *rd = dir->i_private;
	struct ramfs_dirent *d;
	struct inode *inode;

	if (dir->i_nlink == 0)
		return ERR_PTR(-ENOENT);	/* dir was removed */
	if (ramfs_find(dir, name))
		return ERR_PTR(-EEXIST);
	d = kmalloc(sizeof(*d) + name->len + 1, GFP_KERNEL);
	if (!d)
		return ERR_PTR(-ENOMEM);
	inode = ramfs_new_inode(dir->i_sb, mode);
	if (!inode) {
		kfree(d);
		return ERR_PTR(-ENOMEM);
	}
	d->inode = inode;
	d->len = name->len;
	memcpy(d->name, name->name, name->len);
	d->name[name->len] = '\0';
	d->pos = rd->next_pos++;
	list_add_tail(&d->list, &rd->entries);
	ihold(inode);
	return inode;
}

static struct inode *ramfs_create(struct inode *dir, const struct qstr *name,
				  umode_t mode)
{
	struct inode *inode;

	mutex_lock(&dir->i_mutex);
	inode = ramfs_add(dir, name, S_IFREG | (mode & 07777));
	mutex_unlock(&dir->i_mutex);
	return inode;
}

static int ramfs_mkdir(struct inode *dir, const struct qstr *name,
		       umode_t mode)
{
	struct inode *inode;

	mutex_lock(&dir->i_mutex);
	inode = ramfs_add(dir, name, S_IFDIR | (mode & 07777));
	if (!IS_ERR(inode)) {
		ihold(dir);
		inode->i_parent = dir;
		dir->i_nlink++;
	}
	mutex_unlock(&dir->i_mutex);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

/* Take entry d out of dir and drop its reference.  Unlocks dir. */
static void ramfs_remove(struct inode *dir, struct ramfs_dirent *d)
{
	list_del(&d->list);
	mutex_unlock(&dir->i_mutex);
	iput(d->inode);
	kfree(d);
}

static int ramfs_unlink(struct inode *dir, const struct qstr *name)
{
	struct ramfs_dirent *d;

	mutex_lock(&dir->i_mutex);
	d = ramfs_find(dir, name);
	if (!d || S_ISDIR(d->inode->i_mode)) {
		mutex_unlock(&dir->i_mutex);
		return d ? -EISDIR : -ENOENT;
	}
	WRITE_ONCE(d->inode->i_nlink, d->inode->i_nlink - 1);
	ramfs_remove(dir, d);
	return 0;
}

/* Mark an empty, unmounted directory removed: 0 or -errno. */
static int ramfs_kill_dir(struct inode *inode)
{
	struct ramfs_dir *rd = inode->i_private;
	int ret = 0;

	mutex_lock(&inode->i_mutex);
	if (READ_ONCE(inode->i_mounted))
		ret = -EBUSY;	/* checked before emptiness, as Linux */
	else if (!list_empty(&rd->entries))
		ret = -ENOTEMPTY;
	else
		WRITE_ONCE(inode->i_nlink, 0);
	mutex_unlock(&inode->i_mutex);
	return ret;
}

static int ramfs_rmdir(struct inode *dir, const struct qstr *name)
{
	struct ramfs_dirent *d;
	int ret;

	mutex_lock(&dir->i_mutex);
	d = ramfs_find(dir, name);
	if (!d)
		ret = -ENOENT;
	else if (!S_ISDIR(d->inode->i_mode))
		ret = -ENOTDIR;
	else
		ret = ramfs_kill_dir(d->inode);
	if (ret) {
		mutex_unlock(&dir->i_mutex);
		return ret;
	}
	dir->i_nlink--;
	ramfs_remove(dir, d);
	return 0;
}

static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	struct ramfs_dir *rd = dir->i_private;
	struct ramfs_dirent *d;
	struct list_head *pos;

	if (!dir_emit_dots(file, ctx))
		return 0;
	mutex_lock(&dir->i_mutex);
	list_for_each(pos, &rd->entries) {
		d = list_entry(pos, struct ramfs_dirent, list);
		if (d->pos < ctx->pos)
			continue;
		ctx->pos = d->pos;
		if (!dir_emit(ctx, d->name, d->len, d->inode->i_ino,
			      fs_umode_to_dtype(d->inode->i_mode)))
			break;
		ctx->pos = d->pos + 1;
	}
	mutex_unlock(&dir->i_mutex);
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
};

static const struct file_operations ramfs_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = ramfs_iterate,
};
