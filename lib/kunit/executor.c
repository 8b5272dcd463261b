/*
 * The test executor: picks the suites and cases that ktest=FILTER
 * selects, runs them in link order, prints the KTAP header and totals,
 * and tells the caller whether everything passed.
 *
 * FILTER is a comma-separated list of globs, each "SUITE" or
 * "SUITE.CASE" ("all" means every case), as long as the command line
 * allows.  A suite with no selected case is left out of the plan, as in
 * Linux; a filter that selects no case at all fails the run.
 *
 * It also takes the command-line options of a test run: ktest_timeout=
 * and the machine's description (ktest_ram= ... ktest_sum=).
 */
#include <kunit/test.h>
#include <linux/glob.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>

/* ktest_timeout=SECONDS takes 1 to this (a day). */
#define KUNIT_TIMEOUT_MAX	(24 * 60 * 60)

extern struct kunit_suite *const __start_kunit_suites[];
extern struct kunit_suite *const __stop_kunit_suites[];

/*
 * Does one glob ("SUITE" or "SUITE.CASE") of len bytes select the case?
 * case_name NULL asks whether it selects some case of the suite.
 */
static bool kunit_glob_match(const char *glob, size_t len,
			     const char *suite_name, const char *case_name)
{
	const char *dot = memchr(glob, '.', len);
	size_t suite_len = dot ? (size_t)(dot - glob) : len;

	if (len == 0)
		return false;
	if (len == 3 && !memcmp(glob, "all", 3))
		return true;
	if (!glob_match_len(glob, suite_len, suite_name))
		return false;
	return !dot || !case_name ||
	       glob_match_len(dot + 1, len - suite_len - 1, case_name);
}

bool kunit_filter_match(const char *filter, const char *suite_name,
			const char *case_name)
{
	const char *end;

	for (;; filter = end + 1) {
		end = strchr(filter, ',');
		if (!end)
			end = filter + strlen(filter);
		if (kunit_glob_match(filter, end - filter, suite_name, case_name))
			return true;
		if (!*end)
			return false;
	}
}

static bool kunit_suite_selected(struct kunit_suite *suite, const char *filter)
{
	struct kunit_case *c;

	if (suite->program)		/* its cases are the program's to select */
		return kunit_filter_match(filter, suite->name, NULL);
	for (c = suite->test_cases; c->run_case; c++)
		if (kunit_filter_match(filter, suite->name, c->name))
			return true;
	return false;
}

/*
 * A preemption-checker report during the run that no test provoked on
 * purpose (from a user program, say, where no case can fail) fails the
 * run: the exit status then says "some failed" although every case
 * passed, which tests/run reports.
 */
static bool kunit_no_stray_reports(void)
{
	long stray = atomic_long_read(&preempt_check_reports) -
		     atomic_long_read(&preempt_check_expected);

	if (stray)
		pr_err("# preempt_check: %ld report(s) outside the tests that expect them (BUG: lines above)\n",
		       stray);
	return stray == 0;
}

/*
 * A filter that selects nothing is an error (a misspelt suite must not
 * pass as a green run of nothing): the plan is empty, a line says why,
 * and the run fails.
 */
bool kunit_run_tests(const char *filter)
{
	struct kunit_suite *const *s;
	int stats[3] = { 0, 0, 0 };	/* pass, fail, skip */
	int nr_suites = 0, index = 0;

	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		nr_suites += kunit_suite_selected(*s, filter);

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", nr_suites);
	if (!nr_suites)
		pr_err("kunit: no test matches ktest=%s\n", filter);
	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (kunit_suite_selected(*s, filter))
			kunit_run_suite(*s, ++index, filter, stats);
	printk(KERN_INFO "# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       stats[0], stats[1], stats[2], stats[0] + stats[1] + stats[2]);
	return nr_suites && stats[1] == 0 && kunit_no_stray_reports();
}

/* ---- command-line options of a test run ---- */

/*
 * ktest_timeout=SECONDS, the time a case may take.  A value that is not
 * a number from 1 to KUNIT_TIMEOUT_MAX is refused with a line and
 * changes nothing (0 would fail every case at once).
 */
static int kunit_timeout_setup(char *str)
{
	unsigned int secs;

	if (kstrtouint(str, 10, &secs) || secs < 1 || secs > KUNIT_TIMEOUT_MAX)
		pr_warn("kunit: ktest_timeout=%s is not a number of seconds "
			"from 1 to %u; keeping %u\n", str, KUNIT_TIMEOUT_MAX,
			kunit_case_timeout);
	else
		kunit_case_timeout = secs;
	return 1;
}
__setup("ktest_timeout=", kunit_timeout_setup);

/*
 * What tests/run tells the suites about the machine QEMU was given; the
 * suites look the values up with cmdline_find_option() when they run.
 */
static int kunit_machine_setup(char *str)
{
	return 1;
}
__setup_param("ktest_ram=", ktest_ram, kunit_machine_setup, 0);
__setup_param("ktest_cpus=", ktest_cpus, kunit_machine_setup, 0);
__setup_param("ktest_machine=", ktest_machine, kunit_machine_setup, 0);
__setup_param("ktest_numa=", ktest_numa, kunit_machine_setup, 0);
__setup_param("ktest_dist=", ktest_dist, kunit_machine_setup, 0);
__setup_param("ktest_edu=", ktest_edu, kunit_machine_setup, 0);
__setup_param("ktest_edu_wide=", ktest_edu_wide, kunit_machine_setup, 0);
__setup_param("ktest_sum=", ktest_sum, kunit_machine_setup, 0);
