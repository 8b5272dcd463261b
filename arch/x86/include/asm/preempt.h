/*
 * The preemption count, kept in this CPU's struct cpu_data and read and
 * changed through GS, one instruction each: an interrupt between the
 * read and the write of an increment cannot lose an update, because
 * the add is a single instruction on this CPU's own copy (Linux's
 * arch/x86/include/asm/preempt.h keeps it in a per-CPU variable the
 * same way).  The rules are in linux/preempt.h.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <asm/percpu.h>
#include <linux/compiler.h>

static inline int preempt_count(void)
{
	int n;

	__asm__ __volatile__("movl %%gs:%c1, %0" : "=r"(n)
			     : "i"(offsetof(struct cpu_data, preempt_count)));
	return n;
}

static inline void __preempt_count_add(int n)
{
	__asm__ __volatile__("addl %1, %%gs:%c0" : :
			     "i"(offsetof(struct cpu_data, preempt_count)), "ri"(n)
			     : "memory");
}

#endif
