/*
 * Tests for the test framework itself (suite "kunit"): case selection,
 * that a failed assertion ends a case while a failed expectation
 * does not, and how a program suite's KTAP is counted.  Those two run a scratch struct kunit inside a nested
 * try/catch, as the runner does, so the failures they provoke are
 * printed but belong to the scratch case, not to this one.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

static void kunit_filter_selects(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("all", "printk", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("printk", "printk", "x"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match("printk", "string", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("print*", "printk", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("printk.x", "printk", "x"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match("printk.y", "printk", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("*.printk_*", "printk",
						   "printk_decimal"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("string,printk.x", "printk", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match("string,printk.x", "string", "y"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match("string,printk.x", "printk", "y"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match("none", "printk", "x"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match("", "printk", "x"));
}

/* A glob may be as long as the command line allows. */
static void kunit_filter_long_globs(struct kunit *test)
{
	static char filter[1024];
	size_t len;

	memset(filter, '*', 600);
	len = 600 + scnprintf(filter + 600, sizeof(filter) - 600, "k.*x");
	KUNIT_EXPECT_EQ(test, len, 604);
	KUNIT_EXPECT_TRUE(test, kunit_filter_match(filter, "printk", "x"));
	KUNIT_EXPECT_FALSE(test, kunit_filter_match(filter, "string", "x"));
	scnprintf(filter + 600, sizeof(filter) - 600, "k.*y,string");
	KUNIT_EXPECT_FALSE(test, kunit_filter_match(filter, "printk", "x"));
	KUNIT_EXPECT_TRUE(test, kunit_filter_match(filter, "string", "x"));
}

struct scratch {
	struct kunit test;
	int reached;
};

static void failing_assertion(void *arg)
{
	struct scratch *s = arg;

	s->reached = 1;
	KUNIT_ASSERT_EQ(&s->test, 1 + 1, 3);
	s->reached = 2;		/* never: the assertion ended the case */
}

static void failing_expectation(void *arg)
{
	struct scratch *s = arg;

	s->reached = 1;
	KUNIT_EXPECT_STREQ(&s->test, "abc", "abd");
	s->reached = 2;		/* an expectation goes on */
}

static void skipping(void *arg)
{
	struct scratch *s = arg;

	kunit_skip(&s->test, "not today");
	s->reached = 2;
}

static enum kunit_caught run_scratch(void (*fn)(void *), struct scratch *s)
{
	struct kunit_try_catch tc = { .expect_fault = false };

	*s = (struct scratch){ .test = { .name = "scratch" } };
	return kunit_try_catch_run(&tc, fn, s);
}

static void kunit_assert_ends_case(struct kunit *test)
{
	struct scratch s;

	kunit_info(test, "a deliberate ASSERTION FAILED of a scratch case follows");
	KUNIT_EXPECT_EQ(test, run_scratch(failing_assertion, &s),
			KUNIT_CAUGHT_ABORT);
	KUNIT_EXPECT_EQ(test, s.reached, 1);
	KUNIT_EXPECT_EQ(test, s.test.status, KUNIT_FAILURE);
}

static void kunit_expect_goes_on(struct kunit *test)
{
	struct scratch s;

	kunit_info(test, "a deliberate EXPECTATION FAILED of a scratch case follows");
	KUNIT_EXPECT_EQ(test, run_scratch(failing_expectation, &s),
			KUNIT_CAUGHT_NOTHING);
	KUNIT_EXPECT_EQ(test, s.reached, 2);
	KUNIT_EXPECT_EQ(test, s.test.status, KUNIT_FAILURE);
}

static void kunit_skip_ends_case(struct kunit *test)
{
	struct scratch s;

	KUNIT_EXPECT_EQ(test, run_scratch(skipping, &s), KUNIT_CAUGHT_ABORT);
	KUNIT_EXPECT_EQ(test, s.reached, 0);
	KUNIT_EXPECT_EQ(test, s.test.status, KUNIT_SKIPPED);
	KUNIT_EXPECT_STREQ(test, s.test.status_comment, "not today");
}

/* Count the KTAP lines (NULL-terminated) of a program that passed or not. */
static void count_program(const char *const *lines, bool passed, int stats[3])
{
	struct kunit_program_counts c = { .plan = -1 };

	stats[0] = stats[1] = stats[2] = 0;
	while (*lines)
		kunit_program_line(&c, *lines++);
	kunit_program_count(&c, passed, stats);
}

#define EXPECT_STATS(test, stats, p, f, s)				\
	do {								\
		KUNIT_EXPECT_EQ(test, (stats)[0], p);			\
		KUNIT_EXPECT_EQ(test, (stats)[1], f);			\
		KUNIT_EXPECT_EQ(test, (stats)[2], s);			\
	} while (0)

/* A program suite's cases count as tests/ktap.py counts them. */
static void kunit_program_counts_cases(struct kunit *test)
{
	static const char *const whole[] = {
		"    KTAP version 1", "    # Subtest: prog", "    1..4",
		"    ok 1 a", "    # b: EXPECTATION FAILED at b.c:1",
		"    not ok 2 b", "    ok 3 c # SKIP not here",
		"        ok 1 deeper", "ok 9 shallower", "    # ok 5 comment",
		"    ok 4 d", "# prog: pass:2 fail:1 skip:1 total:4", NULL
	};
	static const char *const cut_short[] = {
		"    1..5", "    ok 1 a", "    ok 2 b", NULL
	};
	static const char *const all_passed[] = {
		"    1..2", "    ok 1 a", "    ok 2 b", NULL
	};
	static const char *const no_plan[] = { "    ok 1 a", NULL };
	static const char *const nothing[] = { "usage: prog", NULL };
	int stats[3];

	count_program(whole, false, stats);
	EXPECT_STATS(test, stats, 2, 1, 1);
	count_program(cut_short, false, stats);	/* #3-#5 never came */
	EXPECT_STATS(test, stats, 2, 3, 0);
	count_program(all_passed, true, stats);
	EXPECT_STATS(test, stats, 2, 0, 0);
	count_program(all_passed, false, stats);	/* a bad exit status */
	EXPECT_STATS(test, stats, 2, 1, 0);
	count_program(no_plan, true, stats);
	EXPECT_STATS(test, stats, 1, 1, 0);
	count_program(nothing, true, stats);	/* the suite is one case */
	EXPECT_STATS(test, stats, 1, 0, 0);
	count_program(nothing, false, stats);
	EXPECT_STATS(test, stats, 0, 1, 0);
}

static struct kunit_case kunit_cases[] = {
	KUNIT_CASE(kunit_filter_selects),
	KUNIT_CASE(kunit_filter_long_globs),
	KUNIT_CASE(kunit_assert_ends_case),
	KUNIT_CASE(kunit_expect_goes_on),
	KUNIT_CASE(kunit_skip_ends_case),
	KUNIT_CASE(kunit_program_counts_cases),
	{}
};

static struct kunit_suite kunit_suite = {
	.name = "kunit",
	.test_cases = kunit_cases,
};
kunit_test_suite(kunit_suite);
