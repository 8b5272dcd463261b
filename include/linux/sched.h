/*
 * Tasks and the scheduler (kernel/sched/core.c).
 *
 * Every kernel thread is a struct task_struct with its own kernel stack
 * (with an unmapped guard page below it).  Each CPU has a run queue of
 * runnable tasks per priority, served round-robin; the timer tick
 * (scheduler_tick) ends a task's time slice and the task is preempted on
 * the way out of the interrupt, unless it holds a spinlock or otherwise
 * disabled preemption (linux/preempt.h).  A CPU with nothing to run
 * halts in its idle task until an interrupt.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <asm/current.h>
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/resource.h>

/* Task states, Linux's values. */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_DEAD		0x0080

#define MAX_PRIO		8	/* priorities 0 (highest) .. 7 */
#define DEFAULT_PRIO		4
#define TASK_COMM_LEN		16
#define THREAD_SIZE		(4 * PAGE_SIZE)

struct mm_struct;
struct files_struct;
struct fs_struct;
struct pt_regs;

/*
 * Bits of signal_flags (Linux keeps the flags in signal_struct, with
 * SIGNAL_UNKILLABLE the mask 0x40: here the bit number).
 */
#define SIGNAL_UNKILLABLE	6	/* init: signals sent to it are dropped */

/* exit_state of a process that has exited */
#define EXIT_ZOMBIE		0x0020	/* until its parent waits for it */
#define EXIT_DEAD		0x0010	/* reaped */

typedef unsigned long cpumask_t;	/* bit n: CPU n (NR_CPUS <= 64) */
#define CPU_MASK_ALL		(~0UL)

/*
 * Who may touch what:
 * (T) the task itself, or its creator before it first runs
 * (B) set before the task first runs, constant after; read by others
 *     under rq->lock
 * (A) changed by atomic operations only
 * rq->lock, tasklist_lock: the named lock
 */
struct task_struct {
	struct thread_info thread_info;	/* (T) first, as Linux's THREAD_INFO_IN_TASK */
	/*
	 * TASK_*: set by the task itself (set_current_state), and back to
	 * TASK_RUNNING by a waker holding the task's rq->lock.
	 */
	volatile long state;
	int pid;			/* (B) */
	char comm[TASK_COMM_LEN];	/* (T) exec renames it */
	int prio;			/* (B) */
	int cpu;			/* rq->lock: the run queue it is on or last ran on */
	cpumask_t cpus_allowed;		/* (B) kthread_bind() */
	int time_slice;			/* ticks left */
	unsigned long sp;		/* saved stack pointer while switched out */
	void *stack;			/* lowest address of the kernel stack */
	struct list_head run_list;	/* rq->lock */
	bool on_rq;			/* rq->lock: on a run queue */
	struct list_head tasks;		/* all tasks; tasklist_lock */
	int (*threadfn)(void *data);
	void *data;
	int exit_code;
	unsigned long nr_switches;	/* times it was switched in */
	void *kunit_catcher;		/* innermost test try/catch (kunit) */
	refcount_t usage;		/* (A) get/put_task_struct() */

	/* Processes (kernel/fork.c, exit.c); NULL and 0 in kernel threads. */
	struct mm_struct *mm;		/* changed under tasklist_lock; (T) reads */
	struct files_struct *files;	/* (T) open files (fs/file.c) */
	struct fs_struct *fs;		/* (T) root and working directory */
	struct task_struct *parent;	/* tasklist_lock */
	struct list_head children;	/* tasklist_lock */
	struct list_head sibling;	/* in parent->children; tasklist_lock */
	pid_t pgid;			/* process group */
	pid_t sid;			/* session */
	int exit_state;			/* EXIT_*; tasklist_lock */
	unsigned long pending;		/* (A) signals sent: bit sig-1 */
	unsigned long ignored;		/* (A) SIG_IGN ones: bit sig-1 */
	unsigned long signal_flags;	/* (A) SIGNAL_* bits */
	bool is_process;		/* made by fork or kernel_spawn */
	/*
	 * Resource limits, inherited at fork (Linux keeps them in
	 * signal_struct, shared by the threads of a process: here a
	 * process is one task).  Written under tasklist_lock (prlimit64
	 * may change another process's); read with READ_ONCE.
	 */
	struct rlimit rlim[RLIM_NLIMITS];
	struct fxregs_state fpu;	/* user x87/SSE state while switched out */
};

/* The user registers of a task, saved at the top of its kernel stack. */
#define task_pt_regs(p) \
	((struct pt_regs *)((char *)(p)->stack + THREAD_SIZE) - 1)

