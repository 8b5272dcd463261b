/*
 * The scheduler: per-CPU run queues, round-robin within MAX_PRIO
 * priorities, preemption on the timer tick, an idle task per CPU that
 * halts, and load balancing that prefers CPUs of the same node.
 *
 * A run queue holds the runnable tasks that are not running; the running
 * task is rq->curr and is put back at the tail of its priority's queue
 * when it is switched out while still runnable (that is the round robin)
 * or when it is preempted: a task preempted between setting its state to
 * sleep and calling schedule() stays runnable, or it could miss the
 * wake-up it is about to wait for.
 * The tick takes one tick off the running task's slice; at zero it asks
 * for a reschedule, which happens on the way out of the interrupt if the
 * task may be preempted (preempt_count() == 0), or at the next
 * preempt_enable().
 *
 * Locking: rq->lock protects a run queue and the run_list and cpu of the
 * tasks on it; it is held, with interrupts off, across the switch and
 * released by the task switched to (finish_task_switch).  When two run
 * queues are needed (balancing) the lower CPU's lock is taken first.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/switch_to.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/topology.h>

#define TIME_SLICE		5	/* ticks */
#define BALANCE_INTERVAL	10	/* ticks between balancing checks */

struct rq {
	spinlock_t lock;
	struct list_head queue[MAX_PRIO];	/* lock */
	unsigned int nr_queued;			/* lock: tasks on the queues */
	struct task_struct *curr;		/* lock */
	struct task_struct *idle;		/* constant once the CPU is up */
	struct task_struct *dead;		/* switched away from for good */
	unsigned long ticks;			/* this CPU only */
	/* Set by any CPU (resched_cpu), cleared by this one in __schedule(). */
	bool need_resched;			/* READ_ONCE/WRITE_ONCE */
};

static struct rq runqueues[NR_CPUS];
bool scheduler_running;

static struct rq *this_rq(void)
{
	return &runqueues[smp_processor_id()];
}

/*
 * Does this CPU want to switch?  Read without the checker: a task that
 * has just moved reads its new CPU's flag, which is the one that matters.
 */
bool need_resched(void)
{
	return READ_ONCE(runqueues[raw_smp_processor_id()].need_resched);
}

/*
 * The barrier orders the state before the caller's check of its wait
 * condition: a waker that sets the condition without the wait queue's
 * lock and then reads the state (signal_wake()) sees the new state, or
 * the check sees the condition.
 */
void set_current_state(long state)
{
	WRITE_ONCE(current->state, state);
	smp_mb();
}

/* ---- run queue operations (rq->lock held) ---- */

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue[p->prio]);
	rq->nr_queued++;
	p->on_rq = true;
	p->cpu = rq - runqueues;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del(&p->run_list);
	rq->nr_queued--;
	p->on_rq = false;
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p;
	int prio;

	for (prio = 0; prio < MAX_PRIO; prio++) {
		if (list_empty(&rq->queue[prio]))
			continue;
		p = list_first_entry(&rq->queue[prio], struct task_struct, run_list);
		dequeue_task(rq, p);
		return p;
	}
	return rq->idle;
}

/* ---- switching ---- */

/*
 * Runs in the task switched to, on its stack: ends the switch.  A task
 * that died is handed to the reaper: freeing its stack may have to wait
 * for other CPUs (TLB flushes), which must not happen here, perhaps with
 * interrupts off.
 */
static void finish_task_switch(struct rq *rq)
{
	struct task_struct *dead = rq->dead;

	rq->dead = NULL;
	arch_spin_unlock(&rq->lock);
	if (dead)
		reap_task(dead);
}

static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next, unsigned long flags)
{
	rq->curr = next;
	next->nr_switches++;
	this_cpu()->current_task = next;
	if (prev->state == TASK_DEAD)
		rq->dead = prev;
	__switch_to(prev, next);	/* stacks, page tables, FPU (asm/switch_to.h) */
	__switch_to_asm(&prev->sp, next->sp);
	/* prev runs again here, perhaps on another CPU, later */
	finish_task_switch(this_rq());
	local_irq_restore(flags);
}

