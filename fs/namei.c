/*
 * Path names: the walk from a starting directory through each
 * component to an inode, and the system calls that make and remove
 * directory entries (mkdir, rmdir, unlink and their *at forms).
 *
 * The walk: an absolute path starts at the process's root, a relative
 * one at its cwd (or at the directory of a dfd); repeated slashes count
 * as one; "." stays; ".." goes to i_parent, first leaving any mounted
 * roots for the directories they cover, and never above the root;
 * stepping onto a directory with a file system mounted on it continues
 * on that file system's root.  Every component but the last must be a
 * directory (-ENOTDIR); a component is at most NAME_MAX bytes and a path
 * less than PATH_MAX (-ENAMETOOLONG); a path that ends in '/' must name
 * a directory (-ENOTDIR).
 *
 * Invariants: a nameidata holds one reference on dir and one on root
 * while the walk runs; each step takes the next inode's reference
 * before dropping the previous one.
 *
 * Locking: none here.  Lookups lock what they need inside the file
 * system; i_parent is set once (by the file system or, with a
 * compare-and-swap, here) and never changes; mounts are read under
 * mount_lock (fs/namespace.c).  Modern Linux walks the dentry cache
 * under RCU and falls back to locked lookups only on a miss.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

void path_release(struct nameidata *nd)
{
	iput(nd->dir);
	iput(nd->root);
	nd->dir = NULL;
	nd->root = NULL;
}

/* Record dir as child's parent if its file system has not. */
static void set_parent(struct inode *child, struct inode *dir)
{
	ihold(dir);
	if (cmpxchg(&child->i_parent, NULL, dir))
		iput(dir);	/* another walk set it first */
}

/* The child name of dir, mounts followed: referenced, or ERR_PTR. */
static struct inode *lookup_child(struct inode *dir, const struct qstr *name)
{
	struct inode *child;

	if (!S_ISDIR(dir->i_mode) || !dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	child = dir->i_op->lookup(dir, name);
	if (IS_ERR(child))
		return child;
	if (S_ISDIR(child->i_mode) && !READ_ONCE(child->i_parent))
		set_parent(child, dir);
	return follow_mounts(child);
}

/* "..": out of mounted roots, then up one, never above nd->root. */
static void step_dotdot(struct nameidata *nd)
{
	struct inode *dir = nd->dir, *next;

	while (dir != nd->root && (next = mount_covered(dir))) {
		iput(dir);
		dir = next;
	}
	if (dir != nd->root && dir->i_parent) {
		next = dir->i_parent;
		ihold(next);
		iput(dir);
		dir = follow_mounts(next);
	}
	nd->dir = dir;
}

/* Move nd->dir to the component in nd->last: 0 or -errno. */
static int step(struct nameidata *nd)
{
	struct inode *next;

	if (!S_ISDIR(nd->dir->i_mode))
		return -ENOTDIR;
	switch (nd->last_type) {
	case LAST_DOT:
	case LAST_ROOT:
		return 0;
	case LAST_DOTDOT:
		step_dotdot(nd);
		return 0;
	default:
		next = lookup_child(nd->dir, &nd->last);
		if (IS_ERR(next))
			return PTR_ERR(next);
		iput(nd->dir);
		nd->dir = next;
		return 0;
	}
}

/* Copy the component name[0..len) into nd->last and classify it. */
static int set_last(struct nameidata *nd, const char *name, size_t len)
{
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(nd->name, name, len);
	nd->name[len] = '\0';
	nd->last.name = nd->name;
	nd->last.len = len;
	if (len == 1 && name[0] == '.')
		nd->last_type = LAST_DOT;
	else if (len == 2 && name[0] == '.' && name[1] == '.')
		nd->last_type = LAST_DOTDOT;
	else
		nd->last_type = LAST_NORM;
	return 0;
}

/* Step through every component but the last, which is left in nd->last. */
static int link_path_walk(const char *p, struct nameidata *nd)
{
	const char *name;
	int ret;

	while (*p == '/')
		p++;
	if (!*p) {
		nd->last_type = LAST_ROOT;
		nd->last.name = "";
		nd->last.len = 0;
		return 0;
	}
	for (;;) {
		name = p;
		while (*p && *p != '/')
			p++;
		ret = set_last(nd, name, p - name);
		if (ret)
			return ret;
		nd->trailing_slash = *p == '/';
		while (*p == '/')
			p++;
		if (!*p)
			return 0;
		ret = step(nd);
		if (ret)
			return ret;
	}
}

int path_parentat(struct inode *base, const char *path, struct nameidata *nd)
{
	int ret;

	nd->dir = NULL;
	nd->root = NULL;
	nd->trailing_slash = false;
	if (!*path)
		return -ENOENT;
	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	nd->root = get_fs_root();
	if (*path == '/') {
		ihold(nd->root);
		nd->dir = nd->root;
	} else if (base) {
		ihold(base);
		nd->dir = base;
	} else {
		nd->dir = get_fs_pwd();
	}
	ret = link_path_walk(path, nd);
	if (ret)
		path_release(nd);
	return ret;
}

struct inode *lookup_last(struct nameidata *nd)
{
	struct inode *inode;
	int ret;

