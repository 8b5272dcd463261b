/*
 * Tests for the kernel command line (suite "cmdline"), mostly on lines
 * made up here: option lookup (values, quotes, repeats, bare flags),
 * keeping whole words of an over-long line, sorting the words no option
 * takes into init's arguments and environment, the "Unknown kernel
 * command line parameters" line, and the real handlers refusing bad
 * values.  The last case checks the line this boot got: none of the
 * test run's own options may end up with init.
 */
#include <asm/cmdline.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>

static void cmdline_find_values(struct kunit *test)
{
	const char *line = "console=ttyS0 ktest=printk.* loglevel=7 ktest=all";
	char buf[16];

	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "console", buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "ttyS0");
	/* The last occurrence counts. */
	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "ktest", buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "all");
	/* A prefix of an option's name is not the option. */
	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "log", buf, sizeof(buf)), -1);
	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "missing", buf, sizeof(buf)), -1);
	KUNIT_EXPECT_EQ(test, cmdline_find_option("", "ktest", buf, sizeof(buf)), -1);
}

static void cmdline_quotes_and_truncation(struct kunit *test)
{
	const char *line = "  msg=\"hello world\"\tpath=/a/very/long/path/name  ";
	char buf[8];

	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "msg", buf, sizeof(buf)), 11);
	KUNIT_EXPECT_STREQ(test, buf, "hello w");	/* truncated, terminated */
	KUNIT_EXPECT_EQ(test, cmdline_find_option(line, "path", buf, sizeof(buf)), 22);
	KUNIT_EXPECT_STREQ(test, buf, "/a/very");
	KUNIT_EXPECT_EQ(test, cmdline_find_option("empty=", "empty", buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

static void cmdline_find_flags(struct kunit *test)
{
	const char *line = "quiet debugger debug noapic=1";

	KUNIT_EXPECT_EQ(test, cmdline_find_option_bool(line, "quiet"), 1);
	KUNIT_EXPECT_EQ(test, cmdline_find_option_bool(line, "debug"), 3);
	KUNIT_EXPECT_EQ(test, cmdline_find_option_bool(line, "noapic"), 0);
	KUNIT_EXPECT_EQ(test, cmdline_find_option_bool(line, "deb"), 0);
	KUNIT_EXPECT_EQ(test, cmdline_find_option_bool("", "quiet"), 0);
}

static void cmdline_copy_whole_words(struct kunit *test)
{
	static const struct {
		const char *in;
		int ret;
		const char *out;
	} cases[] = {
		{ "alpha beta", 10, "alpha beta" },
		/* 15 bytes and the NUL fit exactly. */
		{ "alpha beta gamm", 15, "alpha beta gamm" },
		/* One more: the last word goes whole, not its last byte. */
		{ "alpha beta gamma", 11, "alpha beta" },
		/* A quoted value is one word, spaces and all. */
		{ "a=1 b=\"x y z w v\"", 4, "a=1" },
		{ "abcdefghijklmnopq", 0, "" },
		/* Only spaces past the end: nothing lost. */
		{ "alpha                ", 21, "alpha" },
	};
	char buf[16];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_EXPECT_EQ_MSG(test, cmdline_copy(buf, sizeof(buf),
						       cases[i].in),
				    cases[i].ret, "\"%s\"", cases[i].in);
		KUNIT_EXPECT_STREQ_MSG(test, buf, cases[i].out, "\"%s\"",
				       cases[i].in);
	}
}

/* A stand-in for the kernel's options: it takes loglevel= and ktest=. */
static bool fake_claimed(char *word, char *val)
{
	return !strncmp(word, "loglevel=", 9) || !strncmp(word, "ktest=", 6);
}

static void expect_strings(struct kunit *test, const char *const *got,
			   int n, const char *const *want, int nr_want)
{
	int i;

	KUNIT_ASSERT_EQ(test, n, nr_want);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_STREQ_MSG(test, got[i], want[i], "entry %d", i);
	KUNIT_EXPECT_NULL(test, got[n]);
}

static void cmdline_init_args_sorted(struct kunit *test)
{
	static const char *const argv[] = {
		"init", "single", "quoted word", "loglevel=3", "x=y", "--",
	};
	static const char *const envp[] = {
		"PATH=/bin", "HOME=/", "TERM=vt100", "foo=baz", "q=a b",
	};
	char line[] = "loglevel=7 single foo=bar ktest=a,b \"quoted word\" "
		      "q=\"a b\" foo=baz -- loglevel=3 x=y --";
	struct init_args ia;

	init_args_init(&ia);
	init_args_parse(&ia, line, fake_claimed);
	/* Taken words stay with the kernel; after "--" nothing is taken. */
	expect_strings(test, ia.argv, ia.argc, argv, ARRAY_SIZE(argv));
	/* A repeated name keeps its place and takes the last value. */
	expect_strings(test, ia.envp, ia.envc, envp, ARRAY_SIZE(envp));
	KUNIT_EXPECT_EQ(test, ia.nr_default_envs, 3);
	KUNIT_EXPECT_EQ(test, ia.dropped, 0);
}

static void cmdline_init_args_limits(struct kunit *test)
{
	static char line[COMMAND_LINE_SIZE];
	struct init_args ia;
	size_t len = 0;
	int i;

	for (i = 0; i < MAX_INIT_ARGS + 5; i++)
		len += scnprintf(line + len, sizeof(line) - len, "w%d ", i);
	for (i = 0; i < MAX_INIT_ENVS + 5; i++)
		len += scnprintf(line + len, sizeof(line) - len, "e%d=1 ", i);
	init_args_init(&ia);
	init_args_parse(&ia, line, fake_claimed);
	KUNIT_EXPECT_EQ(test, ia.argc, MAX_INIT_ARGS);
	KUNIT_EXPECT_STREQ(test, ia.argv[MAX_INIT_ARGS - 1], "w30");
	KUNIT_EXPECT_NULL(test, ia.argv[MAX_INIT_ARGS]);
	KUNIT_EXPECT_EQ(test, ia.envc, MAX_INIT_ENVS);
	KUNIT_EXPECT_NULL(test, ia.envp[MAX_INIT_ENVS]);
	/* 6 words and 8 variables did not fit; the first is named. */
	KUNIT_EXPECT_EQ(test, ia.dropped, 6 + 8);
	KUNIT_EXPECT_STREQ(test, ia.first_dropped, "w31");
}

static void cmdline_unknown_line(struct kunit *test)
{
	char line[] = "ktest=x lone a=1 -- after";
	char quiet[] = "loglevel=7 ktest=x";
	struct init_args ia;
	const char *out;

	init_args_init(&ia);
	init_args_parse(&ia, line, fake_claimed);
	kunit_capture_start();
	print_unknown_bootoptions(&ia);
	out = kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, out, "Unknown kernel command line parameters "
			   "\"lone after a=1\", will be passed to user space.\n");

	/* Every word taken: no line at all. */
	init_args_init(&ia);
	init_args_parse(&ia, quiet, fake_claimed);
	kunit_capture_start();
	print_unknown_bootoptions(&ia);
	out = kunit_capture_stop();
	KUNIT_EXPECT_STREQ(test, out, "");
}

