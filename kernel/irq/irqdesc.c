/*
 * The IRQ descriptor table: NR_IRQS descriptors, indexed by Linux IRQ
 * number, each claimed by the chip that delivers it (IOAPIC lines at
 * boot, MSIs on demand) and released only by that chip.
 *
 * Invariants: see linux/irqdesc.h; a descriptor is set up only while
 * unused (no vector, so no interrupt can reach it and its counts start
 * from zero), and released only without actions.
 *
 * Locking: each descriptor's own lock (desc->lock); no global lock,
 * since claiming a descriptor is one test-and-set of desc->chip under
 * that lock.
 */
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct irq_desc irq_desc[NR_IRQS];

int irq_desc_setup(unsigned int irq, const struct irq_chip *chip,
		   void *chip_data, unsigned int hwirq, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	int ret = 0;

	if (!desc || !chip)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	if (desc->chip) {
		ret = -EINVAL;
	} else {
		desc->chip_data = chip_data;
		desc->hwirq = hwirq;
		desc->trigger = type;
		desc->spurious_disabled = false;
		desc->irq_count = 0;
		desc->irqs_unhandled = 0;
		memset(desc->kstat_irqs, 0, sizeof(desc->kstat_irqs));
		desc->chip = chip;
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

unsigned long kstat_irqs_cpu(unsigned int irq, int cpu)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || cpu < 0 || cpu >= NR_CPUS)
		return 0;
	return READ_ONCE(desc->kstat_irqs[cpu]);
}
