/*
 * Which CPU is running: raw_smp_processor_id() (asm/smp.h) reads it in
 * one instruction.
 *
 * The answer is only stable while the task cannot move to another CPU:
 * with preemption or interrupts off, or when the task is bound to one
 * CPU.  smp_processor_id() checks that and reports a caller that could
 * be moved between reading the number and using it (Linux's
 * CONFIG_DEBUG_PREEMPT, always on here; lib/smp_processor_id.c).
 * raw_smp_processor_id() is the unchecked read, for callers to whom a
 * stale answer is harmless (a statistic, a hint, a choice of node).
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <asm/irqflags.h>
#include <asm/smp.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/preempt.h>

/* raw_smp_processor_id(), reporting a caller that may migrate. */
int debug_smp_processor_id(void);

/* The common, safe cases inline; the rest checked out of line. */
static __always_inline int smp_processor_id(void)
{
	if (likely(preempt_count() || irqs_disabled()))
		return raw_smp_processor_id();
	return debug_smp_processor_id();
}
/*
 * How many times debug_smp_processor_id() has reported, and how many of
 * those a test provoked on purpose; the test run fails on the others.
 */
extern atomic_long_t preempt_check_reports;
extern atomic_long_t preempt_check_expected;

/*
 * Install the IPI handlers (arch/x86/kernel/smp.c), then start every
 * other CPU the MADT lists (arch/x86/kernel/smpboot.c).
 */
void smp_prepare_ipis(void);
void smp_init(void);
int num_online_cpus(void);

/*
 * Run func(info) on every other online CPU, from an interrupt, and wait
 * until all have (Linux's smp_call_function, kernel/smp.c); on_each_cpu()
 * runs it on this CPU too.  Call with interrupts enabled.
 */
void smp_call_function(void (*func)(void *info), void *info);
void on_each_cpu(void (*func)(void *info), void *info);
/* The IPI handler's part: run the pending request, count this CPU done. */
void generic_smp_call_function_interrupt(void);

/*
 * Stop every other CPU for good (Linux's smp_send_stop(), for panic):
 * each halts with interrupts off and is no longer online.  Returns
 * once they are, or after about two seconds (it says how many are
 * left).  Any context, interrupts on or off.
 */
void smp_send_stop(void);
/* Stop this CPU: offline, interrupts off, halted for ever. */
void stop_this_cpu(void) __noreturn;
/* From the NMI handler: stop this CPU if another is stopping them all. */
void smp_stop_nmi(void);

#endif
