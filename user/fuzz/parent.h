/*
 * fuzz: what the files of the supervising parent share (main.c,
 * filter.c, workers.c, cases.c): the options, the run's statistics, the
 * worker slots, KTAP output, and each file's entry points.
 *
 * The parent is one thread: no locks.  opt is set once by main.c (from
 * the arguments and the filter) before any worker starts.
 */
#ifndef FUZZ_PARENT_H
#define FUZZ_PARENT_H

#include <stdint.h>
#include <sys/types.h>

#include "fuzz.h"

#define SUITE_NAME	"fuzz"
#define SUITE_INDENT	"    "
#define MAX_PROCS	32
#define POLL_MS		20	/* between two looks at the workers */
#define STALL_MS	3000	/* no progress this long: killed, replaced */
#define REAP_MS		30000	/* SIGKILLed workers must be gone by then */
#define MAX_DEATH_LINES	4	/* deaths, stalls described one by one */

enum result { PASS, FAIL, SKIP };

struct slot {
	pid_t pid;		/* the running worker, 0 none */
	int inc;		/* workers this slot has started */
	long budget;		/* calls this slot makes in all */
	long done;		/* calls its ended workers made */
	uint64_t seed;		/* the running worker's seed */
	int rfd;		/* its progress file, read side */
	long progress;		/* its last count */
	long changed_ms;	/* when the count last moved */
	int killed;		/* SIGKILLed by us: 1 stalled, 2 time up */
	char path[64];		/* the progress file */
};

/* The options (main.c; filter.c applies the FILTER's settings). */
struct fz_options {
	uint64_t seed;
	long calls;
	int seconds;
	int procs;
	int suite;
	int log;
	int replay;		/* -w: one worker with this seed, once */
	uint64_t replay_seed;
};
extern struct fz_options opt;

/* What the runs so far did (workers.c counts, cases.c judges). */
struct fz_stats {
	long calls;		/* the warm-up's included */
	long warmup_calls;
	long elapsed_ms;
	int workers;
	int exits;		/* exit(0): all calls made */
	int setup_exits;	/* FZ_EXIT_SETUP */
	int odd_exits;		/* any other status: must not happen */
	int deaths[65];		/* by signal number, ours excluded */
	int stall_kills;
	int time_kills;
	int fork_failures;
	int unreaped;
	int death_lines;	/* lines printed about deaths... */
	int stall_lines;	/* ...and about stalled workers */
	int cleanup_failures;
	int lost_records;	/* workers whose last record is missing */
};
extern struct fz_stats st;

extern struct slot slots[MAX_PROCS];
extern uint64_t run_seed;		/* of this run (the warm-up has its own) */
extern const char *indent;
extern const char *cases_filter;	/* the case globs of FILTER, or NULL */

/* ---- output (main.c) ---------------------------------------------- */

void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define diag(fmt, ...) out("%s# " fmt "\n", indent, ##__VA_ARGS__)

long now_ms(void);
const char *signame(int sig);

/* ---- selecting cases and settings (filter.c) ---------------------- */

int parse_filter(const char *filter);
int selected(const char *name);

/* ---- the workers (workers.c) -------------------------------------- */

void fuzz(uint64_t seed, long calls, long ms);

/* ---- the cases (cases.c) ------------------------------------------ */

extern long memfree_before, slab_before;	/* before the fuzz, kB */
extern const char *skip_reason;		/* of the last case skipped */
enum result case_kernel_alive(void);
enum result case_memory_baseline(void);
enum result case_workers_ran(void);
long meminfo_kib(const char *field);
long settled_memfree_kib(void);
void warm_up(void);

#endif
