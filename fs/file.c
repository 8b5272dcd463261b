/*
 * Per-process descriptor tables: allocation of the lowest free
 * descriptor, fork's copy, close-on-exec, and the close, dup and dup2
 * system calls.  See linux/fdtable.h for the invariants.
 *
 * Locking: files->file_lock, a spinlock, protects a table's arrays.
 * A file's reference is taken under it, but fput() (which may call a
 * driver's release and sleep) is always called after it is dropped.
 * A task without a table (current->files == NULL, a kernel thread) has
 * no descriptors: lookups fail with -EBADF and allocations with -EMFILE.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

#define BITS_PER_LONG	(8 * sizeof(unsigned long))

static void fd_set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static void fd_clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

static bool fd_test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	return files;
}

struct files_struct *dup_fd(struct files_struct *oldf)
{
	struct files_struct *newf = alloc_files();
	unsigned int i;

	if (!newf)
		return NULL;
	spin_lock(&oldf->file_lock);
	for (i = 0; i < NR_OPEN_DEFAULT; i++) {
		/* Free, or reserved by an open() still in progress. */
		if (!oldf->fd[i])
			continue;
		newf->fd[i] = get_file(oldf->fd[i]);
		fd_set_bit(i, newf->open_fds);
		if (fd_test_bit(i, oldf->close_on_exec))
			fd_set_bit(i, newf->close_on_exec);
	}
	spin_unlock(&oldf->file_lock);
	return newf;
}

/* Take the file out of slot fd (NULL if none).  Caller holds file_lock. */
static struct file *fd_take(struct files_struct *files, unsigned int fd)
{
	struct file *file = files->fd[fd];

	if (file) {
		files->fd[fd] = NULL;
		fd_clear_bit(fd, files->open_fds);
		fd_clear_bit(fd, files->close_on_exec);
	}
	return file;
}

/* Close every descriptor for which close_it(files, fd) is true. */
static void close_files(struct files_struct *files,
			bool (*close_it)(struct files_struct *, unsigned int))
{
	struct file *file;
	unsigned int i;

	for (i = 0; i < NR_OPEN_DEFAULT; i++) {
		spin_lock(&files->file_lock);
		file = close_it(files, i) ? fd_take(files, i) : NULL;
		spin_unlock(&files->file_lock);
		if (file)
			filp_close(file, files);
	}
}

static bool fd_any(struct files_struct *files, unsigned int fd)
{
	return true;
}

static bool fd_cloexec(struct files_struct *files, unsigned int fd)
{
	return fd_test_bit(fd, files->close_on_exec);
}

void put_files_struct(struct files_struct *files)
{
	if (!files || !atomic_dec_and_test(&files->count))
		return;
	close_files(files, fd_any);
	kfree(files);
}

void do_close_on_exec(struct files_struct *files)
{
	close_files(files, fd_cloexec);
}

/* The lowest clear bit of open_fds, or -EMFILE.  Caller holds file_lock. */
static int find_free_fd(struct files_struct *files)
{
	unsigned int i;
	unsigned long free;

	for (i = 0; i < FD_BITS_LONGS; i++) {
		free = ~files->open_fds[i];
		if (free)
			return i * BITS_PER_LONG + __builtin_ctzl(free);
	}
	return -EMFILE;
}

int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;
	int fd;

	if (!files)
		return -EMFILE;
	spin_lock(&files->file_lock);
	fd = find_free_fd(files);
	if (fd >= 0) {
		fd_set_bit(fd, files->open_fds);
		if (flags & O_CLOEXEC)
			fd_set_bit(fd, files->close_on_exec);
		else
			fd_clear_bit(fd, files->close_on_exec);
	}
	spin_unlock(&files->file_lock);
	return fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	WARN_ON(files->fd[fd]);
	fd_clear_bit(fd, files->open_fds);
	fd_clear_bit(fd, files->close_on_exec);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	WARN_ON(files->fd[fd] || !fd_test_bit(fd, files->open_fds));
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	if (files->fd[fd])
		file = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	file = fd_take(files, fd);
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

long sys_dup(unsigned int fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0)
		fput(file);
	else
		fd_install(fd, file);
	return fd;
}

/* Point newfd at file; returns the file it replaced.  Holds file_lock. */
static long do_dup2(struct files_struct *files, struct file *file,
		    unsigned int newfd, struct file **tofree)
{
	*tofree = files->fd[newfd];
	if (!*tofree && fd_test_bit(newfd, files->open_fds))
		return -EBUSY;	/* an open() is filling it in */
	files->fd[newfd] = get_file(file);
	fd_set_bit(newfd, files->open_fds);
	fd_clear_bit(newfd, files->close_on_exec);
	return newfd;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct files_struct *files = current->files;
	struct file *file, *tofree = NULL;
	long ret = -EBADF;

	if (!files || oldfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	file = files->fd[oldfd];
	if (file && oldfd == newfd)
		ret = newfd;
	else if (file && newfd < NR_OPEN_DEFAULT)
		ret = do_dup2(files, file, newfd, &tofree);
	spin_unlock(&files->file_lock);
	if (tofree)
		fput(tofree);
	return ret;
}
