/*
 * grep [-cinqvH] [-e PATTERN]... [PATTERN] [FILE...]: print the lines of
 * the files (standard input for none or "-") that match a PATTERN (any
 * of those given with -e), a basic regular expression as POSIX defines
 * the common part of it:
 *
 *   c     the character itself        \c   c, even if special
 *   .     any character               [abc] [a-z] [^...]  a class
 *   x*    zero or more of x           ^ $  start, end of the line
 *
 * -c count matching lines, -i ignore case, -n prefix line numbers,
 * -q print nothing, -v select the lines that do not match, -H (and more
 * than one file) prefix file names.  Exit status 0 when a line was
 * selected, 1 when none was, 2 on an error (as POSIX says), even if a
 * line was selected.
 *
 * The matcher is the classic backtracking one: match() tries the
 * pattern at every position, match_here() walks it, a starred item
 * tries the longest run first.  Lines may be of any length.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int ignore_case;

/* Length of the item (character, escape, '.', or class) at p; 0: bad. */
static size_t item_len(const char *p)
{
	const char *q = p + 1;

	if (*p == '\\')
		return p[1] ? 2 : 0;
	if (*p != '[')
		return 1;
	if (*q == '^')
		q++;
	if (*q == ']')			/* a leading ] is literal */
		q++;
	while (*q && *q != ']')
		q++;
	return *q ? (size_t)(q - p + 1) : 0;
}

static int same(int a, int b)
{
	if (ignore_case)
		return tolower(a) == tolower(b);
	return a == b;
}

static int class_has(const char *p, size_t len, int c)
{
	const char *end = p + len - 1;	/* the closing ] */
	int negate = 0, found = 0;

	p++;
	if (*p == '^') {
		negate = 1;
		p++;
	}
	for (; p < end; p++) {
		if (p + 2 < end && p[1] == '-') {
			int lo = (unsigned char)p[0], hi = (unsigned char)p[2];

			if ((c >= lo && c <= hi) ||
			    (ignore_case && tolower(c) >= tolower(lo) &&
			     tolower(c) <= tolower(hi)))
				found = 1;
			p += 2;
		} else if (same((unsigned char)*p, c)) {
			found = 1;
		}
	}
	return found != negate;
}

/* Does the item at p (len bytes) match the character c? */
static int item_matches(const char *p, size_t len, int c)
{
	if (*p == '.')
		return 1;
	if (*p == '[')
		return class_has(p, len, c);
	if (*p == '\\')
		p++;
	return same((unsigned char)*p, c);
}

static int match_here(const char *re, const char *s);

/* item* then the rest: the longest run first. */
static int match_star(const char *item, size_t len, const char *rest,
		      const char *s)
{
	const char *t = s;

	while (*t && item_matches(item, len, (unsigned char)*t))
		t++;
	do {
		if (match_here(rest, t))
			return 1;
	} while (t-- > s);
	return 0;
}

static int match_here(const char *re, const char *s)
{
	size_t len;

	if (!*re)
		return 1;
	if (re[0] == '$' && !re[1])
		return !*s;
	len = item_len(re);
	if (re[len] == '*')
		return match_star(re, len, re + len + 1, s);
	if (*s && item_matches(re, len, (unsigned char)*s))
		return match_here(re + len, s + 1);
	return 0;
}

static int match(const char *re, const char *s)
{
	if (*re == '^')
		return match_here(re + 1, s);
	do {
		if (match_here(re, s))
			return 1;
	} while (*s++);
	return 0;
}

/* Every item complete (no lone \ or unclosed [): 0, else -1. */
static int check_pattern(const char *re)
{
	if (*re == '^')
		re++;
	while (*re) {
		size_t len = item_len(re);

		if (!len)
			return -1;
		re += len;
		if (*re == '*')
			re++;
	}
	return 0;
}

#define MAX_PATTERNS	16

struct options {
	int count, number, quiet, invert, names;
	const char *re[MAX_PATTERNS];	/* a line matches if any does */
	int nr_re;
};

static int match_any(const struct options *o, const char *line)
{
	int i;

	for (i = 0; i < o->nr_re; i++)
		if (match(o->re[i], line))
			return 1;
	return 0;
}

/* Lines selected in f (name for messages and prefixes). */
static long grep_file(FILE *f, const char *name, const struct options *o)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, selected = 0;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (match_any(o, line) == o->invert)
			continue;
		selected++;
		if (o->quiet)
			break;
		if (o->count)
			continue;
		if (o->names)
			printf("%s:", name);
		if (o->number)
			printf("%ld:", lineno);
		printf("%s\n", line);
	}
	free(line);
	if (o->count && !o->quiet) {
		if (o->names)
			printf("%s:", name);
		printf("%ld\n", selected);
	}
	return selected;
}

static void usage(void)
{
	fprintf(stderr, "usage: grep [-cinqvH] [-e PATTERN]... [PATTERN] [FILE...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	int c, i, error = 0;
	long selected = 0;

	while ((c = getopt(argc, argv, "ce:inqvH")) != -1) {
		switch (c) {
		case 'e':
			if (o.nr_re == MAX_PATTERNS) {
				fprintf(stderr, "grep: at most %d patterns\n",
					MAX_PATTERNS);
				return 2;
			}
			o.re[o.nr_re++] = optarg;
			break;
		case 'c': o.count = 1; break;
		case 'i': ignore_case = 1; break;
		case 'n': o.number = 1; break;
		case 'q': o.quiet = 1; break;
		case 'v': o.invert = 1; break;
		case 'H': o.names = 1; break;
		default: usage();
		}
	}
	if (!o.nr_re) {
		if (optind >= argc)
			usage();
		o.re[o.nr_re++] = argv[optind++];
	}
	for (i = 0; i < o.nr_re; i++) {
		if (check_pattern(o.re[i])) {
			fprintf(stderr, "grep: %s: unfinished pattern\n",
				o.re[i]);
			return 2;
		}
	}
	if (argc - optind > 1)
		o.names = 1;
	if (optind == argc)
		return grep_file(stdin, "(standard input)", &o) ? 0 : 1;
	for (i = optind; i < argc; i++) {
		int stdin_ = !strcmp(argv[i], "-");
		FILE *f = stdin_ ? stdin : fopen(argv[i], "r");

		if (!f) {
			fprintf(stderr, "grep: %s: %s\n", argv[i],
				strerror(errno));
			error = 1;
			continue;
		}
		selected += grep_file(f, stdin_ ? "(standard input)" : argv[i],
				      &o);
		if (!stdin_)
			fclose(f);
		if (selected && o.quiet)
			break;
	}
	return error ? 2 : selected ? 0 : 1;
}
