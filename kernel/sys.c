/*
 * Small system calls about the process and the machine: ids, process
 * groups and sessions, sleeping, clocks, uname and resource limits.
 *
 * Process groups follow POSIX as far as a kernel without job stops
 * needs: setpgid() moves the caller or one of its children into a group
 * of the same session, setsid() starts a session.  pgid and sid are
 * changed under tasklist_lock.
 *
 * Resource limits: each task has Linux's RLIM_NLIMITS pairs, Linux's
 * defaults, inherited at fork; getrlimit, setrlimit and prlimit64 read
 * and set them with Linux's checks (a soft limit above the hard one is
 * -EINVAL).  Every process runs as root, so raising a hard limit is
 * allowed (Linux asks for CAP_SYS_RESOURCE).  Only RLIMIT_MEMLOCK is
 * enforced: it caps long-term pins (mm/gup.c), which root is not
 * exempt from here (Linux exempts CAP_IPC_LOCK).  A task's limits are
 * written under tasklist_lock, since prlimit64 reaches other processes.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/resource.h>
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

#define RLIM_INF	{ RLIM_INFINITY, RLIM_INFINITY }

/* Linux's INIT_RLIMITS, with this kernel's process and file limits. */
const struct rlimit init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = RLIM_INF,
	[RLIMIT_FSIZE] = RLIM_INF,
	[RLIMIT_DATA] = RLIM_INF,
	[RLIMIT_STACK] = { STACK_LIMIT, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = RLIM_INF,
	[RLIMIT_NPROC] = { MAX_PROCESSES, MAX_PROCESSES },
	[RLIMIT_NOFILE] = { NR_OPEN_DEFAULT, NR_OPEN_DEFAULT },
	[RLIMIT_MEMLOCK] = { MLOCK_LIMIT, MLOCK_LIMIT },
	[RLIMIT_AS] = RLIM_INF,
	[RLIMIT_LOCKS] = RLIM_INF,
	[RLIMIT_SIGPENDING] = { 0, 0 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = RLIM_INF,
};

void copy_rlimits(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Read task's limit into *old (if given), then set it to *new (if
 * given): 0, -EINVAL for a soft limit above the hard one.
 */
static int do_prlimit(struct task_struct *task, unsigned int resource,
		      const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *r = &task->rlim[resource];
	unsigned long flags;

	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (old)
		*old = *r;
	if (new) {
		WRITE_ONCE(r->rlim_cur, new->rlim_cur);
		WRITE_ONCE(r->rlim_max, new->rlim_max);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	do_prlimit(current, resource, NULL, &r);
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_setrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r, NULL);
}

/* RLIM64_INFINITY and RLIM_INFINITY are the same value on x86_64. */
static void rlim64_to_rlim(const struct rlimit64 *r64, struct rlimit *r)
{
	r->rlim_cur = r64->rlim_cur;
	r->rlim_max = r64->rlim_max;
}

static void rlim_to_rlim64(const struct rlimit *r, struct rlimit64 *r64)
{
	r64->rlim_cur = r->rlim_cur;
	r64->rlim_max = r->rlim_max;
}

long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct task_struct *task = current;
	struct rlimit64 r64;
	struct rlimit new, old;
	long err;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (copy_from_user(&r64, new_rlim, sizeof(r64)))
			return -EFAULT;
		rlim64_to_rlim(&r64, &new);
	}
	if (pid < 0)
		return -ESRCH;
	if (pid && pid != current->pid) {
		task = find_get_task_by_pid(pid);
		if (!task)
			return -ESRCH;
	}
	err = do_prlimit(task, resource, new_rlim ? &new : NULL,
			 old_rlim ? &old : NULL);
	if (task != current)
		put_task_struct(task);
	if (err || !old_rlim)
		return err;
	rlim_to_rlim64(&old, &r64);
	return copy_to_user(old_rlim, &r64, sizeof(r64)) ? -EFAULT : 0;
}
