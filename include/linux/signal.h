/*
 * Signals (kernel/signal.c).  A signal is a bit in the target's
 * pending mask; the target acts on it on its way back to user mode: an
 * ignored signal is dropped, any other ends the process, whose parent
 * then sees the signal number in its wait status.  There are no user
 * handlers.  A task sleeping interruptibly is woken so that it notices.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/sched.h>
#include <uapi/asm/signal.h>

/* Send sig to p (0 or -EINVAL); priv is unused (Linux's argument). */
int send_sig(int sig, struct task_struct *p, int priv);
/* Send sig to every process in group pgid: 0 or -ESRCH. */
int kill_pgrp(pid_t pgid, int sig);

/* A fault's signal to the current process: it cannot be ignored. */
void force_sig(int sig);

/* A signal that is not ignored is waiting: blocking calls return -EINTR. */
bool signal_pending(struct task_struct *p);

#endif
