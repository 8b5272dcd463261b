/*
 * getopt(): POSIX option parsing.
 *
 * Options are "-x", grouped "-xyz", with an argument attached ("-ofile")
 * or in the next element ("-o file") when optstring has "x:".  Parsing
 * stops at the first operand, at "-" (an operand) or after "--".  An
 * unknown option returns '?', a missing argument '?' (or ':' when
 * optstring starts with ':'); the character is left in optopt, and a
 * message goes to stderr unless opterr is 0 or optstring starts with ':'.
 *
 * Invariants: optind is the next element to look at; nextchar is the
 * position inside argv[optind] of the next option of a group (0 when
 * between elements).  Setting optind to 0 or 1 starts a new scan.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int nextchar;
static int last_optind = 1;

static int getopt_error(char *const argv[], const char *optstring,
			const char *msg, int c)
{
	optopt = c;
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- '%c'\n", argv[0], msg, c);
	return '?';
}

/* Is argv[optind] where options stop?  Consumes a "--". */
static int at_operands(int argc, char *const argv[])
{
	const char *arg;

	if (optind >= argc)
		return 1;
	arg = argv[optind];
	if (arg[0] != '-' || arg[1] == '\0')
		return 1;
	if (!strcmp(arg, "--")) {
		optind++;
		return 1;
	}
	return 0;
}

static void advance(char *const argv[])
{
	if (argv[optind][nextchar] == '\0') {
		optind++;
		nextchar = 0;
	}
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *spec;
	int c;

	if (optind == 0 || optind != last_optind) {
		if (optind == 0)
			optind = 1;
		nextchar = 0;
	}
	optarg = NULL;
	if (nextchar == 0) {
		if (at_operands(argc, argv)) {
			last_optind = optind;
			return -1;
		}
		nextchar = 1;
	}
	c = (unsigned char)argv[optind][nextchar++];
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (!spec) {
		advance(argv);
		last_optind = optind;
		return getopt_error(argv, optstring, "invalid option", c);
	}
	if (spec[1] != ':') {
		advance(argv);
		last_optind = optind;
		return c;
	}
	if (argv[optind][nextchar] != '\0') {
		optarg = argv[optind] + nextchar;
		optind++;
	} else if (optind + 1 < argc) {
		optarg = argv[optind + 1];
		optind += 2;
	} else {
		optind++;
		nextchar = 0;
		last_optind = optind;
		optopt = c;
		if (optstring[0] == ':')
			return ':';
		return getopt_error(argv, optstring,
				    "option requires an argument", c);
	}
	nextchar = 0;
	last_optind = optind;
	return c;
}
