/*
 * /proc/PID: one directory per task, kernel threads included (ps shows
 * them), with Linux's stat, status and maps files.
 *
 * stat and status are made from a copy of the task's fields taken under
 * tasklist_lock, so a task that exits meanwhile leaves a consistent
 * snapshot; fields this kernel does not keep (times, memory counters,
 * credentials...) print as 0.  status has a process's VmPin (pages
 * pinned long-term, mm/gup.c) and none of Linux's other Vm lines.  Every process has the console terminal
 * as its controlling terminal (there is no other), so stat shows it as
 * tty_nr (5, 1) and its foreground group as tpgid; kernel threads have
 * none (0 and -1, as in Linux).  maps holds the task with
 * find_get_task_by_pid() while the process code lists its address
 * space.  A pid whose task is gone (or reaped) has no directory
 * (-ENOENT); a file opened after its task died gives -ESRCH, as in
 * Linux.
 *
 * The root listing walks the pids in increasing order, finding the next
 * live pid above the last one emitted under the lock each time, so it
 * needs no memory and never holds the spinlock while copying to user
 * space (Linux's next_tgid() works the same way).
 *
 * Locking: tasklist_lock (irqsave) around every walk of the task list.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/major.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/tty.h>
#include <uapi/linux/dirent.h>

#include "internal.h"

#define PF_KTHREAD	0x00200000	/* Linux's task flag for kernel threads */
/* The console's device number as stat's tty_nr encodes it (Linux's). */
#define CONSOLE_TTY_NR	(TTYAUX_MAJOR << 8 | 1)

/* What stat and status show, copied under tasklist_lock. */
struct task_snapshot {
	pid_t pid, ppid, pgid, sid;
	char comm[TASK_COMM_LEN];
	char state;
	bool kthread;
	int cpu, prio, exit_code;
	unsigned long pending, ignored, nr_switches;
	unsigned long pinned_vm;	/* pages, processes only */
	cpumask_t cpus_allowed;
};

static char task_state_char(const struct task_struct *p)
{
	if (p->exit_state & EXIT_ZOMBIE)
		return 'Z';
	if (p->exit_state & EXIT_DEAD || p->state == TASK_DEAD)
		return 'X';
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state & TASK_INTERRUPTIBLE)
		return 'S';
	return 'D';
}

static const char *task_state_name(char state)
{
	switch (state) {
	case 'R':
		return "running";
	case 'S':
		return "sleeping";
	case 'D':
		return "disk sleep";
	case 'Z':
		return "zombie";
	default:
		return "dead";
	}
}

/* The task with this pid that is not reaped; tasklist_lock is held. */
static struct task_struct *find_task_locked(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid && !(p->exit_state & EXIT_DEAD))
			return p;
	return NULL;
}

static void snapshot_locked(const struct task_struct *p,
			    struct task_snapshot *s)
{
	s->pid = p->pid;
	s->ppid = p->parent ? p->parent->pid : 0;
	s->pgid = p->pgid;
	s->sid = p->sid;
	memcpy(s->comm, p->comm, sizeof(s->comm));
	s->comm[sizeof(s->comm) - 1] = '\0';
	s->state = task_state_char(p);
	s->kthread = !p->mm;
	s->pinned_vm = p->mm ? atomic_long_read(&p->mm->pinned_vm) : 0;
	s->cpu = p->cpu;
	s->prio = p->prio;
	s->exit_code = p->exit_code;
	s->pending = READ_ONCE(p->pending);
	s->ignored = p->ignored;
	s->nr_switches = p->nr_switches;
	s->cpus_allowed = p->cpus_allowed;
}

static int task_snapshot(pid_t pid, struct task_snapshot *s)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_locked(pid);
	if (p)
		snapshot_locked(p, s);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -ESRCH;
}

