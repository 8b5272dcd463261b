/*
 * What the files of fs/proc/ share: the entries of a directory, the
 * data every proc inode carries, and the text-file machinery.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/proc_fs.h>
#include <linux/types.h>

struct proc_dir;

/* A file in /proc or in /proc/PID, or a fixed directory in /proc. */
struct proc_entry {
	const char *name;
	proc_fill_t fill;		/* a text file's generator, or */
	const struct proc_dir *dir;	/* a directory's entries */
};

/* A fixed subdirectory's entries; entry i is inode first_ino + i. */
struct proc_dir {
	const struct proc_entry *entries;
	unsigned int nr_entries;
	unsigned long first_ino;
};

/*
 * An entry made at run time (pde.c).  (C) constant once made
 * (L) proc_subdir_lock
 */
struct proc_dir_entry {
	struct proc_entry entry;	/* (C) name; fill for a text file */
	umode_t mode;			/* (C) S_IFDIR or S_IFREG, permissions */
	loff_t size;			/* st_size (proc_set_size(), at setup) */
	unsigned long ino;		/* (C) PROC_PDE_INO(n) */
	const struct file_operations *fops;	/* (C) proc_create_data() */
	void *data;			/* (C) pde_data() */
	struct proc_dir_entry *parent;	/* (C) */
	struct list_head subdir;	/* (L) its children, oldest first */
	struct list_head sibling;	/* (L) in parent->subdir */
	char name[];			/* (C) entry.name points here */
};

/* The root of those entries: its children show in /proc itself. */
extern struct proc_dir_entry proc_root;
/* The child of dir called name: a new inode or ERR_PTR(-ENOENT...). */
struct inode *proc_pde_lookup(struct proc_dir_entry *dir,
			      const struct qstr *name);
/*
 * Emit dir's children from ctx->pos on, child n at first_pos + n:
 * false when the caller's buffer filled.
 */
bool proc_pde_readdir(struct proc_dir_entry *dir, struct dir_context *ctx,
		      loff_t first_pos);

/* What i_private of every proc inode points to (freed at eviction). */
struct proc_inode_info {
	pid_t pid;				/* 0 outside /proc/PID */
	const struct proc_entry *entry;		/* NULL: /proc, a /proc/PID dir */
	struct proc_dir_entry *pde;		/* an entry made at run time */
};

/*
 * Inode numbers: fixed, so stat and getdents64 agree across lookups.
 * The fixed entries are below PROC_PID_INO(0): /proc's own from 2,
 * /proc/tty's from 64, /proc/tty/driver's from 72.  Entries made at
 * run time are numbered from 2^40, above every pid's.
 */
#define PROC_ROOT_INO		1UL
#define PROC_STATIC_INO(i)	(2UL + (i))
#define PROC_TTY_INO(i)		(64UL + (i))
#define PROC_TTY_DRIVER_INO(i)	(72UL + (i))
#define PROC_PID_INO(pid)	(((unsigned long)(pid) + 1) << 8)
#define PROC_PID_FILE_INO(pid, i) (PROC_PID_INO(pid) + 1 + (i))
#define PROC_SELF_INO		(PROC_PID_INO(0) - 1)	/* "self" as listed */
#define PROC_PDE_INO(n)		((1UL << 40) + (n))

/*
 * Directory positions: 0 ".", 1 "..", entries from 2, "self", then the
 * entries made at run time, pids from PROC_PID_POS(0).
 */
#define PROC_FIRST_POS		2
#define PROC_PID_POS(pid)	(1024 + (loff_t)(pid))

extern struct super_block *proc_sb;
extern const struct file_operations proc_text_fops;

/* A new proc inode carrying pid and entry: NULL on ENOMEM. */
struct inode *proc_new_inode(unsigned long ino, umode_t mode, pid_t pid,
			     const struct proc_entry *entry);

/*
 * The inode of a fixed entry: a text file, or a directory listing its
 * own table (lookup and getdents64 in generic.c).  NULL on ENOMEM.
 */
struct inode *proc_entry_inode(unsigned long ino, const struct proc_entry *e);
/* DT_DIR or DT_REG, as a listing shows the entry. */
unsigned char proc_entry_type(const struct proc_entry *e);
static inline struct proc_inode_info *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

/* /proc/PID (base.c). */
bool proc_pid_alive(pid_t pid);
struct inode *proc_pid_dir_inode(pid_t pid);
/* Emit one directory per live pid from ctx->pos on (getdents64). */
int proc_pid_readdir(struct dir_context *ctx);

/* /proc/uptime (uptime.c). */
size_t uptime_show(char *buf, size_t size);

/* /proc/tty (proc_tty.c). */
extern const struct proc_dir proc_tty_dir;

#endif
