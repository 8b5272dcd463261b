/*
 * What the files of fs/ share with each other and with their tests, and
 * nobody else: the path walk, file opening relative to a directory, the
 * ramfs constructors and the pipe file system's super block.
 *
 * Paths given to these functions are kernel strings.  A NULL base means
 * the caller's working directory (the root in a kernel thread); an
 * absolute path ignores the base.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>

/* What the last component of a path is (Linux's LAST_* types). */
enum last_type {
	LAST_NORM,	/* a name */
	LAST_ROOT,	/* the path was "/" (or "///") */
	LAST_DOT,	/* "." */
	LAST_DOTDOT,	/* ".." */
};

/*
 * A path walk in progress (Linux's struct nameidata).  dir and root
 * hold references; last points into the caller's path; name[] holds a
 * NUL-terminated copy of the component being looked up.
 */
struct nameidata {
	struct inode *dir;
	struct inode *root;
	struct qstr last;
	enum last_type last_type;
	bool trailing_slash;		/* the path ended in '/' */
	char name[NAME_MAX + 1];
};

/* fs/namei.c */
/* Walk every component but the last: 0 or -errno (then nd is released). */
int path_parentat(struct inode *base, const char *path, struct nameidata *nd);
/* Drop nd's references. */
void path_release(struct nameidata *nd);
/*
 * open(O_CREAT)'s last step: the existing inode (-EEXIST with O_EXCL) or
 * a new regular file made by the directory's create: referenced/ERR_PTR.
 */
struct inode *lookup_create(struct nameidata *nd, int flags, umode_t mode);
/* The inode at path: referenced, or ERR_PTR. */
struct inode *vfs_path_lookup(struct inode *base, const char *path);
/* The last component, looked up in nd->dir: referenced, or ERR_PTR. */
struct inode *lookup_last(struct nameidata *nd);
/* A referenced base directory for dfd (AT_FDCWD: the cwd) or ERR_PTR. */
struct inode *dfd_base(int dfd, const char *path);
int vfs_mkdirat(struct inode *base, const char *path, umode_t mode);
int vfs_unlinkat(struct inode *base, const char *path);
int vfs_rmdirat(struct inode *base, const char *path);
/* Copy a user path into a new PATH_MAX buffer: it, or ERR_PTR. */
char *getname(const char __user *filename);
void putname(char *name);
/* The inode at a user path (kern_path() after getname()), or ERR_PTR. */
struct inode *user_path(const char __user *filename);

/* fs/namespace.c: follow mounts from *inode (referenced) to the top. */
struct inode *follow_mounts(struct inode *inode);
/* A mounted root: the directory it covers (referenced), else NULL. */
struct inode *mount_covered(struct inode *root);

/* fs/file_table.c */
/* A file on inode (the caller's reference passes to it) without open. */
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fops);
/* alloc_file + ihold + f_op->open: a file or ERR_PTR. */
struct file *open_inode(struct inode *inode, unsigned int flags);

/* fs/open.c: open path relative to base. */
struct file *file_open_at(struct inode *base, const char *path, int flags,
			  umode_t mode);

/* fs/ramfs.c: the root of a new, empty ramfs tree, or NULL. */
struct inode *ramfs_get_root(void);
/* fs/ramfs_file.c */
extern const struct inode_operations ramfs_file_inode_operations;
extern const struct file_operations ramfs_file_operations;
void ramfs_file_evict(struct inode *inode);

/* fs/pipe.c */
int create_pipe_files(struct file **res, int flags);

#endif
