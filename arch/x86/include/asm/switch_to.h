/*
 * The task switch, x86's part (Linux's arch/x86/include/asm/switch_to.h).
 * schedule() calls __switch_to() for what must change with the task
 * (the TSS's kernel stack, page tables, x87/SSE registers;
 * arch/x86/kernel/process.c), then __switch_to_asm() to change stacks
 * (arch/x86/kernel/switch.asm).
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <linux/string.h>

struct task_struct;

void __switch_to(struct task_struct *prev, struct task_struct *next);
/*
 * Save the callee-saved registers on this stack, store the stack
 * pointer in *prev_sp, and go on from next_sp, where next's were saved.
 */
void __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp);

/*
 * Where a new task's first switch-in returns (the entry of
 * create_task()): a kernel thread's start (switch.asm), or a forked
 * child's return to user mode (entry.asm).
 */
void ret_from_kthread(void);
void ret_from_fork(void);

/* What __switch_to_asm pops, lowest address first, then returns to. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

/*
 * Build a new task's first switch frame just below top, returning to
 * entry with zeroed registers (bp 0 ends every backtrace); the stack
 * pointer to save in its task_struct.  top must be 16-byte aligned, so
 * that after the pops and the ret the stack is aligned for entry's
 * first call.
 */
static inline unsigned long init_switch_frame(void *top, void (*entry)(void))
{
	struct inactive_task_frame *frame = (struct inactive_task_frame *)top - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)entry;
	return (unsigned long)frame;
}

#endif
