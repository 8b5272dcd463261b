/*
 * Interrupt handlers (arch/x86/kernel/irq.c): a handler per vector, run with
 * interrupts off on the CPU that took the interrupt.  Drivers get a free
 * vector from alloc_vector() and route their device to it (IOAPIC pin,
 * MSI); the fixed vectors of asm/irq_vectors.h use request_vector().
 * Interrupts on vectors with no handler, and spurious ones, are counted,
 * never fatal.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <asm/ptrace.h>
#include <linux/types.h>

typedef void (*irq_handler_t)(struct pt_regs *regs, void *data);

/* A free vector for handler, or -ENOSPC. */
int alloc_vector(irq_handler_t handler, void *data, const char *name);
/* Install handler on a fixed vector; 0, -EBUSY or -EINVAL. */
int request_vector(unsigned int vector, irq_handler_t handler, void *data,
		   const char *name);
void free_vector(unsigned int vector);

/*
 * The interrupt controller's end-of-interrupt, set by the local APIC
 * driver; do_IRQ() calls it after every handler but the spurious one.
 */
extern void (*irq_eoi)(void);

void do_IRQ(struct pt_regs *regs);

/* Interrupts of vector taken on cpu so far. */
unsigned long irq_count(unsigned int vector, int cpu);

/* /proc/interrupts text: one line per used vector, one column per CPU. */
size_t interrupts_show(char *buf, size_t size);

/*
 * ISA interrupts for drivers (arch/x86/kernel/ioapic.c): request_irq() takes a
 * free vector for handler and routes ISA IRQ isa_irq (0-15) to it
 * through the IOAPIC, on the GSI, polarity and trigger mode the ACPI
 * MADT's overrides give (ISA default: same number, edge, active high),
 * delivered to the boot CPU.  Returns the vector, or -EINVAL, -EBUSY
 * (already requested), -ENOSPC (no vector) or -ENODEV (no IOAPIC pin).
 * free_irq() masks the line and frees the vector.  Linux's request_irq
 * takes flags and a dev_id and returns 0; Linux numbers interrupts
 * itself (virtual IRQs) and hides vectors from drivers.
 */
int request_irq(unsigned int isa_irq, irq_handler_t handler, void *data,
		const char *name);
void free_irq(unsigned int isa_irq);

/*
 * Boot: mask the 8259s, set up the boot CPU's local APIC and the
 * IOAPICs, calibrate the clocks, start the tick, take the serial
 * receive interrupt, then enable interrupts (arch/x86/kernel/irq_init.c).
 */
void interrupts_init(void);

#endif
