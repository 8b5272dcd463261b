/*
 * Time: the tick, jiffies, the monotonic clock and busy-wait delays.
 *
 * At boot, time_init() has the TSC and the local APIC timer measured
 * against a clock whose rate is known (kernel/tsc.c): the ACPI PM timer
 * when the FADT names one, over one 15 ms window in three parts, else
 * the PIT, over several 10 ms windows.  The boot log says which, and
 * tsc_calibration_source() tells the tests.
 *
 * The clock source for ktime_get_ns() is the TSC when CPUID says it is
 * invariant, or when the parts (or windows) agree with each other within
 * TSC_CONSTANT_PPM, so that it ticks at a constant rate against the
 * reference: QEMU under TCG does not claim an invariant TSC, but its TSC
 * follows the host's clock just as its PM timer and PIT do.  Against the
 * PM timer this holds however loaded the host is; the PIT's windows can
 * all be spoilt by a busy host, and then the clock source is jiffies.
 * The command line option clocksource=jiffies forces the latter.
 *
 * Each CPU's local APIC timer then runs periodic at HZ on
 * LOCAL_TIMER_VECTOR; the interrupt advances jiffies on CPU 0 only and
 * calls scheduler_tick() on every CPU.
 *
 * Invariants: jiffies is written only by CPU 0's tick, one at a time;
 * calibration, tsc_khz, lapic_timer_period, use_tsc, tsc_base and
 * tsc_ns_mult are set once by time_init() before interrupts are enabled,
 * then only read.
 * ktime_get_ns() never goes backwards on a CPU (and across CPUs as long
 * as their TSCs agree, which they do under QEMU; the SMP start-up code
 * should check).
 *
 * Locking: none needed, by the invariants above.
 *
 * Modern Linux splits this into clocksources (tsc, hpet, acpi_pm,
 * jiffies) rated and watched by the timekeeping core, clock event
 * devices (the LAPIC timer, usually in TSC-deadline mode, one-shot and
 * tickless rather than periodic), and calibrates the TSC first from
 * CPUID leaf 0x15/0x16 or an MSR, falling back to the PIT, HPET or PM
 * timer only when the CPU does not say its own frequency.
 */
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>

volatile unsigned long jiffies;
unsigned long tsc_khz;
u32 lapic_timer_period;

static bool use_tsc;
static u64 tsc_base;		/* TSC at time_init(): ktime 0 */
static u64 tsc_ns_mult;		/* ns = cycles * tsc_ns_mult >> 32 */

/* ---- the tick ---- */

static void local_apic_timer_interrupt(struct pt_regs *regs, void *data)
{
	if (smp_processor_id() == 0)
		jiffies++;
	scheduler_tick();
}

void apic_timer_init(void)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);	/* starts counting */
}

/* ---- the clock ---- */

static u64 tsc_cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * tsc_ns_mult) >> 32);
}

u64 ktime_get_ns(void)
{
	s64 cycles;

	if (!use_tsc)
		return (u64)jiffies * TICK_NSEC;
	cycles = rdtsc_ordered() - tsc_base;
	return cycles > 0 ? tsc_cycles_to_ns(cycles) : 0;
}

u64 ktime_get_resolution_ns(void)
{
	if (!use_tsc)
		return TICK_NSEC;
	return DIV_ROUND_UP(NSEC_PER_MSEC, tsc_khz);
}

const char *clocksource_name(void)
{
	return use_tsc ? "tsc" : "jiffies";
}

/* ---- delays ---- */

/* TSC clock: spin until the clock has moved ns plus one resolution step. */
static void delay_ktime(u64 ns)
{
	u64 end = ktime_get_ns() + ns + ktime_get_resolution_ns();

	while (ktime_get_ns() < end)
		__builtin_ia32_pause();
}

/*
 * Spin for ns by the TSC's calibrated rate: for a CPU whose APIC timer
 * is not running yet, when the clock is jiffies.
 */
static void delay_tsc(u64 ns)
{
	u64 cycles = DIV_ROUND_UP(ns * tsc_khz, NSEC_PER_MSEC) + 1;
	u64 start = rdtsc_ordered();

	while (rdtsc_ordered() - start < cycles)
		__builtin_ia32_pause();
}

/* Local APIC timer counts in ns nanoseconds, rounded up. */
static u64 ns_to_lapic_counts(u64 ns)
{
	u64 whole = ns / TICK_NSEC, part = ns % TICK_NSEC;

	return whole * lapic_timer_period +
	       DIV_ROUND_UP(part * lapic_timer_period, TICK_NSEC);
}

/*
 * jiffies clock: count this CPU's APIC timer down instead, which also
 * works with interrupts off.  The count runs from lapic_timer_period
 * down to 0 and starts over; a wrap we fail to notice (a virtual CPU
 * descheduled for a whole tick) only makes the delay longer.
 */
static void delay_lapic(u64 ns)
{
	u64 want = ns_to_lapic_counts(ns) + 1, done = 0;
	u32 period = lapic_timer_period, prev, now;

	if (!period || !apic_read(APIC_TMICT)) {
		if (!WARN_ON_ONCE(!tsc_khz))	/* before time_init() */
			delay_tsc(ns);
		return;
	}
	prev = apic_read(APIC_TMCCT);
	while (done < want) {
		now = apic_read(APIC_TMCCT);
		done += now <= prev ? prev - now : prev + period - now;
		prev = now;
		__builtin_ia32_pause();
	}
}

