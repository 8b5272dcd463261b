/*
 * Tests of the preemption checker (suite "preempt_check"): it reports
 * smp_processor_id() from a task that may migrate, stays quiet where the
 * answer is stable, and the per-CPU fast paths of the page and slab
 * allocators give it nothing to report when called from such a task.
 *
 * Test cases run bound to one CPU, where smp_processor_id() is always
 * stable, so each case runs its code in a kernel thread that may run
 * anywhere and waits for it.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

struct unbound_run {
	void (*fn)(void);
	struct completion done;
};

static int unbound_thread(void *data)
{
	struct unbound_run *run = data;

	run->fn();
	complete(&run->done);
	return 0;
}

/* Run fn in a thread allowed on every CPU; the number of reports it drew. */
static unsigned long run_unbound(struct kunit *test, void (*fn)(void))
{
	long before = atomic_long_read(&preempt_check_reports);
	struct unbound_run run = { .fn = fn };

	init_completion(&run.done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run(unbound_thread, &run,
						"preempt_check"));
	wait_for_completion(&run.done);
	return atomic_long_read(&preempt_check_reports) - before;
}

static void read_cpu_preemptible(void)
{
	WRITE_ONCE(current->exit_code, smp_processor_id());
}

static void preempt_check_reports_preemptible_caller(struct kunit *test)
{
	const char *out;

	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, run_unbound(test, read_cpu_preemptible), 1);
	out = kunit_capture_stop();
	atomic_long_inc(&preempt_check_expected);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"BUG: using smp_processor_id() in preemptible [00000000] code: preempt_check/"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "caller is read_cpu_preemptible"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call Trace:"));
}

static void read_cpu_safely(void)
{
	unsigned long flags;

	preempt_disable();
	WRITE_ONCE(current->exit_code, smp_processor_id());
	preempt_enable();
	local_irq_save(flags);
	WRITE_ONCE(current->exit_code, smp_processor_id());
	local_irq_restore(flags);
	WRITE_ONCE(current->exit_code, raw_smp_processor_id());
}

static void preempt_check_quiet_when_stable(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_unbound(test, read_cpu_safely), 0);
	/* This case's own thread is bound to its CPU. */
	KUNIT_EXPECT_EQ(test, current->cpus_allowed, 1UL << raw_smp_processor_id());
	KUNIT_EXPECT_EQ(test, smp_processor_id(), raw_smp_processor_id());
}

#define FAST_PATH_ROUNDS	2000

/* Order-0 pages (per-CPU lists) and small objects (per-CPU magazines). */
static void use_per_cpu_caches(void)
{
	struct page *page;
	void *obj;
	int i;

	for (i = 0; i < FAST_PATH_ROUNDS; i++) {
		page = alloc_page(GFP_KERNEL);
		obj = kmalloc(64, GFP_KERNEL);
		if (page)
			__free_page(page);
		kfree(obj);
		if (i % 256 == 0)
			drain_local_pages();
	}
}

static void preempt_check_allocator_fast_paths(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run_unbound(test, use_per_cpu_caches), 0);
}

static struct kunit_case preempt_check_cases[] = {
	KUNIT_CASE(preempt_check_reports_preemptible_caller),
	KUNIT_CASE(preempt_check_quiet_when_stable),
	KUNIT_CASE(preempt_check_allocator_fast_paths),
	{}
};

static struct kunit_suite preempt_check_suite = {
	.name = "preempt_check",
	.test_cases = preempt_check_cases,
};
kunit_test_suite(preempt_check_suite);
