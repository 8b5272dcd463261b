/*
 * Completions, on top of a wait queue.  x->done counts events not yet
 * consumed; complete_all() makes it so large that every waiter passes.
 *
 * Locking: x->wait.lock protects done.  complete() wakes the waiter
 * before it drops the lock: a completion often lives on the waiter's
 * stack, and the waiter must not be able to see the event, return and
 * reuse that memory while complete() still touches it.
 */
#include <linux/completion.h>

#define COMPLETE_ALL	(~0U / 2)

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETE_ALL)
		x->done++;
	__wake_up_locked(&x->wait, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETE_ALL;
	__wake_up_locked(&x->wait, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Consume one event if there is one. */
static bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETE_ALL)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return wait_event_timeout(x->wait, try_wait_for_completion(x), timeout);
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_wait_for_completion(x));
}
