/*
 * Try/catch for test cases (lib/kunit/try-catch.c).
 *
 * kunit_try_catch_run() runs a function so that a failed assertion or a
 * CPU exception inside it ends the function, not the kernel: the
 * exception handler calls kunit_try_catch_exception(), which jumps back
 * to the innermost running try/catch.  Catchers nest: a test case runs
 * inside one, and kunit_expect_fault() runs a function inside another,
 * "expecting" one, so a deliberate fault is not reported as an oops.
 *
 * This uses setjmp/longjmp on the running task's stack; the test runner
 * also runs each case in a kernel thread of its own, as Linux does.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <asm/ptrace.h>
#include <asm/setjmp.h>
#include <linux/types.h>

/* Why a try/catch ended early. */
enum kunit_caught {
	KUNIT_CAUGHT_NOTHING = 0,
	KUNIT_CAUGHT_ABORT,		/* kunit_try_catch_throw() */
	KUNIT_CAUGHT_EXCEPTION,		/* a CPU exception */
};

struct kunit_try_catch {
	struct jmp_buf env;
	struct kunit_try_catch *outer;
	bool expect_fault;		/* a fault is the expected outcome */
	unsigned long vector;		/* the exception caught */
	unsigned long ip;		/* where it happened */
	unsigned long fault_addr;	/* CR2, for a page fault */
	int preempt_count;		/* restored when the function is abandoned */
	bool bug_reported;		/* kunit_fail_current_test() was called */
};

/* Run fn(arg) under tc; returns how it ended. */
enum kunit_caught kunit_try_catch_run(struct kunit_try_catch *tc,
				      void (*fn)(void *), void *arg);

/* End the innermost try/catch now (a failed assertion). */
void __attribute__((noreturn)) kunit_try_catch_throw(void);

/*
 * For kernel code that found a bug it cannot go on from (a lock taken
 * twice): end the test case running in this task, if there is one;
 * otherwise return, and the caller decides (lib/kunit/try-catch.c).
 */
void kunit_abort_current_test(void);

/*
 * For kernel code that reported a bug it can go on from (the preemption
 * checker): fail the test case running in this task, if there is one,
 * without ending it.
 */
void kunit_fail_current_test(void);

/* True when the innermost try/catch expects a fault. */
bool kunit_fault_is_expected(void);

/*
 * Called by the exception handler: if a try/catch is running, end it
 * (does not return); otherwise return so the caller can panic.
 */
void kunit_try_catch_exception(const struct pt_regs *regs);

#endif
