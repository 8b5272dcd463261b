/*
 * libctest: checks of the C library, run by tests/host/test_user_libc.py
 * on Linux and usable by hand inside Ferry.
 *
 *   libctest printf          snprintf cases from stdin, results to stdout
 *   libctest malloc SEED N   N random malloc/free/realloc/calloc steps
 *   libctest errors          strerror(0..140) and strsignal(1..64)
 *   libctest getopt OPTSTRING ARG...   what getopt() returns, one per line
 *   libctest getopt_long OPTSTRING ARG...   the same for getopt_long()
 *            with the long options all, file=, fill, opt[=] and set
 *   libctest strtol STR BASE           strtol/strtoul result, end, errno
 *   libctest string | qsort | env | stdio FILE    self-checks
 *
 * A self-check prints "ok" and exits 0, or prints each failure and
 * exits 1.  Usage errors exit 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAX_ARGS 8

static int failures;

#define CHECK(cond) check((cond), #cond, __LINE__)

static void check(int ok, const char *what, int line)
{
	if (!ok) {
		printf("FAIL line %d: %s\n", line, what);
		failures++;
	}
}

static int finish(void)
{
	if (!failures)
		printf("ok\n");
	return failures ? 1 : 0;
}

/* ---- printf: "SIZE f:FMT-HEX ARG..." -> "RET OUTPUT-HEX fits" ------ */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode hex in place; returns the decoded string. */
static char *unhex(char *s)
{
	char *out = s, *in = s;

	while (hexval(in[0]) >= 0 && hexval(in[1]) >= 0) {
		*out++ = hexval(in[0]) * 16 + hexval(in[1]);
		in += 2;
	}
	*out = '\0';
	return s;
}

/*
 * An argument: i:DECIMAL (any integer, passed as 64 bits), s:HEX (a
 * string), p:HEX-NUMBER (a pointer value), n (a null pointer).
 */
static int parse_arg(char *tok, long *arg)
{
	if (tok[0] == 'i' && tok[1] == ':') {
		errno = 0;
		*arg = tok[2] == '-' ? strtoll(tok + 2, NULL, 10) :
		       (long)strtoull(tok + 2, NULL, 10);
		return errno ? -1 : 0;
	}
	if (tok[0] == 's' && tok[1] == ':') {
		*arg = (long)unhex(tok + 2);
		return 0;
	}
	if (tok[0] == 'p' && tok[1] == ':') {
		*arg = (long)strtoull(tok + 2, NULL, 16);
		return 0;
	}
	if (!strcmp(tok, "n")) {
		*arg = 0;
		return 0;
	}
	return -1;
}

static void print_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%02x", (unsigned char)s[i]);
}

static int printf_line(char *line)
{
	static char out[4096];
	long a[MAX_ARGS] = { 0 };
	char *save, *tok, *fmt;
	size_t size;
	int n = 0, ret;

	tok = strtok_r(line, " \n", &save);
	if (!tok)
		return 0;
	size = strtoul(tok, NULL, 10);
	fmt = strtok_r(NULL, " \n", &save);
	if (!fmt || strncmp(fmt, "f:", 2) || size > sizeof(out))
		return -1;
	fmt = unhex(fmt + 2);
	while ((tok = strtok_r(NULL, " \n", &save))) {
		if (n == MAX_ARGS || parse_arg(tok, &a[n++]) < 0)
			return -1;
	}
	memset(out, 0x55, sizeof(out));
	/* Every argument as a 64-bit word: va_arg reads what it needs. */
	ret = snprintf(size ? out : NULL, size, fmt, a[0], a[1], a[2], a[3],
		       a[4], a[5], a[6], a[7]);
	printf("%d ", ret);
	print_hex(out, size ? strlen(out) : 0);
	/* Nothing may be written past the buffer. */
	printf(" %s\n", size < sizeof(out) && out[size] != 0x55 ? "overrun" :
	       "fits");
	return 0;
}

static int cmd_printf(void)
{
	char line[2048];

	while (fgets(line, sizeof(line), stdin)) {
		if (printf_line(line) < 0) {
			fprintf(stderr, "libctest: bad printf case\n");
			return 2;
		}
	}
	return 0;
}

/* ---- malloc stress -------------------------------------------------- */

