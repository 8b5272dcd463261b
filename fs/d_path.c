/*
 * getcwd: the path of the working directory, rebuilt from the inodes.
 *
 * There is no name cache, so the path is found the way early Unix
 * found it: from the cwd go up through i_parent (leaving mounted roots
 * for the directories they cover) to the root, and at each level list
 * the parent directory to find the entry whose inode number is the
 * child's.  The names are written from the end of a buffer backwards.
 * A working directory that has been removed gives -ENOENT; one whose
 * parent cannot be reached counts as the top.
 *
 * Locking: none of its own; the listings lock the directories.
 * Modern Linux: d_path() walks the dentry tree under a seqlock.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

struct name_search {
	struct dir_context ctx;
	u64 ino;		/* looking for this */
	char *name;		/* NAME_MAX + 1 bytes */
	int len;		/* found: its length; else 0 */
	bool emitted;		/* the last iterate produced an entry */
};

static bool match_ino(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct name_search *s = container_of(ctx, struct name_search, ctx);

	bool dots = name[0] == '.' &&
		    (namlen == 1 || (namlen == 2 && name[1] == '.'));

	s->emitted = true;
	if (ino != s->ino || namlen > NAME_MAX || dots)
		return true;
	memcpy(s->name, name, namlen);
	s->len = namlen;
	return false;
}

/* Find child's name in dir into name[]: its length or -ENOENT. */
static int find_name(struct inode *dir, struct inode *child, char *name)
{
	struct name_search s = { .ctx.actor = match_ino, .ino = child->i_ino,
				 .name = name };
	struct file *file = open_inode(dir, O_RDONLY | O_DIRECTORY);
	int ret = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	do {
		s.emitted = false;
		ret = iterate_dir(file, &s.ctx);
	} while (!ret && !s.len && s.emitted);
	fput(file);
	if (ret)
		return ret;
	return s.len ? s.len : -ENOENT;
}

/* Put "/name of cur" before *p (buf is the start): 0 or -errno. */
static int prepend_name(struct inode *parent, struct inode *cur, char *buf,
			char **p)
{
	char name[NAME_MAX + 1];
	int len = find_name(parent, cur, name);

	if (len < 0)
		return len;
	if (*p - buf < len + 1)
		return -ENAMETOOLONG;
	*p -= len;
	memcpy(*p, name, len);
	*--*p = '/';
	return 0;
}

/*
 * Write the path from root to dir into buf[0..size), ending at its end:
 * the path's start, or ERR_PTR.
 */
static char *build_path(struct inode *dir, struct inode *root, char *buf,
			size_t size)
{
	struct inode *cur = dir, *next;
	char *p = buf + size;
	int ret = 0;

	*--p = '\0';
	if (!READ_ONCE(dir->i_nlink))
		return ERR_PTR(-ENOENT);
	ihold(cur);
	while (!ret && cur != root) {
		next = mount_covered(cur);
		if (!next && !cur->i_parent)
			break;		/* unreachable: call it the top */
		if (!next) {
			next = cur->i_parent;
			ihold(next);
			ret = prepend_name(next, cur, buf, &p);
		}
		iput(cur);
		cur = next;
	}
	iput(cur);
	if (ret)
		return ERR_PTR(ret);
	if (!*p)
		*--p = '/';
	return p;
}

long sys_getcwd(char __user *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct inode *pwd, *root;
	unsigned long len;
	char *path;
	long ret;

	if (!page)
		return -ENOMEM;
	pwd = get_fs_pwd();
	root = get_fs_root();
	path = build_path(pwd, root, page, PATH_MAX);
	iput(root);
	iput(pwd);
	ret = PTR_ERR(path);
	if (!IS_ERR(path)) {
		len = page + PATH_MAX - path;	/* with the NUL */
		if (len > size)
			ret = -ERANGE;
		else if (copy_to_user(buf, path, len))
			ret = -EFAULT;
		else
			ret = len;
	}
	kfree(page);
	return ret;
}
