/*
 * File descriptor system calls: read, write, close, lseek, dup, dup2,
 * pipe, ioctl.  Each is one system call; errors set errno and return -1.
 */
#include <stdarg.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "internal.h"

ssize_t read(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_read, fd, (long)buf, count));
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_write, fd, (long)buf, count));
}

int close(int fd)
{
	return __syscall_ret(__syscall1(__NR_close, fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(__NR_lseek, fd, offset, whence));
}

int dup(int oldfd)
{
	return __syscall_ret(__syscall1(__NR_dup, oldfd));
}

int dup2(int oldfd, int newfd)
{
	return __syscall_ret(__syscall2(__NR_dup2, oldfd, newfd));
}

int pipe(int fds[2])
{
	return __syscall_ret(__syscall1(__NR_pipe, (long)fds));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_ioctl, fd, request, arg));
}
