/*
 * Moving data between the kernel and user space (kernel/uaccess.c; the
 * x86 instructions in asm/uaccess.h and arch/x86/lib/usercopy.asm).
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
#include <asm/uaccess.h>
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
	/* LAB(uaccess): write __access_ok(): the range check, overflow-safe */
	unsigned long limit = get_fs().seg;

	return size <= limit && addr <= limit - size;
#if 0	/* LAB(uaccess) stub */
	return false;	/* every user pointer refused, even under KERNEL_DS */
#endif	/* END LAB(uaccess) */
}
#define access_ok(type, addr, size) \
	__access_ok((unsigned long)(addr), (unsigned long)(size))

/* access_ok() and every page mapped with the access type: 0 or -EFAULT. */
int verify_area(int type, const void __user *addr, unsigned long size);

/*
 * One user access of 1, 2, 4 or 8 bytes (the size comes from the C
 * types) is inline: no call, one instruction between stac and clac,
 * with an exception-table entry (__get_user_asm and __put_user_asm,
 * asm/uaccess.h).
 */
void __bad_user_size(void);	/* never defined: a wrong size fails to link */

/* The unsigned type of n bytes, for the value a user access moves. */
#define __uint_of(n)							\
	__typeof__(__builtin_choose_expr((n) == 1, (u8)0,		\
		   __builtin_choose_expr((n) == 2, (u16)0,		\
		   __builtin_choose_expr((n) == 4, (u32)0, (u64)0))))

#define __get_user_size(x, ptr, err)					\
do {									\
	__uint_of(sizeof(*(ptr))) __v;					\
	err = 0;							\
	if (sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 &&		\
	    sizeof(*(ptr)) != 4 && sizeof(*(ptr)) != 8)			\
		__bad_user_size();					\
	__get_user_asm(__v, (__typeof__(__v) __user *)(ptr), err);	\
	(x) = (__typeof__(*(ptr)))(unsigned long)__v;			\
} while (0)

#define __put_user_size(x, ptr, err)					\
do {									\
	__typeof__(*(ptr)) __pv = (x);					\
	__uint_of(sizeof(*(ptr))) __v;					\
	err = 0;							\
	if (sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 &&		\
	    sizeof(*(ptr)) != 4 && sizeof(*(ptr)) != 8)			\
		__bad_user_size();					\
	__builtin_memcpy(&__v, &__pv, sizeof(__v));			\
	__put_user_asm(__v, (__typeof__(__v) __user *)(ptr), err);	\
} while (0)

/*
 * Read *ptr into x: 0, or -EFAULT with x set to 0.  Like Linux's, these
 * evaluate ptr and x once each, so get_user(c, p++) steps p once.
 */
#define __get_user(x, ptr)						\
({									\
	int __e;							\
	__typeof__(ptr) __gu_ptr = (ptr);				\
	might_fault();							\
	__get_user_size(x, __gu_ptr, __e);				\
	__e;								\
})
#define get_user(x, ptr)						\
({									\
	int __e = -EFAULT;						\
	__typeof__(ptr) __gu_ptr = (ptr);				\
	might_fault();							\
	if (access_ok(VERIFY_READ, __gu_ptr, sizeof(*__gu_ptr)))	\
		__get_user_size(x, __gu_ptr, __e);			\
	else								\
		(x) = 0;						\
	__e;								\
})

/* Write x to *ptr: 0 or -EFAULT. */
#define __put_user(x, ptr)						\
({									\
	int __e;							\
	__typeof__(ptr) __pu_ptr = (ptr);				\
	might_fault();							\
	__put_user_size(x, __pu_ptr, __e);				\
	__e;								\
})
#define put_user(x, ptr)						\
({									\
	int __e = -EFAULT;						\
	__typeof__(ptr) __pu_ptr = (ptr);				\
	might_fault();							\
	if (access_ok(VERIFY_WRITE, __pu_ptr, sizeof(*__pu_ptr)))	\
		__put_user_size(x, __pu_ptr, __e);			\
	__e;								\
})

/* Copies of any size (kernel/uaccess.c). */
unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);

#define __small_size(n)	(__builtin_constant_p(n) && \
			 ((n) == 1 || (n) == 2 || (n) == 4 || (n) == 8))

/*
 * A copy of a constant 1, 2, 4 or 8 bytes is one inline mov; if it
 * faults, the general routine redoes it so that the bytes before the
 * faulting one are still copied.
 */
static __always_inline unsigned long copy_from_user(void *to,
		const void __user *from, unsigned long n)
{
	int err = 0;

	if (!__small_size(n) || !access_ok(VERIFY_READ, from, n))
		return _copy_from_user(to, from, n);
	might_fault();
	switch (n) {
	case 1: __get_user_asm(*(u8 *)to, (const u8 __user *)from, err); break;
	case 2: __get_user_asm(*(u16 *)to, (const u16 __user *)from, err); break;
	case 4: __get_user_asm(*(u32 *)to, (const u32 __user *)from, err); break;
	case 8: __get_user_asm(*(u64 *)to, (const u64 __user *)from, err); break;
	}
	return err ? __copy_from_user(to, from, n) : 0;	/* checked already */
}

static __always_inline unsigned long copy_to_user(void __user *to,
		const void *from, unsigned long n)
{
	int err = 0;

	if (!__small_size(n) || !access_ok(VERIFY_WRITE, to, n))
		return _copy_to_user(to, from, n);
	might_fault();
	switch (n) {
	case 1: __put_user_asm(*(const u8 *)from, (u8 __user *)to, err); break;
	case 2: __put_user_asm(*(const u16 *)from, (u16 __user *)to, err); break;
	case 4: __put_user_asm(*(const u32 *)from, (u32 __user *)to, err); break;
	case 8: __put_user_asm(*(const u64 *)from, (u64 __user *)to, err); break;
	}
	return err ? __copy_to_user(to, from, n) : 0;
}

/*
 * Copy a string of at most count bytes: its length without the NUL;
 * count if no NUL came within count bytes (dst is then not terminated);
 * -EFAULT on a fault.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length including the NUL; > n when none within n bytes; 0 on a fault. */
long strnlen_user(const char __user *s, long n);
long strlen_user(const char __user *s);

#endif
