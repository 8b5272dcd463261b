/*
 * Small system calls about the process and the machine: ids, process
 * groups and sessions, sleeping, clocks and uname.
 *
 * Process groups follow POSIX as far as a kernel without job stops
 * needs: setpgid() moves the caller or one of its children into a group
 * of the same session, setsid() starts a session.  pgid and sid are
 * changed under tasklist_lock.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>
#include <uapi/linux/utsname.h>


long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	struct task_struct *parent = READ_ONCE(current->parent);

	return parent ? parent->pid : 0;
}

long sys_sched_yield(void)
{
	sched_yield();
	return 0;
}

/* A group of the caller's session exists with this pgid (lock held). */
static bool pgrp_in_session(pid_t pgid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pgid == pgid && p->sid == current->sid && !p->exit_state)
			return true;
	return false;
}

long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p = current, *c;
	unsigned long flags;
	long err = 0;

	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid && pid != current->pid) {
		p = NULL;
		list_for_each_entry(c, &current->children, sibling)
			if (c->pid == pid)
				p = c;
	}
	if (!p)
		err = -ESRCH;
	else if (p->sid != current->sid || p->pid == p->sid)
		err = -EPERM;		/* other session, or a session leader */
	else {
		if (!pgid)
			pgid = p->pid;
		if (pgid != p->pid && !pgrp_in_session(pgid))
			err = -EPERM;
		else
			p->pgid = pgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *p;
	long ret;

	if (!pid)
		return current->pgid;
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	ret = p->pgid;
	put_task_struct(p);
	return ret;
}

long sys_getpgrp(void)
{
	return current->pgid;
}

long sys_setsid(void)
{
	unsigned long flags;
	struct task_struct *p;
	long ret = current->pid;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pgid == current->pid && !p->exit_state)
			ret = -EPERM;	/* already a group leader */
	if (ret > 0)
		current->sid = current->pgid = current->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static void ns_to_timespec(u64 ns, struct timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

long sys_nanosleep(struct timespec __user *rqtp, struct timespec __user *rmtp)
{
	struct timespec ts;
	u64 ns, end;
	long left;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec > (~0ULL >> 1) / NSEC_PER_SEC)
		ts.tv_sec = (~0ULL >> 1) / NSEC_PER_SEC;	/* forever, in practice */
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	end = ktime_get_ns() + ns;
	/*
	 * Whole ticks rounded up, plus one: the first tick may come at once,
	 * as the current one is already partly gone, so we never wake early.
	 */
	left = DIV_ROUND_UP(ns, NSEC_PER_SEC / HZ) + 1;
	while (left > 0 && !signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		left = schedule_timeout(left);
	}
	if (!signal_pending(current))
		return 0;
	if (rmtp) {
		u64 now = ktime_get_ns();

		ns_to_timespec(now < end ? end - now : 0, &ts);
		if (copy_to_user(rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	return -EINTR;
}

long sys_clock_gettime(clockid_t which_clock, struct timespec __user *tp)
{
	struct timespec ts;

	/* No real-time clock is read: every clock counts from boot. */
	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return -EINVAL;
	ns_to_timespec(ktime_get_ns(), &ts);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_uname(struct new_utsname __user *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Ferry", sizeof(u.sysname));
	strlcpy(u.nodename, "ferry", sizeof(u.nodename));
	strlcpy(u.release, FERRY_VERSION, sizeof(u.release));
	strlcpy(u.version, "#1 SMP", sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}
