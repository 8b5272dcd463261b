/*
 * Which CPU is running: the cpu field of this CPU's struct cpu_data,
 * read through GS in one instruction (asm/percpu.h).
 *
 * As in Linux, smp_processor_id() is for callers that cannot migrate
 * (preemption or interrupts off, or a thread bound to one CPU), where
 * the answer stays true; raw_smp_processor_id() is for callers that
 * only want a hint, such as which node to allocate from, and accept
 * that the task may run elsewhere by the time it uses the answer.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/percpu.h>
#include <linux/kernel.h>

static inline int raw_smp_processor_id(void)
{
	int cpu;

	__asm__ __volatile__("movl %%gs:%c1, %0"
			     : "=r"(cpu) : "i"(offsetof(struct cpu_data, cpu)));
	return cpu;
}

static inline int smp_processor_id(void)
{
	return raw_smp_processor_id();
}

/* Start every other CPU the MADT lists (kernel/smp.c), after the IPI handlers. */
void smp_prepare_ipis(void);
void smp_init(void);
int num_online_cpus(void);

/*
 * Run func(info) on every other online CPU, from an interrupt, and wait
 * until all have (Linux's smp_call_function); on_each_cpu() runs it on
 * this CPU too.  Call with interrupts enabled.
 */
void smp_call_function(void (*func)(void *info), void *info);
void on_each_cpu(void (*func)(void *info), void *info);

#endif
