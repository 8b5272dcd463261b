/*
 * Mutexes: an owner pointer and a wait queue.  mutex_lock() takes the
 * mutex if it is free, otherwise sleeps on the queue until an unlock
 * wakes it and tries again (waiters are woken one at a time).
 *
 * Early in boot there is one context and no task (current is NULL):
 * nothing can contend, so a mutex taken then records no owner and
 * mutex_lock() cannot tell a recursion; the checks start with the tasks.
 *
 * Locking: lock->wait.lock protects owner.
 */
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/printk.h>

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

bool mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	bool taken = false;

	spin_lock_irqsave(&lock->wait.lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		taken = true;
	}
	spin_unlock_irqrestore(&lock->wait.lock, flags);
	return taken;
}

void mutex_lock(struct mutex *lock)
{
	if (unlikely(current && READ_ONCE(lock->owner) == current)) {
		lock_bug("recursive mutex_lock");
		panic("recursive mutex_lock by %s/%d", current->comm, current->pid);
	}
	if (unlikely(preempt_count()))
		lock_bug("mutex_lock in atomic context");
	if (mutex_trylock(lock))	/* uncontended: no wait queue entry */
		return;
	wait_event(lock->wait, mutex_trylock(lock));
}

void mutex_unlock(struct mutex *lock)
{
	unsigned long flags;

	spin_lock_irqsave(&lock->wait.lock, flags);
	WARN_ON_ONCE(lock->owner != current);
	lock->owner = NULL;
	__wake_up_locked(&lock->wait, 1);	/* under the lock: see completion.c */
	spin_unlock_irqrestore(&lock->wait.lock, flags);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}
