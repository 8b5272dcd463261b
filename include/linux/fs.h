/*
 * The virtual file system (fs/): inodes, open files, file system
 * operations, character devices, mounts and kernel-side file access.
 *
 * Model: there is no dentry cache.  A file system hands out inodes from
 * its inode_operations->lookup(); directories know their parent
 * (i_parent), which is how ".." and getcwd() work; a directory may have
 * another file system's root inode mounted on it (kern_mount), and the
 * path walk crosses from the one to the other.  An open file is a
 * struct file that holds one reference to its inode; a descriptor in a
 * process's table (linux/fdtable.h) holds one reference to its file.
 *
 * Invariants: an inode lives while i_count > 0 and is freed by the
 * iput() that drops the last reference (after its super block's
 * evict_inode(), which frees what the file system hung on it).  A file
 * lives while f_count > 0; the last fput() calls f_op->release() and
 * drops the inode.  Every inode_operations and file_operations method is
 * called with no VFS lock held; a file system locks what it needs itself
 * (ramfs: the directory's or file's i_mutex).
 *
 * Modern Linux: names are cached in dentries (struct dentry, d_parent,
 * d_name), an open file names a struct path (vfsmount + dentry), mounts
 * live in a mount tree per namespace, and iterate is iterate_shared.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

/* The direction of an I/O, seen from memory: READ fills it, WRITE empties it. */
#define READ		0
#define WRITE		1

#define PATH_MAX	4096	/* bytes in a path, its NUL included */
#define NAME_MAX	255	/* bytes in one path component */
#define PIPE_BUF	4096	/* writes up to this size are atomic */

struct inode;
struct file;
struct super_block;
struct dir_context;
struct kstat;

/* A name and its length (Linux's struct qstr); name is NUL-terminated. */
struct qstr {
	const char *name;
	u32 len;
};

/* ---- Super blocks: one per mounted file system instance. ---- */

struct super_operations {
	/* The last iput() of an inode: free the file system's data. */
	void (*evict_inode)(struct inode *inode);
};

struct super_block {
	dev_t s_dev;			/* st_dev of its inodes */
	const char *s_type;		/* "ramfs", "devfs", "proc", ... */
	loff_t s_maxbytes;		/* largest file size */
	const struct super_operations *s_op;
	void *s_fs_info;		/* the file system's own */
	atomic_long_t s_next_ino;	/* new_inode()'s last i_ino */
};

/* A super block for an in-memory file system; ERR_PTR(-ENOMEM). */
struct super_block *alloc_super(const char *type,
				const struct super_operations *ops);

/* ---- Inodes ---- */

struct inode_operations {
	/*
	 * The entry name in directory dir: a referenced inode, or
	 * ERR_PTR(-ENOENT) (or another error).  name->name is
	 * NUL-terminated, 1..NAME_MAX bytes, never "." or "..".
	 * A directory returned should have i_parent set to dir (the walk
	 * sets it if it is NULL).
	 */
	struct inode *(*lookup)(struct inode *dir, const struct qstr *name);
	/* Make a regular file: a referenced inode or ERR_PTR (-EEXIST...). */
	struct inode *(*create)(struct inode *dir, const struct qstr *name,
				umode_t mode);
	/* Make a directory: 0 or -EEXIST, -ENOMEM, ... */
	int (*mkdir)(struct inode *dir, const struct qstr *name, umode_t mode);
	/* Remove a non-directory entry: 0, -ENOENT, -EISDIR, ... */
	int (*unlink)(struct inode *dir, const struct qstr *name);
	/* Remove an empty directory: 0, -ENOENT, -ENOTDIR, -ENOTEMPTY... */
	int (*rmdir)(struct inode *dir, const struct qstr *name);
	/* Regular files: set i_size (open's O_TRUNC); 0 or -errno. */
	int (*truncate)(struct inode *inode, loff_t size);
};