/* Every task, kernel threads included, on task_list under tasklist_lock. */
extern struct list_head task_list;
extern spinlock_t tasklist_lock;
#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

/* Hold a task so it is not freed while it is used (kernel/fork.c). */
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
/* The task with this pid (not yet reaped), with a reference held, or NULL. */
struct task_struct *find_get_task_by_pid(pid_t pid);

/* Called by the local timer interrupt on every CPU, HZ times a second. */
void scheduler_tick(void);

void schedule(void);
/* At the end of an interrupt: switch if the tick asked and nothing forbids. */
void preempt_schedule_irq(void);
void sched_yield(void);
int wake_up_process(struct task_struct *p);
/* Sleep for at least timeout jiffies (state set by the caller); returns 0. */
long schedule_timeout(long timeout);
void set_current_state(long state);
bool need_resched(void);

/* Kernel threads (kernel/kthread.c). */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *name);
void kthread_bind(struct task_struct *p, int cpu);
/* A CPU's idle task: a kernel thread with pid 0. */
struct task_struct *idle_task_create(int (*threadfn)(void *data),
				     const char *name);
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data,
				const char *name);
/* Create, bind to cpu and wake (Linux's kthread_run_on_cpu). */
struct task_struct *kthread_run_on_cpu(int (*threadfn)(void *data), void *data,
				       int cpu, const char *name);
void __attribute__((noreturn)) do_exit(int code);
/* Tasks that exist, until the reaper has freed them (kernel/kthread.c). */
extern int nr_threads;
/* Sleep until at most threads tasks exist (false after timeout jiffies). */
bool wait_for_reaper(int threads, unsigned long timeout);

/* A task that will start at entry, not yet listed (kernel/kthread.c). */
struct task_struct *create_task(const char *name, void (*entry)(void));
/* Give p a pid and put it on task_list. */
void task_list_add(struct task_struct *p);
/* Hand a task that died to the reaper thread, which frees it. */
void reap_task(struct task_struct *p);
/* A new task's first steps, from ret_from_kthread/ret_from_fork. */
void schedule_tail(void);
void __put_task_struct_locked(struct task_struct *p);

/* Processes (kernel/fork.c, exit.c, exec.c) */
#define MAX_PROCESSES	128	/* fork() fails with -EAGAIN beyond */
extern int nr_processes;	/* tasklist_lock */
/* The process that adopts orphans: init, once it runs (else none). */
extern struct task_struct *child_reaper;
/* Start path as a process, child of the caller, with fds 0-2 on the console. */
pid_t kernel_spawn(const char *path, const char *const argv[]);
/*
 * The same, with init(data) called in the new process once its files
 * are set up and before the program is loaded, as Linux's
 * call_usermodehelper_setup() takes an init function; an error from it
 * ends the process with status 127 << 8.
 */
pid_t kernel_spawn_init(const char *path, const char *const argv[],
			int (*init)(void *data), void *data);
/* A kernel thread about to become a process: root, cwd, fds 0-2 on the console. */
int setup_process_files(void);
/* Replace the current program (kernel pointers): 0 or -ENAME. */
int kernel_execve(const char *filename, const char *const argv[],
		  const char *const envp[]);
/* Enter user mode with regs (after a kernel thread's kernel_execve). */
void __attribute__((noreturn)) ret_to_user(struct pt_regs *regs);
/* Wait for a child (kernel pointer for the status); as wait4(). */
long kernel_wait4(pid_t pid, int *status, int options);

/* Linux's defaults, which create_task() gives (kernel/sys.c). */
extern const struct rlimit init_rlimits[RLIM_NLIMITS];
/* The current task's soft limit (Linux's rlimit()). */
static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->rlim[limit].rlim_cur);
}
/* Give p a copy of the current task's limits (fork). */
void copy_rlimits(struct task_struct *p);

/* Start the thread that frees dead tasks (after sched_init). */
void kthread_init(void);

void sched_init(void);
/* Set once the boot CPU schedules: before that, no task is ever preempted. */
extern bool scheduler_running;
/* Make the running boot context this CPU's task (the idle one if idle). */
void sched_init_cpu(struct task_struct *boot_task, void *stack, bool idle);

/* How the scheduler asks another CPU to reschedule (arch/x86/kernel/smp.c). */
extern void (*smp_send_reschedule)(int cpu);
/* Become this CPU's idle task and never return (boot CPU: after init). */
void __attribute__((noreturn)) cpu_idle(void);
/*
 * Wait for an interrupt, with interrupts enabled on the way in; called
 * with them off by cpu_idle() after it found nothing to run (x86: sti;
 * hlt, arch/x86/kernel/process.c).
 */
void arch_cpu_idle(void);

#endif
