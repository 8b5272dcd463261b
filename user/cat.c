/*
 * cat [-u] [FILE...]: copy each file (standard input for none or "-") to
 * standard output.  A file that cannot be read is reported as
 * "cat: FILE: reason" and skipped; the exit status is then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[8192];

/* Copy fd to stdout: 0, or -1 with *what set to the failing step. */
static int copy(int fd, const char **what)
{
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			return 0;
		if (n < 0) {
			*what = "read";
			return -1;
		}
		if (fwrite(buf, 1, n, stdout) != (size_t)n) {
			*what = "write";
			return -1;
		}
	}
}

static int cat_file(const char *name)
{
	const char *what = "open";
	int fd = STDIN_FILENO, ret = 0;

	if (strcmp(name, "-")) {
		fd = open(name, O_RDONLY);
		if (fd < 0)
			goto fail;
	}
	ret = copy(fd, &what);
	if (fd != STDIN_FILENO)
		close(fd);
	if (ret == 0)
		return 0;
fail:
	if (!strcmp(what, "write"))
		fprintf(stderr, "cat: write error: %s\n", strerror(errno));
	else
		fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	/* POSIX's -u (unbuffered) is what cat always does. */
	setvbuf(stdout, NULL, _IONBF, 0);
	while ((i = getopt(argc, argv, "u")) != -1) {
		if (i != 'u') {
			fprintf(stderr, "usage: cat [-u] [FILE...]\n");
			return 2;
		}
	}
	if (optind == argc)
		return cat_file("-");
	for (i = optind; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
