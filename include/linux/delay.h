/*
 * Busy-waiting delays (arch/x86/kernel/time.c): ndelay(), udelay(), mdelay().
 *
 * They spin on the clock, so they work with interrupts on or off and
 * from interrupt handlers, and never return before the time asked has
 * passed (they may return later: an interrupt or a descheduled virtual
 * CPU only adds to the wait).  They are for short waits on hardware; a
 * task that wants to wait milliseconds should sleep instead
 * (schedule_timeout, msleep) and let the CPU do something else.
 *
 * Modern Linux: udelay() runs a calibrated loop (loops_per_jiffy) or
 * reads the TSC (delay_tsc), or waits with TPAUSE/MWAITX where the CPU
 * has them; a delay longer than a few milliseconds is frowned upon.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif
