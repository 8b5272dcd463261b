/*
 * /proc/interrupts, in Linux's layout (kernel/irq/proc.c there):
 *
 *                CPU0       CPU1
 *       0:         46          0   IO-APIC   2-edge      timer
 *       4:         21          0   IO-APIC   4-edge      ttyS0
 *      24:          3          0   PCI-MSI   0-edge      edu
 *     LOC:       2845       2790   Local timer interrupts
 *     ...
 *     ERR:          0
 *
 * One line per IRQ that has actions or has fired: the IRQ number, the
 * interrupts each CPU took, the chip, the chip's number for it (the
 * IOAPIC pin; Linux's PCI-MSI number encodes the device's address,
 * which irq_alloc_msi() does not know: 0 here), the flow ("edge", or
 * "fasteoi" for a level-triggered line, whose end of interrupt also
 * tells the IOAPIC), and the names of its actions.  Then the arch's
 * lines for the fixed vectors.  The first column is prec wide, 3 for
 * fewer than 1000 IRQs.
 *
 * Locking: each descriptor's lock while its line is printed, so the
 * action names stay valid.
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/topology.h>

static int irq_prec(void)
{
	int prec, j;

	for (prec = 3, j = 1000; prec < 10 && j <= NR_IRQS; prec++)
		j *= 10;
	return prec;
}

static bool irq_desc_shown(const struct irq_desc *desc)
{
	int cpu;

	if (!desc->chip)
		return false;
	if (desc->action)
		return true;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (desc->kstat_irqs[cpu])
			return true;
	return false;
}

/* desc->lock held. */
static size_t show_irq(char *buf, size_t size, struct irq_desc *desc,
		       int prec)
{
	struct irqaction *action;
	size_t len;
	int cpu;

	len = scnprintf(buf, size, "%*u: ", prec, irq_desc_get_irq(desc));
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		len += scnprintf(buf + len, size - len, "%10lu ",
				 desc->kstat_irqs[cpu]);
	len += scnprintf(buf + len, size - len, " %8s %*u-%-8s",
			 desc->chip->name, prec, desc->hwirq,
			 desc->trigger & IRQ_TYPE_LEVEL_MASK ? "fasteoi" :
							       "edge");
	for (action = desc->action; action; action = action->next)
		len += scnprintf(buf + len, size - len, "%s%s",
				 action == desc->action ? "  " : ", ",
				 action->name);
	return len + scnprintf(buf + len, size - len, "\n");
}

size_t interrupts_show(char *buf, size_t size)
{
	int prec = irq_prec();
	unsigned long flags;
	unsigned int irq;
	size_t len;
	int cpu;

	len = scnprintf(buf, size, "%*s", prec + 8, "");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		len += scnprintf(buf + len, size - len, "CPU%-8d", cpu);
	len += scnprintf(buf + len, size - len, "\n");
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);

		spin_lock_irqsave(&desc->lock, flags);
		if (irq_desc_shown(desc))
			len += show_irq(buf + len, size - len, desc, prec);
		spin_unlock_irqrestore(&desc->lock, flags);
	}
	return len + arch_show_interrupts(buf + len, size - len, prec);
}
