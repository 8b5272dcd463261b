/*
 * Tests for vsnprintf and printk (suite "printk").  Expected strings are
 * what C99 7.21.6.1 specifies for each format; the return value must be
 * the length the whole output would have had.  printk's own cases check
 * log levels and that a message too long for its buffer still ends its
 * line.
 */
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#define LLONG_MIN	(-9223372036854775807LL - 1)
#define LLONG_MAX	9223372036854775807LL
#define ULLONG_MAX	18446744073709551615ULL

static const char *volatile null_string;

static void __printf(3, 4) check(struct kunit *test, const char *expect,
				 const char *fmt, ...)
{
	char buf[128];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	KUNIT_EXPECT_STREQ_MSG(test, buf, expect, "format \"%s\"", fmt);
	KUNIT_EXPECT_EQ_MSG(test, n, (int)strlen(expect), "format \"%s\"", fmt);
}

/*
 * For formats with a flag that C says to ignore: the format is a
 * parameter here, so the compiler does not warn about exactly that.
 */
static void check_int(struct kunit *test, const char *expect,
		      const char *fmt, int v)
{
	check(test, expect, fmt, v);
}

static void printk_decimal(struct kunit *test)
{
	check(test, "0", "%d", 0);
	check(test, "-1", "%i", -1);
	check(test, "2147483647", "%d", INT_MAX);
	check(test, "-2147483648", "%d", INT_MIN);
	check(test, "4294967295", "%u", 4294967295U);
	check(test, "-9223372036854775808", "%lld", LLONG_MIN);
	check(test, "9223372036854775807", "%lld", LLONG_MAX);
	check(test, "18446744073709551615", "%llu", ULLONG_MAX);
	check(test, "-9223372036854775808", "%ld", (long)LLONG_MIN);
	check(test, "18446744073709551615", "%zu", (size_t)-1);
	check(test, "-5", "%zd", (ssize_t)-5);
	check_int(test, "-1", "%hd", 65535);
	check_int(test, "65535", "%hu", -1);
	check_int(test, "44", "%hhd", 300);
	check_int(test, "0", "%hhu", 256);
	check_int(test, "-128", "%hhd", 128);
}

static void printk_hex_octal(struct kunit *test)
{
	check(test, "ff", "%x", 255);
	check(test, "FF", "%X", 255);
	check(test, "0xff", "%#x", 255);
	check(test, "0XFF", "%#X", 255);
	check(test, "0", "%#x", 0);
	check(test, "deadbeefcafef00d", "%lx", 0xdeadbeefcafef00dUL);
	check(test, "ffffffff", "%x", -1);
	check(test, "10", "%o", 8);
	check(test, "010", "%#o", 8);
	check(test, "0", "%#o", 0);
	check(test, "1777777777777777777777", "%llo", ULLONG_MAX);
	check(test, "0x0000ff", "%#08x", 255);
	check(test, "  0xff", "%#6x", 255);
}

static void printk_width_and_flags(struct kunit *test)
{
	check(test, "   42", "%5d", 42);
	check(test, "42   |", "%-5d|", 42);
	check(test, "00042", "%05d", 42);
	check(test, "-0042", "%05d", -42);
	check_int(test, "42   ", "%-05d", 42);
	check(test, "+5", "%+d", 5);
	check(test, "-5", "%+d", -5);
	check(test, " 5", "% d", 5);
	check_int(test, "+5", "%+ d", 5);
	check(test, "+0", "%+d", 0);
	check(test, "   7", "%*d", 4, 7);
	check(test, "7   ", "%-*d", 4, 7);
	check(test, "7   ", "%*d", -4, 7);
	check(test, "1", "%1d", 1);
	check(test, "123456", "%3d", 123456);
}

static void printk_precision(struct kunit *test)
{
	check(test, "", "%.0d", 0);
	check(test, "     ", "%5.0d", 0);
	check(test, "", "%.0x", 0);
	check(test, "0", "%#.0o", 0);
	check(test, "007", "%.3d", 7);
	check(test, "-007", "%.3d", -7);
	check(test, "+007", "%+.3d", 7);
	check_int(test, "     042", "%08.3d", 42);
	check(test, "007", "%.*d", 3, 7);
	check(test, "7", "%.*d", -3, 7);
	check(test, "0x00ff", "%#.4x", 255);
}

static void printk_strings_and_chars(struct kunit *test)
{
	check(test, "abc", "%s", "abc");
	check(test, "  abc", "%5s", "abc");
	check(test, "abc  |", "%-5s|", "abc");
	check(test, "ab", "%.2s", "abc");
	check(test, "a", "%.*s", 1, "abc");
	check(test, "abc", "%.10s", "abc");
	check(test, "(null)", "%s", null_string);
	check(test, "x", "%c", 'x');
	check(test, "  x", "%3c", 'x');
	check(test, "x  |", "%-3c|", 'x');
	check(test, "%", "%%");
	check(test, "100% sure", "100%% %s", "sure");
	check(test, "", "%s", "");
}

