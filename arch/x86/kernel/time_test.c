/*
 * Tests of the tick and the clocks (suite "timer"): jiffies advance,
 * ktime_get_ns() never goes back and moves on, the delays last at least
 * what was asked, the rates were calibrated against the PM timer where
 * there is one and are plausible, and the local timer interrupt comes
 * at about HZ.
 *
 * Only lower bounds on time: a slow or loaded host makes everything
 * take longer (and may even merge ticks that came while QEMU was not
 * running), never shorter, so no case has an upper time limit.  Waits
 * halt between checks and are bounded by a number of interrupts.
 */
#include <asm/apic.h>
#include <asm/cmdline.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/smp.h>
#include <linux/string.h>

#define WAIT_IRQS	100000		/* interrupts to wait at most */

static bool clock_is_tsc(void)
{
	return !strcmp(clocksource_name(), "tsc");
}

static void timer_jiffies_advance(struct kunit *test)
{
	unsigned long start = jiffies;
	int n;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	for (n = 0; n < WAIT_IRQS && jiffies - start < 3; n++)
		halt();
	KUNIT_EXPECT_GE(test, jiffies - start, 3);
	KUNIT_EXPECT_TRUE(test, time_after(jiffies, start));
}

static void timer_ktime_monotonic(struct kunit *test)
{
	u64 first = ktime_get_ns(), prev = first, now;
	unsigned long backwards = 0;
	int i, n;

	for (i = 0; i < 100000; i++) {
		now = ktime_get_ns();
		if (now < prev)
			backwards++;
		prev = now;
	}
	KUNIT_EXPECT_EQ(test, backwards, 0);
	/* It moves on (the jiffies clock only at the next tick). */
	for (n = 0; n < WAIT_IRQS && ktime_get_ns() == first; n++)
		halt();
	KUNIT_EXPECT_GT(test, ktime_get_ns(), first);
	KUNIT_EXPECT_GT(test, ktime_get_resolution_ns(), 0);
}

/*
 * The delay, measured with the clock it waits on, is at least what was
 * asked, less one step of the clock's resolution at each end.
 */
static void expect_at_least(struct kunit *test, const char *what,
			    unsigned long n, u64 elapsed, u64 want)
{
	u64 slack = 2 * ktime_get_resolution_ns();

	KUNIT_EXPECT_GE_MSG(test, elapsed + slack, want, "%s(%lu)", what, n);
}

static void timer_udelay_at_least(struct kunit *test)
{
	static const unsigned long us[] = { 1, 10, 100, 1000, 5000, 25000 };
	unsigned int i;
	u64 t0;

	for (i = 0; i < ARRAY_SIZE(us); i++) {
		t0 = ktime_get_ns();
		udelay(us[i]);
		expect_at_least(test, "udelay", us[i], ktime_get_ns() - t0,
				us[i] * NSEC_PER_USEC);
	}
}

static void timer_ndelay_mdelay_at_least(struct kunit *test)
{
	static const unsigned long ns[] = { 1, 100, 1000, 50000 };
	static const unsigned long ms[] = { 1, 20, 50 };
	unsigned int i;
	u64 t0;

	for (i = 0; i < ARRAY_SIZE(ns); i++) {
		t0 = ktime_get_ns();
		ndelay(ns[i]);
		expect_at_least(test, "ndelay", ns[i], ktime_get_ns() - t0,
				ns[i]);
	}
	for (i = 0; i < ARRAY_SIZE(ms); i++) {
		t0 = ktime_get_ns();
		mdelay(ms[i]);
		expect_at_least(test, "mdelay", ms[i], ktime_get_ns() - t0,
				ms[i] * NSEC_PER_MSEC);
	}
}

/* clocksource=jiffies on the command line. */
static bool clock_forced_jiffies(void)
{
	char buf[16];

	return cmdline_find_option(boot_command_line, "clocksource", buf,
				   sizeof(buf)) >= 0 && !strcmp(buf, "jiffies");
}

static bool calibrated_against_pm_timer(void)
{
	return !strcmp(tsc_calibration_source(), TSC_CAL_PMTMR);
}

/*
 * Where the FADT names a PM timer the rates come from it, and its long
 * window shows the TSC's rate constant however loaded the host is, so
 * the clock is the TSC (unless the command line says jiffies).
 */
