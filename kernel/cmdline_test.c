/*
 * Tests for the command-line helpers (suite "cmdline"), on lines made
 * up here: options with values, quotes, repeats and bare flags.
 */
#include <asm/cmdline.h>
#include <kunit/test.h>

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

static struct kunit_case cmdline_cases[] = {
	KUNIT_CASE(cmdline_find_values),
	KUNIT_CASE(cmdline_quotes_and_truncation),
	KUNIT_CASE(cmdline_find_flags),
	{}
};

static struct kunit_suite cmdline_suite = {
	.name = "cmdline",
	.test_cases = cmdline_cases,
};
kunit_test_suite(cmdline_suite);
