/*
 * The Time Stamp Counter (Intel SDM vol. 3, 18.17): a 64-bit counter
 * every CPU increments from reset, read by RDTSC.  On older CPUs its rate
 * followed the core clock (power saving changed it); CPUs with an
 * invariant TSC (CPUID 0x80000007, EDX bit 8) tick at a constant rate in
 * every power state.  arch/x86/kernel/tsc.c calibrates it (and the local APIC
 * timer) against the ACPI PM timer, or the PIT where there is none.
 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <linux/types.h>

#define X86_FEATURE_INVARIANT_TSC_BIT	8	/* CPUID 0x80000007 EDX */

/* The TSC's rate as calibrated by time_init(), in kHz (0 before). */
extern unsigned long tsc_khz;

/* What the rates were measured against (Linux's clocksource names). */
#define TSC_CAL_PMTMR		"acpi_pm"
#define TSC_CAL_PIT		"pit"

/* The TSC ticks at a constant rate when its measured rates agree this well. */
#define TSC_CONSTANT_PPM	5000

struct tsc_calibration {
	const char *source;	/* TSC_CAL_PMTMR or TSC_CAL_PIT */
	u64 tsc_hz;
	u64 apic_hz;		/* APIC timer counts a second (bus clock / 16) */
	int parts;		/* rates compared: window parts or PIT windows */
	u64 spread_ppm;		/* their largest distance from the median */
	int tries;		/* windows measured */
	u64 window_us;		/* the PM timer window, or one PIT window */
	u64 read_ns;		/* PM timer: the slower read of the two ends */
};

/*
 * Measure the TSC and the APIC timer (kernel/tsc.c); boot CPU, once,
 * interrupts off, after acpi_init().
 */
void tsc_calibrate(struct tsc_calibration *c);

/* TSC_CAL_PMTMR or TSC_CAL_PIT, once time_init() has run. */
const char *tsc_calibration_source(void);

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
