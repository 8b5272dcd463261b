/*
 * The low-level part of a task that the entry and user-access code
 * need (Linux's arch/x86/include/asm/thread_info.h): struct thread_info
 * sits first in struct task_struct (linux/sched.h), and holds the
 * address limit that get_fs()/set_fs() read and change.
 *
 * The limit is the highest address + 1 a user pointer may reach:
 * USER_DS is TASK_SIZE, the end of user space; KERNEL_DS lets kernel
 * pointers through the user-access checks.  The name mm_segment_t is
 * from i386, where the limit was a segment's.  Modern Linux has removed
 * set_fs() (5.10 onwards): kernel buffers go through iov_iter and
 * copy_from_kernel_nofault() instead, and access_ok() always checks
 * against TASK_SIZE.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <asm/page.h>
#include <linux/types.h>

typedef struct {
	unsigned long seg;
} mm_segment_t;

#define KERNEL_DS	((mm_segment_t){ ~0UL })
#define USER_DS		((mm_segment_t){ TASK_SIZE })

#define FS_TRACE_DEPTH	8

struct thread_info {
	unsigned long flags;		/* TIF_* */
	mm_segment_t addr_limit;	/* set_fs()/get_fs() */
	/* Where set_fs() last raised the limit (for the leak report). */
	unsigned long fs_trace[FS_TRACE_DEPTH];
	int fs_trace_len;
};

#define TIF_NEED_RESCHED	0

#endif