	ret = step(nd);
	if (ret)
		return ERR_PTR(ret);
	inode = nd->dir;
	if (nd->trailing_slash && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	ihold(inode);
	return inode;
}

struct inode *lookup_create(struct nameidata *nd, int flags, umode_t mode)
{
	struct inode *dir = nd->dir, *inode;
	int tries;

	if (!S_ISDIR(dir->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (nd->last_type != LAST_NORM || nd->trailing_slash)
		return ERR_PTR(-EISDIR);
	for (tries = 0; tries < 2; tries++) {
		inode = lookup_child(dir, &nd->last);
		if (!IS_ERR(inode) && (flags & O_EXCL)) {
			iput(inode);
			return ERR_PTR(-EEXIST);
		}
		if (!IS_ERR(inode) || PTR_ERR(inode) != -ENOENT)
			return inode;
		if (!dir->i_op->create)
			return ERR_PTR(-EACCES);
		inode = dir->i_op->create(dir, &nd->last, mode);
		/* Lost a race with another creator: open theirs. */
		if (!IS_ERR(inode) || PTR_ERR(inode) != -EEXIST ||
		    (flags & O_EXCL))
			return inode;
	}
	return inode;
}

struct inode *vfs_path_lookup(struct inode *base, const char *path)
{
	struct nameidata nd;
	struct inode *inode;
	int ret;

	ret = path_parentat(base, path, &nd);
	if (ret)
		return ERR_PTR(ret);
	inode = lookup_last(&nd);
	path_release(&nd);
	return inode;
}

struct inode *kern_path(const char *path)
{
	return vfs_path_lookup(NULL, path);
}

struct inode *dfd_base(int dfd, const char *path)
{
	struct inode *inode;
	struct file *file;

	if (*path == '/' || dfd == AT_FDCWD)
		return NULL;
	file = fget(dfd);
	if (!file)
		return ERR_PTR(-EBADF);
	inode = file_inode(file);
	ihold(inode);
	fput(file);
	if (!S_ISDIR(inode->i_mode)) {
		iput(inode);
		return ERR_PTR(-ENOTDIR);
	}
	return inode;
}

int vfs_mkdirat(struct inode *base, const char *path, umode_t mode)
{
	struct nameidata nd;
	int ret;

	ret = path_parentat(base, path, &nd);
	if (ret)
		return ret;
	if (nd.last_type != LAST_NORM)
		ret = -EEXIST;
	else if (!S_ISDIR(nd.dir->i_mode))
		ret = -ENOTDIR;
	else if (!nd.dir->i_op || !nd.dir->i_op->mkdir)
		ret = -EPERM;
	else
		ret = nd.dir->i_op->mkdir(nd.dir, &nd.last, mode);
	path_release(&nd);
	return ret;
}

/* unlink("name/"): -ENOENT, -EISDIR or -ENOTDIR, as Linux says. */
static int unlink_slashes(struct nameidata *nd)
{
	struct inode *inode = lookup_child(nd->dir, &nd->last);
	int ret;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	ret = S_ISDIR(inode->i_mode) ? -EISDIR : -ENOTDIR;
	iput(inode);
	return ret;
}

int vfs_unlinkat(struct inode *base, const char *path)
{
	struct nameidata nd;
	int ret;

	ret = path_parentat(base, path, &nd);
	if (ret)
		return ret;
	if (!S_ISDIR(nd.dir->i_mode))
		ret = -ENOTDIR;
	else if (nd.last_type != LAST_NORM)
		ret = -EISDIR;
	else if (nd.trailing_slash)
		ret = unlink_slashes(&nd);
	else if (!nd.dir->i_op || !nd.dir->i_op->unlink)
		ret = -EPERM;
	else
		ret = nd.dir->i_op->unlink(nd.dir, &nd.last);
	path_release(&nd);
	return ret;
}

int vfs_rmdirat(struct inode *base, const char *path)
{
	struct nameidata nd;
	int ret;

	ret = path_parentat(base, path, &nd);
	if (ret)
		return ret;
	if (nd.last_type == LAST_ROOT)
		ret = -EBUSY;
	else if (!S_ISDIR(nd.dir->i_mode))
		ret = -ENOTDIR;
	else if (nd.last_type == LAST_DOT)
		ret = -EINVAL;
	else if (nd.last_type == LAST_DOTDOT)
		ret = -ENOTEMPTY;
	else if (!nd.dir->i_op || !nd.dir->i_op->rmdir)
		ret = -EPERM;
	else
		ret = nd.dir->i_op->rmdir(nd.dir, &nd.last);
	path_release(&nd);
	return ret;
}

char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len > 0 && len < PATH_MAX)
		return name;
	kfree(name);
	if (len < 0)
		return ERR_PTR(-EFAULT);
	return ERR_PTR(len ? -ENAMETOOLONG : -ENOENT);
}

void putname(char *name)
{
	kfree(name);
}

struct inode *user_path(const char __user *filename)
{
	char *path = getname(filename);
	struct inode *inode;

