/*
 * A tiny test framework for the host unit tests: each program lists its
 * cases and prints KTAP version 1 on stdout, which tests/run parses like
 * the kernel's.  EXPECT() records a failure with file:line and goes on.
 * Exit status 0 when every case passed.
 *
 * A program may be split into several files (test_NAME.c and the .c
 * files of tests/host/NAME/): the state below is shared by all of them,
 * and defined once, in tests/host/ktap.c.
 */
#ifndef HOST_KTAP_H
#define HOST_KTAP_H

#include <stdio.h>

struct host_case {
	const char *name;
	void (*fn)(void);
};

extern int host_case_failed;		/* the running case has failed */

#define EXPECT(cond)							\
	do {								\
		if (!(cond)) {						\
			printf("# %s:%d: expected %s\n", __FILE__,	\
			       __LINE__, #cond);			\
			host_case_failed = 1;				\
		}							\
	} while (0)

/* Like EXPECT, with a printf-style explanation. */
#define EXPECT_MSG(cond, fmt, ...)					\
	do {								\
		if (!(cond)) {						\
			printf("# %s:%d: expected %s: " fmt "\n",	\
			       __FILE__, __LINE__, #cond, ##__VA_ARGS__); \
			host_case_failed = 1;				\
		}							\
	} while (0)

/*
 * For checks inside helpers that return bool: count the check, and when
 * it fails report it, mark the case failed and return false at once.
 */
extern unsigned long long host_nr_checks;

#define REQUIRE(cond, fmt, ...)						\
	do {								\
		host_nr_checks++;					\
		if (!(cond)) {						\
			printf("# %s:%d: expected %s: " fmt "\n",	\
			       __FILE__, __LINE__, #cond, ##__VA_ARGS__); \
			host_case_failed = 1;				\
			return false;					\
		}							\
	} while (0)

static inline int host_run(const struct host_case *cases, int n)
{
	int i, failed = 0;

	printf("KTAP version 1\n1..%d\n", n);
	for (i = 0; i < n; i++) {
		host_case_failed = 0;
		cases[i].fn();
		failed |= host_case_failed;
		printf("%s %d %s\n", host_case_failed ? "not ok" : "ok", i + 1,
		       cases[i].name);
		fflush(stdout);
	}
	return failed;
}

#define HOST_CASE(fn) { #fn, fn }

#endif
