/*
 * Mounts and the root of the file system tree.
 *
 * A mount joins two inodes: the directory mounted on (covered) and the
 * root of the file system put there.  covered->i_mounted and
 * root->i_covered point at each other, each holding a reference; the
 * path walk, on reaching covered, continues at root, and ".." from root
 * goes through covered.  vfs_init() makes the root ramfs and the
 * directories other file systems are mounted on (/dev, /proc) and /tmp;
 * the initrd is unpacked into it later, by an initcall (fs/initramfs.c).
 *
 * Invariants: a directory has at most one file system mounted on it and
 * a root is mounted at most once (no stacking, no bind mounts); the
 * tree's root is never a mount point.
 *
 * Locking: mount_lock, a spinlock, protects every inode's i_mounted and
 * i_covered; nothing is called with it held.  Modern Linux: struct mount
 * objects in a per-namespace tree, found by hashing (vfsmount, dentry).
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/panic.h>
#include <linux/printk.h>

#include "internal.h"

static DEFINE_SPINLOCK(mount_lock);
struct inode *root_inode;

struct inode *follow_mounts(struct inode *inode)
{
	struct inode *next;

	for (;;) {
		spin_lock(&mount_lock);
		next = inode->i_mounted;
		if (next)
			ihold(next);
		spin_unlock(&mount_lock);
		if (!next)
			return inode;
		iput(inode);
		inode = next;
	}
}

struct inode *mount_covered(struct inode *root)
{
	struct inode *covered;

	spin_lock(&mount_lock);
	covered = root->i_covered;
	if (covered)
		ihold(covered);
	spin_unlock(&mount_lock);
	return covered;
}

/* Join dir (its reference passes to the mount) and root: 0 or -EBUSY. */
static int attach_mount(struct inode *dir, struct inode *root)
{
	int ret = -EBUSY;

	spin_lock(&mount_lock);
	if (!dir->i_mounted && !dir->i_covered && !root->i_covered &&
	    dir != root_inode && root != root_inode) {
		ihold(root);
		dir->i_mounted = root;
		root->i_covered = dir;
		ret = 0;
	}
	spin_unlock(&mount_lock);
	return ret;
}

int kern_mount(const char *path, struct inode *root)
{
	struct inode *dir;
	int ret;

	if (!root || !S_ISDIR(root->i_mode))
		return -EINVAL;
	dir = kern_path(path);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	if (!S_ISDIR(dir->i_mode))
		ret = -ENOTDIR;
	else if (!READ_ONCE(dir->i_nlink))
		ret = -ENOENT;
	else
		ret = attach_mount(dir, root);
	if (ret)
		iput(dir);
	return ret;
}

int kern_umount(const char *path)
{
	struct inode *root, *dir;

	root = kern_path(path);
	if (IS_ERR(root))
		return PTR_ERR(root);
	spin_lock(&mount_lock);
	dir = root->i_covered;
	if (dir) {
		dir->i_mounted = NULL;
		root->i_covered = NULL;
	}
	spin_unlock(&mount_lock);
	if (dir) {
		iput(dir);	/* the mount's references */
		iput(root);
	}
	iput(root);		/* kern_path's */
	return dir ? 0 : -EINVAL;
}

void vfs_init(void)
{
	static const char *const dirs[] = { "/dev", "/proc", "/tmp" };
	unsigned int i;
	int ret;

	root_inode = ramfs_get_root();
	if (!root_inode)
		panic("VFS: no memory for the root file system");
	root_inode->i_mode = S_IFDIR | 0755;
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		ret = vfs_mkdirat(NULL, dirs[i], i == 2 ? 01777 : 0755);
		if (ret)
			panic("VFS: cannot make %s (error %d)", dirs[i], ret);
	}
	pr_info("VFS: root file system is ramfs, with /dev, /proc and /tmp\n");
}
