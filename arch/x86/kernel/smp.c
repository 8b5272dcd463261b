/*
 * Inter-processor interrupts on x86 (Linux's arch/x86/kernel/smp.c):
 * the local APIC sends CALL_FUNCTION_VECTOR to run a cross-CPU call
 * (kernel/smp.c) and RESCHEDULE_VECTOR to make a CPU look at its run
 * queue, which do_IRQ() does on the way out of every interrupt.
 *
 * smp_prepare_ipis() installs the handlers once, on the boot CPU,
 * before any other CPU starts.
 *
 * Stopping (panic): smp_send_stop() raises REBOOT_VECTOR on every other
 * online CPU, whose handler stops that CPU; one that is still online a
 * second later has interrupts off and gets an NMI, which stops it too
 * (Linux's native_stop_other_cpus()).  A stopped CPU marks itself
 * offline, which is what smp_send_stop() waits for, and halts with
 * interrupts off for good.  It takes no lock: the panicking CPU may
 * hold any of them.
 */
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <linux/delay.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/topology.h>

#define STOP_WAIT_MS		1000	/* for the other CPUs to stop */

static int stopping_cpu = -1;		/* the CPU that stops the others */

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

/* ---- stopping the other CPUs ---- */

void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	set_cpu_online(raw_smp_processor_id(), false);
	for (;;)
		halt();
}

static void reboot_interrupt(struct pt_regs *regs, void *unused)
{
	stop_this_cpu();
}

void smp_stop_nmi(void)
{
	int cpu = READ_ONCE(stopping_cpu);

	if (cpu >= 0 && cpu != raw_smp_processor_id())
		stop_this_cpu();
}

/* REBOOT_VECTOR, or an NMI, to every other CPU still online. */
static void send_stop(int self, bool nmi)
{
	int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (cpu == self || !cpu_online(cpu))
			continue;
		if (nmi)
			apic_send_nmi(cpu_data[cpu].apic_id);
		else
			apic_send_ipi(cpu_data[cpu].apic_id, REBOOT_VECTOR);
	}
}

/* Wait at most ms for this CPU to be the only one online. */
static bool wait_others_stopped(unsigned int ms)
{
	while (num_online_cpus() > 1 && ms--)
		mdelay(1);
	return num_online_cpus() == 1;
}

void smp_send_stop(void)
{
	int self = raw_smp_processor_id();

	if (num_online_cpus() < 2)
		return;
	WRITE_ONCE(stopping_cpu, self);
	send_stop(self, false);
	if (wait_others_stopped(STOP_WAIT_MS))
		return;
	send_stop(self, true);		/* those left have interrupts off */
	if (!wait_others_stopped(STOP_WAIT_MS))
		pr_emerg("smp: %d CPU(s) did not stop\n", num_online_cpus() - 1);
}

void smp_prepare_ipis(void)
{
	request_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, NULL,
		       "Function call interrupts");
	request_vector(REBOOT_VECTOR, reboot_interrupt, NULL,
		       "CPU stop interrupts");
	request_vector(RESCHEDULE_VECTOR, reschedule_interrupt, NULL,
		       "Rescheduling interrupts");
	smp_send_reschedule = send_reschedule;
}
