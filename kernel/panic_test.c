/*
 * Tests of panic() (suite "panic").  Its one case panics the kernel on
 * purpose, so it runs only when the command line has ktest_panic: the
 * harness's "panic" stage (tests/run --config panic) boots a machine of
 * three CPUs with "ktest=panic ktest_panic panic=1" and judges what it
 * prints.  Anywhere else the case is skipped.
 *
 * Every other CPU prints a line over and over, the first with
 * interrupts on (REBOOT_VECTOR stops it), the next with interrupts off
 * (only the NMI stops it), and so on; once each has printed, the case
 * panics.  The harness then checks that no such line comes after the
 * panic message, that "Rebooting in 1 seconds.." follows it, and that
 * QEMU exits (the reset, under -no-reboot) no sooner than that.
 *
 * Locking: none; each printer writes only its own printed[] slot.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/topology.h>

#define PRINTER_WAIT_MS	30000	/* a hang bound only */

static unsigned long printed[NR_CPUS];	/* lines each printer printed */
static bool ktest_panic;		/* ktest_panic on the command line */

static int ktest_panic_setup(char *str)
{
	ktest_panic = true;
	return 1;
}
__setup("ktest_panic", ktest_panic_setup);

/* Print for ever, with interrupts off if data says so. */
static int printer_thread(void *data)
{
	bool irqs_off = data;
	int cpu = smp_processor_id();

	if (irqs_off)
		local_irq_disable();
	for (;;) {
		pr_info("panic_test: CPU %d (interrupts %s) still printing\n",
			cpu, irqs_off ? "off" : "on");
		WRITE_ONCE(printed[cpu], printed[cpu] + 1);
		mdelay(2);
	}
	return 0;
}

/* Start a printer on every other online CPU; how many were started. */
static int start_printers(struct kunit *test)
{
	int cpu, self = smp_processor_id(), n = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (cpu == self || !cpu_data[cpu].online)
			continue;
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(printer_thread,
				(void *)(long)(n % 2), cpu, "panic_printer"));
		n++;
	}
	return n;
}

/* Whether the printer of every other online CPU has printed a line. */
static bool printers_running(void)
{
	int cpu, self = smp_processor_id();

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != self && cpu_data[cpu].online &&
		    !READ_ONCE(printed[cpu]))
			return false;
	return true;
}

static void panic_stops_other_cpus(struct kunit *test)
{
	int n, ms;

	if (!ktest_panic)
		kunit_skip(test, "panics the kernel: only with ktest_panic "
			   "(tests/run --config panic)");
	KUNIT_ASSERT_GT(test, panic_timeout, 0);
	n = start_printers(test);
	KUNIT_ASSERT_GE(test, n, 1);
	for (ms = 0; !printers_running() && ms < PRINTER_WAIT_MS; ms += 10)
		msleep(10);
	KUNIT_ASSERT_TRUE(test, printers_running());
	panic("panic_test: a panic on purpose, %d other CPU(s) printing", n);
}

static struct kunit_case panic_cases[] = {
	KUNIT_CASE(panic_stops_other_cpus),
	{}
};

static struct kunit_suite panic_suite = {
	.name = "panic",
	.test_cases = panic_cases,
};
kunit_test_suite(panic_suite);
