/*
 * Spinlocks: a ticket lock, so waiters are served in arrival order.
 * spin_lock_irqsave() also disables interrupts on this CPU, for data an
 * interrupt handler may touch.  Until other CPUs run (the SMP work) they
 * never spin, but every lock is already taken where it must be.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	u16 next;	/* the next ticket to hand out */
	u16 owner;	/* the ticket now being served */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	((spinlock_t){ 0, 0 })
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->next = lock->owner = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		__builtin_ia32_pause();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->next) != READ_ONCE(lock->owner);
}

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)		\
	do {						\
		spin_unlock(lock);			\
		local_irq_restore(flags);		\
	} while (0)

/* For functions whose comment says the caller holds the lock. */
#define assert_spin_locked(lock)	WARN_ON_ONCE(!spin_is_locked(lock))

#endif
