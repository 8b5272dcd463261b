/*
 * Accessors for x86 control registers and special instructions, one
 * small inline each (Intel SDM vol. 3, 2.5 for CR0-CR4).
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>

#define X86_EFLAGS_TF		(1UL << 8)	/* single step */
#define X86_EFLAGS_IF		(1UL << 9)	/* interrupts enabled */
#define X86_EFLAGS_DF		(1UL << 10)	/* string direction */
#define X86_EFLAGS_IOPL		(3UL << 12)	/* I/O privilege level */
#define X86_EFLAGS_NT		(1UL << 14)	/* nested task */
#define X86_EFLAGS_AC		(1UL << 18)	/* alignment check / SMAP override */
#define X86_EFLAGS_FIXED	(1UL << 1)	/* always set */

#define X86_CR0_MP		(1UL << 1)	/* monitor coprocessor */
#define X86_CR0_EM		(1UL << 2)	/* emulate x87: off */
#define X86_CR0_NE		(1UL << 5)	/* native x87 errors */
#define X86_CR4_OSFXSR		(1UL << 9)	/* FXSAVE and SSE */
#define X86_CR4_OSXMMEXCPT	(1UL << 10)	/* SSE exceptions as #XM */
#define X86_CR4_SMEP		(1UL << 20)	/* no kernel execution of user pages */
#define X86_CR4_SMAP		(1UL << 21)	/* no kernel access to user pages */

/* CPUID.(EAX=7,ECX=0):EBX feature bits */
#define X86_FEATURE_SMEP_BIT	7
#define X86_FEATURE_ERMS_BIT	9		/* enhanced rep movsb/stosb */
#define X86_FEATURE_SMAP_BIT	20

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

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline void write_cr4(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(v) : "memory");
}

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

struct pt_regs;
/* Registers for entering a new program at ip with stack sp (process.c). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
