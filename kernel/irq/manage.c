/*
 * request_irq(), free_irq() and irq_set_irq_type(): drivers' handlers on
 * an IRQ's chain, with Linux's rules for sharing.
 *
 * A line can hold one action, or any number if every one of them asked
 * for IRQF_SHARED and the same trigger type; a request without trigger
 * bits takes the line's type.  The first action starts the line through
 * its chip (a vector, the route, unmasked); removing the last shuts it
 * down (masked, the vector given back).  A line that "nobody cared"
 * about (kernel/irq/handle.c) is unmasked again by the next request.
 *
 * Invariants: as linux/irqdesc.h; an action is on exactly one chain,
 * and is freed only after it was unlinked under desc->lock, so no
 * handler runs it any more (handlers run under that lock).
 *
 * Locking: desc->lock around every change of the chain, the trigger
 * type and the chip's state.  The irqaction is allocated and freed
 * outside it.
 */
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* One sense only: a line is edge or level, of one polarity. */
static bool irq_type_valid(unsigned int type)
{
	return type == IRQ_TYPE_EDGE_RISING || type == IRQ_TYPE_EDGE_FALLING ||
	       type == IRQ_TYPE_LEVEL_HIGH || type == IRQ_TYPE_LEVEL_LOW;
}

/* desc->lock held; type is not IRQ_TYPE_NONE. */
static int __irq_set_type(struct irq_desc *desc, unsigned int type)
{
	int ret = 0;

	assert_spin_locked(&desc->lock);
	if (!irq_type_valid(type))
		return -EINVAL;
	if (desc->chip->irq_set_type)
		ret = desc->chip->irq_set_type(desc, type);
	if (!ret)
		desc->trigger = type;
	return ret;
}

int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	int ret = 0;

	if (!desc || (type & ~IRQ_TYPE_SENSE_MASK))
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->chip)
		ret = -EINVAL;
	else if (type != IRQ_TYPE_NONE)
		ret = __irq_set_type(desc, type);
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

/* desc->lock held: the first action; the line's type as it asks. */
static int irq_startup(struct irq_desc *desc, struct irqaction *new)
{
	unsigned int old_type = desc->trigger;
	unsigned int type = new->flags & IRQF_TRIGGER_MASK;
	int ret = 0;

	if (type != old_type)
		ret = __irq_set_type(desc, type);
	if (ret)
		return ret;
	desc->spurious_disabled = false;
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	desc->action = new;
	if (desc->chip->irq_startup)
		ret = desc->chip->irq_startup(desc);
	if (ret) {
		desc->action = NULL;
		if (type != old_type)
			__irq_set_type(desc, old_type);
	}
	return ret;
}

/* desc->lock held: one more action on a line that has some. */
static int irq_add_shared(struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction *old = desc->action, **p;

	if (!(old->flags & new->flags & IRQF_SHARED) ||
	    (new->flags & IRQF_TRIGGER_MASK) != desc->trigger) {
		pr_err("Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n",
		       irq_desc_get_irq(desc), new->flags, new->name,
		       old->flags, old->name);
		return -EBUSY;
	}
	for (p = &desc->action; *p; p = &(*p)->next)
		;
	*p = new;
	if (desc->spurious_disabled) {
		desc->spurious_disabled = false;
		if (desc->chip->irq_unmask)
			desc->chip->irq_unmask(desc);
	}
	return 0;
}

static int setup_irq(struct irq_desc *desc, struct irqaction *new)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->chip) {
		ret = -EINVAL;
	} else {
		if (!(new->flags & IRQF_TRIGGER_MASK))
			new->flags |= desc->trigger;
		if (desc->action)
			ret = irq_add_shared(desc, new);
		else
			ret = irq_startup(desc, new);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	int ret;

	if (!desc || !handler || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->flags = flags;
	action->name = name;
	action->dev_id = dev_id;
	ret = setup_irq(desc, action);
	if (ret)
		kfree(action);
	return ret;
}

/* desc->lock held: unlink and return the action of dev_id, or NULL. */
static struct irqaction *irq_unlink_action(struct irq_desc *desc,
					   void *dev_id)
{
	struct irqaction **p, *action;

	for (p = &desc->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id != dev_id)
			continue;
		action = *p;
		*p = action->next;
		return action;
	}
	return NULL;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action = NULL;
	const char *name;
	unsigned long flags;

	if (WARN_ON(in_interrupt()))
		return NULL;
	if (desc) {
		spin_lock_irqsave(&desc->lock, flags);
		action = irq_unlink_action(desc, dev_id);
		if (action && !desc->action && desc->chip->irq_shutdown)
			desc->chip->irq_shutdown(desc);
		spin_unlock_irqrestore(&desc->lock, flags);
	}
	if (!action) {
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	name = action->name;
	kfree(action);
	return name;
}