/* The real handlers take word, refusing it with a line holding msg. */
static void expect_refused(struct kunit *test, const char *word,
			   const char *msg)
{
	char buf[64];
	const char *out;

	strscpy(buf, word, sizeof(buf));
	kunit_capture_start();
	KUNIT_EXPECT_TRUE_MSG(test, cmdline_setup_option(buf), "%s", word);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, msg), "%s printed: %s",
				  word, out);
}

static void cmdline_bad_values_refused(struct kunit *test)
{
	int level = console_loglevel, timeout = panic_timeout;
	unsigned int case_timeout = kunit_case_timeout;
	char good[] = "ktest_timeout=7";

	expect_refused(test, "loglevel=high", "Malformed early option 'loglevel=high'");
	expect_refused(test, "loglevel", "Malformed early option 'loglevel'");
	expect_refused(test, "panic=-", "Malformed early option 'panic=-'");
	KUNIT_EXPECT_EQ(test, console_loglevel, level);
	KUNIT_EXPECT_EQ(test, panic_timeout, timeout);

	expect_refused(test, "ktest_timeout=0", "ktest_timeout=0 is not");
	expect_refused(test, "ktest_timeout=ten", "ktest_timeout=ten is not");
	expect_refused(test, "ktest_timeout=", "ktest_timeout= is not");
	expect_refused(test, "ktest_timeout=86401", "from 1 to 86400");
	expect_refused(test, "ktest_timeout=4294967296", "keeping");
	KUNIT_EXPECT_EQ(test, kunit_case_timeout, case_timeout);

	/* A good value is taken (and put back). */
	KUNIT_EXPECT_TRUE(test, cmdline_setup_option(good));
	KUNIT_EXPECT_EQ(test, kunit_case_timeout, 7);
	kunit_case_timeout = case_timeout;
}

/* This boot's line: every ktest option tests/run passes has a handler. */
static void cmdline_test_options_taken(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_TRUE(test, strstr(boot_command_line, "ktest=") != NULL);
	for (i = 1; i < init_args.argc; i++)
		KUNIT_EXPECT_TRUE_MSG(test, strncmp(init_args.argv[i], "ktest", 5),
				      "init got %s", init_args.argv[i]);
	for (i = init_args.nr_default_envs; i < init_args.envc; i++)
		KUNIT_EXPECT_TRUE_MSG(test, strncmp(init_args.envp[i], "ktest", 5),
				      "init got %s", init_args.envp[i]);
}

static struct kunit_case cmdline_cases[] = {
	KUNIT_CASE(cmdline_find_values),
	KUNIT_CASE(cmdline_quotes_and_truncation),
	KUNIT_CASE(cmdline_find_flags),
	KUNIT_CASE(cmdline_copy_whole_words),
	KUNIT_CASE(cmdline_init_args_sorted),
	KUNIT_CASE(cmdline_init_args_limits),
	KUNIT_CASE(cmdline_unknown_line),
	KUNIT_CASE(cmdline_bad_values_refused),
	KUNIT_CASE(cmdline_test_options_taken),
	{}
};

static struct kunit_suite cmdline_suite = {
	.name = "cmdline",
	.test_cases = cmdline_cases,
};
kunit_test_suite(cmdline_suite);
