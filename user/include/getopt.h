/*
 * getopt(): POSIX command-line option parsing, declared here and in
 * <unistd.h>; getopt_long(): GNU long options ("--name[=value]") on
 * top of it.  Parsing stops at the first operand or at "--"; there is
 * no argument permutation.
 */
#ifndef _GETOPT_H
#define _GETOPT_H

extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#define no_argument		0
#define required_argument	1
#define optional_argument	2	/* only as "--name=value" */

struct option {
	const char *name;
	int has_arg;		/* no_argument, required_argument... */
	int *flag;		/* NULL: getopt_long() returns val */
	int val;		/* else *flag = val and it returns 0 */
};

int getopt_long(int argc, char *const argv[], const char *optstring,
		const struct option *longopts, int *longindex);

#endif
