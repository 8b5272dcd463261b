/*
 * Signals, in their simplest complete form: a signal is a bit in the
 * target's pending mask; on its way back to user mode the target drops
 * the ones it ignores and dies of the first other one (do_signal).
 * There are no user handlers, so there is no signal frame and no
 * sigreturn; rt_sigaction() accepts SIG_DFL and SIG_IGN only.  The stop
 * signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) do not stop (there are
 * no job stops) and are ignored by default, like SIGCHLD, SIGCONT,
 * SIGURG and SIGWINCH.
 *
 * Init (SIGNAL_UNKILLABLE) gets only the signals it has a handler for,
 * as in Linux: with no user handlers here, every signal sent to it is
 * dropped, SIGKILL included, and kill(1, sig) still returns 0.  A fault
 * in init is different: force_sig() clears the flag, as Linux's does
 * for a signal at its default action, so init dies of it and do_exit()
 * panics ("Attempted to kill init!").
 *
 * Locking: pending, ignored and signal_flags are changed with atomic
 * operations; the process lists are walked under tasklist_lock.  Kernel
 * threads ignore every signal (as in Linux).
 */
#include <asm/barrier.h>
#include <asm/traps.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define sigmask(sig)	(1UL << ((sig) - 1))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGCONT) | \
				 sigmask(SIGURG) | sigmask(SIGWINCH) | \
				 sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_UNCATCHABLE	(sigmask(SIGKILL) | sigmask(SIGSTOP))

static bool valid_signal(int sig)
{
	return sig >= 0 && sig < _NSIG;
}

/* Processes take signals; kernel threads and zombies ignore them. */
static bool takes_signals(struct task_struct *p)
{
	return p->mm && !p->exit_state;
}

/*
 * Set sig pending in p and wake p if it sleeps interruptibly.  The
 * barrier pairs with the sleeper's: it sets its state, then checks
 * signal_pending(), so it sees the bit or this sees the state.
 */
static void signal_wake(struct task_struct *p, int sig)
{
	set_bit(sig - 1, &p->pending);
	smp_mb__after_atomic();
	if (READ_ONCE(p->state) == TASK_INTERRUPTIBLE)
		wake_up_process(p);
}

/*
 * Is sig dropped before it reaches p?  Linux's sig_task_ignored() also
 * drops a signal p ignores; here that happens on delivery (do_signal),
 * so that rt_sigaction() can still change its mind meanwhile.
 */
static bool sig_task_ignored(struct task_struct *p, int sig)
{
	return test_bit(SIGNAL_UNKILLABLE, &p->signal_flags);
}

/* Send sig (not 0) to p, unless p drops it. */
static void send_signal(struct task_struct *p, int sig)
{
	if (!sig_task_ignored(p, sig))
		signal_wake(p, sig);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (sig && takes_signals(p))
		send_signal(p, sig);
	return 0;
}

void force_sig(int sig)
{
	clear_bit(sig - 1, &current->ignored);
	clear_bit(SIGNAL_UNKILLABLE, &current->signal_flags);
	signal_wake(current, sig);
}

bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & ~READ_ONCE(p->ignored);
}

/*
 * Send sig to the processes pid selects, as kill(2) does: pid > 0 that
 * process, 0 the caller's group, -1 every process but init and the
 * caller, < -1 the group -pid.
 */
static int kill_something(pid_t pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		bool match;

		if (!takes_signals(p))
			continue;
		if (pid > 0)
			match = p->pid == pid;
		else if (pid == 0)
			match = p->pgid == current->pgid;
		else if (pid == -1)
			match = p->pid > 1 && p != current;
		else
			match = p->pgid == -pid;
		if (match) {
			found++;
			if (sig)
				send_signal(p, sig);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found ? 0 : -ESRCH;
}

int kill_pgrp(pid_t pgid, int sig)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (pgid <= 0)
		return -ESRCH;
	return kill_something(-pgid, sig);
}

long sys_kill(pid_t pid, int sig)
{
	struct task_struct *p;

	if (!valid_signal(sig))
		return -EINVAL;
	if (pid > 0) {		/* kernel threads and zombies exist, and ignore it */
		bool ignores;

		p = find_get_task_by_pid(pid);
		if (!p)
			return -ESRCH;
		ignores = !takes_signals(p);
		put_task_struct(p);
		if (ignores)
			return 0;
	}
	if (pid == INT_MIN)
		return -ESRCH;
	return kill_something(pid, sig);
}

long sys_rt_sigaction(int sig, const struct sigaction __user *act,
		      struct sigaction __user *oact, size_t sigsetsize)
{
	struct sigaction new, old = { 0 };
	unsigned long mask;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (sig < 1 || sig >= _NSIG)
		return -EINVAL;
	mask = sigmask(sig);
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && ((mask & SIG_UNCATCHABLE) ||
		    (new.sa_handler != SIG_DFL && new.sa_handler != SIG_IGN)))
		return -EINVAL;		/* no user handlers in this kernel */
	old.sa_handler = current->ignored & mask ? SIG_IGN : SIG_DFL;
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	if (act) {
		if (new.sa_handler == SIG_IGN)
			set_bit(sig - 1, &current->ignored);
		else
			clear_bit(sig - 1, &current->ignored);
	}
	return 0;
}

/*
 * Act on the pending signals: drop the ignored, die of any other.  Init
 * drops them all (Linux's get_signal() does the same for a signal sent
 * before it became unkillable); a fault's force_sig() has cleared the
 * flag.
 */
static void do_signal(void)
{
	unsigned long pending = xchg(&current->pending, 0);
	int sig;

	if (test_bit(SIGNAL_UNKILLABLE, &current->signal_flags))
		return;
	for (sig = 1; sig < _NSIG; sig++) {
		unsigned long m = sigmask(sig);

		if (!(pending & m) || (current->ignored & m))
			continue;
		if (SIG_KERNEL_IGNORE_MASK & m)
			continue;
		do_exit(sig);		/* the wait status of a killed process */
	}
}

/*
 * The last stop before user mode, with interrupts off on return:
 * switch if the tick asked, and act on signals.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (READ_ONCE(current->pending)) {
			local_irq_enable();
			do_signal();
			continue;
		}
		addr_limit_user_check();
		return;
	}
}
