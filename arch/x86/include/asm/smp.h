/*
 * The CPU number and the online CPUs, as x86 keeps them: in each CPU's
 * struct cpu_data (asm/percpu.h), this CPU's reached through GS.
 * linux/smp.h builds the checked smp_processor_id() on
 * raw_smp_processor_id() (Linux's arch/x86/include/asm/smp.h).
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <asm/percpu.h>
#include <linux/compiler.h>

/* This CPU's number: one read through GS, no check (see linux/smp.h). */
static inline int raw_smp_processor_id(void)
{
	int cpu;

	__asm__ __volatile__("movl %%gs:%c1, %0"
			     : "=r"(cpu) : "i"(offsetof(struct cpu_data, cpu)));
	return cpu;
}

/* Has cpu started and joined the scheduler? */
static inline bool cpu_online(int cpu)
{
	return READ_ONCE(cpu_data[cpu].online);
}

static inline void set_cpu_online(int cpu, bool online)
{
	WRITE_ONCE(cpu_data[cpu].online, online);
}

/* Interrupt cpu to run the pending cross-CPU call (arch/x86/kernel/smp.c). */
void arch_send_call_function_single_ipi(int cpu);

#endif
