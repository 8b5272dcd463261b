/*
 * Calibrating the TSC and the local APIC timer at boot: counting their
 * ticks against a clock whose rate is known, for time_init().
 *
 * The reference is the ACPI PM timer when the FADT names one (QEMU's pc
 * and q35 both have it): a free-running counter at 3.579545 MHz that can
 * be read at any moment, so a virtual CPU descheduled for a while by a
 * loaded host loses nothing, the counter having gone on meanwhile.  One
 * window of PMTMR_PARTS * PMTMR_PART_MS ms is measured; at each of its
 * ends and joins the PM timer is read between two TSC reads and the APIC
 * timer after it, and of PMTMR_READS such reads the one whose TSC reads
 * lie closest together is kept (a read the host interrupted is simply
 * not the closest).  The whole window gives the rates; its parts, each
 * long against the uncertainty of a read, show whether the TSC ticks at
 * a constant rate.  Linux's pit_hpet_ptimer_calibrate_cpu() reads the
 * PM timer the same way, around a PIT-timed window.
 *
 * Without a PM timer (or one that does not count) the reference is the
 * PIT, as before: PIT channel 2 counts down 10 ms, several times, and
 * the TSC and the APIC timer are read at the start and when its output
 * rises (Linux's pit_calibrate_tsc() idea).  A window is only used when
 * the loop noticed the end quickly; a loaded host can spoil them all,
 * and then the rate is rough and not shown constant.
 *
 * Both run once, on the boot CPU with interrupts off and the APIC timer
 * masked, before any other CPU starts: no locks, no shared state.
 */
#include <asm/apic.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/tsc.h>
#include <linux/acpi.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

/* The ACPI PM timer (ACPI 6.5, 4.8.3.3) */
#define PMTMR_TICK_RATE		3579545		/* Hz */
#define PMTMR_PARTS		3		/* parts of the window */
/*
 * 5 ms a part: a read is placed within its bracket to a few hundred ns
 * and a PM timer tick is 279 ns, so a part's rate is good to about
 * 0.01 % (the parts' check allows 0.5 %), the 15 ms window's to 0.004 %.
 * Longer windows only make the boot slower (three parts of 20 ms took a
 * quarter of a whole boot to the shell).
 */
#define PMTMR_PART_MS		5
#define PMTMR_PART_TICKS	(PMTMR_TICK_RATE / (MSEC_PER_SEC / PMTMR_PART_MS))
#define PMTMR_READS		16		/* reads per point, best kept */
#define PMTMR_TRIES		3		/* windows, if the parts disagree */
#define PMTMR_MAX_POLLS		10000000	/* reads before giving up */

/* The PIT */
#define CAL_MS		10				/* one window */
#define CAL_LATCH	(PIT_TICK_RATE / (MSEC_PER_SEC / CAL_MS))
#define CAL_SAMPLES	5		/* clean windows wanted */
#define CAL_TRIES	50		/* windows tried at most */

#define APIC_COUNT_START	0xffffffff	/* one-shot, counting down */

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

/* The APIC timer counting down from APIC_COUNT_START, interrupt masked. */
static void apic_timer_start_oneshot(void)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_TMICT, APIC_COUNT_START);
}

/* ---- against the ACPI PM timer ---- */

static u16 pmtmr_port;
static u32 pmtmr_mask;		/* 24 or 32 bits */

static u32 pmtmr_read(void)
{
	return inl(pmtmr_port) & pmtmr_mask;
}

/* PM timer ticks from a to b, across a wrap of the counter. */
static u32 pmtmr_ticks(u32 a, u32 b)
{
	return (b - a) & pmtmr_mask;
}

/* One point of the window: both counters, on the TSC's time line. */
struct pmtmr_point {
	u32 pm;
	u64 pm_tsc;	/* TSC at the PM timer read: middle of its bracket */
	u32 apic;
	u64 apic_tsc;	/* TSC at the APIC timer read */
	u64 width;	/* TSC cycles from the first TSC read to the last */
};

static void pmtmr_read_point(struct pmtmr_point *p)
{
	u64 t0, t1, t2;

	t0 = rdtsc_ordered();
	p->pm = pmtmr_read();
	t1 = rdtsc_ordered();
	p->apic = apic_read(APIC_TMCCT);
	t2 = rdtsc_ordered();
	p->pm_tsc = t0 + (t1 - t0) / 2;
	p->apic_tsc = t1 + (t2 - t1) / 2;
	p->width = t2 - t0;
}

/*
 * The closest of PMTMR_READS reads: a read during which the virtual CPU
 * stood still (or an emulator exit took long) is retried, not used.
 */
static void pmtmr_point(struct pmtmr_point *best)
{
	struct pmtmr_point p;
	int i;

	pmtmr_read_point(best);
	for (i = 1; i < PMTMR_READS; i++) {
		pmtmr_read_point(&p);
		if (p.width < best->width)
			*best = p;
	}
}

/* Spin until the PM timer is ticks past start; false if it stopped. */
static bool pmtmr_wait(u32 start, u32 ticks)
{
	long polls;

	for (polls = 0; polls < PMTMR_MAX_POLLS; polls++) {
		if (pmtmr_ticks(start, pmtmr_read()) >= ticks)
			return true;
		__builtin_ia32_pause();
	}
	return false;
}

/* A timer that reads the same all along is not there (or not enabled). */
static bool pmtmr_counts(void)
{
	u32 first = pmtmr_read();
	int i;

	for (i = 0; i < 100000; i++)
		if (pmtmr_read() != first)
			return true;
	return false;
}

