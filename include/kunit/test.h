/*
 * In-kernel unit tests: the subset of Linux's KUnit this kernel offers,
 * with the same names and shapes, so a test written here reads like one
 * in Linux:
 *
 *	static void buddy_order0(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, 1 + 1, 2);
 *	}
 *	static struct kunit_case buddy_cases[] = { KUNIT_CASE(buddy_order0), {} };
 *	static struct kunit_suite buddy_suite = {
 *		.name = "buddy", .test_cases = buddy_cases,
 *	};
 *	kunit_test_suite(buddy_suite);
 *
 * Suites register through the .kunit_test_suites linker section and run
 * when the command line says ktest=all, ktest=SUITE or ktest=SUITE.CASE
 * (globs and comma-separated lists allowed).  Results are printed as KTAP
 * version 1, exactly as Linux KUnit prints them.  KUNIT_EXPECT_* records
 * a failure and goes on; KUNIT_ASSERT_* records it and ends the case;
 * a CPU exception in a case fails that case only.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/try-catch.h>
#include <linux/compiler.h>
#include <linux/types.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

#define KUNIT_STATUS_COMMENT_SIZE	128

/* The state of one running test case. */
struct kunit {
	const char *name;
	enum kunit_status status;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	void *priv;		/* for the suite's init/exit and the case */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

struct kunit_suite {
	const char *name;
	int (*init)(struct kunit *test);	/* before each case */
	void (*exit)(struct kunit *test);	/* after each case */
	struct kunit_case *test_cases;		/* ends with an empty entry */
	/*
	 * Or a user program (argv[0] a path) that prints the suite's KTAP
	 * itself, nested as a suite (header, plan, results, counts): the
	 * executor runs it as a process, counts the cases its output
	 * reports into the totals and prints the result line from its
	 * exit status (0: passed).  test_cases is then NULL.
	 */
	const char *const *program;
};

#define kunit_test_suite(suite)						\
	static struct kunit_suite *const __kunit_suite_##suite		\
	__used __section(".kunit_test_suites") = &(suite)

/* Diagnostics for the running case ("    # case: ..."). */
void kunit_info(struct kunit *test, const char *fmt, ...) __printf(2, 3);
void kunit_err(struct kunit *test, const char *fmt, ...) __printf(2, 3);

/* Mark the case skipped and end it (kunit_skip) or go on (kunit_mark_skipped). */
void kunit_mark_skipped(struct kunit *test, const char *fmt, ...) __printf(2, 3);
#define kunit_skip(test, fmt, ...)					\
	do {								\
		kunit_mark_skipped(test, fmt, ##__VA_ARGS__);		\
		kunit_try_catch_throw();				\
	} while (0)

/*
 * Run fn(arg), which is expected to raise a CPU exception.  Returns the
 * exception's vector (with *addr set to CR2 for a page fault), or -1 when
 * fn returned normally.  The exception is not reported as an oops.
 */
int kunit_expect_fault(void (*fn)(void *), void *arg, unsigned long *addr);

/* ---- expectations and assertions ---- */

enum kunit_assert_type {
	KUNIT_EXPECTATION,
	KUNIT_ASSERTION,
};

struct kunit_loc {
	const char *file;
	int line;
	enum kunit_assert_type type;
};

#define KUNIT_LOC(type) ((struct kunit_loc){ __FILE__, __LINE__, type })

void kunit_fail_int(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, long long lval, const char *rtext,
		    long long rval, const char *fmt, ...);
void kunit_fail_ptr(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const void *lval, const char *rtext,
		    const void *rval, const char *fmt, ...);
void kunit_fail_str(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const char *lval, const char *rtext,
		    const char *rval, const char *fmt, ...);
void kunit_fail_mem(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const void *lval, const char *rtext,
		    const void *rval, size_t size, const char *fmt, ...);
void kunit_fail_unary(struct kunit *test, struct kunit_loc loc,
		      const char *text, const char *expected,
		      const char *fmt, ...);

/* Ends the case after a failed assertion. */
#define KUNIT_END_IF_ASSERT(type)					\
	do {								\
		if ((type) == KUNIT_ASSERTION)				\
			kunit_try_catch_throw();			\
	} while (0)

#define KUNIT_BINARY_INT(test, type, left, op, right, fmt, ...)	\
	do {								\
		const typeof(left) __left = (left);			\
		const typeof(right) __right = (right);			\
		if (!(__left op __right)) {				\
			kunit_fail_int(test, KUNIT_LOC(type), #op,	\
				       #left, (long long)__left,	\
				       #right, (long long)__right,	\
				       fmt, ##__VA_ARGS__);		\
			KUNIT_END_IF_ASSERT(type);			\
		}							\
	} while (0)

#define KUNIT_BINARY_PTR(test, type, left, op, right, fmt, ...)	\
	do {								\
		const void *__left = (left);				\
		const void *__right = (right);				\
		if (!(__left op __right)) {				\
			kunit_fail_ptr(test, KUNIT_LOC(type), #op,	\
				       #left, __left, #right, __right,	\
				       fmt, ##__VA_ARGS__);		\
			KUNIT_END_IF_ASSERT(type);			\
		}							\
	} while (0)

int kunit_strcmp(const char *a, const char *b);	/* NULL-safe */

#define KUNIT_BINARY_STR(test, type, left, op, right, fmt, ...)	\
	do {								\
		const char *__left = (left);				\
		const char *__right = (right);				\
		if (!(kunit_strcmp(__left, __right) op 0)) {		\
			kunit_fail_str(test, KUNIT_LOC(type), #op,	\
				       #left, __left, #right, __right,	\
				       fmt, ##__VA_ARGS__);		\
			KUNIT_END_IF_ASSERT(type);			\
		}							\
	} while (0)

int kunit_memcmp(const void *a, const void *b, size_t size);

#define KUNIT_BINARY_MEM(test, type, left, op, right, size, fmt, ...)	\
	do {								\
		const void *__left = (left);				\
		const void *__right = (right);				\
		size_t __size = (size);					\
		if (!(kunit_memcmp(__left, __right, __size) op 0)) {	\
			kunit_fail_mem(test, KUNIT_LOC(type), #op,	\
				       #left, __left, #right, __right,	\
				       __size, fmt, ##__VA_ARGS__);	\
			KUNIT_END_IF_ASSERT(type);			\
		}							\
	} while (0)

#define KUNIT_UNARY(test, type, cond, text, expected, fmt, ...)	\
	do {								\
		if (!(cond)) {						\
			kunit_fail_unary(test, KUNIT_LOC(type), text,	\
					 expected, fmt, ##__VA_ARGS__);	\
			KUNIT_END_IF_ASSERT(type);			\
		}							\
	} while (0)

/* Expectations: record a failure and go on. */
#define KUNIT_EXPECT_EQ_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, <, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, <=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, >, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_EXPECTATION, l, >=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_EQ_MSG(t, l, r, f, ...) KUNIT_BINARY_PTR(t, KUNIT_EXPECTATION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE_MSG(t, l, r, f, ...) KUNIT_BINARY_PTR(t, KUNIT_EXPECTATION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_STREQ_MSG(t, l, r, f, ...)	KUNIT_BINARY_STR(t, KUNIT_EXPECTATION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ_MSG(t, l, r, f, ...) KUNIT_BINARY_STR(t, KUNIT_EXPECTATION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMEQ_MSG(t, l, r, n, f, ...) KUNIT_BINARY_MEM(t, KUNIT_EXPECTATION, l, ==, r, n, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_TRUE_MSG(t, c, f, ...)	KUNIT_UNARY(t, KUNIT_EXPECTATION, !!(c), #c, "true", f, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(t, c, f, ...)	KUNIT_UNARY(t, KUNIT_EXPECTATION, !(c), #c, "false", f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL_MSG(t, p, f, ...)	KUNIT_UNARY(t, KUNIT_EXPECTATION, (p) == NULL, #p, "NULL", f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL_MSG(t, p, f, ...)	KUNIT_UNARY(t, KUNIT_EXPECTATION, (p) != NULL, #p, "not NULL", f, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(t, l, r)	KUNIT_EXPECT_EQ_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_NE(t, l, r)	KUNIT_EXPECT_NE_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_LT(t, l, r)	KUNIT_EXPECT_LT_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_LE(t, l, r)	KUNIT_EXPECT_LE_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_GT(t, l, r)	KUNIT_EXPECT_GT_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_GE(t, l, r)	KUNIT_EXPECT_GE_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_PTR_EQ(t, l, r)	KUNIT_EXPECT_PTR_EQ_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_PTR_NE(t, l, r)	KUNIT_EXPECT_PTR_NE_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_STREQ(t, l, r)	KUNIT_EXPECT_STREQ_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_STRNEQ(t, l, r)	KUNIT_EXPECT_STRNEQ_MSG(t, l, r, NULL)
#define KUNIT_EXPECT_MEMEQ(t, l, r, n)	KUNIT_EXPECT_MEMEQ_MSG(t, l, r, n, NULL)
#define KUNIT_EXPECT_TRUE(t, c)		KUNIT_EXPECT_TRUE_MSG(t, c, NULL)
#define KUNIT_EXPECT_FALSE(t, c)	KUNIT_EXPECT_FALSE_MSG(t, c, NULL)
#define KUNIT_EXPECT_NULL(t, p)		KUNIT_EXPECT_NULL_MSG(t, p, NULL)
#define KUNIT_EXPECT_NOT_NULL(t, p)	KUNIT_EXPECT_NOT_NULL_MSG(t, p, NULL)

/* Assertions: record a failure and end the case. */
#define KUNIT_ASSERT_EQ_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, <, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, <=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, >, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE_MSG(t, l, r, f, ...)	KUNIT_BINARY_INT(t, KUNIT_ASSERTION, l, >=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ_MSG(t, l, r, f, ...) KUNIT_BINARY_PTR(t, KUNIT_ASSERTION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE_MSG(t, l, r, f, ...) KUNIT_BINARY_PTR(t, KUNIT_ASSERTION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_STREQ_MSG(t, l, r, f, ...)	KUNIT_BINARY_STR(t, KUNIT_ASSERTION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ_MSG(t, l, r, f, ...) KUNIT_BINARY_STR(t, KUNIT_ASSERTION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ_MSG(t, l, r, n, f, ...) KUNIT_BINARY_MEM(t, KUNIT_ASSERTION, l, ==, r, n, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE_MSG(t, c, f, ...)	KUNIT_UNARY(t, KUNIT_ASSERTION, !!(c), #c, "true", f, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE_MSG(t, c, f, ...)	KUNIT_UNARY(t, KUNIT_ASSERTION, !(c), #c, "false", f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL_MSG(t, p, f, ...)	KUNIT_UNARY(t, KUNIT_ASSERTION, (p) == NULL, #p, "NULL", f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL_MSG(t, p, f, ...)	KUNIT_UNARY(t, KUNIT_ASSERTION, (p) != NULL, #p, "not NULL", f, ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(t, l, r)	KUNIT_ASSERT_EQ_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_NE(t, l, r)	KUNIT_ASSERT_NE_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_LT(t, l, r)	KUNIT_ASSERT_LT_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_LE(t, l, r)	KUNIT_ASSERT_LE_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_GT(t, l, r)	KUNIT_ASSERT_GT_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_GE(t, l, r)	KUNIT_ASSERT_GE_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_PTR_EQ(t, l, r)	KUNIT_ASSERT_PTR_EQ_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_PTR_NE(t, l, r)	KUNIT_ASSERT_PTR_NE_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_STREQ(t, l, r)	KUNIT_ASSERT_STREQ_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_STRNEQ(t, l, r)	KUNIT_ASSERT_STRNEQ_MSG(t, l, r, NULL)
#define KUNIT_ASSERT_MEMEQ(t, l, r, n)	KUNIT_ASSERT_MEMEQ_MSG(t, l, r, n, NULL)
#define KUNIT_ASSERT_TRUE(t, c)		KUNIT_ASSERT_TRUE_MSG(t, c, NULL)
#define KUNIT_ASSERT_FALSE(t, c)	KUNIT_ASSERT_FALSE_MSG(t, c, NULL)
#define KUNIT_ASSERT_NULL(t, p)		KUNIT_ASSERT_NULL_MSG(t, p, NULL)
#define KUNIT_ASSERT_NOT_NULL(t, p)	KUNIT_ASSERT_NOT_NULL_MSG(t, p, NULL)

/* ---- the runner (lib/kunit/executor.c) ---- */

/* True when ktest=FILTER selects case case_name of suite suite_name. */
bool kunit_filter_match(const char *filter, const char *suite_name,
			const char *case_name);

/*
 * Run the suites the filter selects and print KTAP; returns true when
 * no case failed.
 */
bool kunit_run_tests(const char *filter);

/*
 * Run one case in its own kernel thread, failing it if it takes more than
 * timeout jiffies, and return its final state without printing it
 * (lib/kunit/test.c); kunit_case_timeout (seconds, ktest_timeout= on the
 * command line) is what the runner uses.
 */
extern unsigned int kunit_case_timeout;
struct kunit kunit_run_case_timeout(struct kunit_suite *suite,
				    struct kunit_case *test_case,
				    unsigned long timeout);

/* Run one suite as KTAP subtest number index (lib/kunit/test.c). */
enum kunit_status kunit_run_suite(struct kunit_suite *suite, int index,
				  const char *filter, int stats[3]);

/*
 * A suite that is a user program (lib/kunit/program.c): run it, its
 * output going to the console and its results counted, print its
 * result line, and add its cases to stats[] (pass, fail, skip).
 */
enum kunit_status kunit_run_program(struct kunit_suite *suite, int index,
				    const char *filter, int stats[3]);

/*
 * What a program suite's KTAP says, read one line at a time (without
 * its newline): its plan and its result lines at the suite's depth.
 * kunit_program_count() adds the cases to stats[] as the harness's KTAP
 * reader counts them, given whether the program passed (exited 0).
 */
struct kunit_program_counts {
	int plan;		/* N of its "1..N"; -1 before one came */
	int results[3];		/* its "ok", "not ok" and "# SKIP" lines */
};
void kunit_program_line(struct kunit_program_counts *c, const char *line);
void kunit_program_count(const struct kunit_program_counts *c, bool passed,
			 int stats[3]);

#endif
