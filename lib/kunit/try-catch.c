/*
 * Try/catch for test cases; see kunit/try-catch.h for the interface.
 *
 * Invariant: a task's kunit_catcher is its innermost running try/catch
 * (or NULL), and each one's outer field is the one it was started
 * inside.  The exception handler runs on the same stack as the code it
 * stopped, above the try/catch's frame, so a longjmp back to it discards
 * the exception frame and the half-run function together.  The
 * preemption count is restored too: a case abandoned while holding a
 * spinlock must not leave its CPU unable to schedule.
 *
 * Locking: none; each task has its own catchers (before the scheduler
 * runs, the boot context uses boot_catcher).
 */
#include <asm/processor.h>
#include <asm/traps.h>
#include <kunit/try-catch.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>

static struct kunit_try_catch *boot_catcher;

/* The running task's innermost catcher, as an lvalue. */
#define current_catcher (*catcher_slot())

static struct kunit_try_catch **catcher_slot(void)
{
	struct task_struct *task = this_cpu()->current_task;

	return task ? (struct kunit_try_catch **)&task->kunit_catcher :
		      &boot_catcher;
}

enum kunit_caught kunit_try_catch_run(struct kunit_try_catch *tc,
				      void (*fn)(void *), void *arg)
{
	enum kunit_caught caught;

	tc->outer = current_catcher;
	tc->vector = 0;
	tc->ip = 0;
	tc->fault_addr = 0;
	tc->bug_reported = false;
	tc->preempt_count = preempt_count();
	current_catcher = tc;
	caught = setjmp(&tc->env);
	if (caught == KUNIT_CAUGHT_NOTHING)
		fn(arg);
	else
		preempt_count_add(tc->preempt_count - preempt_count());
	current_catcher = tc->outer;
	return caught;
}

void kunit_try_catch_throw(void)
{
	if (!current_catcher)
		panic("kunit: test abort outside a test case");
	longjmp(&current_catcher->env, KUNIT_CAUGHT_ABORT);
}

void kunit_fail_current_test(void)
{
	struct kunit_try_catch *tc = current_catcher;

	while (tc && tc->outer)
		tc = tc->outer;
	if (tc)
		tc->bug_reported = true;
}

bool kunit_fault_is_expected(void)
{
	return current_catcher && current_catcher->expect_fault;
}

void kunit_try_catch_exception(const struct pt_regs *regs)
{
	struct kunit_try_catch *tc = current_catcher;

	if (!tc)
		return;
	tc->vector = regs->vector;
	tc->ip = regs->ip;
	tc->fault_addr = regs->vector == X86_TRAP_PF ? read_cr2() : 0;
	if (tc->expect_fault)
		pr_info("    # caught expected %s at %pS\n",
			trap_mnemonic(regs->vector), (void *)regs->ip);
	longjmp(&tc->env, KUNIT_CAUGHT_EXCEPTION);
}

void kunit_abort_current_test(void)
{
	if (current_catcher)
		longjmp(&current_catcher->env, KUNIT_CAUGHT_ABORT);
}
