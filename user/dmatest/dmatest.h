/*
 * dmatest's shared declarations: the options, a job's state and counts
 * (job.c makes the transfers, main.c starts the jobs and judges).
 */
#ifndef DMATEST_H
#define DMATEST_H

#include <edu_dev.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/edu.h>

#define MAX_JOBS	16
#define MAX_DEVICES	16
#define MAX_TRANSFERS	1000000
#define PATH_LEN	EDU_PATH_LEN
#define ZBUF_SIZE	(2 * EDU_BUF_SIZE)	/* room to cross a page */

enum { COPIED, ZERO_COPY };	/* the two paths of a transfer */

/* The command line; set before the jobs start, read-only after. */
struct options {
	long transfers, jobs;
	uint64_t seed;
	int have_seed, quiet, have_dev;
	char dev[MAX_DEVICES][PATH_LEN];
	int nr_devs;
	long window;	/* bytes every device serves: the smallest file size */
};
extern struct options opt;

/* What one job did; sent to the parent through a pipe at its end. */
struct job_stats {
	uint64_t transfers, bytes_to, bytes_from;
	uint64_t writes[2], reads[2];	/* by path */
	uint64_t failed, mismatched;
};

/* Print to fd with one write(), so lines of different jobs never mix. */
void say(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* splitmix64: turns any seed, 0 included, into a well-mixed one. */
static inline uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Job id's process: its transfers, its counts to report_fd, _exit. */
void job_main(int id, int report_fd) __attribute__((noreturn));

#endif
