/*
 * Running an IRQ's actions, and noticing a line nobody handles.
 *
 * Every interrupt on an IRQ's vector comes here, with interrupts off:
 * it is counted for this CPU, then every action on the chain runs, in
 * request order, even after one has returned IRQ_HANDLED (two devices
 * on a shared line may both be asking).  When all return IRQ_NONE the
 * interrupt counts as unhandled.  Out of NOBODY_CARED_WINDOW interrupts
 * on a line, more than NOBODY_CARED_LIMIT unhandled ones mean a device
 * is asserting it for nobody (a level line whose driver is missing, or
 * does not quiet its device): the line is reported and masked, as
 * Linux's note_interrupt() does, instead of interrupting the CPU for
 * ever.  A later request_irq() on it unmasks it again.  The end of
 * interrupt is the caller's (do_IRQ()), after this returns: so on a
 * level-triggered line the handlers have quieted their devices by then.
 *
 * Locking: desc->lock, held across the actions (linux/irqdesc.h).
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#define NOBODY_CARED_WINDOW	100000
#define NOBODY_CARED_LIMIT	99900

static irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);
	struct irqaction *action;
	irqreturn_t ret = IRQ_NONE;

	for (action = desc->action; action; action = action->next)
		ret |= action->handler(irq, action->dev_id);
	return ret;
}

static void irq_nobody_cared(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_get_irq(desc);
	struct irqaction *action;

	pr_err("irq %u: nobody cared (%u of the last %u interrupts)\n", irq,
	       desc->irqs_unhandled, desc->irq_count);
	pr_err("handlers:\n");
	for (action = desc->action; action; action = action->next)
		pr_err("[<%p>] %ps (%s)\n", action->handler, action->handler,
		       action->name);
	pr_err("Disabling IRQ #%u\n", irq);
	desc->spurious_disabled = true;
	if (desc->chip->irq_mask)
		desc->chip->irq_mask(desc);
}

static void note_interrupt(struct irq_desc *desc, irqreturn_t ret)
{
	if (ret == IRQ_NONE)
		desc->irqs_unhandled++;
	if (++desc->irq_count < NOBODY_CARED_WINDOW)
		return;
	if (desc->irqs_unhandled > NOBODY_CARED_LIMIT)
		irq_nobody_cared(desc);
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
}

void generic_handle_irq_desc(struct irq_desc *desc)
{
	irqreturn_t ret = IRQ_NONE;

	spin_lock(&desc->lock);
	desc->kstat_irqs[smp_processor_id()]++;
	if (desc->chip && !desc->spurious_disabled) {
		ret = handle_irq_event(desc);
		note_interrupt(desc, ret);
	}
	spin_unlock(&desc->lock);
}