static void printk_pointers(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];
	char *plus;

	check(test, "0000000000001234", "%p", (void *)0x1234);
	check(test, "0000000000000000", "%p", NULL);
	check(test, "ffffffff80100000", "%p", (void *)0xffffffff80100000UL);

	snprintf(buf, sizeof(buf), "%pS", (char *)kunit_expect_fault + 5);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "kunit_expect_fault+0x5/0x", 25), 0);
	snprintf(buf, sizeof(buf), "%ps", (char *)kunit_expect_fault + 5);
	KUNIT_EXPECT_STREQ(test, buf, "kunit_expect_fault");
	/* Not in the kernel's text: the bare address. */
	snprintf(buf, sizeof(buf), "%pS", (void *)0x1000);
	KUNIT_EXPECT_STREQ(test, buf, "0x1000");
	plus = strchr(buf, '+');
	KUNIT_EXPECT_NULL(test, plus);
}

static void printk_truncation(struct kunit *test)
{
	static char big[3001];
	char buf[256 + 8];
	int n;

	memset(big, 'a', 3000);
	big[3000] = '\0';
	memset(buf, 0x5a, sizeof(buf));
	n = snprintf(buf, 256, "%s", big);
	KUNIT_EXPECT_EQ(test, n, 3000);
	KUNIT_EXPECT_EQ(test, strlen(buf), 255);
	KUNIT_EXPECT_EQ(test, buf[256], 0x5a);		/* nothing written past size */
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 256, "%s", big), 255);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 0, "%s", big), 0);

	n = snprintf(buf, 8, "%d-%s", 12345, "xyz");
	KUNIT_EXPECT_EQ(test, n, 9);
	KUNIT_EXPECT_STREQ(test, buf, "12345-x");

	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
	buf[0] = 'q';
	KUNIT_EXPECT_EQ(test, snprintf(buf, 1, "%s", "abc"), 3);
	KUNIT_EXPECT_EQ(test, buf[0], '\0');
}

static void printk_log_levels(struct kunit *test)
{
	int saved = console_loglevel;
	const char *out;

	kunit_capture_start();
	printk(KERN_DEBUG "printk-test: debug line\n");
	printk(KERN_ERR "printk-test: error line\n");
	printk(KERN_INFO "printk-test: start");
	printk(KERN_CONT " and continuation\n");
	console_loglevel = 4;
	printk(KERN_INFO "printk-test: hidden info\n");
	printk(KERN_WARNING "printk-test: hidden warning\n");
	printk(KERN_CRIT "printk-test: shown crit\n");
	console_loglevel = saved;
	out = kunit_capture_stop();

	KUNIT_EXPECT_NULL(test, strstr(out, "debug line"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "printk-test: error line\n"));
	KUNIT_EXPECT_NULL(test, strchr(out, KERN_SOH[0]));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "start and continuation\n"));
	KUNIT_EXPECT_NULL(test, strstr(out, "hidden"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "shown crit"));
}

/* The length of the run of 'x' at s. */
static size_t count_x(const char *s)
{
	size_t n = 0;

	while (s[n] == 'x')
		n++;
	return n;
}

/*
 * A message longer than printk's buffer is cut, but still ends its
 * line: the next message starts a line of its own.
 */
static void printk_long_message_ends_its_line(struct kunit *test)
{
	static char msg[2001];
	const char *out, *nl;

	memset(msg, 'x', 2000);
	kunit_capture_start();
	printk(KERN_INFO "printk-test: %s\n", msg);
	printk(KERN_INFO "printk-test: next\n");
	out = kunit_capture_stop();

	nl = strchr(out, '\n');
	KUNIT_ASSERT_NOT_NULL(test, nl);
	KUNIT_EXPECT_EQ(test, strncmp(out, "printk-test: x", 14), 0);
	KUNIT_EXPECT_EQ(test, count_x(out + 13), nl - (out + 13));
	KUNIT_EXPECT_LT(test, nl - out, 13 + 2000);	/* it was cut */
	KUNIT_EXPECT_GE(test, nl - out, 1000);
	KUNIT_EXPECT_STREQ(test, nl + 1, "printk-test: next\n");
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(printk_decimal),
	KUNIT_CASE(printk_hex_octal),
	KUNIT_CASE(printk_width_and_flags),
	KUNIT_CASE(printk_precision),
	KUNIT_CASE(printk_strings_and_chars),
	KUNIT_CASE(printk_pointers),
	KUNIT_CASE(printk_truncation),
	KUNIT_CASE(printk_log_levels),
	KUNIT_CASE(printk_long_message_ends_its_line),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.test_cases = printk_cases,
};
kunit_test_suite(printk_suite);