/* counts over the PM timer ticks from a to b, in counts per second. */
static u64 pmtmr_rate(u64 counts, const struct pmtmr_point *a,
		      const struct pmtmr_point *b)
{
	u32 ticks = pmtmr_ticks(a->pm, b->pm);

	return ticks ? counts * PMTMR_TICK_RATE / ticks : 0;
}

/* One window: points pt[0..PMTMR_PARTS], PMTMR_PART_MS ms apart. */
static bool pmtmr_window(struct pmtmr_point *pt)
{
	int i;

	pmtmr_point(&pt[0]);
	for (i = 1; i <= PMTMR_PARTS; i++) {
		if (!pmtmr_wait(pt[i - 1].pm, PMTMR_PART_TICKS))
			return false;
		pmtmr_point(&pt[i]);
	}
	return true;
}

/* The parts' TSC rates, sorted; returns how far apart they are. */
static u64 pmtmr_parts_spread(const struct pmtmr_point *pt)
{
	u64 hz[PMTMR_PARTS];
	int i;

	for (i = 0; i < PMTMR_PARTS; i++)
		hz[i] = pmtmr_rate(pt[i + 1].pm_tsc - pt[i].pm_tsc, &pt[i],
				   &pt[i + 1]);
	sort_u64(hz, PMTMR_PARTS);
	return spread_ppm(hz, PMTMR_PARTS);
}

/* The rates from the window's two ends. */
static void pmtmr_rates(const struct pmtmr_point *first,
			const struct pmtmr_point *last,
			struct tsc_calibration *c)
{
	u64 apic_span = last->apic_tsc - first->apic_tsc;
	u64 tsc_span = last->pm_tsc - first->pm_tsc;

	c->tsc_hz = pmtmr_rate(tsc_span, first, last);
	c->apic_hz = apic_span ? (u64)(first->apic - last->apic) *
				 c->tsc_hz / apic_span : 0;
	c->window_us = pmtmr_ticks(first->pm, last->pm) * 1000000ULL /
		       PMTMR_TICK_RATE;
	c->read_ns = c->tsc_hz ? max(first->width, last->width) *
				 NSEC_PER_SEC / c->tsc_hz : 0;
}

/*
 * Windows until their parts agree within TSC_CONSTANT_PPM, PMTMR_TRIES
 * at most (a TSC whose rate really changes never agrees).  False when
 * the timer stopped counting halfway.
 */
static bool calibrate_pmtmr(struct tsc_calibration *c)
{
	struct pmtmr_point pt[PMTMR_PARTS + 1];

	apic_timer_start_oneshot();
	for (c->tries = 1;; c->tries++) {
		if (!pmtmr_window(pt))
			return false;
		c->spread_ppm = pmtmr_parts_spread(pt);
		if (c->spread_ppm <= TSC_CONSTANT_PPM ||
		    c->tries == PMTMR_TRIES)
			break;
	}
	apic_write(APIC_TMICT, 0);
	pmtmr_rates(&pt[0], &pt[PMTMR_PARTS], c);
	c->source = TSC_CAL_PMTMR;
	c->parts = PMTMR_PARTS;
	return true;
}

/* ---- against the PIT ---- */

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

	apic_write(APIC_TMICT, APIC_COUNT_START);
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

/* Counts in one window -> counts per second. */
static u64 window_to_hz(u64 count)
{
	return count * PIT_TICK_RATE / CAL_LATCH;
}

/*
 * Clean windows until CAL_SAMPLES or CAL_TRIES; the medians give the
 * rates.  If none was clean (a host too busy to run us for 10 ms at a
 * stretch), the last one is used anyway: a rough rate, which cannot show
 * the TSC constant, so the clock source will be jiffies.
 */
static void calibrate_pit(struct tsc_calibration *c)
{
	u64 tsc[CAL_SAMPLES], apic[CAL_SAMPLES];
	struct pit_window w;
	int n = 0;

	apic_timer_start_oneshot();
	for (c->tries = 0; n < CAL_SAMPLES && c->tries < CAL_TRIES;
	     c->tries++) {
		pit_measure(&w);
		if (w.clean) {
			tsc[n] = w.tsc;
			apic[n++] = w.apic;
		}
	}
	apic_write(APIC_TMICT, 0);
	if (!n) {
		pr_warn("tsc: no undisturbed PIT window in %d\n", c->tries);
		tsc[0] = w.tsc;
		apic[n++] = w.apic;
	}
	sort_u64(tsc, n);
	sort_u64(apic, n);
	c->source = TSC_CAL_PIT;
	c->parts = n;
	c->spread_ppm = spread_ppm(tsc, n);
	c->tsc_hz = window_to_hz(tsc[n / 2]);
	c->apic_hz = window_to_hz(apic[n / 2]);
	c->window_us = CAL_MS * USEC_PER_SEC / MSEC_PER_SEC;
}

void tsc_calibrate(struct tsc_calibration *c)
{
	memset(c, 0, sizeof(*c));
	pmtmr_port = acpi_info.pm_timer_port;
	pmtmr_mask = acpi_info.pm_timer_bits == 32 ? 0xffffffff : 0xffffff;
	if (pmtmr_port) {
		if (pmtmr_counts() && calibrate_pmtmr(c))
			return;
		pr_warn("tsc: the ACPI PM timer at port 0x%x does not count; "
			"calibrating against the PIT\n", pmtmr_port);
		memset(c, 0, sizeof(*c));
	}
	calibrate_pit(c);
}