#define SLOTS 512
#define HEAP_KEPT_MAX (512 << 10)	/* > malloc.c's TRIM_THRESHOLD */

struct slot {
	unsigned char *p;
	size_t size;
	unsigned char tag;
};

static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Mostly small sizes, some pages, a few large blocks. */
static size_t random_size(void)
{
	unsigned int r = rng() % 64;

	if (r == 0)
		return rng() % (256 << 10);
	if (r < 12)
		return rng() % 8192;
	return rng() % 256;
}

static void fill(struct slot *s)
{
	size_t i;

	for (i = 0; i < s->size; i++)
		s->p[i] = (unsigned char)(s->tag + i * 7);
}

static int intact(const struct slot *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < s->size; i++)
		if (s->p[i] != (unsigned char)(s->tag + i * 7))
			return 0;
	return 1;
}

static int slot_step(struct slot *s)
{
	size_t size = random_size();
	unsigned char *p;
	size_t i;

	if (!s->p) {
		int zero = rng() % 4 == 0;

		p = zero ? calloc(1, size) : malloc(size);
		if (!p)
			return -1;
		for (i = 0; zero && i < size; i++)
			if (p[i])
				return -1;
		s->p = p;
		s->size = size;
		s->tag = rng();
		fill(s);
	} else if (rng() % 3 == 0) {
		if (!intact(s, s->size))
			return -1;
		p = realloc(s->p, size);
		if (!p && size)
			return -1;
		s->p = p;
		if (!intact(s, size < s->size ? size : s->size))
			return -1;
		s->size = size;
		fill(s);
	} else {
		if (!intact(s, s->size))
			return -1;
		free(s->p);
		s->p = NULL;
	}
	if (s->p && ((uintptr_t)s->p & 15))
		return -1;
	return 0;
}

static int malloc_round(struct slot *slots, long steps)
{
	long i;
	int k;

	for (i = 0; i < steps; i++) {
		k = rng() % SLOTS;
		if (slot_step(&slots[k]) < 0) {
			printf("FAIL step %ld slot %d\n", i, k);
			return -1;
		}
	}
	for (k = 0; k < SLOTS; k++) {
		if (slots[k].p && !intact(&slots[k], slots[k].size)) {
			printf("FAIL slot %d corrupted\n", k);
			return -1;
		}
		free(slots[k].p);
		slots[k].p = NULL;
	}
	return malloc_check();
}

static int cmd_malloc(int argc, char **argv)
{
	static struct slot slots[SLOTS];
	struct malloc_stats st;
	void *heap_base = sbrk(0);
	long steps;
	int round;

	if (argc != 4)
		return -1;
	rng_state = strtoull(argv[2], NULL, 0) * 2654435761u + 1;
	steps = strtol(argv[3], NULL, 0);
	for (round = 0; round < 4; round++) {
		if (malloc_round(slots, steps) < 0)
			return 1;
		malloc_get_stats(&st);
		if (st.used_chunks || st.free_chunks > 1) {
			printf("FAIL round %d: %zu used, %zu free chunks\n",
			       round, st.used_chunks, st.free_chunks);
			return 1;
		}
		/* Everything is free: at most a trim threshold is kept. */
		CHECK(st.heap_bytes <= HEAP_KEPT_MAX);
		CHECK((char *)sbrk(0) - (char *)heap_base <= HEAP_KEPT_MAX);
	}
	CHECK(malloc(~(size_t)0 / 2) == NULL && errno == ENOMEM);
	CHECK(calloc(~(size_t)0 / 8, 16) == NULL && errno == ENOMEM);
	CHECK(realloc(NULL, 0) != NULL);
	printf("heap %zu bytes after %d rounds\n", st.heap_bytes, round);
	return finish();
}

/* ---- messages, getopt, strtol --------------------------------------- */

static int cmd_errors(void)
{
	int i;

	for (i = 0; i <= 140; i++)
		printf("E%d %s\n", i, strerror(i));
	for (i = 1; i <= 64; i++)
		printf("S%d %s\n", i, strsignal(i));
	return 0;
}

