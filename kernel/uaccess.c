/*
 * User access: the address limit and the C halves of the copy routines
 * (linux/uaccess.h).  The bytes themselves move in
 * arch/x86/lib/usercopy.asm (asm/uaccess.h), whose every user access
 * can fault safely; here we check the range against the current task's
 * addr_limit (thread_info) and apply the return conventions Linux
 * documents:
 *
 *   copy_*_user, clear_user: bytes not copied; copy_from_user zero-fills
 *   the part of the kernel buffer it could not fill.
 *   strncpy_from_user: length, count when no NUL, or -EFAULT.
 *   strnlen_user: length with the NUL, > n without one, 0 on a fault.
 *
 * The address limit belongs to the running task and only that task
 * changes it: no locking.
 */
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/traps.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* Bytes not copied; the routine that is fastest on this CPU. */
static unsigned long copy_user_generic(void *to, const void *from,
				       unsigned long n)
{
	if (cpu_has_erms)
		return __copy_user_erms(to, from, n);
	return __copy_user_string(to, from, n);
}

void set_fs(mm_segment_t fs)
{
	struct thread_info *ti = &current->thread_info;

	ti->addr_limit = fs;
	if (!segment_eq(fs, USER_DS))
		ti->fs_trace_len = save_stack_trace(ti->fs_trace, FS_TRACE_DEPTH);
}

/*
 * On every return to user mode (exit_to_user_mode): a limit other than
 * USER_DS would let the program pass kernel pointers to every system
 * call.  Report where set_fs() raised it and put USER_DS back.
 */
bool addr_limit_user_check(void)
{
	struct thread_info *ti = &current->thread_info;
	int i;

	if (likely(segment_eq(ti->addr_limit, USER_DS)))
		return false;
	pr_err("BUG: %s[%d] returning to user mode with addr_limit %#lx; "
	       "set_fs() raised it at:\n", current->comm, current->pid,
	       ti->addr_limit.seg);
	for (i = 0; i < ti->fs_trace_len; i++)
		pr_err(" %pS\n", (void *)ti->fs_trace[i]);
	ti->addr_limit = USER_DS;
	return true;
}

void __might_fault(unsigned long ip)
{
	pr_err("BUG: user access from a context that cannot sleep "
	       "(preempt_count %d, interrupts %s) at %pS\n", preempt_count(),
	       irqs_disabled() ? "off" : "on", (void *)ip);
	dump_stack();
}

/*
 * A size beyond INT_MAX is a caller's bug, not a request (Linux's
 * check_copy_size()): refuse it before touching anything, since even
 * the zero-fill of a failed copy would run far past the buffer.
 */
static bool copy_size_ok(unsigned long n)
{
	if (likely(n <= INT_MAX))
		return true;
	pr_warn("uaccess: refusing a copy of %lu bytes\n", n);
	dump_stack();
	return false;
}

unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!copy_size_ok(n))
		return n;
	return copy_user_generic((void __force *)to, from, n);
}

/* LAB(uaccess): write __copy_from_user(), _copy_to_user(), _copy_from_user() */
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (!copy_size_ok(n))
		return n;
	left = copy_user_generic(to, (const void __force *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n)
{
	might_fault();
	if (!access_ok(VERIFY_WRITE, to, n))
		return n;
	return __copy_to_user(to, from, n);
}

unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n)
{
	might_fault();
	if (!copy_size_ok(n))
		return n;
	if (!access_ok(VERIFY_READ, from, n)) {
		memset(to, 0, n);
		return n;
	}
	return __copy_from_user(to, from, n);
}
#if 0	/* LAB(uaccess) stub */
/* Stand-ins that copy nothing, and say so. */
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return n;
}

unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return n;
}

unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return n;
}
#endif	/* END LAB(uaccess) */

unsigned long __clear_user(void __user *to, unsigned long n)
{
	return __clear_user_asm(to, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	might_fault();
	if (!access_ok(VERIFY_WRITE, to, n))
		return n;
	return __clear_user(to, n);
}

/*
 * The string routines may stop at the address limit: they read at most
 * up to it, and a string that runs into it counts as a fault.
 */
static unsigned long bytes_below_limit(const char __user *s)
{
	unsigned long limit = get_fs().seg;

	return (unsigned long)s < limit ? limit - (unsigned long)s : 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	/* LAB(uaccess): write strncpy_from_user(): stop at the address limit */
	unsigned long max = bytes_below_limit(src);
	long res;

	might_fault();
	if (count <= 0)
		return 0;
	if (!max)
		return -EFAULT;
	if ((unsigned long)count <= max)
		return __strncpy_from_user_asm(dst, src, count);
	res = __strncpy_from_user_asm(dst, src, max);
	return res == (long)max ? -EFAULT : res;
#if 0	/* LAB(uaccess) stub */
	return -EFAULT;
#endif	/* END LAB(uaccess) */
}

long strnlen_user(const char __user *s, long n)
{
	unsigned long max = bytes_below_limit(s);
	long res;

	might_fault();
	if (n <= 0 || !max)
		return 0;
	if ((unsigned long)n <= max)
		return __strnlen_user_asm(s, n);
	res = __strnlen_user_asm(s, max);
	return res > (long)max ? 0 : res;
}

long strlen_user(const char __user *s)
{
	return strnlen_user(s, LONG_MAX);
}

/*
 * The course's verify_area(): access_ok(), then every user page of the
 * range mapped in the current process with the access asked for, after
 * resolving the faults an access would (demand-zero, copy-on-write,
 * stack growth).  Kernel addresses, reachable only under KERNEL_DS, are
 * the kernel's own and are not walked.
 */
int verify_area(int type, const void __user *addr, unsigned long size)
{
	unsigned long start = (unsigned long)addr, end, page;
	struct mm_struct *mm = current->mm;

	if (!access_ok(type, addr, size))
		return -EFAULT;
	if (!size || start >= TASK_SIZE)
		return 0;
	if (!mm)
		return -EFAULT;
	end = min(start + size, TASK_SIZE);
	for (page = start & PAGE_MASK; page < end; page += PAGE_SIZE)
		if (fault_in_user_page(mm, page, type == VERIFY_WRITE))
			return -EFAULT;
	return 0;
}
