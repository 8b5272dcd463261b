/*
 * Ending a task, and waiting for children.
 *
 * do_exit() releases what a process owns (address space, open files,
 * working directory), hands its children to init (or, with no init
 * running, lets them be freed as soon as they exit), and leaves the
 * task as a zombie holding its exit status until its parent collects it
 * with wait4().  A task without a parent is freed at once.  The final
 * schedule() hands the task to the reaper (kernel/kthread.c), which
 * frees its stack.
 *
 * The status is Linux's: (code << 8) for exit(code), the signal number
 * for a process a signal killed.
 *
 * Locking: tasklist_lock protects parent, children, sibling, exit_state
 * and nr_processes; parents sleep on child_wait until a child exits.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <uapi/linux/wait.h>

struct task_struct *child_reaper;
static DECLARE_WAIT_QUEUE_HEAD(child_wait);

/* Size of struct rusage, which wait4() fills with zeros. */
#define RUSAGE_SIZE	144

/* A zombie's parent collected it (tasklist_lock held). */
static void release_task_locked(struct task_struct *p)
{
	list_del(&p->sibling);
	p->parent = NULL;
	p->exit_state = EXIT_DEAD;
	nr_processes--;
	__put_task_struct_locked(p);
}

/* Give tsk's children to init, or set them free (tasklist_lock held). */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *child, *n;
	struct task_struct *reaper = child_reaper;

	if (reaper == tsk || (reaper && reaper->exit_state))
		reaper = NULL;
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		if (!reaper && child->exit_state == EXIT_ZOMBIE) {
			release_task_locked(child);
			continue;
		}
		list_del(&child->sibling);
		if (reaper) {
			child->parent = reaper;
			list_add_tail(&child->sibling, &reaper->children);
		} else {
			child->parent = NULL;		/* frees itself on exit */
			__put_task_struct_locked(child);
		}
	}
}

static void exit_notify(struct task_struct *tsk)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk);
	if (tsk->parent) {
		tsk->exit_state = EXIT_ZOMBIE;
	} else {
		tsk->exit_state = EXIT_DEAD;
		if (tsk->is_process)
			nr_processes--;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up_all(&child_wait);
}

void do_exit(int code)
{
	struct task_struct *tsk = current;

	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	tsk->exit_code = code;
	if (tsk->mm)
		mmput(set_current_mm(NULL));
	if (tsk->files) {
		put_files_struct(tsk->files);
		tsk->files = NULL;
	}
	if (tsk->fs) {
		free_fs_struct(tsk->fs);
		tsk->fs = NULL;
	}
	exit_notify(tsk);
	tsk->state = TASK_DEAD;
	schedule();
	panic("do_exit: a dead task ran again");
}

long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

static bool wait_matches(struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == 0)
		return p->pgid == current->pgid;
	if (pid < -1)
		return p->pgid == -pid;
	return true;
}

/*
 * A child matching pid that is a zombie (*found: any child matched),
 * with a reference held, or NULL.
 */
static struct task_struct *find_zombie(pid_t pid, bool *found)
{
	struct task_struct *p, *zombie = NULL;
	unsigned long flags;

	*found = false;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &current->children, sibling) {
		if (!wait_matches(p, pid))
			continue;
		*found = true;
		if (p->exit_state == EXIT_ZOMBIE) {
			zombie = p;
			get_task_struct(p);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return zombie;
}

static bool zombie_ready(pid_t pid)
{
	bool found;
	struct task_struct *z = find_zombie(pid, &found);

	if (z)
		put_task_struct(z);
	return z || !found;
}

/*
 * The status is stored before the child is released, so a bad pointer
 * gives -EFAULT and the child can still be collected.
 */
long sys_wait4(pid_t pid, int __user *stat_addr, int options,
	       struct rusage __user *ru)
{
	struct task_struct *z;
	unsigned long flags;
	bool found;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED) || pid == INT_MIN)
		return -EINVAL;
	for (;;) {
		z = find_zombie(pid, &found);
		if (z)
			break;
		if (!found)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (wait_event_interruptible(child_wait, zombie_ready(pid)))
			return -EINTR;
	}
	ret = z->pid;
	if ((stat_addr && put_user(z->exit_code, stat_addr)) ||
	    (ru && clear_user(ru, RUSAGE_SIZE))) {
		ret = -EFAULT;
	} else {
		spin_lock_irqsave(&tasklist_lock, flags);
		release_task_locked(z);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	put_task_struct(z);
	return ret;
}

long kernel_wait4(pid_t pid, int *status, int options)
{
	mm_segment_t old = get_fs();
	long ret;

	set_fs(KERNEL_DS);
	ret = sys_wait4(pid, (int __user *)status, options, NULL);
	set_fs(old);
	return ret;
}
