/*
 * Wait queues; see linux/wait.h for the protocol that keeps wake-ups
 * from being lost.
 *
 * Locking: wq->lock (irqsave, since interrupt handlers wake) protects
 * the list of sleepers.
 */
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait,
		     long state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&wait->entry)) {
		list_del(&wait->entry);
		INIT_LIST_HEAD(&wait->entry);
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

void __wake_up_locked(struct wait_queue_head *wq, int nr)
{
	struct list_head *pos;

	list_for_each(pos, &wq->head) {
		wake_up_process(list_entry(pos, struct wait_queue_entry, entry)->task);
		if (--nr == 0)
			break;
	}
}

static void __wake_up(struct wait_queue_head *wq, int nr)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__wake_up_locked(wq, nr);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void wake_up(struct wait_queue_head *wq)
{
	__wake_up(wq, 1);
}

void wake_up_all(struct wait_queue_head *wq)
{
	__wake_up(wq, 0);
}
