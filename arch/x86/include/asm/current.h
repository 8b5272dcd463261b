/*
 * current: the task running on this CPU, read through GS from this
 * CPU's struct cpu_data (asm/percpu.h) in one instruction, as Linux's
 * arch/x86/include/asm/current.h does.  The scheduler sets it at each
 * switch (kernel/sched/core.c); a task always reads its own pointer,
 * whichever CPU it has moved to.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <asm/percpu.h>
#include <linux/compiler.h>

struct task_struct;

static inline struct task_struct *get_current(void)
{
	struct task_struct *t;

	__asm__ __volatile__("movq %%gs:%c1, %0"
			     : "=r"(t) : "i"(offsetof(struct cpu_data, current_task)));
	return t;
}
#define current get_current()

#endif
