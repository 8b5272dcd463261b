/*
 * Model-specific registers (Intel SDM vol. 4) and their accessors.
 */
#ifndef _ASM_MSR_H
#define _ASM_MSR_H

#include <linux/types.h>

#define MSR_EFER		0xc0000080	/* extended features */
#define MSR_STAR		0xc0000081	/* syscall/sysret segments */
#define MSR_LSTAR		0xc0000082	/* 64-bit syscall entry */
#define MSR_SYSCALL_MASK	0xc0000084	/* RFLAGS bits syscall clears */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102	/* swapped in by swapgs */

#define EFER_SCE		(1UL << 0)	/* syscall/sysret enable */

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return lo | (u64)hi << 32;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)val),
			     "d"((u32)(val >> 32)) : "memory");
}

#endif
