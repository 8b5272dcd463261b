/*
 * Tests of refcount_t (suite "refcount", lib/refcount.c): the count
 * frees exactly once, at the last reference; every misuse saturates the
 * count so the object is never freed again, and is reported in Linux's
 * words with a backtrace, once per kind.
 *
 * Each kind of report is printed once per boot, so each case makes a
 * different kind of misuse, the first of its kind (nothing else in the
 * kernel makes one, unless it has the very bug the report is for), and
 * the case that repeats its misuse expects silence the second time.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/refcount.h>
#include <linux/string.h>

/* A stand-in for an object: freed when its count says so. */
struct fake_object {
	refcount_t ref;
	int frees;
};

static void fake_put(struct fake_object *obj)
{
	if (refcount_dec_and_test(&obj->ref))
		obj->frees++;
}

static void expect_saturated(struct kunit *test, const refcount_t *r)
{
	KUNIT_EXPECT_EQ(test, (int)refcount_read(r), REFCOUNT_SATURATED);
}

/*
 * The report: its line, then the WARNING with a backtrace through the
 * case (a caller that ends in a tail call leaves no frame of its own).
 */
static void expect_report(struct kunit *test, const char *out,
			  const char *line, const char *caller)
{
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, line), "no \"%s\"", line);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "WARNING: at lib/refcount.c:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call Trace:"));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, caller), "no %s", caller);
}

static void refcount_dec_and_test_last_reference(struct kunit *test)
{
	struct fake_object obj = { .ref = REFCOUNT_INIT(1) };

	refcount_inc(&obj.ref);
	refcount_add(2, &obj.ref);
	KUNIT_EXPECT_EQ(test, refcount_read(&obj.ref), 4U);
	fake_put(&obj);
	fake_put(&obj);
	refcount_dec(&obj.ref);		/* not the last: no report */
	KUNIT_EXPECT_EQ(test, obj.frees, 0);
	KUNIT_EXPECT_EQ(test, refcount_read(&obj.ref), 1U);
	fake_put(&obj);
	KUNIT_EXPECT_EQ(test, obj.frees, 1);
	KUNIT_EXPECT_EQ(test, refcount_read(&obj.ref), 0U);

	refcount_set(&obj.ref, 5);
	KUNIT_EXPECT_FALSE(test, refcount_sub_and_test(4, &obj.ref));
	KUNIT_EXPECT_TRUE(test, refcount_sub_and_test(1, &obj.ref));
}

static void refcount_inc_not_zero_on_zero(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(0);
	const char *out;

	kunit_capture_start();
	KUNIT_EXPECT_FALSE(test, refcount_inc_not_zero(&r)); /* no bug */
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 0U);
	KUNIT_EXPECT_NULL(test, strstr(out, "refcount_t"));
	refcount_set(&r, 1);
	KUNIT_EXPECT_TRUE(test, refcount_inc_not_zero(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 2U);
}

static void refcount_inc_on_zero(struct kunit *test)
{
	struct fake_object obj = { .ref = REFCOUNT_INIT(0) };
	const char *out;

	kunit_info(test, "a deliberate refcount_t report follows");
	kunit_capture_start();
	refcount_inc(&obj.ref);
	out = kunit_capture_stop();
	expect_report(test, out, "refcount_t: addition on 0; use-after-free.",
		      "refcount_inc_on_zero+0x");
	expect_saturated(test, &obj.ref);
	KUNIT_EXPECT_EQ(test, obj.frees, 0);
}

static void refcount_dec_and_test_underflow(struct kunit *test)
{
	struct fake_object obj = { .ref = REFCOUNT_INIT(1) };
	const char *out;
	int i;

	fake_put(&obj);
	KUNIT_ASSERT_EQ(test, obj.frees, 1);
	kunit_info(test, "a deliberate refcount_t report follows");
	kunit_capture_start();
	fake_put(&obj);			/* one put too many */
	out = kunit_capture_stop();
	expect_report(test, out, "refcount_t: underflow; use-after-free.",
		      "refcount_dec_and_test_underflow+0x");
	expect_saturated(test, &obj.ref);

	kunit_capture_start();
	for (i = 0; i < 3; i++)		/* more misuse: silent */
		fake_put(&obj);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, strstr(out, "refcount_t"));
	KUNIT_EXPECT_EQ(test, obj.frees, 1);	/* never freed again */
	expect_saturated(test, &obj.ref);
}

static void refcount_inc_overflow(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(REFCOUNT_MAX);
	const char *out;

	kunit_info(test, "a deliberate refcount_t report follows");
	kunit_capture_start();
	refcount_inc(&r);
	out = kunit_capture_stop();
	expect_report(test, out, "refcount_t: saturated; leaking memory.",
		      "refcount_inc_overflow+0x");
	expect_saturated(test, &r);
	refcount_inc(&r);		/* stays saturated, far from INT_MAX */
	expect_saturated(test, &r);
}

static void refcount_dec_to_zero(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(1);
	const char *out;

	kunit_info(test, "a deliberate refcount_t report follows");
	kunit_capture_start();
	refcount_dec(&r);		/* the last one, and nobody frees */
	out = kunit_capture_stop();
	expect_report(test, out, "refcount_t: decrement hit 0; leaking memory.",
		      "refcount_dec_to_zero+0x");
	expect_saturated(test, &r);
}

static struct kunit_case refcount_cases[] = {
	KUNIT_CASE(refcount_dec_and_test_last_reference),
	KUNIT_CASE(refcount_inc_not_zero_on_zero),
	KUNIT_CASE(refcount_inc_on_zero),
	KUNIT_CASE(refcount_dec_and_test_underflow),
	KUNIT_CASE(refcount_inc_overflow),
	KUNIT_CASE(refcount_dec_to_zero),
	{}
};

static struct kunit_suite refcount_suite = {
	.name = "refcount",
	.test_cases = refcount_cases,
};
kunit_test_suite(refcount_suite);
