/*
 * Running one test suite and reporting it as a KTAP subtest, the way
 * Linux KUnit does (lib/kunit/test.c there):
 *
 *	    KTAP version 1
 *	    # Subtest: SUITE
 *	    1..N
 *	    ok 1 CASE
 *	    not ok 2 CASE          (after its diagnostic lines)
 *	    ok 3 CASE # SKIP reason
 *	# SUITE: pass:P fail:F skip:S total:T
 *	ok|not ok INDEX SUITE [# SKIP]
 *
 * Each case runs inside a try/catch (kunit/try-catch.h): a failed
 * assertion, kunit_skip() or a CPU exception ends that case only.  The
 * suite's init runs before each case and exit after it, even when the
 * case failed.  A suite that is a user program is run by
 * lib/kunit/program.c.
 */
#include <asm/traps.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#define KUNIT_INDENT	"    "

/* Seconds a case may take before it is failed (ktest_timeout=). */
unsigned int kunit_case_timeout = 60;
#define KUNIT_STR_MAX	128	/* strings longer than this are cut in reports */

static void kunit_vlog(struct kunit *test, const char *level,
		       const char *fmt, va_list args)
{
	char msg[256];

	vsnprintf(msg, sizeof(msg), fmt, args);
	printk("%s" KUNIT_INDENT "# %s: %s\n", level, test->name, msg);
}

void kunit_info(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kunit_vlog(test, KERN_INFO, fmt, args);
	va_end(args);
}

void kunit_err(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kunit_vlog(test, KERN_ERR, fmt, args);
	va_end(args);
}

void kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	if (test->status != KUNIT_FAILURE)
		test->status = KUNIT_SKIPPED;
	va_start(args, fmt);
	vsnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
}

/* ---- failure reports ---- */

/* "    # case: EXPECTATION FAILED at file:line" and marks the case failed. */
static void kunit_fail_header(struct kunit *test, struct kunit_loc loc)
{
	test->status = KUNIT_FAILURE;
	printk(KERN_ERR KUNIT_INDENT "# %s: %s FAILED at %s:%d\n", test->name,
	       loc.type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
	       loc.file, loc.line);
}

/* The optional user message of the _MSG variants, on its own line. */
static void kunit_fail_message(const char *fmt, va_list args)
{
	char msg[256];

	if (!fmt)
		return;
	vsnprintf(msg, sizeof(msg), fmt, args);
	printk(KERN_ERR KUNIT_INDENT "%s\n", msg);
}

/* "Expected L op R, but" and the two values, already formatted. */
static void kunit_fail_binary(struct kunit *test, struct kunit_loc loc,
			      const char *op, const char *ltext,
			      const char *lval, const char *rtext,
			      const char *rval, const char *fmt, va_list args)
{
	kunit_fail_header(test, loc);
	printk(KERN_ERR KUNIT_INDENT "Expected %s %s %s, but\n", ltext, op, rtext);
	printk(KERN_ERR KUNIT_INDENT "    %s == %s\n", ltext, lval);
	printk(KERN_ERR KUNIT_INDENT "    %s == %s\n", rtext, rval);
	kunit_fail_message(fmt, args);
}

void kunit_fail_int(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, long long lval, const char *rtext,
		    long long rval, const char *fmt, ...)
{
	char l[24], r[24];
	va_list args;

	snprintf(l, sizeof(l), "%lld", lval);
	snprintf(r, sizeof(r), "%lld", rval);
	va_start(args, fmt);
	kunit_fail_binary(test, loc, op, ltext, l, rtext, r, fmt, args);
	va_end(args);
}

void kunit_fail_ptr(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const void *lval, const char *rtext,
		    const void *rval, const char *fmt, ...)
{
	char l[24], r[24];
	va_list args;

	snprintf(l, sizeof(l), "%p", lval);
	snprintf(r, sizeof(r), "%p", rval);
	va_start(args, fmt);
	kunit_fail_binary(test, loc, op, ltext, l, rtext, r, fmt, args);
	va_end(args);
}

void kunit_fail_str(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const char *lval, const char *rtext,
		    const char *rval, const char *fmt, ...)
{
	char l[KUNIT_STR_MAX], r[KUNIT_STR_MAX];
	va_list args;

	snprintf(l, sizeof(l), lval ? "\"%s\"" : "%s", lval);
	snprintf(r, sizeof(r), rval ? "\"%s\"" : "%s", rval);
	va_start(args, fmt);
	kunit_fail_binary(test, loc, op, ltext, l, rtext, r, fmt, args);
	va_end(args);
}

/* Up to 16 bytes from the first difference, in hex. */
static void kunit_print_bytes(const char *text, const u8 *p, size_t from,
			      size_t size)
{
	char hex[16 * 3 + 1];
	size_t i, len = 0;

	for (i = from; i < size && i < from + 16; i++)
		len += scnprintf(hex + len, sizeof(hex) - len, " %02x", p[i]);
	hex[len] = '\0';
	printk(KERN_ERR KUNIT_INDENT "    %s[%zu..] ==%s\n", text, from, hex);
}

void kunit_fail_mem(struct kunit *test, struct kunit_loc loc, const char *op,
		    const char *ltext, const void *lval, const char *rtext,
		    const void *rval, size_t size, const char *fmt, ...)
{
	const u8 *l = lval, *r = rval;
	size_t first = 0;
	va_list args;

	kunit_fail_header(test, loc);
	printk(KERN_ERR KUNIT_INDENT "Expected %s %s %s (%zu bytes), but\n",
	       ltext, op, rtext, size);
	if (l && r) {
		while (first < size && l[first] == r[first])
			first++;
		if (first == size)
			first = 0;
		kunit_print_bytes(ltext, l, first, size);
		kunit_print_bytes(rtext, r, first, size);
	}
	va_start(args, fmt);
	kunit_fail_message(fmt, args);
	va_end(args);
}

void kunit_fail_unary(struct kunit *test, struct kunit_loc loc,
		      const char *text, const char *expected,
		      const char *fmt, ...)
{
	va_list args;

	kunit_fail_header(test, loc);
	printk(KERN_ERR KUNIT_INDENT "Expected %s to be %s, but it is not\n",
	       text, expected);
	va_start(args, fmt);
	kunit_fail_message(fmt, args);
	va_end(args);
}

int kunit_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	return strcmp(a, b);
}

int kunit_memcmp(const void *a, const void *b, size_t size)
{
	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	return memcmp(a, b, size);
}

/* ---- running ---- */

int kunit_expect_fault(void (*fn)(void *), void *arg, unsigned long *addr)
{
	struct kunit_try_catch tc = { .expect_fault = true };

	if (kunit_try_catch_run(&tc, fn, arg) != KUNIT_CAUGHT_EXCEPTION)
		return -1;
	if (addr)
		*addr = tc.fault_addr;
	return tc.vector;
}

struct kunit_run {
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	struct kunit test;
	struct completion done;
};

static void kunit_case_body(void *data)
{
	struct kunit_run *run = data;
	int ret;

	if (run->suite->init) {
		ret = run->suite->init(&run->test);
		if (ret) {
			kunit_err(&run->test, "failed to initialize: %d", ret);
			run->test.status = KUNIT_FAILURE;
			return;
		}
	}
	run->test_case->run_case(&run->test);
}

static void kunit_exit_body(void *data)
{
	struct kunit_run *run = data;

	run->suite->exit(&run->test);
}

/* Runs fn under a try/catch; an exception there fails the case. */
static void kunit_run_caught(struct kunit_run *run, void (*fn)(void *))
{
	struct kunit_try_catch tc = { .expect_fault = false };
	enum kunit_caught caught = kunit_try_catch_run(&tc, fn, run);

	if (tc.bug_reported) {
		run->test.status = KUNIT_FAILURE;
		kunit_err(&run->test, "the kernel reported a bug during the case");
	}
	if (caught != KUNIT_CAUGHT_EXCEPTION)
		return;
	run->test.status = KUNIT_FAILURE;
	kunit_err(&run->test, "test case crashed: %s %s at %pS",
		  trap_mnemonic(tc.vector), trap_name(tc.vector),
		  (void *)tc.ip);
}

/* The case's own thread: the case, the suite's exit, then say so. */
static int kunit_case_thread(void *data)
{
	struct kunit_run *run = data;

	kunit_run_caught(run, kunit_case_body);
	if (run->suite->exit)
		kunit_run_caught(run, kunit_exit_body);
	kunit_capture_stop();
	complete(&run->done);
	return 0;
}

