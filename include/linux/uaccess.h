/*
 * Moving data between the kernel and user space (kernel/uaccess.c,
 * lib/usercopy.asm).
 *
 * A user pointer is checked against the task's address limit
 * (access_ok: arithmetic only, no page-table walk) and then used by a
 * routine whose every user access has an exception-table entry, so a
 * fault on a bad address makes the routine return an error instead of
 * oopsing.  The routines without "__" check access_ok themselves.
 *
 * Return values (Linux's): copy_to_user, copy_from_user and clear_user
 * return the number of bytes NOT copied (0: all); copy_from_user
 * zero-fills what it could not copy.  get_user/put_user return 0 or
 * -EFAULT.  strncpy_from_user and strnlen_user: see below.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <asm/irqflags.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/types.h>

#define VERIFY_READ	0
#define VERIFY_WRITE	1

static inline mm_segment_t get_fs(void)
{
	return current->thread_info.addr_limit;
}

/* Set the limit; raising it records the caller's backtrace. */
void set_fs(mm_segment_t fs);
/* Before user mode: report and repair a limit other than USER_DS. */
bool addr_limit_user_check(void);

/*
 * A user access may fault and sleep: from a context that cannot sleep
 * (preemption or interrupts off, e.g. a spinlock held) it is a bug,
 * reported here.  Such an access can still fail with -EFAULT.
 */
void __might_fault(unsigned long ip);
#define might_fault()							\
do {									\
	if (unlikely(preempt_count() || irqs_disabled()))		\
		__might_fault(_THIS_IP_);				\
} while (0)

#define segment_eq(a, b)	((a).seg == (b).seg)

/* [addr, addr + size) lies below the limit; overflow-safe, size 0 allowed. */
static inline bool __access_ok(unsigned long addr, unsigned long size)
{
	unsigned long limit = get_fs().seg;

	return size <= limit && addr <= limit - size;
}
#define access_ok(type, addr, size) \
	__access_ok((unsigned long)(addr), (unsigned long)(size))

/* access_ok() and every page mapped with the access type: 0 or -EFAULT. */
int verify_area(int type, const void __user *addr, unsigned long size);

unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);

/*
 * Copy a string of at most count bytes: its length without the NUL;
 * count if no NUL came within count bytes (dst is then not terminated);
 * -EFAULT on a fault.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length including the NUL; > n when none within n bytes; 0 on a fault. */
long strnlen_user(const char __user *s, long n);
long strlen_user(const char __user *s);

/* One value of 1, 2, 4 or 8 bytes (lib/usercopy.asm): 0 or -EFAULT. */
int __get_user_1(u8 *val, const void __user *p);
int __get_user_2(u16 *val, const void __user *p);
int __get_user_4(u32 *val, const void __user *p);
int __get_user_8(u64 *val, const void __user *p);
int __put_user_1(u8 val, void __user *p);
int __put_user_2(u16 val, void __user *p);
int __put_user_4(u32 val, void __user *p);
int __put_user_8(u64 val, void __user *p);
void __bad_user_size(void);	/* never defined: a wrong size fails to link */

#define __get_user_size(x, ptr, err)					\
do {									\
	switch (sizeof(*(ptr))) {					\
	case 1: { u8 __v; err = __get_user_1(&__v, ptr); (x) = (typeof(*(ptr)))(unsigned long)__v; break; } \
	case 2: { u16 __v; err = __get_user_2(&__v, ptr); (x) = (typeof(*(ptr)))(unsigned long)__v; break; } \
	case 4: { u32 __v; err = __get_user_4(&__v, ptr); (x) = (typeof(*(ptr)))(unsigned long)__v; break; } \
	case 8: { u64 __v; err = __get_user_8(&__v, ptr); (x) = (typeof(*(ptr)))(unsigned long)__v; break; } \
	default: __bad_user_size(); err = -EFAULT;			\
	}								\
} while (0)

#define __put_user_size(x, ptr, err)					\
do {									\
	typeof(*(ptr)) __pv = (x);					\
	switch (sizeof(*(ptr))) {					\
	case 1: err = __put_user_1(*(u8 *)&__pv, ptr); break;		\
	case 2: err = __put_user_2(*(u16 *)&__pv, ptr); break;		\
	case 4: err = __put_user_4(*(u32 *)&__pv, ptr); break;		\
	case 8: err = __put_user_8(*(u64 *)&__pv, ptr); break;		\
	default: __bad_user_size(); err = -EFAULT;			\
	}								\
} while (0)

/* Read *ptr into x: 0, or -EFAULT with x set to 0. */
#define __get_user(x, ptr)						\
({ int __e; might_fault(); __get_user_size(x, ptr, __e); __e; })
#define get_user(x, ptr)						\
({									\
	int __e = -EFAULT;						\
	const void __user *__p = (ptr);					\
	might_fault();							\
	if (access_ok(VERIFY_READ, __p, sizeof(*(ptr))))		\
		__get_user_size(x, ptr, __e);				\
	else								\
		(x) = 0;						\
	__e;								\
})

/* Write x to *ptr: 0 or -EFAULT. */
#define __put_user(x, ptr)						\
({ int __e; might_fault(); __put_user_size(x, ptr, __e); __e; })
#define put_user(x, ptr)						\
({									\
	int __e = -EFAULT;						\
	might_fault();							\
	if (access_ok(VERIFY_WRITE, ptr, sizeof(*(ptr))))		\
		__put_user_size(x, ptr, __e);				\
	__e;								\
})

#endif
