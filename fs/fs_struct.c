/*
 * Each process's root and working directory (linux/fs_struct.h).
 *
 * Invariants: root and pwd each hold one reference.  Without an
 * fs_struct (a kernel thread) both are the root of the tree.
 *
 * Locking: fs->lock protects root and pwd; readers take a reference
 * under it and use the inode after.  Nothing else nests inside it.
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>

static struct fs_struct *alloc_fs_struct(struct inode *root, struct inode *pwd)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	spin_lock_init(&fs->lock);
	ihold(root);
	ihold(pwd);
	fs->root = root;
	fs->pwd = pwd;
	return fs;
}

struct fs_struct *alloc_root_fs_struct(void)
{
	return alloc_fs_struct(root_inode, root_inode);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct inode *root, *pwd;
	struct fs_struct *fs;

	spin_lock(&old->lock);
	root = old->root;
	pwd = old->pwd;
	ihold(root);
	ihold(pwd);
	spin_unlock(&old->lock);
	fs = alloc_fs_struct(root, pwd);
	iput(root);
	iput(pwd);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	if (!fs)
		return;
	iput(fs->root);
	iput(fs->pwd);
	kfree(fs);
}

/* A reference to current's cwd (want_pwd) or root; / without an fs. */
static struct inode *get_fs_dir(bool want_pwd)
{
	struct fs_struct *fs = current->fs;
	struct inode *inode;

	if (!fs) {
		ihold(root_inode);
		return root_inode;
	}
	spin_lock(&fs->lock);
	inode = want_pwd ? fs->pwd : fs->root;
	ihold(inode);
	spin_unlock(&fs->lock);
	return inode;
}

struct inode *get_fs_root(void)
{
	return get_fs_dir(false);
}

struct inode *get_fs_pwd(void)
{
	return get_fs_dir(true);
}

void set_fs_pwd(struct fs_struct *fs, struct inode *dir)
{
	struct inode *old;

	ihold(dir);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = dir;
	spin_unlock(&fs->lock);
	iput(old);
}
