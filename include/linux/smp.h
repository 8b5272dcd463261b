/*
 * Which CPU is running: the cpu field of this CPU's struct cpu_data,
 * read through GS in one instruction (asm/percpu.h).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/percpu.h>
#include <linux/kernel.h>

static inline int smp_processor_id(void)
{
	int cpu;

	__asm__ __volatile__("movl %%gs:%c1, %0"
			     : "=r"(cpu) : "i"(offsetof(struct cpu_data, cpu)));
	return cpu;
}

#endif