static void schedule_debug(void)
{
	if (unlikely(preempt_count()))
		lock_bug("scheduling while atomic");
}

/* preempt: the task did not choose to sleep, whatever its state says. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;
	struct rq *rq;

	schedule_debug();
	local_irq_save(flags);
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	WRITE_ONCE(rq->need_resched, false);
	if ((prev->state == TASK_RUNNING || preempt) && prev != rq->idle &&
	    prev->state != TASK_DEAD)
		enqueue_task(rq, prev);		/* round robin: to the tail */
	next = pick_next_task(rq);
	if (next == prev) {
		arch_spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return;
	}
	if (prev->state == TASK_RUNNING)
		prev->time_slice = TIME_SLICE;
	context_switch(rq, prev, next, flags);
}

void schedule(void)
{
	__schedule(false);
}

/* preempt_enable() and interrupt return: switch if asked and allowed. */
void preempt_schedule(void)
{
	if (!scheduler_running || preempt_count() || irqs_disabled() ||
	    !need_resched())
		return;
	__schedule(true);
}

/* From the end of an interrupt, interrupts still off. */
void preempt_schedule_irq(void)
{
	if (!scheduler_running || preempt_count() || !need_resched())
		return;
	__schedule(true);
}

/* schedule() puts a running task at the tail of its queue: that is all. */
void sched_yield(void)
{
	schedule();
}

/* ---- waking ---- */

/* Lock and return the run queue p is on (p->cpu may change meanwhile). */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	local_irq_save(*flags);
	for (;;) {
		rq = &runqueues[READ_ONCE(p->cpu)];
		arch_spin_lock(&rq->lock);
		if (rq == &runqueues[p->cpu])
			return rq;
		arch_spin_unlock(&rq->lock);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

void (*smp_send_reschedule)(int cpu);

/* Ask cpu to reschedule: itself directly, another one by IPI. */
static void resched_cpu(int cpu)
{
	WRITE_ONCE(runqueues[cpu].need_resched, true);
	if (cpu != smp_processor_id() && smp_send_reschedule)
		smp_send_reschedule(cpu);
}

int wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	int woken = 0;

	if (p->state != TASK_RUNNING) {
		woken = 1;
		p->state = TASK_RUNNING;
		if (rq->curr != p && !p->on_rq) {	/* not running, not queued */
			enqueue_task(rq, p);
			if (rq->curr == rq->idle || p->prio < rq->curr->prio)
				resched_cpu(rq - runqueues);
		}
	}
	task_rq_unlock(rq, flags);
	return woken;
}

/* ---- the tick and load balancing ---- */

static int rq_load(int cpu)
{
	struct rq *rq = &runqueues[cpu];

	return READ_ONCE(rq->nr_queued) + (READ_ONCE(rq->curr) != rq->idle);
}

/* The busiest CPU worth pulling from: same node first, then any. */
static int find_busiest_cpu(int this_cpu)
{
	int cpu, best = -1, pass;

	for (pass = 0; pass < 2 && best < 0; pass++) {
		for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
			if (cpu == this_cpu || !cpu_online(cpu) ||
			    (pass == 0 && cpu_to_node(cpu) != cpu_to_node(this_cpu)))
				continue;
			if (rq_load(cpu) > rq_load(this_cpu) + 1 &&
			    runqueues[cpu].nr_queued &&
			    (best < 0 || rq_load(cpu) > rq_load(best)))
				best = cpu;
		}
	}
	return best;
}

static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a < b) {
		arch_spin_lock(&a->lock);
		arch_spin_lock(&b->lock);
	} else {
		arch_spin_lock(&b->lock);
		arch_spin_lock(&a->lock);
	}
}

