/*
 * A process's table of open file descriptors (fs/file.c).
 *
 * Invariants: fd[i] is NULL or holds one reference to its file; bit i of
 * open_fds is set when i is allocated (it may be reserved by
 * get_unused_fd_flags() with fd[i] still NULL until fd_install());
 * bit i of close_on_exec is meaningful only while i is open.  A new
 * descriptor is always the lowest free one.
 *
 * Locking: file_lock (a spinlock) protects fd[], open_fds and
 * close_on_exec; it is never held across a file operation: fget() takes
 * a reference to the file under it and the caller uses the file after.
 * count is an atomic_t.  Modern Linux: the same, with a resizable struct
 * fdtable read under RCU.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define NR_OPEN_DEFAULT	256	/* descriptors per process */
#define FD_BITS_LONGS	(NR_OPEN_DEFAULT / (8 * sizeof(unsigned long)))

struct file;

/* (L) file_lock  (A) atomic */
struct files_struct {
	atomic_t count;					/* (A) users */
	spinlock_t file_lock;
	unsigned long open_fds[FD_BITS_LONGS];		/* (L) */
	unsigned long close_on_exec[FD_BITS_LONGS];	/* (L) */
	struct file *fd[NR_OPEN_DEFAULT];		/* (L) */
};

/* An empty table with count 1; NULL on ENOMEM. */
struct files_struct *alloc_files(void);
/* fork(): a copy sharing every open file (O_CLOEXEC kept); NULL on ENOMEM. */
struct files_struct *dup_fd(struct files_struct *oldf);
/* Drop a user; the last closes every descriptor and frees the table. */
void put_files_struct(struct files_struct *files);
/* execve(): close the descriptors marked close-on-exec. */
void do_close_on_exec(struct files_struct *files);

/*
 * In current->files: reserve the lowest free descriptor (-EMFILE when
 * all are taken, or when the task has no table, as in a kernel thread);
 * flags may hold O_CLOEXEC.
 */
int get_unused_fd_flags(unsigned int flags);
/* Give back a reserved descriptor that was never installed. */
void put_unused_fd(unsigned int fd);
/* Fill a reserved descriptor; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
/* The file at fd with a reference held (fput() it), or NULL. */
struct file *fget(unsigned int fd);
/* Close fd: 0 or -EBADF. */
int close_fd(unsigned int fd);

#endif
