/*
 * Tests of the page lock (suite "page_lock", mm/page_lock.c): trylock
 * on a locked page fails, lock_page() sleeps until another task's
 * unlock_page(), and the lock excludes threads on every CPU.  Ordering
 * is checked with flags each side writes, never with time.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/topology.h>

#include "test_mm.h"

#define EXCLUDE_LOOPS	500

static void trylock_page_locked_fails(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_FALSE(test, PageLocked(page));
	KUNIT_EXPECT_TRUE(test, trylock_page(page));
	KUNIT_EXPECT_TRUE(test, PageLocked(page));
	KUNIT_EXPECT_FALSE(test, trylock_page(page));
	KUNIT_EXPECT_TRUE(test, PageLocked(page));	/* the failure kept it */
	unlock_page(page);
	KUNIT_EXPECT_FALSE(test, PageLocked(page));
	KUNIT_EXPECT_TRUE(test, trylock_page(page));
	unlock_page(page);
	__free_page(page);
}

/* The other bits of flags survive lock and unlock. */
static void lock_page_keeps_other_flags(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long before;

	KUNIT_ASSERT_NOT_NULL(test, page);
	before = page->flags;
	lock_page(page);
	KUNIT_EXPECT_EQ(test, page->flags, before | BIT_MASK(PG_locked));
	unlock_page(page);
	KUNIT_EXPECT_EQ(test, page->flags, before);
	__free_page(page);
}

struct waiter {
	struct page *page;
	struct completion started, done;
	bool unlocked;		/* set by the test just before its unlock */
	bool acquired;		/* set by the waiter once lock_page() returned */
	bool saw_unlocked;	/* what the waiter saw of unlocked then */
};

static int waiter_thread(void *data)
{
	struct waiter *w = data;

	complete(&w->started);
	lock_page(w->page);
	WRITE_ONCE(w->saw_unlocked, READ_ONCE(w->unlocked));
	WRITE_ONCE(w->acquired, true);
	unlock_page(w->page);
	complete(&w->done);
	return 0;
}

static void lock_page_sleeps_until_unlock(struct kunit *test)
{
	static struct waiter w;

	w = (struct waiter){ .page = alloc_page(GFP_KERNEL) };
	KUNIT_ASSERT_NOT_NULL(test, w.page);
	init_completion(&w.started);
	init_completion(&w.done);
	lock_page(w.page);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(waiter_thread, &w,
						       other_cpu(), "pglock"));
	wait_for_completion(&w.started);
	/* Until the waiter sleeps on the page's queue. */
	while (!queue_has_sleeper(page_waitqueue(w.page)))
		sched_yield();
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.acquired));
	KUNIT_EXPECT_TRUE(test, PageLocked(w.page));
	WRITE_ONCE(w.unlocked, true);
	unlock_page(w.page);
	wait_for_completion(&w.done);
	KUNIT_EXPECT_TRUE(test, w.acquired);
	KUNIT_EXPECT_TRUE(test, w.saw_unlocked);
	KUNIT_EXPECT_FALSE(test, PageLocked(w.page));
	__free_page(w.page);
}

/* What the threads of lock_page_excludes_all_cpus share. */
static struct {
	struct page *page;
	unsigned long counter;	/* plain: the page lock is its only guard */
	int inside;		/* threads between lock and unlock */
	int overlaps;		/* times a thread found another inside */
} excl;

static int exclude_thread(void *data)
{
	int i;

	for (i = 0; i < EXCLUDE_LOOPS; i++) {
		lock_page(excl.page);
		if (__atomic_fetch_add(&excl.inside, 1, __ATOMIC_SEQ_CST))
			__atomic_fetch_add(&excl.overlaps, 1, __ATOMIC_SEQ_CST);
		excl.counter++;
		__atomic_fetch_sub(&excl.inside, 1, __ATOMIC_SEQ_CST);
		unlock_page(excl.page);
		if (i % 16 == 0)
			sched_yield();
	}
	complete(data);
	return 0;
}

/* One thread per online CPU takes the same page's lock in turn. */
static void lock_page_excludes_all_cpus(struct kunit *test)
{
	static struct completion done[NR_CPUS];
	int cpu, n = 0, i;

	excl.page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, excl.page);
	excl.counter = 0;
	excl.inside = excl.overlaps = 0;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		init_completion(&done[n]);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(exclude_thread,
							       &done[n], cpu, "pgexcl"));
		n++;
	}
	for (i = 0; i < n; i++)
		wait_for_completion(&done[i]);
	KUNIT_EXPECT_EQ(test, excl.counter, (unsigned long)n * EXCLUDE_LOOPS);
	KUNIT_EXPECT_EQ(test, excl.overlaps, 0);
	KUNIT_EXPECT_FALSE(test, PageLocked(excl.page));
	__free_page(excl.page);
}

static struct kunit_case page_lock_cases[] = {
	KUNIT_CASE(trylock_page_locked_fails),
	KUNIT_CASE(lock_page_keeps_other_flags),
	KUNIT_CASE(lock_page_sleeps_until_unlock),
	KUNIT_CASE(lock_page_excludes_all_cpus),
	{}
};

static struct kunit_suite page_lock_suite = {
	.name = "page_lock",
	.test_cases = page_lock_cases,
};
kunit_test_suite(page_lock_suite);