/*
 * (F) the file system's own lock (ramfs: i_mutex)  (C) constant once the
 * inode is visible  (A) atomic  (M) mount_lock (fs/namespace.c)
 *
 * A file system must set i_nlink (2 for a directory, 1 for a file): 0
 * means removed, and getcwd() refuses such a working directory.  The
 * d_ino a directory's listing gives for an entry must be that entry's
 * i_ino: getcwd() finds names by inode number.
 */
struct inode {
	unsigned long i_ino;		/* (C) unique in its super block */
	umode_t i_mode;			/* (C) S_IFxxx | permissions */
	unsigned int i_nlink;		/* (F) names it has; 0: removed */
	loff_t i_size;			/* (F) bytes */
	dev_t i_rdev;			/* (C) device number of S_IFCHR */
	atomic_t i_count;		/* (A) references: ihold()/iput() */
	const struct inode_operations *i_op;	/* (C) */
	const struct file_operations *i_fop;	/* (C) used by open */
	struct super_block *i_sb;	/* (C) may be NULL (pipes) */
	void *i_private;		/* (F) the file system's own */
	struct mutex i_mutex;		/* for the file system's use */
	struct inode *i_parent;		/* (F) directories: referenced */
	struct inode *i_mounted;	/* (M) root mounted on this dir */
	struct inode *i_covered;	/* (M) a root: its mount point */
	u64 i_mtime;			/* (F) seconds; 0 when no clock */
};

/* A zeroed inode with i_count 1 and a fresh i_ino; NULL on ENOMEM. */
struct inode *new_inode(struct super_block *sb);
/* Take another reference (the caller already holds one). */
void ihold(struct inode *inode);
/*
 * Drop a reference; the last one calls evict_inode, frees the inode and
 * drops its reference to i_parent.  NULL is allowed.
 */
void iput(struct inode *inode);
/* A character device inode: i_mode, i_rdev and i_fop = &def_chr_fops. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

/* ---- Open files ---- */

typedef unsigned int fmode_t;
#define FMODE_READ	0x1	/* opened for reading */
#define FMODE_WRITE	0x2	/* opened for writing */

/* (C) set by open  (P) f_pos_lock  (A) atomic */
struct file {
	const struct file_operations *f_op;	/* (C) */
	struct inode *f_inode;		/* (C) one reference */
	loff_t f_pos;			/* (P) */
	unsigned int f_flags;		/* (C) O_APPEND, O_NONBLOCK... */
	fmode_t f_mode;			/* (C) FMODE_* */
	atomic_long_t f_count;		/* (A) get_file()/fput() */
	struct mutex f_pos_lock;	/* see fs/read_write.c */
	void *private_data;		/* the driver's own */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* The references to f (for tests and reports: it may change at once). */
static inline long file_count(struct file *f)
{
	return atomic_long_read(&f->f_count);
}

/* Take another reference to an open file; returns f. */
struct file *get_file(struct file *f);
/* Drop one; the last calls f_op->release() and drops the inode. */
void fput(struct file *f);

/*
 * Directory listing (Linux's dir_context): iterate() calls dir_emit()
 * for each entry from ctx->pos on, and advances ctx->pos past each
 * entry it emitted; it stops when dir_emit() returns false (the
 * caller's buffer is full).  Positions are the file system's own
 * cookies; 0 is the start, and getdents64 stores ctx->pos in f_pos.
 */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name,
			  int namelen, loff_t offset, u64 ino,
			  unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name,
			    int namelen, u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* "." at position 0 and ".." at 1: false when the buffer filled. */
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
/* DT_DIR, DT_REG, DT_CHR, DT_FIFO or DT_UNKNOWN for an i_mode. */
unsigned int fs_umode_to_dtype(umode_t mode);

struct file_operations {
	/* NULL: the file cannot seek (-ESPIPE). */
	loff_t (*llseek)(struct file *, loff_t offset, int whence);
	/* NULL: -EINVAL.  Bytes read (0 at end of file) or -errno. */
	ssize_t (*read)(struct file *, char __user *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *, const char __user *buf, size_t count,
			 loff_t *pos);
	/* Directories: list entries (NULL: -ENOTDIR). 0 or -errno. */
	int (*iterate)(struct file *, struct dir_context *ctx);
	/* NULL: -ENOTTY. */
	long (*unlocked_ioctl)(struct file *, unsigned int cmd,
			       unsigned long arg);
	/* Called once the struct file is set up; 0 or -errno. May be NULL. */
	int (*open)(struct inode *, struct file *);
	/* The last fput(). May be NULL. */
	int (*release)(struct inode *, struct file *);
};

/*
 * Seek within [0, maxsize]; SEEK_END counts from eof.  The new position,
 * or -EINVAL (bad whence, negative or too large a result).
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof);
/* For a device of a fixed size: positions 0..size, SEEK_END from size. */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);
/*
 * Seek within i_size (SEEK_SET, SEEK_CUR, SEEK_END); -EINVAL for a bad
 * whence or a negative result or one beyond s_maxbytes.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* For files whose position means nothing: returns f_pos, changes nothing. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
/* For read: -EISDIR. */
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count,
			 loff_t *pos);

