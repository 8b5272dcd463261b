/*
 * Tests for the test framework itself (suite "kunit"): case selection,
 * and that a failed assertion ends a case while a failed expectation
 * does not.  Those two run a scratch struct kunit inside a nested
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

static struct kunit_case kunit_cases[] = {
	KUNIT_CASE(kunit_filter_selects),
	KUNIT_CASE(kunit_filter_long_globs),
	KUNIT_CASE(kunit_assert_ends_case),
	KUNIT_CASE(kunit_expect_goes_on),
	KUNIT_CASE(kunit_skip_ends_case),
	{}
};

static struct kunit_suite kunit_suite = {
	.name = "kunit",
	.test_cases = kunit_cases,
};
kunit_test_suite(kunit_suite);
