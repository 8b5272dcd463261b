/*
 * The interface between the benchmark module (ferry_bench.ko) and its
 * helper program: one ioctl on /dev/ferry_bench that runs the metrics
 * whose names match a glob, in the caller's context, against a user
 * buffer the caller mapped.  Included by the module and by helper.c.
 *
 * Invariants: the struct's layout is the same for both (fixed-size
 * fields only); user_len is at least FERRY_BENCH_USER_LEN and the
 * buffer is mapped read-write and written once before the call.
 */
#ifndef FERRY_BENCH_H
#define FERRY_BENCH_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define FERRY_BENCH_DEV		"/dev/ferry_bench"
#define FERRY_BENCH_USER_BASE	0x10000000UL	/* where Ferry's bench maps it */
#define FERRY_BENCH_USER_LEN	(256 * 4096UL)	/* 1 MiB: the largest copy */
#define FERRY_BENCH_FILTER_MAX	128

struct ferry_bench_run {
	__u64 user_addr;			/* the read-write buffer */
	__u64 user_len;				/* its length in bytes */
	char filter[FERRY_BENCH_FILTER_MAX];	/* glob, or "all" */
};

/* Returns how many metrics printed a result, or -errno. */
#define FERRY_BENCH_RUN	_IOW('F', 0x42, struct ferry_bench_run)

#endif
