/*
 * Time: the tick, jiffies, the monotonic clock and busy-wait delays.
 *
 * At boot, time_init() measures two clocks against the one whose rate is
 * known, the PIT (1.193182 MHz): it lets PIT channel 2 count down 10 ms
 * several times, and each time reads the TSC and the local APIC timer at
 * the start and when the PIT's output rises (Linux's pit_calibrate_tsc
 * idea).  The median window gives tsc_khz and lapic_timer_period (APIC
 * timer counts per jiffy).  A window is only used when the loop noticed
 * the end quickly: a virtual CPU descheduled at that moment would
 * otherwise stretch the count.
 *
 * The clock source for ktime_get_ns() is the TSC when CPUID says it is
 * invariant, or when the windows agree with each other (within 0.5%), so
 * that it ticks at a constant rate against the PIT: QEMU under TCG does
 * not claim an invariant TSC, but its TSC follows the host's clock just
 * as its PIT does.  Otherwise the clock source is jiffies.  The command
 * line option clocksource=jiffies forces the latter.
 *
 * Each CPU's local APIC timer then runs periodic at HZ on
 * LOCAL_TIMER_VECTOR; the interrupt advances jiffies on CPU 0 only and
 * calls scheduler_tick() on every CPU.
 *
 * Invariants: jiffies is written only by CPU 0's tick, one at a time;
 * tsc_khz, lapic_timer_period, use_tsc, tsc_base and tsc_ns_mult are set
 * once by time_init() before interrupts are enabled, then only read.
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
 * CPUID leaf 0x15/0x16 or an MSR, falling back to the PIT or HPET only
 * when the CPU does not say its own frequency.
 */
#include <asm/apic.h>
#include <asm/cmdline.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>

#define CAL_MS		10				/* one window */
#define CAL_LATCH	(PIT_TICK_RATE / (MSEC_PER_SEC / CAL_MS))
#define CAL_SAMPLES	5		/* clean windows wanted */
#define CAL_TRIES	50		/* windows tried at most */
#define CAL_AGREE_PPM	5000		/* "constant": within 0.5% */

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

/* ---- calibration against the PIT ---- */

struct pit_window {
	u64 tsc;	/* TSC cycles in the window */
	u64 apic;	/* APIC timer counts in the window */
	bool clean;	/* its end was seen within 0.1% of the window */
};

