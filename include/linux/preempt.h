/*
 * The preemption count (Linux's include/linux/preempt.h): while it is
 * non-zero the running task is not switched out by the timer tick.
 * Spinlocks raise it by one; interrupt handlers by HARDIRQ_OFFSET, so
 * in_interrupt() can tell.  Kept per CPU in struct cpu_data.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <asm/percpu.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define HARDIRQ_OFFSET		(1 << 16)

static inline int preempt_count(void)
{
	int n;

	__asm__ __volatile__("movl %%gs:%c1, %0" : "=r"(n)
			     : "i"(offsetof(struct cpu_data, preempt_count)));
	return n;
}

static inline void preempt_count_add(int n)
{
	__asm__ __volatile__("addl %1, %%gs:%c0" : :
			     "i"(offsetof(struct cpu_data, preempt_count)), "ri"(n)
			     : "memory");
}

#define preempt_count_sub(n)	preempt_count_add(-(n))
#define in_interrupt()		(preempt_count() >= HARDIRQ_OFFSET)

/* Switch to another task if the tick asked for it and nothing forbids it. */
void preempt_schedule(void);

#define preempt_disable()		preempt_count_add(1)
#define preempt_enable_no_resched()	preempt_count_sub(1)
#define preempt_enable()				\
	do {						\
		preempt_count_sub(1);			\
		if (unlikely(preempt_count() == 0))	\
			preempt_schedule();		\
	} while (0)

#endif
