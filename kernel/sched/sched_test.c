/*
 * Tests of kernel threads and the scheduler (suite "sched"): threads
 * run and exit, yield alternates, the tick preempts busy threads,
 * completions and timeouts, msleep lower bounds, binding, and the test
 * runner's own per-case timeout.  Timing is only ever checked as a lower
 * bound: the tests must pass on a slow, loaded machine.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/timer.h>

struct flag_arg {
	int value;
	struct completion done;
};

static int set_flag(void *data)
{
	struct flag_arg *arg = data;

	arg->value = current->pid;
	complete(&arg->done);
	return 0;
}

static void sched_kthread_runs(struct kunit *test)
{
	struct flag_arg arg = { 0 };
	struct task_struct *t;

	init_completion(&arg.done);
	t = kthread_run(set_flag, &arg, "sched_test");
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&arg.done, 10 * HZ), 0);
	KUNIT_EXPECT_GT(test, arg.value, 1);
	KUNIT_EXPECT_NE(test, arg.value, current->pid);
}

struct busy_arg {
	volatile unsigned long *mine, *other;
	unsigned long deadline;		/* jiffies */
	struct completion done;
};

/*
 * Spin, never yielding, until both counters passed 1000: with only one
 * CPU for the two, that needs the tick to preempt whichever runs first.
 */
static int busy_thread(void *data)
{
	struct busy_arg *arg = data;

	while ((*arg->other < 1000 || *arg->mine < 1000) &&
	       (long)(jiffies - arg->deadline) < 0)
		(*arg->mine)++;
	complete(&arg->done);
	return 0;
}

static void sched_tick_preempts_busy_threads(struct kunit *test)
{
	static volatile unsigned long a, b;
	struct busy_arg aa = { .mine = &a, .other = &b }, bb = { .mine = &b, .other = &a };
	int cpu = smp_processor_id();

	a = b = 0;
	aa.deadline = bb.deadline = jiffies + 20 * HZ;
	init_completion(&aa.done);
	init_completion(&bb.done);
	/* Both on one CPU. */
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(busy_thread, &aa, cpu, "busy_a"));
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(busy_thread, &bb, cpu, "busy_b"));
	wait_for_completion(&aa.done);
	wait_for_completion(&bb.done);
	/* Each saw the other pass 1000: neither held the CPU for ever. */
	KUNIT_EXPECT_GE(test, a, 1000);
	KUNIT_EXPECT_GE(test, b, 1000);
}

static void sched_completion_timeout(struct kunit *test)
{
	struct completion never;
	unsigned long start = jiffies;

	init_completion(&never);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&never, HZ / 5), 0);
	KUNIT_EXPECT_GE(test, jiffies - start, HZ / 5);
	complete(&never);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&never, HZ / 5), 0);
}

static void sched_msleep_lower_bound(struct kunit *test)
{
	static const unsigned int ms[] = { 1, 10, 50 };
	unsigned int i;
	u64 start;

	for (i = 0; i < ARRAY_SIZE(ms); i++) {
		start = ktime_get_ns();
		msleep(ms[i]);
		KUNIT_EXPECT_GE_MSG(test, ktime_get_ns() - start, ms[i] * 1000000ULL,
				    "msleep(%u)", ms[i]);
	}
}

struct yield_arg {
	unsigned long *log;
	unsigned int *pos;
	unsigned long id;
	struct completion done;
};

static int yielder(void *data)
{
	struct yield_arg *arg = data;
	int i;

	for (i = 0; i < 5; i++) {
		arg->log[(*arg->pos)++] = arg->id;
		sched_yield();
	}
	complete(&arg->done);
	return 0;
}

static void sched_yield_alternates(struct kunit *test)
{
	static unsigned long log[10];
	static unsigned int pos;
	struct yield_arg x = { .log = log, .pos = &pos, .id = 1 };
	struct yield_arg y = { .log = log, .pos = &pos, .id = 2 };
	int cpu = smp_processor_id();
	unsigned int i, switches = 0;

	pos = 0;
	init_completion(&x.done);
	init_completion(&y.done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(yielder, &x, cpu, "yield_x"));
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(yielder, &y, cpu, "yield_y"));
	wait_for_completion(&x.done);
	wait_for_completion(&y.done);
	KUNIT_ASSERT_EQ(test, pos, 10);
	for (i = 1; i < 10; i++)
		switches += log[i] != log[i - 1];
	KUNIT_EXPECT_GE(test, switches, 5);	/* round robin, not one then the other */
}

static struct completion release_hang;

/* Hangs until the test that ran it lets it go (after its timeout). */
static void hang_forever(struct kunit *test)
{
	wait_for_completion(&release_hang);
}

static void sched_hanging_case_times_out(struct kunit *test)
{
	static struct kunit_case cases[] = { KUNIT_CASE(hang_forever), {} };
	static struct kunit_suite scratch = { .name = "scratch", .test_cases = cases };
	unsigned long start = jiffies;

	init_completion(&release_hang);
	kunit_info(test, "a scratch case that hangs follows; it must time out");
	KUNIT_EXPECT_EQ(test, kunit_run_case_timeout(&scratch, &cases[0], HZ / 2).status,
			KUNIT_FAILURE);
	KUNIT_EXPECT_GE(test, jiffies - start, HZ / 2);
	complete(&release_hang);	/* let its thread end */
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_kthread_runs),
	KUNIT_CASE(sched_tick_preempts_busy_threads),
	KUNIT_CASE(sched_completion_timeout),
	KUNIT_CASE(sched_msleep_lower_bound),
	KUNIT_CASE(sched_yield_alternates),
	KUNIT_CASE(sched_hanging_case_times_out),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
