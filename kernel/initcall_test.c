/*
 * Tests of the initcalls (suite "initcall").
 *
 * Three initcalls of this file, at the core, device and late levels,
 * ran at boot before any test: each took the next number of a sequence
 * and noted whether /dev/null existed then.  Linked after every other
 * file, they still ran by level: core before devfs mounted /dev and the
 * memory driver registered null (fs and device levels), device in link
 * order after that driver, late after everything.
 *
 * do_one_initcall() is then given functions made up here: one that
 * fails, one that leaves preemption disabled, one that leaves
 * interrupts off; each must be reported by name, and the last two
 * repaired.
 */
#include <asm/irqflags.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/string.h>

struct initcall_record {
	int seq;		/* 1, 2, 3... in the order they ran; 0: never */
	int runs;
	bool saw_dev_null;
};

static int initcall_seq;
static struct initcall_record rec_core, rec_device, rec_late;

static int initcall_record(struct initcall_record *r)
{
	struct inode *null = kern_path("/dev/null");

	r->seq = ++initcall_seq;
	r->runs++;
	r->saw_dev_null = !IS_ERR(null);
	if (!IS_ERR(null))
		iput(null);
	return 0;
}

static int initcall_test_core(void)
{
	return initcall_record(&rec_core);
}
core_initcall(initcall_test_core);

static int initcall_test_device(void)
{
	return initcall_record(&rec_device);
}
module_init(initcall_test_device);

static int initcall_test_late(void)
{
	return initcall_record(&rec_late);
}
late_initcall(initcall_test_late);

static void initcall_levels_in_order(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, rec_core.seq, 1);
	KUNIT_EXPECT_EQ(test, rec_device.seq, 2);
	KUNIT_EXPECT_EQ(test, rec_late.seq, 3);
	KUNIT_EXPECT_EQ(test, rec_core.runs, 1);
	KUNIT_EXPECT_EQ(test, rec_device.runs, 1);
	KUNIT_EXPECT_EQ(test, rec_late.runs, 1);
}

/* Level order beats link order: this file is linked after devfs and mem. */
static void initcall_levels_around_drivers(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, rec_core.saw_dev_null);
	KUNIT_EXPECT_TRUE(test, rec_device.saw_dev_null);
	KUNIT_EXPECT_TRUE(test, rec_late.saw_dev_null);
}

/* The entries sit in their levels' sections, levels in order. */
static bool in_level(initcall_t fn, initcall_t const *start,
		     initcall_t const *end)
{
	initcall_t const *p;

	for (p = start; p < end; p++)
		if (*p == fn)
			return true;
	return false;
}

static void initcall_sections(struct kunit *test)
{
	initcall_t const *const bounds[] = {
		__initcall0_start, __initcall1_start, __initcall2_start,
		__initcall3_start, __initcall4_start, __initcall5_start,
		__initcall6_start, __initcall7_start, __initcall_end,
	};
	int i;

	for (i = 0; i + 1 < ARRAY_SIZE(bounds); i++)
		KUNIT_EXPECT_TRUE_MSG(test, bounds[i] <= bounds[i + 1],
				      "level %d ends before it starts", i);
	KUNIT_EXPECT_TRUE(test, in_level(initcall_test_core, __initcall1_start,
					 __initcall2_start));
	KUNIT_EXPECT_TRUE(test, in_level(initcall_test_device, __initcall6_start,
					 __initcall7_start));
	KUNIT_EXPECT_TRUE(test, in_level(initcall_test_late, __initcall7_start,
					 __initcall_end));
	KUNIT_EXPECT_FALSE(test, in_level(initcall_test_late, __initcall0_start,
					  __initcall7_start));
}

static int initcall_test_fails(void)
{
	return -EINVAL;
}

static int initcall_test_succeeds(void)
{
	return 0;
}

static void do_one_initcall_reports_failure(struct kunit *test)
{
	const char *out;
	int ret;

	kunit_info(test, "an initcall failure report follows; it is expected");
	kunit_capture_start();
	ret = do_one_initcall(initcall_test_fails);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_NOT_NULL_MSG(test,
		strstr(out, "initcall initcall_test_fails+0x0/0x"),
		"report:\n%s", out);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, " returned -22\n"),
				  "report:\n%s", out);

	kunit_capture_start();
	ret = do_one_initcall(initcall_test_succeeds);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_NULL(test, strstr(out, "returned -"));
}

static int initcall_test_leaves_preempt_off(void)
{
	preempt_disable();
	return 0;
}

static int initcall_test_leaves_irqs_off(void)
{
	local_irq_disable();
	return 0;
}

static void do_one_initcall_repairs(struct kunit *test)
{
	int count = preempt_count();
	const char *out;

	kunit_info(test, "two initcall reports follow; they are expected");
	kunit_capture_start();
	do_one_initcall(initcall_test_leaves_preempt_off);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	KUNIT_EXPECT_NOT_NULL_MSG(test,
		strstr(out, "initcall initcall_test_leaves_preempt_off+0x0/0x"),
		"report:\n%s", out);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "preemption imbalance"));

	kunit_capture_start();
	do_one_initcall(initcall_test_leaves_irqs_off);
	out = kunit_capture_stop();
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_NOT_NULL_MSG(test,
		strstr(out, "initcall initcall_test_leaves_irqs_off+0x0/0x"),
		"report:\n%s", out);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "interrupts disabled"));
}

static struct kunit_case initcall_cases[] = {
	KUNIT_CASE(initcall_levels_in_order),
	KUNIT_CASE(initcall_levels_around_drivers),
	KUNIT_CASE(initcall_sections),
	KUNIT_CASE(do_one_initcall_reports_failure),
	KUNIT_CASE(do_one_initcall_repairs),
	{}
};

static struct kunit_suite initcall_suite = {
	.name = "initcall",
	.test_cases = initcall_cases,
};
kunit_test_suite(initcall_suite);
