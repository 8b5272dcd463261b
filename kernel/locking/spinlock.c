/*
 * Lock debugging reports: a lock taken twice by its holder (a spinlock
 * by the same CPU, a mutex by the same task) would wait for ever, and
 * sleeping with a spinlock held would leave the lock held across a
 * switch.  Each is reported with a backtrace.  Inside a test case the
 * case is then ended (so the tests can check these reports); elsewhere a
 * recursive lock is fatal.
 */
#include <asm/traps.h>
#include <kunit/try-catch.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

void lock_bug(const char *what)
{
	pr_err("BUG: %s on CPU#%d\n", what, raw_smp_processor_id());
	dump_stack();
	kunit_abort_current_test();
}

void spin_dump_recursion(spinlock_t *lock)
{
	lock_bug("spinlock recursion");
	panic("spinlock recursion on %p", lock);
}
