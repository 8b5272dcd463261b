/*
 * wc [-clw] [FILE...]: count lines, words and bytes, laid out as GNU wc
 * does ("-", or no file, is standard input).
 *
 * The counts come in the order lines, words, bytes (those asked for;
 * all three by default), each right-aligned to one width, then the
 * file's name; a "total" line follows when there are several files.
 * The width, as GNU computes it: 1 for a single count of a single
 * input; else the digits of the regular files' total size, and at
 * least 7 when an input is not a regular file (a pipe, a terminal).
 * A word is a run of characters that are not white space and include a
 * printable one (GNU wc in the C locale).  A file that cannot be opened
 * is reported ("wc: FILE: reason") and left out; one that fails while
 * being read is reported and counted as far as it was read.  The
 * status is then 1; a bad option gives usage and status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

struct counts {
	unsigned long long lines, words, bytes;
};

static int show_lines, show_words, show_bytes;
static int width = 1;

static void usage(void)
{
	fprintf(stderr, "usage: wc [-clw] [FILE...]\n");
}

static int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Count what fd holds; 0, or -1 with errno after a read error. */
static int count_fd(int fd, struct counts *ct)
{
	unsigned char buf[8192];
	int in_word = 0;
	ssize_t n, i;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n;
		ct->bytes += n;
		for (i = 0; i < n; i++) {
			int c = buf[i];

			if (c == '\n')
				ct->lines++;
			if (is_space(c)) {
				in_word = 0;
			} else if (c >= 0x20 && c < 0x7f && !in_word) {
				in_word = 1;
				ct->words++;
			}
		}
	}
}

static void print_counts(const struct counts *ct, const char *name)
{
	const char *sep = "";

	if (show_lines) {
		printf("%*llu", width, ct->lines);
		sep = " ";
	}
	if (show_words) {
		printf("%s%*llu", sep, width, ct->words);
		sep = " ";
	}
	if (show_bytes)
		printf("%s%*llu", sep, width, ct->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* GNU's number width (see the top of the file). */
static int number_width(char **files, int nfiles)
{
	unsigned long long total = 0;
	int i, w = 1, min = 1;
	struct stat st;

	if (nfiles == 1 && show_lines + show_words + show_bytes == 1)
		return 1;
	for (i = 0; i < nfiles; i++) {
		if ((strcmp(files[i], "-") ? stat(files[i], &st) :
		     fstat(STDIN_FILENO, &st)) < 0)
			continue;
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			min = 7;
	}
	for (; total >= 10; total /= 10)
		w++;
	return w > min ? w : min;
}

/* Count one file into *total and print its line; 0, or 1 on an error. */
static int wc_file(const char *file, const char *name, struct counts *total)
{
	struct counts ct = { 0, 0, 0 };
	int fd = STDIN_FILENO, ret = 0;

	if (strcmp(file, "-") && (fd = open(file, O_RDONLY)) < 0) {
		fprintf(stderr, "wc: %s: %s\n", file, strerror(errno));
		return 1;
	}
	if (count_fd(fd, &ct) < 0) {
		fprintf(stderr, "wc: %s: %s\n", file, strerror(errno));
		ret = 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	print_counts(&ct, name);
	total->lines += ct.lines;
	total->words += ct.words;
	total->bytes += ct.bytes;
	return ret;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct counts total = { 0, 0, 0 };
	int c, i, nfiles, status = 0;
	char **files;

	while ((c = getopt(argc, argv, "clw")) != -1) {
		switch (c) {
		case 'c': show_bytes = 1; break;
		case 'l': show_lines = 1; break;
		case 'w': show_words = 1; break;
		default: usage(); return 2;
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	files = argv + optind;
	nfiles = argc - optind;
	if (!nfiles) {
		files = stdin_only;
		nfiles = 1;
	}
	width = number_width(files, nfiles);
	for (i = 0; i < nfiles; i++)
		status |= wc_file(files[i], optind < argc ? files[i] : NULL,
				  &total);
	if (nfiles > 1)
		print_counts(&total, "total");
	if (fflush(stdout)) {
		fprintf(stderr, "wc: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
}