/*
 * Copy from a kernel buffer of `available` bytes at *ppos to user `to`:
 * bytes copied (0 at or past the end), -EFAULT if none could be copied,
 * -EINVAL for a negative *ppos.  Advances *ppos.
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
/* The reverse: user `from` into a kernel buffer of `available` bytes. */
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

/* ---- Character devices (fs/char_dev.c) ---- */

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

/* A device number as user space sees it in struct stat (Linux's encoding). */
static inline u64 new_encode_dev(dev_t dev)
{
	u64 major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffULL) << 12);
}

#define CHRDEV_MAJOR_MAX	256	/* majors 1..255 */

/*
 * Register fops for every minor of major: 0 on success, or with major 0
 * a free major (254 downwards) is chosen and returned.  -EBUSY when the
 * major is taken (or no free one is left), -EINVAL when it is out of
 * range or fops is NULL.
 */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
/* The fops of every S_IFCHR inode: their open routes to the driver. */
extern const struct file_operations def_chr_fops;
/* Replace f_op by the driver's and call its open: -ENXIO if none. */
int chrdev_open(struct inode *inode, struct file *filp);

/* ---- Mounts (fs/namespace.c) ---- */

/*
 * Mount the file system whose root inode is root on the directory at
 * path (absolute, or relative to the caller's cwd).  Takes its own
 * reference to root.  0, -ENOENT, -ENOTDIR, -EBUSY (something is
 * already mounted there or root is already mounted), -EINVAL.
 * The mount-point directory must be one its file system keeps (ramfs).
 */
int kern_mount(const char *path, struct inode *root);
/* Undo kern_mount() on path: 0, -EINVAL (no mount there), -ENOENT... */
int kern_umount(const char *path);

/* ---- Kernel-side file access (fs/open.c, fs/read_write.c) ---- */

/*
 * Open the file at filename (a kernel pointer; relative to the caller's
 * cwd, or / in a kernel thread) with O_* flags: a file or ERR_PTR(-errno).
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);
/* fput() it; id is unused (Linux's fl_owner_t).  0. */
int filp_close(struct file *filp, void *id);
/* Read or write kernel buffers: bytes done or -errno. pos may be NULL. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);

/* The same operations the system calls use, on user buffers. */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int iterate_dir(struct file *file, struct dir_context *ctx);

/* Attributes of an inode, for stat (fs/stat.c). */
struct kstat {
	u64 ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	dev_t rdev;
	loff_t size;
	u64 blocks;		/* 512-byte units */
	u64 mtime;
};
void generic_fillattr(struct inode *inode, struct kstat *stat);

/*
 * Look up path (kernel pointer) from the caller's cwd (or /): a
 * referenced inode or ERR_PTR(-ENOENT, -ENOTDIR, -ENAMETOOLONG...).
 * Mounts are crossed.  Release it with iput().
 */
struct inode *kern_path(const char *path);

/* ---- Boot ---- */

/* The root ramfs with /dev, /proc and /tmp, then the initrd in it. */
void vfs_init(void);
/* The root directory (a reference is held by the VFS for ever). */
extern struct inode *root_inode;

#endif