/* Move one queued task allowed here from src to this CPU's queue. */
static void pull_one_task(int src_cpu)
{
	int this_cpu = smp_processor_id(), prio;
	struct rq *dst = this_rq(), *src = &runqueues[src_cpu];
	struct list_head *pos;
	unsigned long flags;

	local_irq_save(flags);
	double_rq_lock(dst, src);
	for (prio = 0; prio < MAX_PRIO; prio++) {
		list_for_each(pos, &src->queue[prio]) {
			struct task_struct *p = list_entry(pos, struct task_struct, run_list);

			if (!(p->cpus_allowed & (1UL << this_cpu)))
				continue;
			dequeue_task(src, p);
			enqueue_task(dst, p);
			WRITE_ONCE(dst->need_resched, dst->curr == dst->idle);
			goto out;
		}
	}
out:
	arch_spin_unlock(&src->lock);
	arch_spin_unlock(&dst->lock);
	local_irq_restore(flags);
}

static void load_balance(void)
{
	int busiest = find_busiest_cpu(smp_processor_id());

	if (busiest >= 0)
		pull_one_task(busiest);
}

void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr = rq->curr;

	if (!scheduler_running)
		return;
	run_local_timers();
	if (curr != rq->idle && --curr->time_slice <= 0) {
		curr->time_slice = TIME_SLICE;
		WRITE_ONCE(rq->need_resched, true);
	}
	if (++rq->ticks % BALANCE_INTERVAL == 0)
		load_balance();
}

/* ---- idle and start-up ---- */

void cpu_idle(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		local_irq_disable();
		if (READ_ONCE(rq->need_resched) || rq->nr_queued) {
			local_irq_enable();
			schedule();
			continue;
		}
		arch_cpu_idle();	/* interrupts on, until one comes */
	}
}

static void rq_init(struct rq *rq)
{
	int prio;

	spin_lock_init(&rq->lock);
	for (prio = 0; prio < MAX_PRIO; prio++)
		INIT_LIST_HEAD(&rq->queue[prio]);
}

/*
 * Make the running boot context a task ("init" on CPU 0, "swapper/N" as
 * the idle task on the others) with its stack, and this CPU's run queue.
 */
void sched_init_cpu(struct task_struct *boot_task, void *stack, bool idle)
{
	int cpu = smp_processor_id();
	struct rq *rq = &runqueues[cpu];

	rq_init(rq);
	boot_task->state = TASK_RUNNING;
	boot_task->prio = idle ? MAX_PRIO - 1 : DEFAULT_PRIO;
	boot_task->cpu = cpu;
	boot_task->cpus_allowed = 1UL << cpu;
	boot_task->stack = stack;
	boot_task->time_slice = TIME_SLICE;
	boot_task->thread_info.addr_limit = KERNEL_DS;
	rq->curr = boot_task;
	if (idle)
		rq->idle = boot_task;
	else
		task_list_add(boot_task);
	this_cpu()->current_task = boot_task;
	set_cpu_online(cpu, true);
}

void sched_start(struct task_struct *idle)
{
	this_rq()->idle = idle;
	scheduler_running = true;
}

/* A new thread's first steps, from ret_from_kthread: end the switch. */
void schedule_tail(void)
{
	finish_task_switch(this_rq());
	local_irq_enable();	/* a new thread starts with interrupts on */
}

static struct task_struct init_task = { .comm = "boot" };

static int idle_thread(void *unused)
{
	cpu_idle();
}

/* The boot CPU: kernel_main becomes the task "boot"; start scheduling. */
void sched_init(void)
{
	struct task_struct *idle;

	init_timers();
	sched_init_cpu(&init_task, boot_stack, false);
	idle = idle_task_create(idle_thread, "swapper/0");
	if (!idle)
		panic("sched: no memory for the idle task");
	kthread_bind(idle, 0);
	idle->prio = MAX_PRIO - 1;
	idle->state = TASK_RUNNING;		/* never on a queue */
	sched_start(idle);
	pr_info("sched: %d priorities, %d-tick slices, idle CPUs halt\n",
		MAX_PRIO, TIME_SLICE);
}
