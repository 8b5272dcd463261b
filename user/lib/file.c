/*
 * File-system system calls: open, openat, stat and friends, mkdir,
 * rmdir, unlink, chdir, getcwd.  Errors set errno and return -1.
 */
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include "internal.h"

/* The mode argument exists only with O_CREAT. */
static mode_t open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_open, (long)path, flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return __syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, flags,
					mode));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int stat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_stat, (long)path, (long)st));
}

int fstat(int fd, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_fstat, fd, (long)st));
}

int lstat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_lstat, (long)path, (long)st));
}

int mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_mkdir, (long)path, mode));
}

int rmdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_rmdir, (long)path));
}

int unlink(const char *path)
{
	return __syscall_ret(__syscall1(__NR_unlink, (long)path));
}

int chdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_chdir, (long)path));
}

/* getcwd(NULL, 0) allocates a PATH_MAX buffer the caller frees. */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;
	long ret;

	if (!buf) {
		size = size ? size : PATH_MAX;
		buf = mine = malloc(size);
		if (!buf)
			return NULL;
	}
	ret = __syscall_ret(__syscall2(__NR_getcwd, (long)buf, size));
	if (ret < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}
