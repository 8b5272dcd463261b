/*
 * Inter-processor interrupts on x86 (Linux's arch/x86/kernel/smp.c):
 * the local APIC sends CALL_FUNCTION_VECTOR to run a cross-CPU call
 * (kernel/smp.c) and RESCHEDULE_VECTOR to make a CPU look at its run
 * queue, which do_IRQ() does on the way out of every interrupt.
 *
 * smp_prepare_ipis() installs both handlers once, on the boot CPU,
 * before any other CPU starts; the handlers keep no state.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/smp.h>

static void call_function_interrupt(struct pt_regs *regs, void *unused)
{
	generic_smp_call_function_interrupt();
}

static void reschedule_interrupt(struct pt_regs *regs, void *unused)
{
	/* Nothing to do: do_IRQ() reschedules on the way out. */
}

static void send_reschedule(int cpu)
{
	apic_send_ipi(cpu_data[cpu].apic_id, RESCHEDULE_VECTOR);
}

void arch_send_call_function_single_ipi(int cpu)
{
	apic_send_ipi(cpu_data[cpu].apic_id, CALL_FUNCTION_VECTOR);
}

void smp_prepare_ipis(void)
{
	request_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, NULL,
		       "Function call interrupts");
	request_vector(RESCHEDULE_VECTOR, reschedule_interrupt, NULL,
		       "Rescheduling interrupts");
	smp_send_reschedule = send_reschedule;
}
