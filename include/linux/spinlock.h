/*
 * Spinlocks: a ticket lock, so waiters are served in arrival order.
 * Holding one disables preemption; spin_lock_irqsave() also disables
 * interrupts on this CPU, for data an interrupt handler may touch.
 *
 * Lock debugging (always on, it is cheap): each lock remembers the CPU
 * holding it, so taking a lock this CPU already holds (which would spin
 * for ever) is reported with a backtrace instead of hanging silently,
 * and schedule() reports sleeping with a spinlock held.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/types.h>

typedef struct {
	u16 next;	/* the next ticket to hand out */
	u16 owner;	/* the ticket now being served */
	int owner_cpu;	/* holder's CPU + 1, or 0: for the debug checks */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	((spinlock_t){ 0, 0, 0 })
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	*lock = __SPIN_LOCK_UNLOCKED(*lock);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->next) != READ_ONCE(lock->owner);
}

/* Lock bug reports (kernel/locking/spinlock.c). */
void lock_bug(const char *what);
void spin_dump_recursion(spinlock_t *lock);

/*
 * Take the lock without touching the preemption count.  Callers have
 * preemption or interrupts off, so the raw CPU number is stable.
 */
static inline void arch_spin_lock(spinlock_t *lock)
{
	u16 ticket;

	if (unlikely(READ_ONCE(lock->owner_cpu) == raw_smp_processor_id() + 1))
		spin_dump_recursion(lock);
	ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		__builtin_ia32_pause();
	lock->owner_cpu = raw_smp_processor_id() + 1;
}

static inline void arch_spin_unlock(spinlock_t *lock)
{
	lock->owner_cpu = 0;
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(lock);
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(lock);
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)		\
	do {						\
		arch_spin_unlock(lock);			\
		preempt_enable_no_resched();		\
		local_irq_restore(flags);		\
		if (preempt_count() == 0)		\
			preempt_schedule();		\
	} while (0)

/* For functions whose comment says the caller holds the lock. */
#define assert_spin_locked(lock)	WARN_ON_ONCE(!spin_is_locked(lock))

#endif
