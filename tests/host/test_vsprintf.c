/*
 * The kernel's vsnprintf (lib/vsprintf.c, built for the host as
 * kern_vsnprintf) against the C library's, over every combination of
 * flags, width, precision, length modifier and conversion on a set of
 * edge values, and for every buffer size when output is truncated.
 * The C library is the oracle: the kernel promises C semantics for all
 * of these.  %p is not compared (the kernel prints it like Linux's %px).
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "ktap.h"

int kern_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int kern_snprintf(char *buf, size_t size, const char *fmt, ...);
int kern_scnprintf(char *buf, size_t size, const char *fmt, ...);

static const char *const flags[] = {
	"", "-", "+", " ", "#", "0", "-+", "+ ", "0#", "-#", "0+", "- 0",
};
static const char *const widths[] = { "", "1", "7", "25" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".6", ".30" };
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "j", "t" };
static const char convs[] = "diuxXo";
static const long long values[] = {
	0, 1, -1, 7, 42, -42, 255, 256, 0x80, 0x7fff, -32768, 65535,
	INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL,
};

/* Format one value, passing it with the type the length modifier says. */
#define FORMAT_AS(fn, buf, size, fmt, len, v)				\
	(!strcmp(len, "hh") ? fn(buf, size, fmt, (int)(signed char)(v)) :	\
	 !strcmp(len, "h") ? fn(buf, size, fmt, (int)(short)(v)) :	\
	 !strcmp(len, "") ? fn(buf, size, fmt, (int)(v)) :		\
	 !strcmp(len, "l") ? fn(buf, size, fmt, (long)(v)) :		\
	 !strcmp(len, "ll") ? fn(buf, size, fmt, (long long)(v)) :	\
	 !strcmp(len, "z") ? fn(buf, size, fmt, (size_t)(v)) :		\
	 !strcmp(len, "j") ? fn(buf, size, fmt, (intmax_t)(v)) :	\
	 fn(buf, size, fmt, (ptrdiff_t)(v)))

static int mismatches;

static void compare_int(const char *fmt, const char *len, long long v)
{
	char want[128], got[128];
	int n_want, n_got;

	n_want = FORMAT_AS(snprintf, want, sizeof(want), fmt, len, v);
	n_got = FORMAT_AS(kern_snprintf, got, sizeof(got), fmt, len, v);
	if (n_want != n_got || strcmp(want, got)) {
		if (mismatches++ < 20)
			printf("# \"%s\" of %lld: libc \"%s\" (%d), kernel \"%s\" (%d)\n",
			       fmt, v, want, n_want, got, n_got);
		host_case_failed = 1;
	}
}

static void test_integers_match_libc(void)
{
	char fmt[32];
	size_t f, w, p, l, c, v;
	long count = 0;

	for (f = 0; f < sizeof(flags) / sizeof(*flags); f++)
	for (w = 0; w < sizeof(widths) / sizeof(*widths); w++)
	for (p = 0; p < sizeof(precisions) / sizeof(*precisions); p++)
	for (l = 0; l < sizeof(lengths) / sizeof(*lengths); l++)
	for (c = 0; convs[c]; c++) {
		snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flags[f], widths[w],
			 precisions[p], lengths[l], convs[c]);
		for (v = 0; v < sizeof(values) / sizeof(*values); v++, count++)
			compare_int(fmt, lengths[l], values[v]);
	}
	printf("# %ld formats compared\n", count);
}

static void compare_str(const char *fmt, const char *s)
{
	char want[128], got[128];
	int n_want = snprintf(want, sizeof(want), fmt, s);
	int n_got = kern_snprintf(got, sizeof(got), fmt, s);

	EXPECT_MSG(n_want == n_got && !strcmp(want, got),
		   "\"%s\": libc \"%s\", kernel \"%s\"", fmt, want, got);
}

static void test_strings_and_chars_match_libc(void)
{
	static const char *const strs[] = { "", "a", "hello", "a much longer string" };
	static const char *const fmts[] = {
		"%s", "%10s", "%-10s|", "%.0s", "%.3s", "%5.2s", "%-5.2s|", "%.100s",
	};
	char want[64], got[64];
	size_t i, j;
	int c;

	for (i = 0; i < sizeof(fmts) / sizeof(*fmts); i++)
		for (j = 0; j < sizeof(strs) / sizeof(*strs); j++)
			compare_str(fmts[i], strs[j]);
	for (c = 1; c < 256; c++) {
		snprintf(want, sizeof(want), "[%c|%3c|%-3c]", c, c, c);
		kern_snprintf(got, sizeof(got), "[%c|%3c|%-3c]", c, c, c);
		EXPECT_MSG(!memcmp(want, got, 12), "char %d", c);
	}
	kern_snprintf(got, sizeof(got), "100%%|%%%s", "x");
	EXPECT(!strcmp(got, "100%|%x"));
}

static void test_truncation_every_size(void)
{
	const char *fmt = "%s=%08x %-6d|%+lld";
	char want[64], got[64 + 8];
	int n_want, n_got;
	size_t size;

	for (size = 0; size <= 48; size++) {
		memset(want, 0x55, sizeof(want));
		memset(got, 0x55, sizeof(got));
		n_want = snprintf(want, size, fmt, "key", 0xbeef, -12, LLONG_MIN);
		n_got = kern_snprintf(got, size, fmt, "key", 0xbeef, -12, LLONG_MIN);
		EXPECT_MSG(n_want == n_got, "size %zu: %d vs %d", size, n_want, n_got);
		EXPECT_MSG(!memcmp(want, got, sizeof(want)), "size %zu", size);
		EXPECT(got[64] == 0x55);
	}
	EXPECT(kern_scnprintf(got, 10, "%s", "0123456789abc") == 9);
	EXPECT(kern_scnprintf(got, 0, "%s", "abc") == 0);
	EXPECT(kern_snprintf(NULL, 0, "%d", -12345) == 6);
}

/* %pS goes through sprint_symbol(): see symbols.c for the fake table. */
static void test_pointers(void)
{
	char got[64];

	kern_snprintf(got, sizeof(got), "%p", (void *)0xabc);
	EXPECT(!strcmp(got, "0000000000000abc"));
	kern_snprintf(got, sizeof(got), "[%20p]", (void *)0xabc);
	EXPECT(!strcmp(got, "[                 abc]"));	/* a width: no zero fill */
	kern_snprintf(got, sizeof(got), "%pS|%ps", (void *)0x1010, (void *)0x1010);
	EXPECT(!strcmp(got, "fake_fn+0x10/0x100|fake_fn"));
	kern_snprintf(got, sizeof(got), "%pS", (void *)0x2000);
	EXPECT(!strcmp(got, "0x2000"));
	kern_snprintf(got, sizeof(got), "%-10ps|", (void *)0x1000);
	EXPECT(!strcmp(got, "fake_fn   |"));
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_integers_match_libc),
		HOST_CASE(test_strings_and_chars_match_libc),
		HOST_CASE(test_truncation_every_size),
		HOST_CASE(test_pointers),
	};

	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
