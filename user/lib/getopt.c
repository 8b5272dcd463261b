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
 * getopt_long() (GNU) also takes "--name", "--name=value" and, for an
 * option with a required argument, "--name value"; a name may be
 * shortened to any prefix that is not the prefix of another option's
 * name.  A long option sets *flag to val and returns 0 when flag is
 * set, and returns val otherwise.  Unknown and ambiguous names, and an
 * argument given to an option that takes none, return '?' (optopt is
 * then val, or 0 for an unknown name); a missing argument returns '?'
 * (':' when optstring starts with ':').  Short options are getopt()'s.
 *
 * Invariants: optind is the next element to look at; nextchar is the
 * position inside argv[optind] of the next option of a group (0 when
 * between elements).  Setting optind to 0 or 1 starts a new scan.
 */
#include <getopt.h>
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

/* A new scan when the caller set optind (to 0, 1 or anything else). */
static void check_restart(void)
{
	if (optind == 0 || optind != last_optind) {
		if (optind == 0)
			optind = 1;
		nextchar = 0;
	}
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *spec;
	int c;

	check_restart();
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

/*
 * The entry of longopts that the first len bytes of name select: an
 * exact match, else the only entry they are a prefix of.  -1 when none
 * is, -2 when several are.
 */
static int find_long(const struct option *longopts, const char *name,
		     size_t len)
{
	int i, found = -1;

	for (i = 0; longopts[i].name; i++) {
		if (strncmp(longopts[i].name, name, len))
			continue;
		if (longopts[i].name[len] == '\0')
			return i;
		found = found == -1 ? i : -2;
	}
	return found;
}

static int long_error(char *const argv[], const char *optstring,
		      const char *fmt, const char *name, int len, int opt)
{
	optopt = opt;
	if (opterr && optstring[0] != ':') {
		fprintf(stderr, "%s: ", argv[0]);
		fprintf(stderr, fmt, len, name);
		fputc('\n', stderr);
	}
	return '?';
}

/* argv[optind] is "--name[=value]", not "--": parse it and step past. */
static int parse_long(int argc, char *const argv[], const char *optstring,
		      const struct option *longopts, int *longindex)
{
	const char *name = argv[optind++] + 2;
	const char *eq = strchr(name, '=');
	int len = eq ? (int)(eq - name) : (int)strlen(name);
	int i = find_long(longopts, name, len);
	const struct option *o;

	if (i == -1)
		return long_error(argv, optstring,
				  "unrecognized option '--%.*s'", name, len, 0);
	if (i == -2)
		return long_error(argv, optstring,
				  "option '--%.*s' is ambiguous", name, len, 0);
	o = &longopts[i];
	if (eq && o->has_arg == no_argument)
		return long_error(argv, optstring,
				  "option '--%.*s' doesn't allow an argument",
				  o->name, (int)strlen(o->name), o->val);
	if (eq) {
		optarg = (char *)eq + 1;
	} else if (o->has_arg == required_argument) {
		if (optind >= argc) {
			if (optstring[0] == ':') {
				optopt = o->val;
				return ':';
			}
			return long_error(argv, optstring,
					  "option '--%.*s' requires an argument",
					  o->name, (int)strlen(o->name),
					  o->val);
		}
		optarg = argv[optind++];
	}
	if (longindex)
		*longindex = i;
	if (o->flag) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

int getopt_long(int argc, char *const argv[], const char *optstring,
		const struct option *longopts, int *longindex)
{
	const char *arg;
	int c;

	check_restart();
	optarg = NULL;
	if (nextchar == 0 && optind < argc) {
		arg = argv[optind];
		if (arg[0] == '-' && arg[1] == '-' && arg[2] != '\0') {
			c = parse_long(argc, argv, optstring, longopts,
				       longindex);
			last_optind = optind;
			return c;
		}
	}
	return getopt(argc, argv, optstring);
}
