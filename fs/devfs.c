/*
 * devfs: a one-directory file system, mounted at /dev, whose entries
 * are the device nodes drivers register (devfs_register), so that a
 * driver loaded at boot makes its own /dev/name appear.  devfs mounts
 * itself at fs_initcall level; drivers register from their own
 * initcalls (device level), so devfs knows none of them by name.
 *
 * Each entry owns one inode, made when the node is registered
 * (init_special_inode: S_IFCHR, i_rdev, the VFS's char-device open),
 * so stat() of a node always gives the same inode number; a lookup
 * hands out another reference to it.  Entries keep the order they were
 * registered in, each with a directory position that never changes
 * (2, 3, ...; 0 and 1 are "." and ".."), so a getdents64 listing that
 * spans several calls neither repeats nor skips a node while others
 * come and go.
 *
 * Invariants: names are unique, 1..DEVFS_NAME_LEN-1 bytes, without
 * "/", never "." or ".."; positions increase along the list.
 *
 * Locking: devfs_lock (a mutex) protects the list, the positions and
 * the lazily made super block; it is held while a listing copies names
 * to user space, so it is taken by nothing that runs under a spinlock.
 */
#include <linux/devfs_fs_kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/dirent.h>

struct devfs_entry {
	struct list_head list;		/* devfs_entries; devfs_lock */
	loff_t pos;			/* its directory position */
	struct inode *inode;		/* devfs's reference */
	char name[DEVFS_NAME_LEN];
};

static DEFINE_MUTEX(devfs_lock);
static LIST_HEAD(devfs_entries);
static loff_t devfs_next_pos = 2;
static struct super_block *devfs_sb;
static struct inode *devfs_root;

static const struct super_operations devfs_sops;

/* The super block, made on first use; devfs_lock is held. */
static int devfs_get_sb(void)
{
	struct super_block *sb;

	if (devfs_sb)
		return 0;
	sb = alloc_super("devfs", &devfs_sops);
	if (IS_ERR(sb))
		return PTR_ERR(sb);
	devfs_sb = sb;
	return 0;
}

/* devfs_lock is held. */
static struct devfs_entry *devfs_find(const char *name)
{
	struct list_head *pos;
	struct devfs_entry *e;

	list_for_each(pos, &devfs_entries) {
		e = list_entry(pos, struct devfs_entry, list);
		if (!strcmp(e->name, name))
			return e;
	}
	return NULL;
}

static bool devfs_name_ok(const char *name)
{
	size_t len = strnlen(name, DEVFS_NAME_LEN);

	return len && len < DEVFS_NAME_LEN && !strchr(name, '/') &&
	       strcmp(name, ".") && strcmp(name, "..");
}

static int devfs_check(const char *name, unsigned int major,
		       unsigned int minor, umode_t mode)
{
	if (!name || !devfs_name_ok(name))
		return -EINVAL;
	if (major < 1 || major >= CHRDEV_MAJOR_MAX || minor > MINORMASK)
		return -EINVAL;
	if ((mode & S_IFMT) && (mode & S_IFMT) != S_IFCHR)
		return -EINVAL;
	return 0;
}

/* A new entry with its inode; devfs_lock is held. */
static struct devfs_entry *devfs_new_entry(const char *name, dev_t rdev,
					   umode_t mode)
{
	struct devfs_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return NULL;
	e->inode = new_inode(devfs_sb);
	if (!e->inode) {
		kfree(e);
		return NULL;
	}
	init_special_inode(e->inode, S_IFCHR | (mode & 07777), rdev);
	e->inode->i_nlink = 1;
	strscpy(e->name, name, sizeof(e->name));
	return e;
}

int devfs_register(const char *name, unsigned int major, unsigned int minor,
		   umode_t mode)
{
	struct devfs_entry *e;
	int ret = devfs_check(name, major, minor, mode);

	if (ret)
		return ret;
	mutex_lock(&devfs_lock);
	ret = devfs_get_sb();
	if (ret)
		goto out;
	ret = -EEXIST;
	if (devfs_find(name))
		goto out;
	ret = -ENOMEM;
	e = devfs_new_entry(name, MKDEV(major, minor), mode);
	if (!e)
		goto out;
	e->pos = devfs_next_pos++;
	list_add_tail(&e->list, &devfs_entries);
	ret = 0;
out:
	mutex_unlock(&devfs_lock);
	return ret;
}

int devfs_unregister(const char *name)
{
	struct devfs_entry *e;

	mutex_lock(&devfs_lock);
	e = name ? devfs_find(name) : NULL;
	if (e)
		list_del(&e->list);
	mutex_unlock(&devfs_lock);
	if (!e)
		return -ENOENT;
	iput(e->inode);		/* open files and lookups hold their own */
	kfree(e);
	return 0;
}

/* ---- the directory ---- */

static struct inode *devfs_lookup(struct inode *dir, const struct qstr *name)
{
	struct inode *inode = ERR_PTR(-ENOENT);
	struct devfs_entry *e;

	mutex_lock(&devfs_lock);
	e = devfs_find(name->name);
	if (e) {
		ihold(e->inode);
		inode = e->inode;
	}
	mutex_unlock(&devfs_lock);
	return inode;
}

static int devfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct list_head *pos;
	struct devfs_entry *e;

	if (!dir_emit_dots(file, ctx))
		return 0;
	mutex_lock(&devfs_lock);
	list_for_each(pos, &devfs_entries) {
		e = list_entry(pos, struct devfs_entry, list);
		if (e->pos < ctx->pos)
			continue;
		ctx->pos = e->pos;
		if (!dir_emit(ctx, e->name, strlen(e->name), e->inode->i_ino,
			      DT_CHR))
			break;
		ctx->pos = e->pos + 1;
	}
	mutex_unlock(&devfs_lock);
	return 0;
}

static const struct inode_operations devfs_dir_iops = {
	.lookup = devfs_lookup,
};

static const struct file_operations devfs_dir_fops = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = devfs_iterate,
};

static struct inode *devfs_make_root(void)
{
	struct inode *root;
	int ret;

	mutex_lock(&devfs_lock);
	ret = devfs_get_sb();
	mutex_unlock(&devfs_lock);
	if (ret)
		return ERR_PTR(ret);
	root = new_inode(devfs_sb);
	if (!root)
		return ERR_PTR(-ENOMEM);
	root->i_mode = S_IFDIR | 0755;
	root->i_nlink = 2;
	root->i_op = &devfs_dir_iops;
	root->i_fop = &devfs_dir_fops;
	return root;
}

/* Mount on /dev, which vfs_init() made; drivers register at device level. */
static int devfs_init(void)
{
	struct inode *root = devfs_make_root();
	int ret;

	if (IS_ERR(root)) {
		pr_err("devfs: no root directory (error %ld)\n", PTR_ERR(root));
		return PTR_ERR(root);
	}
	ret = kern_mount("/dev", root);
	if (ret) {
		pr_err("devfs: cannot mount on /dev (error %d)\n", ret);
		iput(root);
		return ret;
	}
	devfs_root = root;	/* devfs keeps its reference for ever */
	pr_info("devfs: mounted on /dev\n");
	return 0;
}
fs_initcall(devfs_init);
