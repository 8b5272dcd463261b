/*
 * Accessors for x86 control registers and special instructions, one
 * small inline each (Intel SDM vol. 3, 2.5 for CR0-CR4).
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>

#define X86_EFLAGS_IF		(1UL << 9)	/* interrupts enabled */
#define X86_EFLAGS_AC		(1UL << 18)	/* alignment check / SMAP override */

#define DEFINE_READ_CR(n)						\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long v;						\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));		\
	return v;							\
}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
#undef DEFINE_READ_CR

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(subleaf));
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline void cpu_relax(void)
{
	__builtin_ia32_pause();
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