/* Channel 2, mode 0: its output rises CAL_LATCH PIT ticks from now. */
static void pit_start_ch2(void)
{
	outb((inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2, PORT_B);
	outb(PIT_SEL_CH2 | PIT_RW_LOHI | PIT_MODE_TERMINAL, PIT_MODE);
	outb(CAL_LATCH & 0xff, PIT_CH2);
	outb(CAL_LATCH >> 8, PIT_CH2);		/* counting starts */
}

/*
 * One window.  The output rose after the last poll of port 0x61 that
 * still saw it low, so the TSC read just before that poll bounds how
 * late we noticed.  Each read of the APIC count is bracketed by two TSC
 * reads and placed at their middle: under QEMU an APIC access can wait
 * for the emulator, and the count it returns is from the end of the
 * wait.  The APIC counts are then scaled to the window.
 */
static void pit_measure(struct pit_window *w)
{
	u64 t0, t0a, t, t1a, low = 0, span, slack;
	unsigned long polls = 0;
	u32 a0, a1;

	apic_write(APIC_TMICT, 0xffffffff);	/* one-shot, counting down */
	pit_start_ch2();
	t0 = rdtsc_ordered();
	a0 = apic_read(APIC_TMCCT);
	t0a = rdtsc_ordered();
	for (;;) {
		t = rdtsc_ordered();
		if (inb(PORT_B) & PORT_B_OUT2)
			break;
		low = t;
		polls++;
	}
	t = rdtsc_ordered();
	a1 = apic_read(APIC_TMCCT);
	t1a = rdtsc_ordered();
	w->tsc = t - t0;
	span = (t + t1a) / 2 - (t0 + t0a) / 2;
	w->apic = span ? (u64)(a0 - a1) * w->tsc / span : 0;
	slack = w->tsc / 1000;
	w->clean = polls && t - low < slack && t0a - t0 < slack &&
		   t1a - t < slack;
}

static void sort_u64(u64 *v, int n)
{
	int i, j;
	u64 x;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Largest distance of the n values from their median, in ppm of it. */
static u64 spread_ppm(const u64 *sorted, int n)
{
	u64 median = sorted[n / 2];
	u64 dist = max(median - sorted[0], sorted[n - 1] - median);

	return median ? dist * 1000000 / median : ~0ULL;
}

struct calibration {
	u64 tsc[CAL_SAMPLES];
	u64 apic[CAL_SAMPLES];
	int n;		/* windows kept: the clean ones */
	int tries;
};

static void calibration_keep(struct calibration *c, const struct pit_window *w)
{
	c->tsc[c->n] = w->tsc;
	c->apic[c->n] = w->apic;
	c->n++;
}

/*
 * Clean windows until CAL_SAMPLES or CAL_TRIES, with the APIC timer
 * masked.  If none was clean (a host too busy to run us for 10 ms at a
 * stretch), the last one is kept anyway: a rough rate, which cannot show
 * the TSC constant, so the clock source will be jiffies.
 */
static void calibrate(struct calibration *c)
{
	struct pit_window w;

	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	for (c->n = c->tries = 0; c->n < CAL_SAMPLES && c->tries < CAL_TRIES;
	     c->tries++) {
		pit_measure(&w);
		if (w.clean)
			calibration_keep(c, &w);
	}
	if (!c->n) {
		pr_warn("tsc: no undisturbed calibration window in %d\n",
			c->tries);
		calibration_keep(c, &w);
	}
	apic_write(APIC_TMICT, 0);
	sort_u64(c->tsc, c->n);
	sort_u64(c->apic, c->n);
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

/* Counts in one window -> counts per second. */
static u64 window_to_hz(u64 count)
{
	return count * PIT_TICK_RATE / CAL_LATCH;
}

static void set_rates(const struct calibration *c)
{
	unsigned long lapic_khz;

	tsc_khz = window_to_hz(c->tsc[c->n / 2]) / 1000;
	lapic_timer_period = window_to_hz(c->apic[c->n / 2]) / HZ;
	lapic_khz = lapic_timer_period * HZ / 1000;
	pr_info("tsc: %lu.%03lu MHz TSC (PIT calibration: median of %d clean "
		"windows of %d ms, %d tried)\n", tsc_khz / 1000, tsc_khz % 1000,
		c->n, CAL_MS, c->tries);
	pr_info("APIC: timer %lu.%03lu MHz (bus clock / %d), %u counts per "
		"tick at HZ=%d\n", lapic_khz / 1000, lapic_khz % 1000,
		APIC_DIVISOR, lapic_timer_period, HZ);
	if (lapic_timer_period < 100)
		panic("time: the local APIC timer does not count (%u per tick)",
		      lapic_timer_period);
	if (tsc_khz)
		tsc_ns_mult = ((u64)NSEC_PER_MSEC << 32) / tsc_khz;
}

static bool clocksource_forced_jiffies(void)
{
	char buf[16];

	return cmdline_find_option(boot_command_line, "clocksource", buf,
				   sizeof(buf)) >= 0 && !strcmp(buf, "jiffies");
}

/* Pick the clock source and say why. */
static void choose_clocksource(const struct calibration *c)
{
	bool invariant = tsc_invariant();
	u64 spread = spread_ppm(c->tsc, c->n);
	bool constant = c->n >= 3 && spread <= CAL_AGREE_PPM;
	bool forced = clocksource_forced_jiffies();

	use_tsc = tsc_khz && (invariant || constant) && !forced;
	pr_info("tsc: %s (CPUID 0x80000007 EDX bit 8 %s); %s against the PIT "
		"(%d windows, %llu ppm apart at most)\n",
		invariant ? "invariant" : "not invariant",
		invariant ? "set" : "clear",
		constant ? "constant rate" : "rate NOT shown constant",
		c->n, (unsigned long long)spread);
	pr_info("clocksource: %s, %llu ns resolution%s\n", clocksource_name(),
		(unsigned long long)ktime_get_resolution_ns(),
		forced ? " (clocksource=jiffies on the command line)" : "");
}

void time_init(void)
{
	struct calibration c;

	calibrate(&c);
	set_rates(&c);
	choose_clocksource(&c);
	tsc_base = rdtsc_ordered();
	if (request_vector(LOCAL_TIMER_VECTOR, local_apic_timer_interrupt,
			   NULL, "Local timer interrupts"))
		panic("time: vector %#x is taken", LOCAL_TIMER_VECTOR);
}
