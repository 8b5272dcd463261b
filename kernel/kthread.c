/*
 * Kernel threads: a task_struct and a kernel stack, started by the
 * scheduler at ret_from_kthread (arch/x86/kernel/switch.asm), which calls
 * kthread_start() to run the thread's function and exit with its result.
 *
 * Stacks are THREAD_SIZE bytes of vmalloc memory; the vmalloc area
 * leaves an unmapped page between areas, so the page below every stack
 * is a guard: overflowing it faults onto the double-fault stack and is
 * reported instead of silently overwriting a neighbour.
 *
 * A task is freed by the reaper thread, to which the task that runs
 * after its final schedule() hands it: freeing a stack flushes every
 * CPU's TLB, which needs interrupts on and may wait.
 *
 * A task_struct itself lives on while references to it remain (usage,
 * a refcount_t): one for running, dropped once the reaper has freed the
 * stack, and one for a parent that has yet to wait for it
 * (kernel/exit.c).
 *
 * Locking: tasklist_lock protects the list of all tasks, next_pid, the
 * reference counts' last drop and the process tree (parent, children);
 * reap_lock the list of dead tasks.
 */
#include <asm/switch_to.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock);
static int next_pid;		/* 0: the boot task; 1: init */
int nr_threads;			/* tasks on task_list */
static LIST_HEAD(dead_tasks);
static DEFINE_SPINLOCK(reap_lock);
static DECLARE_WAIT_QUEUE_HEAD(reaper_wait);
static DECLARE_WAIT_QUEUE_HEAD(reaped_wait);	/* woken after each free */


/* Idle tasks, like the boot task, have pid 0 (as in Linux). */
static void __task_list_add(struct task_struct *p, bool idle)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->pid = idle ? 0 : next_pid++;
	list_add_tail(&p->tasks, &task_list);
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void task_list_add(struct task_struct *p)
{
	__task_list_add(p, false);
}

void get_task_struct(struct task_struct *p)
{
	refcount_inc(&p->usage);
}

/* With tasklist_lock held: drop a reference, freeing p at the last. */
void __put_task_struct_locked(struct task_struct *p)
{
	if (!refcount_dec_and_test(&p->usage))
		return;
	list_del(&p->tasks);
	nr_threads--;
	kfree(p);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	__put_task_struct_locked(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

struct task_struct *find_get_task_by_pid(pid_t pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->pid == pid && p->exit_state != EXIT_DEAD) {
			found = p;
			get_task_struct(p);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* The reaper's part: the stack, and the reference the running task held. */
static void free_task(struct task_struct *p)
{
	vfree(p->stack);
	p->stack = NULL;
	put_task_struct(p);
}

/* From finish_task_switch(): queue a dead task for the reaper. */
void reap_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&reap_lock, flags);
	list_add_tail(&p->run_list, &dead_tasks);
	spin_unlock_irqrestore(&reap_lock, flags);
	wake_up(&reaper_wait);
}

static struct task_struct *next_dead(void)
{
	struct task_struct *p = NULL;
	unsigned long flags;

	spin_lock_irqsave(&reap_lock, flags);
	if (!list_empty(&dead_tasks)) {
		p = list_first_entry(&dead_tasks, struct task_struct, run_list);
		list_del(&p->run_list);
	}
	spin_unlock_irqrestore(&reap_lock, flags);
	return p;
}

static bool have_dead(void)
{
	return READ_ONCE(dead_tasks.next) != &dead_tasks;
}

static int reaper(void *unused)
{
	struct task_struct *p;

	for (;;) {
		wait_event(reaper_wait, have_dead());
		while ((p = next_dead())) {
			free_task(p);
			wake_up_all(&reaped_wait);
		}
	}
	return 0;
}

bool wait_for_reaper(int threads, unsigned long timeout)
{
	return wait_event_timeout(reaped_wait, READ_ONCE(nr_threads) <= threads,
				  timeout) != 0;
}

void kthread_init(void)
{
	if (!kthread_run(reaper, NULL, "reaper"))
		panic("kthread: cannot start the reaper");
}

/*
 * A task whose first switch-in returns to entry (ret_from_kthread or
 * ret_from_fork), not yet on the task list.  The top of its stack is
 * kept for the user registers (task_pt_regs()), so the switch frame
 * (asm/switch_to.h) sits just below them.
 */
struct task_struct *create_task(const char *name, void (*entry)(void))
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = vmalloc(THREAD_SIZE);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->sp = init_switch_frame(task_pt_regs(p), entry);
	refcount_set(&p->usage, 1);	/* dropped by the reaper */
	p->state = TASK_UNINTERRUPTIBLE;	/* until wake_up_process() */
	p->prio = DEFAULT_PRIO;
	p->cpu = raw_smp_processor_id();	/* a first guess */
	p->cpus_allowed = CPU_MASK_ALL;
	p->thread_info.addr_limit = USER_DS;
	memcpy(p->rlim, init_rlimits, sizeof(p->rlim));
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	strlcpy(p->comm, name, sizeof(p->comm));
	return p;
}

static struct task_struct *__kthread_create(int (*threadfn)(void *data),
					    void *data, const char *name, bool idle)
{
	struct task_struct *p = create_task(name, ret_from_kthread);

	if (!p)
		return NULL;
	p->threadfn = threadfn;
	p->data = data;
	__task_list_add(p, idle);
	return p;
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *name)
{
	return __kthread_create(threadfn, data, name, false);
}

struct task_struct *idle_task_create(int (*threadfn)(void *data),
				     const char *name)
{
	return __kthread_create(threadfn, NULL, name, true);
}

void kthread_bind(struct task_struct *p, int cpu)
{
	p->cpus_allowed = 1UL << cpu;
	p->cpu = cpu;
}

struct task_struct *kthread_run_on_cpu(int (*threadfn)(void *data), void *data,
				       int cpu, const char *name)
{
	struct task_struct *p = kthread_create(threadfn, data, name);

	if (p) {
		kthread_bind(p, cpu);
		wake_up_process(p);
	}
	return p;
}

struct task_struct *kthread_run(int (*threadfn)(void *data), void *data,
				const char *name)
{
	struct task_struct *p = kthread_create(threadfn, data, name);

	if (p)
		wake_up_process(p);
	return p;
}

void kthread_start(void)
{
	struct task_struct *self = current;

	schedule_tail();
	do_exit(self->threadfn(self->data));
}

