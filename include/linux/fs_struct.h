/*
 * A process's root and working directories (fs/fs_struct.c).
 *
 * Invariants: root and pwd are directories, each holding one inode
 * reference.  A task with fs == NULL (a kernel thread) resolves paths
 * from the root of the file system tree.
 *
 * Locking: lock (a spinlock) protects root and pwd; a reader takes a
 * reference under it (get_fs_pwd) and uses the inode after unlocking.
 * Modern Linux: struct path (mount + dentry) for each, under a seqlock.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/spinlock.h>

struct inode;

/* (L) lock */
struct fs_struct {
	spinlock_t lock;
	struct inode *root;		/* (L) */
	struct inode *pwd;		/* (L) */
};

/* root and pwd both the file system root; NULL on ENOMEM. */
struct fs_struct *alloc_root_fs_struct(void);
/* fork(): the same root and pwd; NULL on ENOMEM. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* exit(): drop both references and free. NULL is allowed. */
void free_fs_struct(struct fs_struct *fs);

/* A reference to current's root or cwd (the tree's root without fs). */
struct inode *get_fs_root(void);
struct inode *get_fs_pwd(void);
/* Make dir current's cwd (chdir): takes its own reference. */
void set_fs_pwd(struct fs_struct *fs, struct inode *dir);

#endif
