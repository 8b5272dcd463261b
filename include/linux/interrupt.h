/*
 * Interrupt handlers (kernel/irq.c): a handler per vector, run with
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

#endif
