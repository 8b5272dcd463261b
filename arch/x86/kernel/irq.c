/*
 * Interrupt dispatch by CPU vector: a table of handlers indexed by
 * vector, with per-CPU counts, and the vectors of device IRQs.
 *
 * do_IRQ() runs with interrupts off (all our gates are interrupt gates):
 * it counts the interrupt, calls the vector's handler (in_interrupt()
 * true), signals end of interrupt to the controller, and then lets the
 * scheduler switch tasks if the tick asked for it.  The handler of a
 * device IRQ's vector runs the IRQ's actions (kernel/irq/handle.c).  A
 * vector without a handler is counted as unexpected (reported once per
 * vector) and acknowledged; a spurious APIC interrupt is only counted,
 * and must not be acknowledged.
 *
 * Every device vector goes to the boot CPU, so one table serves all
 * CPUs; the fixed vectors of the local APIC are the same on every CPU.
 *
 * Locking: vector_lock protects handler installation and removal; it
 * nests inside desc->lock (irq_assign_vector()).  do_IRQ() reads a
 * handler and its data without it.  The counts are per CPU, each
 * written only by its CPU.
 */
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/numa.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/topology.h>

struct vector_desc {
	vector_handler_t handler;	/* vector_lock to change */
	void *data;
	const char *name;		/* who holds it, for a debugger */
	bool reported;			/* an unexpected one was reported */
	unsigned long count[NR_CPUS];	/* each CPU its own */
};

static struct vector_desc vector_desc[NR_VECTORS];
static unsigned long unexpected_count[NR_CPUS];
static DEFINE_SPINLOCK(vector_lock);
void (*irq_eoi)(void);

int request_vector(unsigned int vector, vector_handler_t handler, void *data,
		   const char *name)
{
	struct vector_desc *v = &vector_desc[vector];
	unsigned long flags;
	int ret = 0;

	if (vector < FIRST_EXTERNAL_VECTOR || vector >= NR_VECTORS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	if (v->handler) {
		ret = -EBUSY;
	} else {
		v->data = data;
		v->name = name;
		WRITE_ONCE(v->handler, handler);
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return ret;
}

int alloc_vector(vector_handler_t handler, void *data, const char *name)
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
	WRITE_ONCE(vector_desc[vector].handler, NULL);
	vector_desc[vector].name = NULL;
	spin_unlock_irqrestore(&vector_lock, flags);
}

static void unexpected_vector(struct vector_desc *desc, unsigned int vector,
			      int cpu)
{
	unexpected_count[cpu]++;
	if (!desc->reported) {
		desc->reported = true;
		pr_warn("irq: unexpected interrupt on vector %u (CPU %d)\n",
			vector, cpu);
	}
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;
	struct vector_desc *desc = &vector_desc[vector];
	vector_handler_t handler = READ_ONCE(desc->handler);
	int cpu = smp_processor_id();

	desc->count[cpu]++;
	if (vector == SPURIOUS_APIC_VECTOR)
		return;
	preempt_count_add(HARDIRQ_OFFSET);
	if (handler)		/* read once: free_vector() may race with us */
		handler(regs, READ_ONCE(desc->data));
	else
		unexpected_vector(desc, vector, cpu);
	if (irq_eoi)
		irq_eoi();
	preempt_count_sub(HARDIRQ_OFFSET);
	preempt_schedule_irq();
}

unsigned long vector_count(unsigned int vector, int cpu)
{
	return vector < NR_VECTORS ? vector_desc[vector].count[cpu] : 0;
}

/* ---- the vectors of device IRQs ---- */

static void irq_vector_interrupt(struct pt_regs *regs, void *data)
{
	generic_handle_irq_desc(data);
}

int irq_assign_vector(struct irq_desc *desc)
{
	int vector;

	assert_spin_locked(&desc->lock);
	if (desc->vector)
		return 0;
	vector = alloc_vector(irq_vector_interrupt, desc, desc->chip->name);
	if (vector < 0)
		return vector;
	desc->vector = vector;
	return 0;
}

/*
 * An interrupt the local APIC accepted before the line was masked may
 * still arrive; it finds the vector free and is counted as unexpected.
 */
void irq_release_vector(struct irq_desc *desc)
{
	assert_spin_locked(&desc->lock);
	if (!desc->vector)
		return;
	free_vector(desc->vector);
	desc->vector = 0;
}

/* ---- /proc/interrupts: the fixed vectors' lines ---- */

/* Linux's labels and descriptions (arch/x86/kernel/irq.c), in its order */
static const struct {
	unsigned int vector;
	const char *label, *what;
} fixed_lines[] = {
	{ LOCAL_TIMER_VECTOR, "LOC", "Local timer interrupts" },
	{ SPURIOUS_APIC_VECTOR, "SPU", "Spurious interrupts" },
	{ RESCHEDULE_VECTOR, "RES", "Rescheduling interrupts" },
	{ CALL_FUNCTION_VECTOR, "CAL", "Function call interrupts" },
};

/*
 * ERR, as Linux's irq_err_count: APIC errors, and interrupts on vectors
 * nobody holds (which Linux reports but does not count); one total.
 */
static unsigned long irq_err_count(void)
{
	unsigned long n = 0;
	int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		n += unexpected_count[cpu] + apic_error_count(cpu);
	return n;
}

size_t arch_show_interrupts(char *buf, size_t size, int prec)
{
	size_t len = 0;
	unsigned int i;
	int cpu;

	for (i = 0; i < ARRAY_SIZE(fixed_lines); i++) {
		len += scnprintf(buf + len, size - len, "%*s: ", prec,
				 fixed_lines[i].label);
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			len += scnprintf(buf + len, size - len, "%10lu ",
					 vector_count(fixed_lines[i].vector,
						      cpu));
		len += scnprintf(buf + len, size - len, "  %s\n",
				 fixed_lines[i].what);
	}
	len += scnprintf(buf + len, size - len, "%*s: %10lu\n", prec, "ERR",
			 irq_err_count());
	return len;
}
