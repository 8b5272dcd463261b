/*
 * Mutexes (kernel/locking/mutex.c): sleeping locks for process context.
 * A task that finds the mutex taken sleeps until the owner unlocks it;
 * it may not be taken in interrupt context or with a spinlock held.
 * Locking a mutex its owner already holds is reported (it would sleep
 * for ever).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/sched.h>
#include <linux/wait.h>

struct mutex {
	struct task_struct *owner;	/* wait.lock */
	struct wait_queue_head wait;
};

#define DEFINE_MUTEX(name) \
	struct mutex name = { NULL, { __SPIN_LOCK_UNLOCKED(name), LIST_HEAD_INIT(name.wait.head) } }

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif
