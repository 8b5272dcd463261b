/*
 * Kernel timers: a per-CPU list sorted by expiry, run by that CPU's
 * timer tick; and the sleeping calls built on them, schedule_timeout()
 * and msleep().
 *
 * Linux keeps timers in a hierarchical timer wheel for O(1) insertion;
 * a sorted list is simpler and fast enough for the few timers here.
 *
 * Locking: a base's lock (irqsave: the tick runs in interrupt context)
 * protects its list and its timers' pending flags.  A timer's function
 * runs with no lock held.
 */
#include <asm/processor.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct timer_base {
	spinlock_t lock;
	struct list_head list;		/* pending timers, earliest first */
	struct timer_list *running;	/* whose function runs right now */
};

static struct timer_base timer_bases[NR_CPUS];

void init_timers(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&timer_bases[cpu].lock);
		INIT_LIST_HEAD(&timer_bases[cpu].list);
	}
}

static bool timer_due(const struct timer_list *t)
{
	return (long)(jiffies - t->expires) >= 0;
}

void timer_setup(struct timer_list *t, void (*function)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = function;
	t->pending = false;
}

/*
 * Queue t on this CPU's base.  Any base would do (its lock protects it),
 * so a caller that moves to another CPU meanwhile is harmless.
 */
void add_timer(struct timer_list *t)
{
	struct timer_base *base = &timer_bases[raw_smp_processor_id()];
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	list_for_each(pos, &base->list)
		if ((long)(list_entry(pos, struct timer_list, entry)->expires -
			   t->expires) > 0)
			break;
	list_add_tail(&t->entry, pos);		/* before the first later one */
	t->cpu = base - timer_bases;
	t->pending = true;
	spin_unlock_irqrestore(&base->lock, flags);
}

int del_timer(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	int was_pending = 0;

	if (!READ_ONCE(t->pending))
		return 0;
	base = &timer_bases[t->cpu];
	spin_lock_irqsave(&base->lock, flags);
	if (t->pending) {
		list_del(&t->entry);
		t->pending = false;
		was_pending = 1;
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

void run_local_timers(void)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];
	struct timer_list *t;
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	while (!list_empty(&base->list)) {
		t = list_first_entry(&base->list, struct timer_list, entry);
		if (!timer_due(t))
			break;
		list_del(&t->entry);
		t->pending = false;
		base->running = t;
		spin_unlock_irqrestore(&base->lock, flags);
		t->function(t);
		spin_lock_irqsave(&base->lock, flags);
		base->running = NULL;
	}
	spin_unlock_irqrestore(&base->lock, flags);
}

int del_timer_sync(struct timer_list *t)
{
	struct timer_base *base = &timer_bases[t->cpu];
	int was_pending = del_timer(t);

	while (READ_ONCE(base->running) == t)
		cpu_relax();
	return was_pending;
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	wake_up_process(container_of(t, struct process_timer, timer)->task);
}

long schedule_timeout(long timeout)
{
	struct process_timer pt;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	timer_setup(&pt.timer, process_timeout);
	pt.task = current;
	pt.timer.expires = jiffies + timeout;
	add_timer(&pt.timer);
	schedule();
	del_timer_sync(&pt.timer);	/* its function may still be running */
	left = (long)(pt.timer.expires - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout_uninterruptible(long timeout)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