bool proc_pid_alive(pid_t pid)
{
	unsigned long flags;
	bool alive;

	spin_lock_irqsave(&tasklist_lock, flags);
	alive = find_task_locked(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* The smallest live pid >= from, or 0. */
static pid_t next_pid_from(pid_t from)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid >= from && (!best || p->pid < best) &&
		    !(p->exit_state & EXIT_DEAD))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* ---- the files ---- */

/*
 * Linux's 52 fields (proc(5)): pid (comm) state ppid pgrp session
 * tty_nr tpgid flags, then 43 numbers of which this kernel keeps
 * priority (18), num_threads (20), signal (31), sigignore (33),
 * processor (39) and exit_code (52).
 */
static ssize_t stat_fill(pid_t pid, char *buf, size_t size)
{
	long rest[52 - 9] = { 0 };
	struct task_snapshot s;
	pid_t tpgid = -1;
	size_t len;
	unsigned int i;

	if (task_snapshot(pid, &s))
		return -ESRCH;
	rest[18 - 10] = s.prio;
	rest[20 - 10] = 1;
	rest[31 - 10] = s.pending;
	rest[33 - 10] = s.ignored;
	rest[39 - 10] = s.cpu;
	rest[52 - 10] = s.exit_code;
	if (!s.kthread && console_tty)
		tpgid = tty_get_pgrp(console_tty);
	len = scnprintf(buf, size, "%d (%s) %c %d %d %d %d %d %u", s.pid,
			s.comm, s.state, s.ppid, s.pgid, s.sid,
			tpgid >= 0 ? CONSOLE_TTY_NR : 0, tpgid,
			s.kthread ? PF_KTHREAD : 0);
	for (i = 0; i < ARRAY_SIZE(rest); i++)
		len += scnprintf(buf + len, size - len, " %ld", rest[i]);
	return len + scnprintf(buf + len, size - len, "\n");
}

static ssize_t status_fill(pid_t pid, char *buf, size_t size)
{
	unsigned long cpus = nr_cpu_ids >= 64 ? ~0UL : (1UL << nr_cpu_ids) - 1;
	struct task_snapshot s;
	size_t len;

	if (task_snapshot(pid, &s))
		return -ESRCH;
	len = scnprintf(buf, size,
		"Name:\t%s\n"
		"State:\t%c (%s)\n"
		"Tgid:\t%d\n"
		"Pid:\t%d\n"
		"PPid:\t%d\n"
		"TracerPid:\t0\n"
		"Uid:\t0\t0\t0\t0\n"
		"Gid:\t0\t0\t0\t0\n"
		"NSpgid:\t%d\n"
		"NSsid:\t%d\n"
		"Kthread:\t%d\n",
		s.comm, s.state, task_state_name(s.state), s.pid, s.pid,
		s.ppid, s.pgid, s.sid, s.kthread);
	/* Linux's task_mem() lines, for a process; only VmPin is kept. */
	if (!s.kthread)
		len += scnprintf(buf + len, size - len, "VmPin:\t%8lu kB\n",
				 s.pinned_vm << (PAGE_SHIFT - 10));
	return len + scnprintf(buf + len, size - len,
		"Threads:\t1\n"
		"SigPnd:\t%016lx\n"
		"ShdPnd:\t%016lx\n"
		"SigBlk:\t%016lx\n"
		"SigIgn:\t%016lx\n"
		"SigCgt:\t%016lx\n"
		"Cpus_allowed:\t%lx\n"
		"voluntary_ctxt_switches:\t%lu\n"
		"nonvoluntary_ctxt_switches:\t0\n",
		s.pending, 0UL, 0UL,
		s.ignored, 0UL, s.cpus_allowed & cpus, s.nr_switches);
}

/* The process code lists the address space (empty for kernel threads). */
static ssize_t maps_fill(pid_t pid, char *buf, size_t size)
{
	struct task_struct *task = find_get_task_by_pid(pid);
	size_t len;

	if (!task)
		return -ESRCH;
	len = proc_pid_maps_show(task, buf, size);
	put_task_struct(task);
	return len;
}

static const struct proc_entry pid_entries[] = {
	{ .name = "maps", .fill = maps_fill },
	{ .name = "stat", .fill = stat_fill },
	{ .name = "status", .fill = status_fill },
};

/* ---- the directory ---- */

static struct inode *proc_pid_lookup(struct inode *dir,
				     const struct qstr *name)
{
	pid_t pid = PROC_I(dir)->pid;
	struct inode *inode;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pid_entries); i++)
		if (!strcmp(name->name, pid_entries[i].name))
			break;
	if (i == ARRAY_SIZE(pid_entries) || !proc_pid_alive(pid))
		return ERR_PTR(-ENOENT);
	inode = proc_new_inode(PROC_PID_FILE_INO(pid, i), S_IFREG | 0444, pid,
			       &pid_entries[i]);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_fop = &proc_text_fops;
	return inode;
}

static int proc_pid_iterate(struct file *file, struct dir_context *ctx)
{
	pid_t pid = PROC_I(file_inode(file))->pid;
	const loff_t end = PROC_FIRST_POS + ARRAY_SIZE(pid_entries);
	unsigned int i;

	if (!dir_emit_dots(file, ctx))
		return 0;
	for (i = ctx->pos < end ? ctx->pos - PROC_FIRST_POS : end;
	     i < ARRAY_SIZE(pid_entries); i++) {
		const char *name = pid_entries[i].name;

		if (!dir_emit(ctx, name, strlen(name),
			      PROC_PID_FILE_INO(pid, i), DT_REG))
			return 0;
		ctx->pos = PROC_FIRST_POS + i + 1;
	}
	return 0;
}

static const struct inode_operations proc_pid_dir_iops = {
	.lookup = proc_pid_lookup,
};

static const struct file_operations proc_pid_dir_fops = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate = proc_pid_iterate,
};

struct inode *proc_pid_dir_inode(pid_t pid)
{
	struct inode *inode = proc_new_inode(PROC_PID_INO(pid),
					     S_IFDIR | 0555, pid, NULL);

	if (!inode)
		return NULL;
	inode->i_op = &proc_pid_dir_iops;
	inode->i_fop = &proc_pid_dir_fops;
	return inode;
}

int proc_pid_readdir(struct dir_context *ctx)
{
	char name[12];
	pid_t pid;
	int len;

	pid = ctx->pos <= PROC_PID_POS(1) ? 1 : ctx->pos - PROC_PID_POS(0);
	while ((pid = next_pid_from(pid))) {
		len = snprintf(name, sizeof(name), "%d", pid);
		ctx->pos = PROC_PID_POS(pid);
		if (!dir_emit(ctx, name, len, PROC_PID_INO(pid), DT_DIR))
			return 0;
		ctx->pos = PROC_PID_POS(pid) + 1;
		if (pid == 0x7fffffff)
			break;
		pid++;
	}
	return 0;
}
