/*
 * ls [-1al] [FILE...]: list files and directory contents.
 *
 * Operands that are not directories are listed first, then each
 * directory's entries, under a "DIR:" heading when there is more than
 * one operand.  Names are sorted by byte value; names starting with
 * "." are shown only with -a.  -l gives one line per file:
 *
 *     drwxr-xr-x  2 0 0   120 etc
 *     crw-rw-rw-  1 0 0  1, 3 null
 *
 * (mode, links, owner and group ids, size or device numbers, name;
 * there is no date: files here carry none).  Without -l, output to a
 * terminal is in columns, anything else one name per line.
 * Inaccessible operands are reported as "ls: NAME: reason" and make
 * the exit status 1.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

struct entry {
	char *name;		/* as shown */
	struct stat st;		/* filled in with -l */
};

struct listing {
	struct entry *v;
	int n, cap;
};

static int opt_all, opt_long, opt_one;
static int status;

static void fail(const char *what)
{
	fprintf(stderr, "ls: %s: %s\n", what, strerror(errno));
	status = 1;
}

static int add(struct listing *l, const char *name, const struct stat *st)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 32;
		struct entry *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].name = strdup(name);
	if (!l->v[l->n].name)
		return -1;
	if (st)
		l->v[l->n].st = *st;
	l->n++;
	return 0;
}

static void clear(struct listing *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

static char type_char(mode_t mode)
{
	if (S_ISDIR(mode))
		return 'd';
	if (S_ISCHR(mode))
		return 'c';
	if (S_ISBLK(mode))
		return 'b';
	if (S_ISFIFO(mode))
		return 'p';
	if (S_ISLNK(mode))
		return 'l';
	if (S_ISSOCK(mode))
		return 's';
	return '-';
}

static void mode_string(mode_t mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = type_char(mode);
	for (i = 0; i < 9; i++)
		s[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

/* Linux's encoding of device numbers in st_rdev. */
static unsigned int dev_major(unsigned long rdev)
{
	return ((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffUL);
}

static unsigned int dev_minor(unsigned long rdev)
{
	return (rdev & 0xff) | ((rdev >> 12) & ~0xffUL);
}

/* Size column: bytes, or "MAJOR, MINOR" for devices. */
static void size_string(const struct stat *st, char *s, size_t n)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(s, n, "%u, %u", dev_major(st->st_rdev),
			 dev_minor(st->st_rdev));
	else
		snprintf(s, n, "%ld", st->st_size);
}

static int num_width(unsigned long v)
{
	char buf[24];

	return snprintf(buf, sizeof(buf), "%lu", v);
}

static void print_long(const struct listing *l)
{
	int i, wl = 1, wu = 1, wg = 1, ws = 1;
	char mode[11], size[32];

	for (i = 0; i < l->n; i++) {
		const struct stat *st = &l->v[i].st;
		int w;

		size_string(st, size, sizeof(size));
		w = strlen(size);
		ws = w > ws ? w : ws;
		w = num_width(st->st_nlink);
		wl = w > wl ? w : wl;
		w = num_width(st->st_uid);
		wu = w > wu ? w : wu;
		w = num_width(st->st_gid);
		wg = w > wg ? w : wg;
	}
	for (i = 0; i < l->n; i++) {
		const struct stat *st = &l->v[i].st;

		mode_string(st->st_mode, mode);
		size_string(st, size, sizeof(size));
		printf("%s %*lu %*u %*u %*s %s\n", mode, wl, st->st_nlink,
		       wu, st->st_uid, wg, st->st_gid, ws, size,
		       l->v[i].name);
	}
}

static int terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Names in columns, filled top to bottom, as ls does on a terminal. */
static void print_columns(const struct listing *l)
{
	int i, r, c, w = 1, cols, rows;

	for (i = 0; i < l->n; i++) {
		int len = strlen(l->v[i].name);

		w = len > w ? len : w;
	}
	w += 2;
	cols = terminal_width() / w;
	cols = cols < 1 ? 1 : cols;
	rows = (l->n + cols - 1) / cols;
	for (r = 0; r < rows; r++) {
		for (c = 0; c < cols; c++) {
			i = c * rows + r;
			if (i >= l->n)
				break;
			if (c + 1 < cols && i + rows < l->n)
				printf("%-*s", w, l->v[i].name);
			else
				printf("%s", l->v[i].name);
		}
		printf("\n");
	}
}

static void print_listing(struct listing *l)
{
	int i;

	qsort(l->v, l->n, sizeof(l->v[0]), cmp_entry);
	if (opt_long)
		print_long(l);
	else if (!opt_one && isatty(STDOUT_FILENO))
		print_columns(l);
	else
		for (i = 0; i < l->n; i++)
			printf("%s\n", l->v[i].name);
}

/* Collect (and with -l stat) the entries of directory path. */
static int read_dir(const char *path, struct listing *l)
{
	char full[PATH_MAX];
	struct dirent *d;
	struct stat st;
	DIR *dir = opendir(path);

	if (!dir) {
		fail(path);
		return -1;
	}
	errno = 0;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' && !opt_all)
			continue;
		memset(&st, 0, sizeof(st));
		snprintf(full, sizeof(full), "%s/%s", path, d->d_name);
		if (opt_long && lstat(full, &st) < 0) {
			fail(full);
			continue;
		}
		if (add(l, d->d_name, &st) < 0)
			break;
		errno = 0;
	}
	if (errno)
		fail(path);
	closedir(dir);
	return 0;
}

static void list_dir(const char *path, int heading, int first)
{
	struct listing l = { 0 };

	if (read_dir(path, &l) < 0)
		return;
	if (heading)
		printf("%s%s:\n", first ? "" : "\n", path);
	print_listing(&l);
	clear(&l);
}

static int usage(void)
{
	fprintf(stderr, "usage: ls [-1al] [FILE...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct listing files = { 0 }, dirs = { 0 };
	struct stat st;
	int c, i, nargs;

	while ((c = getopt(argc, argv, "1al")) != -1) {
		switch (c) {
		case '1': opt_one = 1; break;
		case 'a': opt_all = 1; break;
		case 'l': opt_long = 1; break;
		default: return usage();
		}
	}
	nargs = argc - optind;
	for (i = optind; i < argc || (nargs == 0 && i == optind); i++) {
		const char *name = nargs ? argv[i] : ".";

		if (stat(name, &st) < 0 && lstat(name, &st) < 0)
			fail(name);
		else if (add(S_ISDIR(st.st_mode) ? &dirs : &files, name,
			     &st) < 0)
			fail(name);
	}
	if (files.n)
		print_listing(&files);
	qsort(dirs.v, dirs.n, sizeof(dirs.v[0]), cmp_entry);
	for (i = 0; i < dirs.n; i++)
		list_dir(dirs.v[i].name, nargs > 1, i == 0 && !files.n);
	clear(&files);
	clear(&dirs);
	if (fflush(stdout))
		status = 1;
	return status;
}