	if (IS_ERR(path))
		return ERR_PTR(PTR_ERR(path));
	inode = kern_path(path);
	putname(path);
	return inode;
}

enum at_op { AT_MKDIR, AT_UNLINK, AT_RMDIR };

/* The *at() calls: copy the path, find the base, do op. */
static long do_at(int dfd, const char __user *pathname, enum at_op op,
		  umode_t mode)
{
	char *path = getname(pathname);
	struct inode *base;
	long ret;

	if (IS_ERR(path))
		return PTR_ERR(path);
	base = dfd_base(dfd, path);
	if (IS_ERR(base)) {
		putname(path);
		return PTR_ERR(base);
	}
	if (op == AT_MKDIR)
		ret = vfs_mkdirat(base, path, mode);
	else if (op == AT_UNLINK)
		ret = vfs_unlinkat(base, path);
	else
		ret = vfs_rmdirat(base, path);
	iput(base);
	putname(path);
	return ret;
}

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	return do_at(dfd, pathname, AT_MKDIR, mode);
}

long sys_mkdir(const char __user *pathname, umode_t mode)
{
	return do_at(AT_FDCWD, pathname, AT_MKDIR, mode);
}

long sys_rmdir(const char __user *pathname)
{
	return do_at(AT_FDCWD, pathname, AT_RMDIR, 0);
}

long sys_unlink(const char __user *pathname)
{
	return do_at(AT_FDCWD, pathname, AT_UNLINK, 0);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_at(dfd, pathname, flag ? AT_RMDIR : AT_UNLINK, 0);
}