static int cmd_getopt(int argc, char **argv)
{
	int c;

	if (argc < 3)
		return -1;
	/* argv[2] is the option string; argv[2] also plays argv[0]. */
	argv += 2;
	argc -= 2;
	while ((c = getopt(argc, argv, argv[0])) != -1) {
		if (optarg)
			printf("%c %s\n", c, optarg);
		else if (c == '?' || c == ':')
			printf("%c %c\n", c, optopt);
		else
			printf("%c\n", c);
	}
	for (; optind < argc; optind++)
		printf("operand %s\n", argv[optind]);
	return 0;
}

/* Long options "all", "file" ARG, "fill", "opt"[=ARG], "set" (a flag). */
static int cmd_getopt_long(int argc, char **argv)
{
	static int set_flag;
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "file", required_argument, NULL, 'f' },
		{ "fill", no_argument, NULL, 'F' },
		{ "opt", optional_argument, NULL, 'o' },
		{ "set", no_argument, &set_flag, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int c, index;

	if (argc < 3)
		return -1;
	argv += 2;
	argc -= 2;
	while ((c = getopt_long(argc, argv, argv[0], longopts, &index)) != -1) {
		if (c == 0)
			printf("flag %c (%s)\n", set_flag, longopts[index].name);
		else if (optarg)
			printf("%c %s\n", c, optarg);
		else if (c == '?' || c == ':')
			printf("%c %d\n", c, optopt);
		else
			printf("%c\n", c);
	}
	for (; optind < argc; optind++)
		printf("operand %s\n", argv[optind]);
	return 0;
}

static int cmd_strtol(int argc, char **argv)
{
	char *end;
	long v;
	unsigned long u;

	if (argc != 4)
		return -1;
	errno = 0;
	v = strtol(argv[2], &end, atoi(argv[3]));
	printf("%ld %td %d\n", v, end - argv[2], errno);
	errno = 0;
	u = strtoul(argv[2], &end, atoi(argv[3]));
	printf("%lu %td %d\n", u, end - argv[2], errno);
	return 0;
}

/* ---- self-checks ---------------------------------------------------- */

static int cmd_string(void)
{
	char buf[64], *save, *tok;
	char big[100];

	CHECK(strlen("") == 0 && strlen("abc") == 3);
	CHECK(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0);
	CHECK(strcmp("\xff", "a") > 0);		/* compared as unsigned */
	CHECK(strncmp("abcx", "abcy", 3) == 0);
	CHECK(strcasecmp("HeLLo", "hello") == 0);
	CHECK(!strcmp(strchr("hello", 'l'), "llo"));
	CHECK(!strcmp(strrchr("hello", 'l'), "lo"));
	CHECK(strchr("abc", '\0') != NULL && strchr("abc", 'z') == NULL);
	CHECK(!strcmp(strstr("haystack", "st"), "stack"));
	CHECK(strstr("abc", "abcd") == NULL);
	CHECK(strspn("aabbc", "ab") == 4 && strcspn("abc:d", ":") == 3);
	strcpy(buf, "a,b,,c");
	tok = strtok_r(buf, ",", &save);
	CHECK(tok && !strcmp(tok, "a"));
	tok = strtok_r(NULL, ",", &save);
	CHECK(tok && !strcmp(tok, "b"));
	tok = strtok_r(NULL, ",", &save);
	CHECK(tok && !strcmp(tok, "c"));
	CHECK(strtok_r(NULL, ",", &save) == NULL);
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 5);
	CHECK(!memcmp(buf, "ab\0\0\0x", 6));
	strcpy(big, "0123456789");
	memmove(big + 2, big, 8);
	CHECK(!strcmp(big, "0101234567"));
	memmove(big, big + 2, 9);
	CHECK(!strcmp(big, "01234567"));
	CHECK(memcmp("ab", "ac", 2) < 0);
	CHECK(memchr("abc", 'c', 3) != NULL && memchr("abc", 'c', 2) == NULL);
	tok = strdup("dup");
	CHECK(tok && !strcmp(tok, "dup"));
	free(tok);
	tok = strndup("abcdef", 3);
	CHECK(tok && !strcmp(tok, "abc"));
	free(tok);
	strcpy(buf, "ab");
	strcat(buf, "cd");
	strncat(buf, "efgh", 2);
	CHECK(!strcmp(buf, "abcdef"));
	CHECK(atoi("  -42x") == -42 && atol("123") == 123);
	CHECK(abs(-5) == 5 && labs(-7L) == 7);
	return finish();
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

