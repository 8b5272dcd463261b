/*
 * cmp [-l | -s] FILE1 [FILE2]: compare two files byte by byte, as GNU
 * cmp does ("-", or a missing FILE2, is standard input).
 *
 * At the first difference it prints "FILE1 FILE2 differ: byte N, line
 * M" (bytes and lines counted from 1).  When one file is a prefix of
 * the other it says so on standard error: "cmp: EOF on FILE after byte
 * N, line M" (the shorter file ended a line there), "..., in line M"
 * (it ended inside line M), or "cmp: EOF on FILE which is empty".  -l
 * lists every difference instead: the byte number, right-aligned to the
 * width of the largest one possible, and both values in octal.  -s
 * prints nothing at all, errors included.  Status: 0 same, 1 different,
 * 2 trouble (a file that cannot be read, bad usage).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define EXIT_TROUBLE	2

struct input {
	const char *name;
	int fd;
	unsigned char buf[8192];
	size_t pos, len;
	int eof;
};

static int opt_list, opt_silent;

static void usage(void)
{
	fprintf(stderr, "usage: cmp [-l | -s] FILE1 [FILE2]\n");
}

static void trouble(const char *name)
{
	if (!opt_silent)
		fprintf(stderr, "cmp: %s: %s\n", name, strerror(errno));
}

static int input_open(struct input *in, const char *name)
{
	in->name = name;
	in->pos = in->len = 0;
	in->eof = 0;
	in->fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;
	if (in->fd < 0) {
		trouble(name);
		return -1;
	}
	return 0;
}

/* The next byte, EOF at the end, or -2 after a read error. */
static int input_byte(struct input *in)
{
	ssize_t n;

	while (in->pos == in->len && !in->eof) {
		n = read(in->fd, in->buf, sizeof(in->buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			trouble(in->name);
			return -2;
		}
		in->eof = n == 0;
		in->pos = 0;
		in->len = n;
	}
	return in->eof ? EOF : in->buf[in->pos++];
}

/* Bytes that can still differ: a regular file's size, else unknown. */
static unsigned long long input_size(const struct input *in)
{
	struct stat st;

	if (fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_size;
	return 9223372036854775807ULL;		/* GNU cmp: OFF_T_MAX */
}

static int digits(unsigned long long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static void report_eof(const struct input *in, unsigned long long off,
		       unsigned long long lines, int last)
{
	if (opt_silent)
		return;
	if (!off)
		fprintf(stderr, "cmp: EOF on %s which is empty\n", in->name);
	else if (opt_list)
		fprintf(stderr, "cmp: EOF on %s after byte %llu\n", in->name, off);
	else if (last == '\n')
		fprintf(stderr, "cmp: EOF on %s after byte %llu, line %llu\n",
			in->name, off, lines);
	else
		fprintf(stderr, "cmp: EOF on %s after byte %llu, in line %llu\n",
			in->name, off, lines + 1);
}

static int compare(struct input *a, struct input *b)
{
	unsigned long long off = 0, lines = 0, sa, sb;
	int ca, cb, last = 0, differ = 0, width;

	sa = input_size(a);
	sb = input_size(b);
	width = digits(sa < sb ? sa : sb);
	for (;;) {
		ca = input_byte(a);
		cb = input_byte(b);
		if (ca == -2 || cb == -2)
			return EXIT_TROUBLE;
		if (ca == EOF || cb == EOF)
			break;
		off++;
		if (ca != cb) {
			if (opt_silent)
				return 1;
			if (!opt_list) {
				printf("%s %s differ: byte %llu, line %llu\n",
				       a->name, b->name, off, lines + 1);
				return 1;
			}
			printf("%*llu %3o %3o\n", width, off, ca, cb);
			differ = 1;
		}
		lines += ca == '\n';
		last = ca;
	}
	if (ca == cb)
		return differ;
	report_eof(ca == EOF ? a : b, off, lines, last);
	return 1;
}

int main(int argc, char **argv)
{
	struct input a, b;
	int c, status;

	while ((c = getopt(argc, argv, "ls")) != -1) {
		switch (c) {
		case 'l': opt_list = 1; break;
		case 's': opt_silent = 1; break;
		default: goto usage;
		}
	}
	if (opt_list && opt_silent) {
		fprintf(stderr, "cmp: options -l and -s are incompatible\n");
		goto usage;
	}
	if (argc - optind < 1 || argc - optind > 2)
		goto usage;
	if (input_open(&a, argv[optind]) < 0 ||
	    input_open(&b, optind + 1 < argc ? argv[optind + 1] : "-") < 0)
		return EXIT_TROUBLE;
	status = compare(&a, &b);
	if (fflush(stdout) && status != EXIT_TROUBLE) {
		fprintf(stderr, "cmp: write error: %s\n", strerror(errno));
		status = EXIT_TROUBLE;
	}
	return status;
usage:
	usage();
	return EXIT_TROUBLE;
}
