/*
 * The Time Stamp Counter (Intel SDM vol. 3, 18.17): a 64-bit counter
 * every CPU increments from reset, read by RDTSC.  On older CPUs its rate
 * followed the core clock (power saving changed it); CPUs with an
 * invariant TSC (CPUID 0x80000007, EDX bit 8) tick at a constant rate in
 * every power state.  arch/x86/kernel/time.c calibrates it against the PIT.
 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <linux/types.h>

#define X86_FEATURE_INVARIANT_TSC_BIT	8	/* CPUID 0x80000007 EDX */

/* The TSC's rate as calibrated by time_init(), in kHz (0 before). */
extern unsigned long tsc_khz;

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

/*
 * RDTSC may be executed ahead of earlier instructions; LFENCE makes it
 * wait for them, so a clock read is not hoisted above the code it times.
 */
static inline u64 rdtsc_ordered(void)
{
	__asm__ __volatile__("lfence" : : : "memory");
	return rdtsc();
}

/* Linux's name for "a cycle counter", used for measurements. */
static inline u64 get_cycles(void)
{
	return rdtsc();
}

#endif
