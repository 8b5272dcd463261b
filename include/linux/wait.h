/*
 * Wait queues (kernel/sched/wait.c): tasks sleep on a wait_queue_head
 * until someone calls wake_up() on it.  A sleeper puts itself on the
 * queue and sets its state *before* testing its condition, and a waker
 * changes the condition *before* calling wake_up(), so no wake-up is
 * lost between the test and the sleep.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct wait_queue_head {
	spinlock_t lock;		/* protects head */
	struct list_head head;		/* of struct wait_queue_entry */
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = { __SPIN_LOCK_UNLOCKED(name), LIST_HEAD_INIT(name.head) }

void init_waitqueue_head(struct wait_queue_head *wq);
/* Queue the caller (once) and set its state. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait,
		     long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
/* Wake every sleeper (wake_up_all) or the first one (wake_up). */
void wake_up(struct wait_queue_head *wq);
void wake_up_all(struct wait_queue_head *wq);
/* The same, for nr sleepers (0: all), with wq->lock already held. */
void __wake_up_locked(struct wait_queue_head *wq, int nr);

/*
 * Sleep in state until cond is true or timeout jiffies pass; in
 * TASK_INTERRUPTIBLE also until a signal arrives (signal_pending()).
 * Evaluates to the jiffies left (at least 1) if cond became true, 0 on
 * timeout, -ERESTARTSYS for a signal (a system call returns it as
 * -EINTR: there is no restarting here).
 */
#define ___wait_event(wq, cond, state, timeout) ({			\
	struct wait_queue_entry __wait = { current, LIST_HEAD_INIT(__wait.entry) }; \
	long __left = (timeout);					\
	for (;;) {							\
		prepare_to_wait(&(wq), &__wait, state);			\
		if (cond) {						\
			__left = __left ? __left : 1;			\
			break;						\
		}							\
		if ((state) == TASK_INTERRUPTIBLE &&			\
		    signal_pending(current)) {				\
			__left = -ERESTARTSYS;				\
			break;						\
		}							\
		if (!__left)						\
			break;						\
		__left = schedule_timeout(__left);			\
	}								\
	finish_wait(&(wq), &__wait);					\
	__left;								\
})

#define wait_event_timeout(wq, cond, timeout)				\
	___wait_event(wq, cond, TASK_UNINTERRUPTIBLE, timeout)
#define wait_event_interruptible_timeout(wq, cond, timeout)		\
	___wait_event(wq, cond, TASK_INTERRUPTIBLE, timeout)

/* Sleep until cond is true (0) or a signal arrives (-ERESTARTSYS). */
#define wait_event_interruptible(wq, cond) ({				\
	long __r = wait_event_interruptible_timeout(wq, cond,		\
						    MAX_SCHEDULE_TIMEOUT); \
	__r < 0 ? (int)__r : 0;						\
})

#define wait_event(wq, cond)						\
	do {								\
		while (!wait_event_timeout(wq, cond, MAX_SCHEDULE_TIMEOUT)) \
			;						\
	} while (0)

#endif
