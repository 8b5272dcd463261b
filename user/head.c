/*
 * head [-n LINES | -c BYTES] [-q | -v] [FILE...]: the first lines (10
 * by default) or bytes of each file, as GNU head prints them ("-", or
 * no file, is standard input).  The count may end in k, m or g (times
 * 1024, 1024^2, 1024^3); "head -N" is "head -n N".  With more than one
 * file (or -v, unless -q) each starts with "==> NAME <==", and a blank
 * line separates them.  A file that cannot be read is reported in GNU's
 * words ("head: cannot open 'F' for reading: reason") and skipped; the
 * status is then 1.  A bad count or option gives usage and status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <scaled.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long long count = 10;
static int by_bytes;
static int first_header = 1;

static void usage(void)
{
	fprintf(stderr, "usage: head [-n LINES | -c BYTES] [-q | -v] [FILE...]\n");
}

/* Copy the first count lines or bytes of fd to stdout; 0 or -1 (errno). */
static int copy_head(int fd)
{
	char buf[4096];
	unsigned long long left = count;
	ssize_t n, i;

	while (left) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n;
		for (i = 0; i < n && left; i++) {
			if (by_bytes || buf[i] == '\n')
				left--;
		}
		if (fwrite(buf, 1, i, stdout) != (size_t)i)
			return -1;
	}
	return 0;
}

static int head_file(const char *name, int headers)
{
	int fd = STDIN_FILENO;
	const char *shown = strcmp(name, "-") ? name : "standard input";

	if (strcmp(name, "-") && (fd = open(name, O_RDONLY)) < 0) {
		fprintf(stderr, "head: cannot open '%s' for reading: %s\n",
			name, strerror(errno));
		return 1;
	}
	if (headers)
		printf("%s==> %s <==\n", first_header ? "" : "\n", shown);
	first_header = 0;
	if (copy_head(fd) < 0) {
		fprintf(stderr, "head: error reading '%s': %s\n", shown,
			strerror(errno));
		if (fd != STDIN_FILENO)
			close(fd);
		return 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int c, i, quiet = 0, verbose = 0, status = 0, nfiles;
	char *opt;

	/* The old form "head -N". */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' &&
	    argv[1][1] <= '9') {
		if (parse_scaled(argv[1] + 1, 10, ~0ULL, &count) < 0)
			goto bad_lines;
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((c = getopt(argc, argv, "n:c:qv")) != -1) {
		switch (c) {
		case 'n':
		case 'c':
			opt = optarg;
			by_bytes = c == 'c';
			if (parse_scaled(opt, 10, ~0ULL, &count) < 0) {
				fprintf(stderr, "head: invalid number of %s: '%s'\n",
					by_bytes ? "bytes" : "lines", opt);
				goto usage;
			}
			break;
		case 'q': quiet = 1; verbose = 0; break;
		case 'v': verbose = 1; quiet = 0; break;
		default: goto usage;
		}
	}
	nfiles = argc - optind;
	if (!nfiles)
		status = head_file("-", verbose);
	for (i = optind; i < argc; i++)
		status |= head_file(argv[i], !quiet && (verbose || nfiles > 1));
	if (fflush(stdout)) {
		fprintf(stderr, "head: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
bad_lines:
	fprintf(stderr, "head: invalid number of lines: '%s'\n", argv[1] + 1);
usage:
	usage();
	return 2;
}
