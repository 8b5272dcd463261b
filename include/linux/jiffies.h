/*
 * jiffies: the tick counter (arch/x86/kernel/time.c).  The boot CPU's
 * local APIC timer interrupts HZ times a second and each interrupt adds
 * one, so jiffies counts ticks since interrupts were switched on at
 * boot.
 *
 * Invariants: only CPU 0's timer interrupt writes jiffies, and only by
 * adding one; everyone else reads it (it is volatile, so a loop that
 * waits for it to move rereads it each time).  An unsigned long of ticks
 * at HZ = 100 wraps after over a billion years, but compare with
 * time_after()/time_before() anyway: they stay right across a wrap, and
 * that is how Linux code is written.
 *
 * Modern Linux: HZ is a build option (100 to 1000), jiffies is the low
 * half of the 64-bit jiffies_64 and starts at INITIAL_JIFFIES, five
 * minutes before the wrap, so that wrap bugs show up early; a tickless
 * kernel (NO_HZ) even stops the tick on idle CPUs and catches jiffies up
 * afterwards.  Here it starts at 0 and the tick never stops.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ		100
#define NSEC_PER_SEC	1000000000UL
#define NSEC_PER_MSEC	1000000UL
#define NSEC_PER_USEC	1000UL
#define USEC_PER_SEC	1000000UL
#define MSEC_PER_SEC	1000UL
#define TICK_NSEC	(NSEC_PER_SEC / HZ)	/* one jiffy in ns */

extern volatile unsigned long jiffies;

/* True when a is after b, even if jiffies wrapped in between. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

/* Conversions round up: a timeout never comes early. */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + MSEC_PER_SEC - 1) / MSEC_PER_SEC;
}

static inline unsigned long usecs_to_jiffies(unsigned int us)
{
	return ((unsigned long)us * HZ + USEC_PER_SEC - 1) / USEC_PER_SEC;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (MSEC_PER_SEC / HZ);
}

#endif
