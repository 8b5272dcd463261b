/*
 * Rate limiting of messages (Linux's include/linux/ratelimit.h and
 * lib/ratelimit.c): at most `burst` messages per `interval` jiffies; the
 * ones beyond are counted, and the first message of the next interval
 * says how many were held back ("NAME: N callbacks suppressed").  For
 * reports that a busy machine could repeat thousands of times a second,
 * such as a full bounce-buffer pool.
 *
 * Locking: each state has its own spinlock, taken with interrupts off,
 * so any context may ask.
 */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

struct ratelimit_state {
	spinlock_t lock;		/* protects the fields below */
	int interval;			/* jiffies */
	int burst;
	int printed;			/* in the current interval */
	int missed;
	unsigned long begin;		/* jiffies at the interval's start */
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) {	\
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),		\
		.interval = (interval_init),				\
		.burst = (burst_init),					\
	}

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)	\
	struct ratelimit_state name =					\
		RATELIMIT_STATE_INIT(name, interval_init, burst_init)

/* True when the caller may print; func names it in the suppression line. */
static inline bool ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	int missed = 0;
	bool ok;

	spin_lock_irqsave(&rs->lock, flags);
	if (!rs->printed || time_after(jiffies, rs->begin + rs->interval)) {
		if (rs->printed) {
			missed = rs->missed;
			rs->missed = 0;
		}
		rs->begin = jiffies;
		rs->printed = 0;
	}
	ok = rs->printed < rs->burst;
	if (ok)
		rs->printed++;
	else
		rs->missed++;
	spin_unlock_irqrestore(&rs->lock, flags);
	if (missed)
		printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, missed);
	return ok;
}

#define __ratelimit(state)	___ratelimit(state, __func__)

#endif
