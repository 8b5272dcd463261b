/*
 * Cross-CPU function calls (Linux's kernel/smp.c): smp_call_function()
 * runs a function on every other online CPU, from an interrupt, and
 * waits until all have run it; on_each_cpu() runs it here too.
 *
 * One request at a time: the caller puts it in call_data, counts the
 * CPUs it is waiting for in call_data.pending, and interrupts each of
 * them (arch_send_call_function_single_ipi(); on x86 an IPI on
 * CALL_FUNCTION_VECTOR, arch/x86/kernel/smp.c).  Each runs the function
 * in generic_smp_call_function_interrupt() and counts itself done after
 * the function's stores; the caller spins until the count is zero.
 *
 * Locking: call_lock serialises callers and protects call_data until
 * pending reaches zero.  Callers keep interrupts on: two CPUs waiting
 * for each other with interrupts off would wait for ever.
 *
 * Modern Linux queues a request per target CPU (a lock-free list of
 * call_single_data), so many calls can be in flight and a caller can
 * choose not to wait.
 */
#include <asm/barrier.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/topology.h>

static struct {
	void (*func)(void *info);
	void *info;
	atomic_t pending;		/* CPUs yet to run it */
} call_data;
static DEFINE_SPINLOCK(call_lock);

int num_online_cpus(void)
{
	int cpu, n = 0;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += cpu_online(cpu);
	return n;
}

void generic_smp_call_function_interrupt(void)
{
	call_data.func(call_data.info);
	smp_mb__before_atomic();	/* func's stores before the count */
	atomic_dec(&call_data.pending);
}

void smp_call_function(void (*func)(void *info), void *info)
{
	int cpu, self;

	if (num_online_cpus() < 2)
		return;
	if (irqs_disabled())		/* two such callers would wait on each other */
		lock_bug("smp_call_function with interrupts off");
	spin_lock(&call_lock);
	self = smp_processor_id();
	call_data.func = func;
	call_data.info = info;
	atomic_set(&call_data.pending, num_online_cpus() - 1);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != self && cpu_online(cpu))
			arch_send_call_function_single_ipi(cpu);
	while (atomic_read_acquire(&call_data.pending))
		cpu_relax();
	spin_unlock(&call_lock);
}

void on_each_cpu(void (*func)(void *info), void *info)
{
	unsigned long flags;

	smp_call_function(func, info);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}
