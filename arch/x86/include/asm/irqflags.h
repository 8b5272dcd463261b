/*
 * Saving, disabling and restoring the interrupt flag (EFLAGS.IF).
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <asm/processor.h>

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("sti" : : : "memory");
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}

/*
 * Enable interrupts and halt until the next one.  sti takes effect only
 * after the instruction that follows it, so an interrupt that arrives
 * after a check made with interrupts off wakes the hlt instead of being
 * taken before it and leaving the CPU asleep.
 */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#define local_irq_save(flags)		((flags) = arch_local_irq_save())
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

#endif
