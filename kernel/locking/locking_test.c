/*
 * Tests of spinlocks, mutexes, wait queues and the lock debugging
 * (suite "locking").  The counter tests run threads on every online CPU
 * so that, with several CPUs, the lock really is contended.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#define COUNT_LOOPS	3000

static DEFINE_SPINLOCK(count_spinlock);
static DEFINE_MUTEX(count_mutex);
static unsigned long counter;

struct count_arg {
	bool use_mutex;
	struct completion done;
};

static int count_thread(void *data)
{
	struct count_arg *arg = data;
	unsigned long flags;
	int i;

	for (i = 0; i < COUNT_LOOPS; i++) {
		if (arg->use_mutex) {
			mutex_lock(&count_mutex);
			counter++;
			mutex_unlock(&count_mutex);
		} else {
			spin_lock_irqsave(&count_spinlock, flags);
			counter++;
			spin_unlock_irqrestore(&count_spinlock, flags);
		}
	}
	complete(&arg->done);
	return 0;
}

/*
 * A thread on each online CPU adds COUNT_LOOPS under the lock.  (Kept
 * small: under emulation with more virtual CPUs than host cores a lock
 * holder's host thread can be descheduled while the others spin.)
 */
static void count_on_all_cpus(struct kunit *test, bool use_mutex)
{
	static struct count_arg args[NR_CPUS];
	int cpu, n = 0, i;

	counter = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		args[n].use_mutex = use_mutex;
		init_completion(&args[n].done);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(count_thread, &args[n],
							       cpu, "counter"));
		n++;
	}
	for (i = 0; i < n; i++)
		wait_for_completion(&args[i].done);
	KUNIT_EXPECT_EQ(test, counter, (unsigned long)n * COUNT_LOOPS);
}

static void locking_spinlock_counter(struct kunit *test)
{
	count_on_all_cpus(test, false);
}

static void locking_mutex_counter(struct kunit *test)
{
	count_on_all_cpus(test, true);
}

static void locking_mutex_basics(struct kunit *test)
{
	struct mutex m;

	mutex_init(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_TRUE(test, mutex_trylock(&m));
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	KUNIT_EXPECT_FALSE(test, mutex_trylock(&m));
	mutex_unlock(&m);
	mutex_lock(&m);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static spinlock_t debug_lock;

static void take_twice(void *arg)
{
	spin_lock(&debug_lock);
	spin_lock(&debug_lock);		/* would spin for ever */
}

static void sleep_with_lock(void *arg)
{
	spin_lock(&debug_lock);
	schedule();			/* sleeping while atomic */
}

static enum kunit_caught run_caught(void (*fn)(void *), const char **out)
{
	struct kunit_try_catch tc = { .expect_fault = false };
	enum kunit_caught caught;

	spin_lock_init(&debug_lock);
	kunit_capture_start();
	caught = kunit_try_catch_run(&tc, fn, NULL);
	*out = kunit_capture_stop();
	arch_spin_unlock(&debug_lock);	/* the abandoned function's lock */
	return caught;
}

static void locking_debug_reports(struct kunit *test)
{
	int count = preempt_count();
	const char *out;

	kunit_info(test, "two deliberate lock-debugging reports follow");
	KUNIT_EXPECT_EQ(test, run_caught(take_twice, &out), KUNIT_CAUGHT_ABORT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "BUG: spinlock recursion on CPU#"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "take_twice+0x"));
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	KUNIT_EXPECT_EQ(test, run_caught(sleep_with_lock, &out), KUNIT_CAUGHT_ABORT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "BUG: scheduling while atomic"));
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
}

static struct kunit_case locking_cases[] = {
	KUNIT_CASE(locking_spinlock_counter),
	KUNIT_CASE(locking_mutex_counter),
	KUNIT_CASE(locking_mutex_basics),
	KUNIT_CASE(locking_debug_reports),
	{}
};

static struct kunit_suite locking_suite = {
	.name = "locking",
	.test_cases = locking_cases,
};
kunit_test_suite(locking_suite);
