/*
 * The preemption count (Linux's include/linux/preempt.h): while it is
 * non-zero the running task is not switched out by the timer tick.
 * Spinlocks raise it by one; interrupt handlers by HARDIRQ_OFFSET, so
 * in_interrupt() can tell.  Kept per CPU (asm/preempt.h).
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <asm/preempt.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define HARDIRQ_OFFSET		(1 << 16)

/* preempt_count() and __preempt_count_add() come from asm/preempt.h. */
#define preempt_count_add(n)	__preempt_count_add(n)
#define preempt_count_sub(n)	__preempt_count_add(-(n))
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
