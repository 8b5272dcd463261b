/*
 * IRQ trigger types and interrupt controllers ("chips"), as Linux names
 * them (include/linux/irq.h).
 *
 * Each IRQ belongs to one chip, which knows how to route, mask and
 * configure it: "IO-APIC" for the lines of the I/O APICs
 * (arch/x86/kernel/ioapic.c), "PCI-MSI" for message-signalled
 * interrupts (arch/x86/kernel/msi.c).  The generic code in kernel/irq/
 * calls a chip's operations with the descriptor's lock held, so a chip
 * never sees two of them at once for the same IRQ.
 *
 * Edge or level: an edge-triggered line interrupts once per rising (or
 * falling) edge, so a device that raises it again before the first was
 * taken is seen once, and a line shared by two devices loses the second
 * device's edge while the first holds it high.  A level-triggered line
 * interrupts for as long as it is asserted: nothing is lost, but the
 * handler must quiet its device before the end of interrupt, or the
 * line fires again at once.  PCI INTx lines are level triggered and may
 * be shared; ISA lines are edge triggered and, as a rule, not shared.
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <asm/irq_vectors.h>
#include <linux/irqdesc.h>
#include <linux/types.h>

/* Trigger types (Linux's values, include/linux/irq.h) */
#define IRQ_TYPE_NONE		0x00000000	/* leave as it is */
#define IRQ_TYPE_EDGE_RISING	0x00000001
#define IRQ_TYPE_EDGE_FALLING	0x00000002
#define IRQ_TYPE_EDGE_BOTH	(IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH	0x00000004
#define IRQ_TYPE_LEVEL_LOW	0x00000008
#define IRQ_TYPE_LEVEL_MASK	(IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK	0x0000000f

/*
 * An interrupt controller's operations, each called with desc->lock
 * held.  irq_startup() makes the IRQ deliverable (a vector, the route,
 * unmasked) when its first action arrives and irq_shutdown() undoes it
 * when the last goes; irq_mask()/irq_unmask() stop and resume delivery
 * on a started IRQ.  irq_set_type() returns 0 or -EINVAL for a type the
 * chip cannot do, and applies the type at once to a started IRQ.  Any
 * of them may be NULL: nothing to do.  Linux passes a struct irq_data;
 * here the descriptor carries everything.
 */
struct irq_chip {
	const char *name;		/* the /proc/interrupts chip column */
	int (*irq_startup)(struct irq_desc *desc);
	void (*irq_shutdown)(struct irq_desc *desc);
	void (*irq_mask)(struct irq_desc *desc);
	void (*irq_unmask)(struct irq_desc *desc);
	int (*irq_set_type)(struct irq_desc *desc, unsigned int type);
};

/*
 * Set irq's trigger type (IRQ_TYPE_EDGE_RISING, _EDGE_FALLING,
 * _LEVEL_HIGH, _LEVEL_LOW), at once if it has actions, else for when
 * it gets one.  0, or -EINVAL for no such IRQ or a type its chip cannot
 * do (MSI is always edge).  IRQ_TYPE_NONE changes nothing.  The PCI
 * core calls it with IRQ_TYPE_LEVEL_HIGH for a device's INTx line.
 */
int irq_set_irq_type(unsigned int irq, unsigned int type);

/*
 * For the chips: make irq an IRQ of chip with hardware number hwirq
 * (the IOAPIC pin), chip_data for the chip, and an initial trigger
 * type; its counts start at zero.  0, or -EINVAL if irq is out of
 * range or already in use.  The chip that set it up may release it
 * again (desc->chip = NULL under desc->lock) once it has no actions
 * and no vector.
 */
int irq_desc_setup(unsigned int irq, const struct irq_chip *chip,
		   void *chip_data, unsigned int hwirq, unsigned int type);

/*
 * Run irq's actions (kernel/irq/handle.c); the arch's vector code calls
 * it, with interrupts off, for each interrupt on the IRQ's vector, and
 * signals the end of interrupt after it.
 */
void generic_handle_irq_desc(struct irq_desc *desc);

/*
 * The arch's vector for an IRQ (arch/x86/kernel/irq.c): a free vector
 * whose interrupts run desc's actions, stored in desc->vector; 0 or
 * -ENOSPC.  irq_release_vector() gives it back.  desc->lock held.
 */
int irq_assign_vector(struct irq_desc *desc);
void irq_release_vector(struct irq_desc *desc);

/*
 * The arch's lines after the IRQs in /proc/interrupts (LOC, SPU, ...),
 * with the label column prec wide (arch/x86/kernel/irq.c).
 */
size_t arch_show_interrupts(char *buf, size_t size, int prec);

#endif
