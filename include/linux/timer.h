/*
 * Kernel timers (kernel/time/timer.c): run a function once jiffies
 * reaches t->expires, from the timer tick of the CPU that added it.
 * schedule_timeout() and msleep() sleep on one.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry;		/* base->lock */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *t);
	int cpu;			/* whose list it is on */
	bool pending;			/* base->lock */
};

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

void init_timers(void);
void timer_setup(struct timer_list *t, void (*function)(struct timer_list *));
void add_timer(struct timer_list *t);
/* 1 if the timer was pending (and now will not run), else 0. */
int del_timer(struct timer_list *t);
/* The same, and wait until its function, if running, has returned. */
int del_timer_sync(struct timer_list *t);
/* Expire this CPU's due timers (from the tick). */
void run_local_timers(void);

long schedule_timeout_uninterruptible(long timeout);
/* Sleep at least msecs milliseconds. */
void msleep(unsigned int msecs);

#endif
