/*
 * Interrupt dispatch: a table of handlers indexed by vector, with
 * per-CPU counts for /proc/interrupts.
 *
 * do_IRQ() runs with interrupts off (all our gates are interrupt gates):
 * it counts the interrupt, calls the vector's handler (in_interrupt()
 * true), signals end of interrupt to the controller, and then lets the
 * scheduler switch tasks if the tick asked for it.  A vector without a handler is counted as
 * unexpected (reported once per vector) and acknowledged; a spurious
 * APIC interrupt is only counted, and must not be acknowledged.
 *
 * Locking: vector_lock protects handler installation and removal; the
 * counts are per CPU, each written only by its CPU.
 */
#include <asm/irq_vectors.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/numa.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <linux/spinlock.h>

struct irq_desc {
	irq_handler_t handler;		/* vector_lock to change */
	void *data;
	const char *name;
	bool reported;			/* an unexpected one was reported */
	unsigned long count[NR_CPUS];	/* each CPU its own */
};

static struct irq_desc irq_desc[NR_VECTORS];
static unsigned long unexpected_count[NR_CPUS];
static DEFINE_SPINLOCK(vector_lock);
void (*irq_eoi)(void);

int request_vector(unsigned int vector, irq_handler_t handler, void *data,
		   const char *name)
{
	unsigned long flags;
	int ret = 0;

	if (vector < FIRST_EXTERNAL_VECTOR || vector >= NR_VECTORS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	if (irq_desc[vector].handler) {
		ret = -EBUSY;
	} else {
		irq_desc[vector].data = data;
		irq_desc[vector].name = name;
		irq_desc[vector].handler = handler;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return ret;
}

int alloc_vector(irq_handler_t handler, void *data, const char *name)
{
	unsigned int v;

	for (v = FIRST_EXTERNAL_VECTOR; v < FIRST_SYSTEM_VECTOR; v++)
		if (request_vector(v, handler, data, name) == 0)
			return v;
	return -ENOSPC;
}

void free_vector(unsigned int vector)
{
	unsigned long flags;

	if (vector >= NR_VECTORS)
		return;
	spin_lock_irqsave(&vector_lock, flags);
	irq_desc[vector].handler = NULL;
	irq_desc[vector].name = NULL;
	spin_unlock_irqrestore(&vector_lock, flags);
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;
	struct irq_desc *desc = &irq_desc[vector];
	irq_handler_t handler = READ_ONCE(desc->handler);
	void *data = READ_ONCE(desc->data);
	int cpu = smp_processor_id();

	desc->count[cpu]++;
	if (vector == SPURIOUS_APIC_VECTOR)
		return;
	preempt_count_add(HARDIRQ_OFFSET);
	if (handler) {		/* read once: free_vector() may race with us */
		handler(regs, data);
	} else {
		unexpected_count[cpu]++;
		if (!desc->reported) {
			desc->reported = true;
			pr_warn("irq: unexpected interrupt on vector %u (CPU %d)\n",
				vector, cpu);
		}
	}
	if (irq_eoi)
		irq_eoi();
	preempt_count_sub(HARDIRQ_OFFSET);
	preempt_schedule_irq();
}

unsigned long irq_count(unsigned int vector, int cpu)
{
	return vector < NR_VECTORS ? irq_desc[vector].count[cpu] : 0;
}

static size_t counts_line(char *buf, size_t size, const char *label,
			  const unsigned long *counts, const char *name)
{
	size_t len = scnprintf(buf, size, "%4s:", label);
	int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		len += scnprintf(buf + len, size - len, " %10lu",
				 counts[cpu]);
	return len + scnprintf(buf + len, size - len, "   %s\n", name);
}

size_t interrupts_show(char *buf, size_t size)
{
	char label[8];
	size_t len;
	unsigned int v;
	int cpu;

	len = scnprintf(buf, size, "     ");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		len += scnprintf(buf + len, size - len, "       CPU%-3d", cpu);
	len += scnprintf(buf + len, size - len, "\n");
	for (v = FIRST_EXTERNAL_VECTOR; v < NR_VECTORS; v++) {
		if (!irq_desc[v].name)
			continue;
		snprintf(label, sizeof(label), "%u", v);
		len += counts_line(buf + len, size - len, label,
				   irq_desc[v].count, irq_desc[v].name);
	}
	len += counts_line(buf + len, size - len, "SPU",
			   irq_desc[SPURIOUS_APIC_VECTOR].count,
			   "Spurious interrupts");
	len += counts_line(buf + len, size - len, "ERR", unexpected_count,
			   "Unexpected interrupts");
	return len;
}
