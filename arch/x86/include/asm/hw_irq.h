/*
 * CPU vectors (arch/x86/kernel/irq.c): the table do_IRQ() dispatches on.
 *
 * A vector has at most one handler.  The local APIC's own interrupts
 * (the tick, IPIs, APIC errors) take their fixed vectors of
 * asm/irq_vectors.h with request_vector(); every device IRQ gets a free
 * one from alloc_vector() through irq_assign_vector() (linux/irq.h),
 * whose handler runs the IRQ's actions.  Interrupts on vectors with no
 * handler, and spurious ones, are counted, never fatal.
 */
#ifndef _ASM_HW_IRQ_H
#define _ASM_HW_IRQ_H

#include <asm/ptrace.h>
#include <linux/types.h>

typedef void (*vector_handler_t)(struct pt_regs *regs, void *data);

/* A free device vector for handler, or -ENOSPC. */
int alloc_vector(vector_handler_t handler, void *data, const char *name);
/* Install handler on a fixed vector; 0, -EBUSY or -EINVAL. */
int request_vector(unsigned int vector, vector_handler_t handler, void *data,
		   const char *name);
void free_vector(unsigned int vector);

/*
 * The interrupt controller's end-of-interrupt, set by the local APIC
 * driver; do_IRQ() calls it after every handler but the spurious one.
 */
extern void (*irq_eoi)(void);

void do_IRQ(struct pt_regs *regs);

/* Interrupts on vector taken on cpu so far. */
unsigned long vector_count(unsigned int vector, int cpu);

#endif