static void timer_calibrated_against_pm_timer(struct kunit *test)
{
	if (!acpi_info.pm_timer_port)
		kunit_skip(test, "the FADT names no PM timer");
	KUNIT_EXPECT_STREQ(test, tsc_calibration_source(), TSC_CAL_PMTMR);
	if (!clock_forced_jiffies())
		KUNIT_EXPECT_STREQ(test, clocksource_name(), "tsc");
}

/*
 * With interrupts off the TSC clock still runs, and so do delays.  Only
 * clocksource=jiffies, or a PIT calibration that a busy host spoilt,
 * leaves the jiffies clock, which stops with interrupts off.
 */
static void timer_udelay_irqs_off(struct kunit *test)
{
	unsigned long flags;
	u64 t0, t1;

	if (!clock_is_tsc()) {
		KUNIT_ASSERT_FALSE_MSG(test, calibrated_against_pm_timer() &&
				       !clock_forced_jiffies(),
				       "the jiffies clock after a PM timer "
				       "calibration");
		kunit_skip(test, "the jiffies clock stops with interrupts off");
	}
	local_irq_save(flags);
	t0 = ktime_get_ns();
	udelay(3000);
	t1 = ktime_get_ns();
	local_irq_restore(flags);
	expect_at_least(test, "udelay", 3000, t1 - t0, 3000 * NSEC_PER_USEC);
}

/*
 * Non-zero, and the TSC's rate seen through the clock over a delay is
 * the calibrated one within a factor of two (a wrong unit or a swapped
 * multiplier would be off by far more).
 */
static void timer_rates_plausible(struct kunit *test)
{
	u64 c0, c1, t0, t1, khz;

	KUNIT_EXPECT_GE(test, tsc_khz, 1000);		/* 1 MHz */
	KUNIT_EXPECT_GE(test, lapic_timer_period, 100);	/* 10 kHz */
	kunit_info(test, "TSC %lu kHz, APIC timer %u counts per tick, clock %s",
		   tsc_khz, lapic_timer_period, clocksource_name());
	t0 = ktime_get_ns();
	c0 = get_cycles();
	mdelay(50);
	c1 = get_cycles();
	t1 = ktime_get_ns();
	KUNIT_ASSERT_GT(test, t1, t0);
	khz = (c1 - c0) * NSEC_PER_MSEC / (t1 - t0);
	KUNIT_EXPECT_GE_MSG(test, khz * 2, tsc_khz, "measured %llu kHz", khz);
	KUNIT_EXPECT_LE_MSG(test, khz, tsc_khz * 2, "measured %llu kHz", khz);
}

/*
 * The local timer interrupt over at least 300 ms: at least half the
 * ticks HZ promises.  Ticks due while the host did not run QEMU come
 * late or merge, hence only a lower bound, and a loose one.
 */
static void timer_tick_rate(struct kunit *test)
{
	int cpu = smp_processor_id();
	unsigned long ticks0, ticks, j0, j;
	unsigned long flags;
	u64 t0, elapsed = 0;
	int n;

	local_irq_save(flags);		/* no tick between the reads */
	ticks0 = vector_count(LOCAL_TIMER_VECTOR, cpu);
	j0 = jiffies;
	local_irq_restore(flags);
	t0 = ktime_get_ns();
	for (n = 0; n < WAIT_IRQS && elapsed < 300 * NSEC_PER_MSEC; n++) {
		halt();
		elapsed = ktime_get_ns() - t0;
	}
	local_irq_save(flags);
	ticks = vector_count(LOCAL_TIMER_VECTOR, cpu) - ticks0;
	j = jiffies - j0;
	local_irq_restore(flags);
	kunit_info(test, "%lu ticks in %llu ms", ticks,
		   elapsed / NSEC_PER_MSEC);
	KUNIT_EXPECT_GE(test, elapsed, 300 * NSEC_PER_MSEC);
	KUNIT_EXPECT_GE(test, ticks * 2, elapsed / TICK_NSEC);
	if (cpu == 0)		/* CPU 0's tick counts jiffies */
		KUNIT_EXPECT_EQ(test, j, ticks);
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(timer_jiffies_advance),
	KUNIT_CASE(timer_ktime_monotonic),
	KUNIT_CASE(timer_udelay_at_least),
	KUNIT_CASE(timer_ndelay_mdelay_at_least),
	KUNIT_CASE(timer_calibrated_against_pm_timer),
	KUNIT_CASE(timer_udelay_irqs_off),
	KUNIT_CASE(timer_rates_plausible),
	KUNIT_CASE(timer_tick_rate),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
