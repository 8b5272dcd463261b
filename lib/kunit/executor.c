/*
 * The test executor: picks the suites and cases that ktest=FILTER
 * selects, runs them in link order, prints the KTAP header and totals,
 * and tells the caller whether everything passed.
 *
 * FILTER is a comma-separated list of globs, each "SUITE" or
 * "SUITE.CASE" ("all" means every case).  A suite with no selected case
 * is left out of the plan, as in Linux.
 */
#include <asm/cmdline.h>
#include <kunit/test.h>
#include <linux/glob.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>

#define KUNIT_GLOB_MAX	128

extern struct kunit_suite *const __start_kunit_suites[];
extern struct kunit_suite *const __stop_kunit_suites[];

/*
 * Does one glob ("SUITE" or "SUITE.CASE") of len bytes select the case?
 * case_name NULL asks whether it selects some case of the suite.
 */
static bool kunit_glob_match(const char *glob, size_t len,
			     const char *suite_name, const char *case_name)
{
	char pat[KUNIT_GLOB_MAX], *dot;

	if (len == 0 || len >= sizeof(pat))
		return false;
	memcpy(pat, glob, len);
	pat[len] = '\0';
	if (!strcmp(pat, "all"))
		return true;
	dot = strchr(pat, '.');
	if (dot)
		*dot = '\0';
	if (!glob_match(pat, suite_name))
		return false;
	return !dot || !case_name || glob_match(dot + 1, case_name);
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

bool kunit_run_tests(const char *filter)
{
	struct kunit_suite *const *s;
	int stats[3] = { 0, 0, 0 };	/* pass, fail, skip */
	int nr_suites = 0, index = 0;

	char val[16];

	if (cmdline_find_option(boot_command_line, "ktest_timeout", val,
				sizeof(val)) >= 0 &&
	    kstrtouint(val, 10, &kunit_case_timeout))
		pr_warn("kunit: bad ktest_timeout=%s ignored\n", val);
	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		nr_suites += kunit_suite_selected(*s, filter);

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", nr_suites);
	for (s = __start_kunit_suites; s < __stop_kunit_suites; s++)
		if (kunit_suite_selected(*s, filter))
			kunit_run_suite(*s, ++index, filter, stats);
	printk(KERN_INFO "# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       stats[0], stats[1], stats[2], stats[0] + stats[1] + stats[2]);
	return stats[1] == 0 && kunit_no_stray_reports();
}