void ndelay(unsigned long nsecs)
{
	if (use_tsc)
		delay_ktime(nsecs);
	else
		delay_lapic(nsecs);
}

void udelay(unsigned long usecs)
{
	ndelay(usecs * NSEC_PER_USEC);
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(USEC_PER_SEC / MSEC_PER_SEC);
}

/* ---- calibration (kernel/tsc.c) and the choice of clock ---- */

static struct tsc_calibration calibration;

const char *tsc_calibration_source(void)
{
	return calibration.source;
}

static bool tsc_invariant(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(0x80000000, 0, &eax, &ebx, &ecx, &edx);
	if (eax < 0x80000007)
		return false;
	cpuid_count(0x80000007, 0, &eax, &ebx, &ecx, &edx);
	return edx & (1U << X86_FEATURE_INVARIANT_TSC_BIT);
}

/* "against the ACPI PM timer (15 ms in 3 parts, reads within 1.2 us)" */
static void print_calibration(const struct tsc_calibration *c)
{
	if (!strcmp(c->source, TSC_CAL_PMTMR))
		pr_info("tsc: %lu.%03lu MHz TSC, calibrated against the ACPI "
			"PM timer (%llu ms in %d parts, %d tried; reads within "
			"%llu ns)\n", tsc_khz / 1000, tsc_khz % 1000,
			(unsigned long long)c->window_us / (USEC_PER_SEC / MSEC_PER_SEC),
			c->parts, c->tries, (unsigned long long)c->read_ns);
	else
		pr_info("tsc: %lu.%03lu MHz TSC, calibrated against the PIT "
			"(median of %d clean windows of %llu ms, %d tried)\n",
			tsc_khz / 1000, tsc_khz % 1000, c->parts,
			(unsigned long long)c->window_us / (USEC_PER_SEC / MSEC_PER_SEC),
			c->tries);
}

static void set_rates(const struct tsc_calibration *c)
{
	unsigned long lapic_khz;

	tsc_khz = c->tsc_hz / 1000;
	lapic_timer_period = c->apic_hz / HZ;
	lapic_khz = lapic_timer_period * HZ / 1000;
	print_calibration(c);
	pr_info("APIC: timer %lu.%03lu MHz (bus clock / %d), %u counts per "
		"tick at HZ=%d\n", lapic_khz / 1000, lapic_khz % 1000,
		APIC_DIVISOR, lapic_timer_period, HZ);
	if (lapic_timer_period < 100)
		panic("time: the local APIC timer does not count (%u per tick)",
		      lapic_timer_period);
	if (tsc_khz)
		tsc_ns_mult = ((u64)NSEC_PER_MSEC << 32) / tsc_khz;
}

/* clocksource=NAME (Linux's boot_override_clocksource()). */
static char clocksource_override[16];

static int boot_override_clocksource(char *str)
{
	strscpy(clocksource_override, str, sizeof(clocksource_override));
	return 1;
}
__setup("clocksource=", boot_override_clocksource);

/* clocksource=jiffies forces the jiffies clock; anything else is refused. */
static bool clocksource_forced_jiffies(void)
{
	if (!clocksource_override[0] ||
	    !strcmp(clocksource_override, "tsc"))
		return false;
	if (!strcmp(clocksource_override, "jiffies"))
		return true;
	pr_warn("clocksource: no clock source \"%s\" (tsc, jiffies); "
		"ignored\n", clocksource_override);
	return false;
}

/* Pick the clock source and say why. */
static void choose_clocksource(const struct tsc_calibration *c)
{
	bool invariant = tsc_invariant();
	bool constant = c->parts >= 3 && c->spread_ppm <= TSC_CONSTANT_PPM;
	bool forced = clocksource_forced_jiffies();

	use_tsc = tsc_khz && (invariant || constant) && !forced;
	pr_info("tsc: %s (CPUID 0x80000007 EDX bit 8 %s); %s against the %s "
		"(%d %s, %llu ppm apart at most)\n",
		invariant ? "invariant" : "not invariant",
		invariant ? "set" : "clear",
		constant ? "constant rate" : "rate NOT shown constant",
		strcmp(c->source, TSC_CAL_PMTMR) ? "PIT" : "ACPI PM timer",
		c->parts, strcmp(c->source, TSC_CAL_PMTMR) ? "windows" : "parts",
		(unsigned long long)c->spread_ppm);
	pr_info("clocksource: %s, %llu ns resolution%s\n", clocksource_name(),
		(unsigned long long)ktime_get_resolution_ns(),
		forced ? " (clocksource=jiffies on the command line)" : "");
}

void time_init(void)
{
	tsc_calibrate(&calibration);
	set_rates(&calibration);
	choose_clocksource(&calibration);
	tsc_base = rdtsc_ordered();
	if (request_vector(LOCAL_TIMER_VECTOR, local_apic_timer_interrupt,
			   NULL, "Local timer interrupts"))
		panic("time: vector %#x is taken", LOCAL_TIMER_VECTOR);
}
