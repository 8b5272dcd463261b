/*
 * getopt(): POSIX command-line option parsing, declared here and in
 * <unistd.h>.  Parsing stops at the first operand or at "--"; there is
 * no argument permutation and there are no long options.
 */
#ifndef _GETOPT_H
#define _GETOPT_H

extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#endif