static int cmd_qsort(void)
{
	static long v[5000];
	int n, i, sorted;

	rng_state = 12345;
	for (n = 0; n <= 5000; n = n ? n * 3 : 1) {
		for (i = 0; i < n; i++)
			v[i] = (long)(rng() % 1000) - 500;
		qsort(v, n, sizeof(v[0]), cmp_long);
		for (sorted = 1, i = 1; i < n; i++)
			if (v[i - 1] > v[i])
				sorted = 0;
		CHECK(sorted);
	}
	return finish();
}

static int cmd_env(void)
{
	CHECK(getenv("LIBCTEST_NONE") == NULL);
	CHECK(setenv("LIBCTEST_A", "one", 1) == 0);
	CHECK(getenv("LIBCTEST_A") && !strcmp(getenv("LIBCTEST_A"), "one"));
	CHECK(setenv("LIBCTEST_A", "two", 0) == 0);
	CHECK(!strcmp(getenv("LIBCTEST_A"), "one"));
	CHECK(setenv("LIBCTEST_A", "two", 1) == 0);
	CHECK(!strcmp(getenv("LIBCTEST_A"), "two"));
	CHECK(setenv("BAD=NAME", "x", 1) == -1 && errno == EINVAL);
	CHECK(setenv("", "x", 1) == -1 && errno == EINVAL);
	CHECK(unsetenv("LIBCTEST_A") == 0 && getenv("LIBCTEST_A") == NULL);
	CHECK(getenv("PATH") != NULL);	/* the inherited ones survive */
	return finish();
}

static int cmd_stdio(int argc, char **argv)
{
	char line[64];
	FILE *f;
	int c;

	if (argc != 3)
		return -1;
	f = fopen(argv[2], "w");
	CHECK(f != NULL);
	if (!f)
		return finish();
	CHECK(fprintf(f, "line %d\n", 1) == 7);
	CHECK(fputs("second\n", f) == 0 && fputc('x', f) == 'x');
	CHECK(fwrite("yz", 1, 2, f) == 2);
	CHECK(ftell(f) == 17);
	CHECK(fclose(f) == 0);
	f = fopen(argv[2], "r");
	CHECK(f != NULL);
	if (!f)
		return finish();
	CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n"));
	CHECK((c = fgetc(f)) == 's' && ungetc(c, f) == 's');
	CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "second\n"));
	CHECK(fgets(line, 3, f) && !strcmp(line, "xy"));
	CHECK(fgetc(f) == 'z' && fgetc(f) == EOF && feof(f));
	CHECK(fseek(f, 5, SEEK_SET) == 0 && fgetc(f) == '1');
	CHECK(fclose(f) == 0);
	CHECK(fopen(argv[2], "q") == NULL && errno == EINVAL);
	CHECK(fopen("/nonexistent/x", "r") == NULL && errno == ENOENT);
	f = fopen(argv[2], "a");
	CHECK(f && fputs("!", f) == 0 && fclose(f) == 0);
	CHECK(remove(argv[2]) == 0 && remove(argv[2]) == -1 &&
	      errno == ENOENT);
	return finish();
}

static int usage(void)
{
	fprintf(stderr, "usage: libctest printf | malloc SEED STEPS | "
		"errors | getopt OPTSTRING ARG... |\n"
		"       getopt_long OPTSTRING ARG... | strtol STRING BASE | string | qsort | env | "
		"stdio FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	int ret = -1;

	if (!strcmp(cmd, "printf"))
		ret = cmd_printf();
	else if (!strcmp(cmd, "malloc"))
		ret = cmd_malloc(argc, argv);
	else if (!strcmp(cmd, "errors"))
		ret = cmd_errors();
	else if (!strcmp(cmd, "getopt"))
		ret = cmd_getopt(argc, argv);
	else if (!strcmp(cmd, "getopt_long"))
		ret = cmd_getopt_long(argc, argv);
	else if (!strcmp(cmd, "strtol"))
		ret = cmd_strtol(argc, argv);
	else if (!strcmp(cmd, "string"))
		ret = cmd_string();
	else if (!strcmp(cmd, "qsort"))
		ret = cmd_qsort();
	else if (!strcmp(cmd, "env"))
		ret = cmd_env();
	else if (!strcmp(cmd, "stdio"))
		ret = cmd_stdio(argc, argv);
	return ret < 0 ? usage() : ret;
}
