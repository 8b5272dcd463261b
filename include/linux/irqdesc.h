/*
 * The IRQ descriptor (kernel/irq/irqdesc.c): one per Linux IRQ number,
 * NR_IRQS of them in a static table, as Linux has without SPARSE_IRQ.
 *
 * A descriptor is in use once a chip has claimed it (desc->chip set):
 * the IOAPIC code claims one per GSI at boot, irq_alloc_msi() one per
 * MSI.  It has a vector while it can be delivered: an IOAPIC line from
 * its first action to its last, an MSI from allocation to release.
 *
 * Invariants: chip is NULL iff the IRQ does not exist, and then action
 * is NULL and vector 0; the action chain never holds two actions unless
 * all are IRQF_SHARED; trigger is a single IRQ_TYPE_* sense.
 *
 * Locking: desc->lock protects every (L) field; it is taken with
 * interrupts off, and held while the actions run, so free_irq(), which
 * takes it to unlink an action, also waits out a handler running on
 * another CPU.  Lock order: desc->lock, then the chip's own lock
 * (ioapic_lock), then vector_lock.  Modern Linux drops desc->lock while
 * the handlers run and uses synchronize_irq() instead, so that a slow
 * handler does not stall the others' access to the descriptor.
 */
#ifndef _LINUX_IRQDESC_H
#define _LINUX_IRQDESC_H

#include <asm/irq_vectors.h>
#include <linux/numa.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct irq_chip;
struct irqaction;

/* (L) desc->lock  (P) per CPU: written only by that CPU, interrupts off */
struct irq_desc {
	spinlock_t lock;
	const struct irq_chip *chip;	/* (L) NULL: no such IRQ */
	void *chip_data;		/* (L) the chip's (its IOAPIC) */
	unsigned int hwirq;		/* (L) the chip's number: IOAPIC pin */
	unsigned int trigger;		/* (L) IRQ_TYPE_* */
	int vector;			/* (L) 0 while it has none */
	struct irqaction *action;	/* (L) handlers, in request order */
	bool spurious_disabled;		/* (L) masked after "nobody cared" */
	unsigned int irq_count;		/* (L) interrupts in this window */
	unsigned int irqs_unhandled;	/* (L) those no handler took */
	unsigned long kstat_irqs[NR_CPUS];	/* (P) interrupts taken */
};

extern struct irq_desc irq_desc[NR_IRQS];

/* The descriptor of irq, or NULL past the table (check desc->chip). */
static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_desc[irq] : NULL;
}

static inline unsigned int irq_desc_get_irq(const struct irq_desc *desc)
{
	return desc - irq_desc;
}

/* Interrupts of irq taken on cpu so far (Linux: linux/kernel_stat.h). */
unsigned long kstat_irqs_cpu(unsigned int irq, int cpu);

#endif
