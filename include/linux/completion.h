/*
 * Completions (kernel/sched/completion.c): "wait until this is done".
 * complete() counts one event and wakes one waiter; a waiter consumes
 * one event, sleeping until there is one.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;		/* wait.lock */
	struct wait_queue_head wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0 if timeout jiffies passed first, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);

#endif
