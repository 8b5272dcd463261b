/*
 * Private to the C library: the raw system call instructions and the
 * hooks between its files.
 *
 * The x86_64 Linux convention: the number in rax, arguments in rdi,
 * rsi, rdx, r10, r8, r9; `syscall` returns in rax and clobbers rcx
 * (return address) and r11 (flags).  A result in [-4095, -1] is
 * -errno; __syscall_ret() turns it into errno and -1.
 */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H

#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>

static inline long __syscall0(long n)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return ret;
}

static inline long __syscall1(long n, long a1)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1)
		     : "rcx", "r11", "memory");
	return ret;
}

static inline long __syscall2(long n, long a1, long a2)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2)
		     : "rcx", "r11", "memory");
	return ret;
}

static inline long __syscall3(long n, long a1, long a2, long a3)
{
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2),
		     "d"(a3) : "rcx", "r11", "memory");
	return ret;
}

static inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	register long r10 asm("r10") = a4;
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2),
		     "d"(a3), "r"(r10) : "rcx", "r11", "memory");
	return ret;
}

static inline long __syscall6(long n, long a1, long a2, long a3, long a4,
			      long a5, long a6)
{
	register long r10 asm("r10") = a4;
	register long r8 asm("r8") = a5;
	register long r9 asm("r9") = a6;
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2),
		     "d"(a3), "r"(r10), "r"(r8), "r"(r9)
		     : "rcx", "r11", "memory");
	return ret;
}

/* A raw result: -errno becomes errno = errno, -1; others pass through. */
static inline long __syscall_ret(long ret)
{
	if (ret < 0 && ret >= -4095) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

/* stdio.c: write out every stream's buffer (exit() calls it). */
void __stdio_flush_all(void);
/* stdio.c: write all n bytes to fd, again after EINTR: 0, or -1 (errno). */
int __write_all(int fd, const void *buf, size_t n);

/* vfprintf.c: the formatting engine behind the whole printf family. */
struct __fmt_sink {
	/* Take len bytes; the engine counts them whether kept or not. */
	void (*put)(struct __fmt_sink *sink, const char *s, size_t len);
	void *priv;
};
int __vformat(struct __fmt_sink *sink, const char *fmt, va_list ap);

#endif
