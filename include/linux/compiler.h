/*
 * Compiler attributes and helpers, with Linux's names.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __used			__attribute__((__used__))
/* A static function whose callers some builds leave out (no warning). */
#define __maybe_unused		__attribute__((__unused__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#ifndef __always_inline		/* the C library's headers (host tests) have one */
#define __always_inline		inline __attribute__((__always_inline__))
#endif
/* A pointer into user space: never dereferenced, only passed to uaccess.h. */
#define __user
/* A pointer to device memory: read and written only through asm/io.h. */
#define __iomem
/* A cast that changes a pointer's address space on purpose. */
#define __force

#define noinline		__attribute__((__noinline__))

/* The caller's address, and the current instruction's (Linux's). */
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_		({ __label__ __here; __here: (unsigned long)&&__here; })

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define barrier()		__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))

/* Fails the build when cond is true (Linux's BUILD_BUG_ON). */
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif
