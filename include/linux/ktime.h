/*
 * The monotonic clock (arch/x86/kernel/time.c): nanoseconds since time_init(),
 * never going backwards, read with ktime_get_ns().
 *
 * The clock source is the TSC when calibration showed it ticks at a
 * constant rate against the ACPI PM timer or the PIT (nanosecond
 * resolution, one RDTSC per read, no lock), and otherwise jiffies
 * (resolution of one tick, 10 ms).
 * clocksource_name() says which one was chosen.
 *
 * Modern Linux: ktime_t is a signed 64-bit count of nanoseconds, and the
 * timekeeping core (kernel/time/timekeeping.c) picks the best registered
 * clocksource (tsc, hpet, acpi_pm, jiffies) by rating, watches the TSC
 * against another clock at run time (the clocksource watchdog) and
 * switches away from it if it drifts.  Here the choice is made once.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/jiffies.h>
#include <linux/types.h>

typedef s64 ktime_t;

/* Nanoseconds since time_init(); monotonic on each CPU. */
u64 ktime_get_ns(void);

static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}

/* The clock's step: 1 ns or so for the TSC, TICK_NSEC for jiffies. */
u64 ktime_get_resolution_ns(void);

/* "tsc" or "jiffies". */
const char *clocksource_name(void);

/*
 * Calibrate the TSC and the local APIC timer (kernel/tsc.c), choose the
 * clock source and install the tick handler (boot CPU, once, with
 * interrupts off).
 */
void time_init(void);

#endif
