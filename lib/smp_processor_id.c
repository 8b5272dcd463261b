/*
 * The preemption checker behind smp_processor_id() (Linux's
 * lib/smp_processor_id.c, CONFIG_DEBUG_PREEMPT).
 *
 * A CPU number read by a task that the scheduler may move is stale the
 * moment it is read: code that indexes per-CPU data with it can end up
 * working on another CPU's list while that CPU works on it too.  The
 * number is safe to use when the task cannot move: preemption is off
 * (preempt_count() != 0, which includes interrupt handlers and spinlock
 * holders), interrupts are off, the task may run on this CPU only, or
 * the scheduler has not started yet.  Otherwise the caller is reported
 * with a backtrace, the first time it is seen (Linux rate-limits
 * instead), and the answer is returned anyway: the report is for the
 * developer; the kernel goes on.
 *
 * Every report is counted in preempt_check_reports, so a test run can
 * check that none happened but the one its own test provokes, and a
 * report inside a test case fails that case (kunit).
 *
 * Locking: reported_callers is claimed slot by slot with cmpxchg.
 */
#include <asm/irqflags.h>
#include <asm/traps.h>
#include <kunit/try-catch.h>
#include <linux/atomic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

#define MAX_REPORTED_CALLERS	32

atomic_long_t preempt_check_reports;
atomic_long_t preempt_check_expected;
static unsigned long reported_callers[MAX_REPORTED_CALLERS];

static bool may_migrate(int cpu)
{
	struct task_struct *p = current;

	if (!scheduler_running || !p)
		return false;
	if (preempt_count() || irqs_disabled())
		return false;
	return (p->cpus_allowed & ~(1UL << cpu)) != 0;
}

/* True the first time caller is seen (or when the table is full). */
static bool first_report_from(unsigned long caller)
{
	unsigned long old;
	int i;

	for (i = 0; i < MAX_REPORTED_CALLERS; i++) {
		old = cmpxchg(&reported_callers[i], 0UL, caller);
		if (old == 0)
			return true;
		if (old == caller)
			return false;
	}
	return true;
}

int debug_smp_processor_id(void)
{
	int cpu = raw_smp_processor_id();
	unsigned long caller = _RET_IP_;

	if (likely(!may_migrate(cpu)))
		return cpu;
	preempt_disable();
	atomic_long_inc(&preempt_check_reports);
	if (first_report_from(caller)) {
		pr_err("BUG: using smp_processor_id() in preemptible [%08x] code: %s/%d\n",
		       preempt_count() - 1, current->comm, current->pid);
		pr_err("caller is %pS\n", (void *)caller);
		dump_stack();
	}
	kunit_fail_current_test();
	preempt_enable_no_resched();
	return cpu;
}
