/*
 * Helpers shared by the memory tests of mm/: a user address space of
 * the case's own, and the small things the cases that use a second CPU
 * need.  Static inline, as test_chain.h: each test file is
 * its own unit.
 */
#ifndef _MM_TEST_MM_H
#define _MM_TEST_MM_H

#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/topology.h>
#include <linux/wait.h>

/* Suite init: the case's thread gets a fresh mm (test->priv). */
static inline int test_mm_init(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	kthread_use_mm(mm);
	test->priv = mm;
	return 0;
}

/* Suite exit: the thread leaves the mm, which is freed. */
static inline void test_mm_exit(struct kunit *test)
{
	struct mm_struct *mm = test->priv;

	kthread_unuse_mm(mm);
	mmput(mm);
}

/* Another online CPU than this one if there is one, else this one. */
static inline int other_cpu(void)
{
	int self = raw_smp_processor_id(), cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != self && cpu_data[cpu].online)
			return cpu;
	return self;
}

/* Is a task asleep on wq? */
static inline bool queue_has_sleeper(struct wait_queue_head *wq)
{
	unsigned long flags;
	bool queued;

	spin_lock_irqsave(&wq->lock, flags);
	queued = !list_empty(&wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
	return queued;
}

#endif
