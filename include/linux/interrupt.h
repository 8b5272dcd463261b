/*
 * Interrupt handlers for drivers (kernel/irq/manage.c), as Linux has them.
 *
 * A driver names an interrupt by its Linux IRQ number, never by a CPU
 * vector: 0-15 are the ISA IRQs, 16 up to the last IOAPIC pin are the
 * GSIs of the same number, and the numbers above those are handed out
 * for MSI by irq_alloc_msi() (linux/msi.h).  The PCI layer reads a
 * device's number from its config space (offset 0x3C, the line the
 * firmware wrote) or allocates one for MSI.
 *
 * request_irq() adds a struct irqaction to the IRQ's chain; with
 * IRQF_SHARED on every action a line carries several devices, and each
 * interrupt calls every handler in turn, with the dev_id given at
 * request time.  A handler returns IRQ_HANDLED when its device was
 * asking, IRQ_NONE when it was not.  Handlers run with interrupts off,
 * on the CPU the interrupt went to (the boot CPU for now), under the
 * IRQ's descriptor lock: they must not sleep, nor request or free an
 * IRQ.  On a level-triggered line (irq_set_irq_type(), linux/irq.h) the
 * handler must make its device lower the line before it returns: the
 * end of interrupt follows right after, and a line still asserted then
 * interrupts again at once.
 *
 * The fixed CPU vectors (the tick, IPIs, APIC errors) are below this
 * level: asm/hw_irq.h.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

/* What a handler says (Linux's include/linux/irqreturn.h) */
typedef enum irqreturn {
	IRQ_NONE = 0,		/* not my device's interrupt */
	IRQ_HANDLED = 1,	/* my device asked, and is quiet now */
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * request_irq() flags (Linux's values).  The trigger bits are the
 * IRQ_TYPE_* of linux/irq.h; without them the IRQ keeps its type.
 */
#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_TRIGGER_MASK	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | \
				 IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_SHARED		0x00000080	/* others may share the line */

/* One handler on an IRQ's chain; request_irq() makes it. */
struct irqaction {
	irq_handler_t handler;
	unsigned long flags;		/* IRQF_*, trigger bits filled in */
	const char *name;		/* shown in /proc/interrupts */
	void *dev_id;			/* passed to handler; free_irq()'s key */
	struct irqaction *next;
};

/*
 * Install handler on irq.  0, or -EINVAL (no such IRQ, a NULL handler,
 * IRQF_SHARED with a NULL dev_id, trigger bits the line cannot do),
 * -EBUSY (the IRQ is taken and either side is not IRQF_SHARED, or they
 * ask for different trigger types), -ENOMEM, -ENOSPC (no free vector).
 * The first action unmasks the line; it may sleep.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);

/*
 * Remove the action of irq whose dev_id matches, after any run of it
 * on another CPU has finished; the last one masks the line.  Returns
 * the name the action was requested with, or NULL and a warning if
 * there is no such action.  Not from a handler.
 */
const void *free_irq(unsigned int irq, void *dev_id);

/*
 * /proc/interrupts (kernel/irq/proc.c): a line per IRQ that has
 * actions or has fired, then the fixed vectors' lines; Linux's layout.
 */
size_t interrupts_show(char *buf, size_t size);

/*
 * Boot: mask the 8259s, set up the boot CPU's local APIC and the
 * IOAPICs, calibrate the clocks, start the tick, then enable
 * interrupts (arch/x86/kernel/irq_init.c).
 */
void interrupts_init(void);

#endif
