/*
 * hexdump [-C] [-n LENGTH] [-s OFFSET] [FILE...]: util-linux's canonical
 * hex+ASCII dump of the files, one stream after the other (standard
 * input when there is none):
 *
 *	00000000  68 65 6c 6c 6f 0a                                 |hello.|
 *	00000006
 *
 * Sixteen bytes a line, offset first; a line equal to the one before
 * is shown once, then a "*" line for the run; the last line is the
 * offset after the last byte read.  -s skips OFFSET bytes first, -n
 * stops after LENGTH bytes; both take decimal, 0x hex or 0 octal, with
 * an optional k, m or g (times 1024, 1024^2, 1024^3).  Without -C the
 * output is the same (util-linux's default is od -x's layout, which
 * this one does not have).  A file that cannot be read is reported as
 * "hexdump: FILE: reason" and skipped; the status is then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <scaled.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define LINE	16

struct dump {
	unsigned long long off;		/* bytes read so far, skipped ones too */
	unsigned long long skip;	/* bytes still to skip (-s) */
	long long left;			/* bytes still to show (-n); -1: all */
	unsigned char line[LINE], prev[LINE];
	int fill;			/* bytes in line */
	int have_prev, starred;
};

static void usage(void)
{
	fprintf(stderr, "usage: hexdump [-C] [-n LENGTH] [-s OFFSET] [FILE...]\n"
		"  canonical hex+ASCII output, with or without -C\n");
}

static void print_line(const struct dump *d, unsigned long long at)
{
	char hex[LINE * 3 + 2], ascii[LINE + 1];
	int i, pos = 0;

	for (i = 0; i < LINE; i++) {
		if (i < d->fill)
			pos += sprintf(hex + pos, "%02x ", d->line[i]);
		else
			pos += sprintf(hex + pos, "   ");
		if (i == LINE / 2 - 1)
			hex[pos++] = ' ';
		ascii[i] = d->line[i] >= 0x20 && d->line[i] < 0x7f ?
			   d->line[i] : '.';
	}
	hex[pos] = '\0';
	ascii[d->fill] = '\0';
	printf("%08llx  %s |%s|\n", at, hex, ascii);
}

/* A full line: shown, or folded into a "*" run when it repeats. */
static void end_line(struct dump *d)
{
	unsigned long long at = d->off - LINE;

	if (d->have_prev && !memcmp(d->line, d->prev, LINE)) {
		if (!d->starred)
			printf("*\n");
		d->starred = 1;
	} else {
		print_line(d, at);
		d->starred = 0;
	}
	memcpy(d->prev, d->line, LINE);
	d->have_prev = 1;
	d->fill = 0;
}

static void feed(struct dump *d, const unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n && d->left; i++) {
		d->off++;
		if (d->skip) {
			d->skip--;
			continue;
		}
		d->line[d->fill++] = buf[i];
		if (d->left > 0)
			d->left--;
		if (d->fill == LINE)
			end_line(d);
	}
}

/*
 * Skip what -s asks for without reading, as util-linux does: up to the
 * size of a regular file, or by seeking on a device; a pipe is read and
 * its bytes dropped (feed()) instead.
 */
static void skip_by_seek(struct dump *d, int fd)
{
	unsigned long long n = d->skip;
	struct stat st;

	if (fstat(fd, &st) < 0)
		return;
	if (S_ISREG(st.st_mode) && n > (unsigned long long)st.st_size)
		n = st.st_size;
	if (lseek(fd, n, SEEK_CUR) < 0)
		return;
	d->off += n;
	d->skip -= n;
}

/* Dump one file (NULL: standard input); 0, or 1 after reporting why. */
static int dump_file(struct dump *d, const char *name)
{
	unsigned char buf[4096];
	int fd = STDIN_FILENO;
	ssize_t n;

	if (name && (fd = open(name, O_RDONLY)) < 0)
		goto fail;
	if (d->skip && d->left)
		skip_by_seek(d, fd);
	while (d->left && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		feed(d, buf, n);
	}
	if (name)
		close(fd);
	return 0;
fail:
	fprintf(stderr, "hexdump: %s: %s\n", name ? name : "stdin",
		strerror(errno));
	if (name && fd >= 0)
		close(fd);
	return 1;
}

static void finish(struct dump *d)
{
	if (d->fill)
		print_line(d, d->off - d->fill);
	if (d->off)
		printf("%08llx\n", d->off);
}

int main(int argc, char **argv)
{
	struct dump d = { .left = -1 };
	unsigned long long v;
	int c, i, failed = 0;

	while ((c = getopt(argc, argv, "Cn:s:")) != -1) {
		switch (c) {
		case 'C':
			break;
		case 'n':
		case 's':
			if (parse_scaled(optarg, 0, ~0ULL >> 1, &v) < 0) {
				fprintf(stderr, "hexdump: bad %s: '%s'\n",
					c == 'n' ? "length" : "offset", optarg);
				goto usage;
			}
			if (c == 'n')
				d.left = v;
			else
				d.skip = v;
			break;
		default:
			goto usage;
		}
	}
	if (optind == argc)
		failed = dump_file(&d, NULL);
	for (i = optind; i < argc; i++)
		failed += dump_file(&d, argv[i]);
	if (optind < argc && failed == argc - optind)
		fprintf(stderr, "hexdump: all input file arguments failed\n");
	finish(&d);
	if (fflush(stdout)) {
		fprintf(stderr, "hexdump: write error: %s\n", strerror(errno));
		return 1;
	}
	return failed ? 1 : 0;
usage:
	usage();
	return 2;
}