static void kunit_print_result(const struct kunit *test, int index)
{
	if (test->status == KUNIT_SKIPPED)
		printk(KERN_INFO KUNIT_INDENT "ok %d %s # SKIP %s\n", index,
		       test->name, test->status_comment);
	else
		printk(KERN_INFO KUNIT_INDENT "%s %d %s\n",
		       test->status == KUNIT_SUCCESS ? "ok" : "not ok", index,
		       test->name);
}

/*
 * Run one case in a kernel thread of its own, bound to this CPU, and wait
 * at most timeout jiffies for it; returns how it ended.  A case that does not finish is
 * failed; its thread and its state are left alone (it may still wake
 * up), never freed.
 */
struct kunit kunit_run_case_timeout(struct kunit_suite *suite,
				    struct kunit_case *test_case,
				    unsigned long timeout)
{
	struct kunit_run *run = kzalloc(sizeof(*run), GFP_KERNEL);
	struct kunit result = { .name = test_case->name, .status = KUNIT_FAILURE };

	if (!run)
		return result;
	run->suite = suite;
	run->test_case = test_case;
	run->test.name = test_case->name;
	run->test.status = KUNIT_SUCCESS;
	init_completion(&run->done);
	/* On the runner's CPU: smp_processor_id() stays put within a case. */
	if (!kthread_run_on_cpu(kunit_case_thread, run, raw_smp_processor_id(),
				test_case->name)) {
		kunit_err(&result, "no memory for its thread");
		kfree(run);
		return result;
	}
	if (!wait_for_completion_timeout(&run->done, timeout)) {
		kunit_err(&result, "timed out after %lu ms; its thread is left as it is",
			  timeout * 1000 / HZ);
		return result;		/* run stays: the thread may use it */
	}
	result = run->test;
	kfree(run);
	return result;
}

/*
 * The next case starts only once the threads this one ended are freed,
 * so that a case counting free memory sees a quiet machine.
 */
static enum kunit_status kunit_run_case(struct kunit_suite *suite,
					struct kunit_case *test_case, int index)
{
	int threads = nr_threads;
	struct kunit result = kunit_run_case_timeout(suite, test_case,
						     kunit_case_timeout * HZ);

	wait_for_reaper(threads, 5 * HZ);	/* a timed-out case's thread stays */

	kunit_print_result(&result, index);
	return result.status;
}

/* How many of the suite's cases the filter selects. */
static int kunit_count_cases(struct kunit_suite *suite, const char *filter)
{
	struct kunit_case *c;
	int n = 0;

	for (c = suite->test_cases; c->run_case; c++)
		n += kunit_filter_match(filter, suite->name, c->name);
	return n;
}

enum kunit_status kunit_run_suite(struct kunit_suite *suite, int index,
				  const char *filter, int stats[3])
{
	enum kunit_status status = KUNIT_SKIPPED, s;
	int pass = 0, fail = 0, skip = 0, n = 0;
	struct kunit_case *c;

	if (suite->program)
		return kunit_run_program(suite, index, filter, stats);
	printk(KERN_INFO KUNIT_INDENT "KTAP version 1\n");
	printk(KERN_INFO KUNIT_INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO KUNIT_INDENT "1..%d\n", kunit_count_cases(suite, filter));
	for (c = suite->test_cases; c->run_case; c++) {
		if (!kunit_filter_match(filter, suite->name, c->name))
			continue;
		s = kunit_run_case(suite, c, ++n);
		pass += s == KUNIT_SUCCESS;
		fail += s == KUNIT_FAILURE;
		skip += s == KUNIT_SKIPPED;
	}
	if (fail)
		status = KUNIT_FAILURE;
	else if (pass)
		status = KUNIT_SUCCESS;
	printk(KERN_INFO "# %s: pass:%d fail:%d skip:%d total:%d\n",
	       suite->name, pass, fail, skip, n);
	printk(KERN_INFO "%s %d %s%s\n", status == KUNIT_FAILURE ? "not ok" : "ok",
	       index, suite->name, status == KUNIT_SKIPPED ? " # SKIP" : "");
	stats[0] += pass;
	stats[1] += fail;
	stats[2] += skip;
	return status;
}
