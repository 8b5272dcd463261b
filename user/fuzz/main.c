/*
 * /bin/fuzz: a seeded system call fuzzer, bounded in calls and time.
 *
 *	fuzz [-s SEED] [-n CALLS] [-t SECONDS] [-p PROCS] [-w WSEED] [-l]
 *	     [--suite] [FILTER]
 *
 * The parent forks PROCS workers (worker.c); worker slot i makes its
 * share of CALLS with a seed derived from SEED, i and how many workers
 * the slot has had.  A worker that dies (of a signal its own calls
 * brought: munmap of its own stack, kill of itself...) is counted and
 * replaced until the slot's share is made or the time is up.  The
 * parent watches each worker's progress (a file the worker appends its
 * call count to every FZ_PROGRESS_EVERY calls) and SIGKILLs one that
 * made none for STALL_MS (blocked in a pipe read or a long sleep), and
 * every worker still running when SECONDS have passed.
 *
 * Output is KTAP with three cases: workers_ran (every worker ended by
 * an exit or a signal and was reaped; calls, calls per second and
 * deaths as diagnostics), memory_baseline (MemFree comes back once the
 * workers and their files are gone) and kernel_alive (fork, exec,
 * pipes and getpid still work).  With --suite it is one nested suite
 * "fuzz", as /bin/usertests --suite prints one, for the kernel's
 * program suite.  The seed is printed first so a run can be replayed;
 * -w WSEED -n N -l replays a single worker with its own seed, writing
 * every call to standard error before making it.
 *
 * FILTER is what the kernel's test filter passes: comma-separated
 * items, each a case glob ("workers_ran", "fuzz.kernel_*") or a setting
 * ("fuzz.calls=1000000", "time=3000", "seed=0x1234", "procs=2",
 * "worker=0x5678" as -w, "log=1" as -l) that overrides the options, so
 * `ktest=fuzz.calls=1000000,fuzz.time=3600` runs a long fuzz from the
 * kernel command line.
 *
 * The fuzzer makes random system calls and must only run on Ferry: on
 * another kernel (uname sysname not "Ferry") it refuses.
 *
 * This file holds the options, the output and main(); filter.c reads
 * the FILTER, workers.c runs and watches the workers, cases.c judges
 * the run (parent.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "parent.h"

struct fz_options opt = { .calls = 10000, .seconds = 60, .procs = 4 };

struct fz_stats st;

struct slot slots[MAX_PROCS];
uint64_t run_seed;		/* of this run (the warm-up has its own) */
const char *indent = "";
const char *cases_filter;	/* the case globs of FILTER, or NULL */

/* ---- output ------------------------------------------------------- */

void out(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (n > 0)
		write(STDOUT_FILENO, buf, n);
}

long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

const char *signame(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP",
		[SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
		[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1",
		[SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM",
		[SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT",
		[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
		[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
		[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU",
		[SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
		[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM",
		[SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH",
		[SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR", [SIGSYS] = "SIGSYS",
	};
	static char buf[16];

	if (sig > 0 && sig < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[sig])
		return names[sig];
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/* ---- main --------------------------------------------------------- */

static void usage(void)
{
	static const char text[] =
		"usage: fuzz [-s SEED] [-n CALLS] [-t SECONDS] [-p PROCS] "
		"[-w WORKERSEED] [-l] [--suite] [FILTER]\n";

	write(STDERR_FILENO, text, sizeof(text) - 1);
	exit(2);
}

static long number_arg(const char *s, long min, long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 0);
	if (!*s || *end || errno || v < min || v > max)
		usage();
	return v;
}

static void parse_args(int argc, char **argv)
{
	const char *filter = NULL;
	int i, have_seed = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--suite")) {
			opt.suite = 1;
		} else if (!strcmp(a, "-l")) {
			opt.log = 1;
		} else if (a[0] == '-' && a[1] && !a[2] &&
			   strchr("snptw", a[1])) {
			if (++i == argc)
				usage();
			if (a[1] == 's' || a[1] == 'w') {
				char *end;

				errno = 0;
				uint64_t v = strtoull(argv[i], &end, 0);

				if (!*argv[i] || *end || errno)
					usage();
				if (a[1] == 's')
					opt.seed = v, have_seed = 1;
				else
					opt.replay_seed = v, opt.replay = 1;
			} else if (a[1] == 'n') {
				opt.calls = number_arg(argv[i], 1, 1L << 40);
			} else if (a[1] == 't') {
				opt.seconds = number_arg(argv[i], 1, 1000000);
			} else {
				opt.procs = number_arg(argv[i], 1, MAX_PROCS);
			}
		} else if (a[0] == '-' || filter) {
			usage();
		} else {
			filter = a;
		}
	}
	if (!have_seed) {
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		opt.seed = fz_mix(ts.tv_sec * 1000000000ULL + ts.tv_nsec +
				  ((uint64_t)getpid() << 40));
	}
	if (filter && parse_filter(filter)) {
		fprintf(stderr, "fuzz: bad setting in %s (seed=, calls=, "
			"time=, procs=)\n", filter);
		exit(2);
	}
	if (opt.replay)
		opt.procs = 1;
}

static void refuse_other_kernels(void)
{
	struct utsname u;

	if (uname(&u) == 0 && !strcmp(u.sysname, "Ferry"))
		return;
	fprintf(stderr, "fuzz: this is %s, not Ferry: refusing to make random "
		"system calls here\n", uname(&u) ? "unknown" : u.sysname);
	exit(2);
}

static const struct {
	const char *name;
	enum result (*run)(void);
} cases[] = {
	{ "workers_ran", case_workers_ran },
	{ "memory_baseline", case_memory_baseline },
	{ "kernel_alive", case_kernel_alive },
};
#define NR_CASES (int)(sizeof(cases) / sizeof(cases[0]))

int main(int argc, char **argv)
{
	int counts[3] = { 0, 0, 0 }, total = 0, number = 0, i;

	parse_args(argc, argv);
	refuse_other_kernels();
	signal(SIGPIPE, SIG_IGN);
	if (opt.suite)
		indent = SUITE_INDENT;
	for (i = 0; i < NR_CASES; i++)
		total += selected(cases[i].name);
	if (opt.suite)
		out("%sKTAP version 1\n%s# Subtest: %s\n%s1..%d\n", indent,
		    indent, SUITE_NAME, indent, total);
	else
		out("KTAP version 1\n1..%d\n", total);
	if (!total) {		/* a misspelt case must not pass */
		diag("no case matches \"%s\"", cases_filter);
		return 1;
	}
	diag("seed %#llx, %ld calls, %d s, %d processes (replay: fuzz -s "
	     "%#llx -n %ld -t %d -p %d)", (unsigned long long)opt.seed,
	     opt.calls, opt.seconds, opt.procs, (unsigned long long)opt.seed,
	     opt.calls, opt.seconds, opt.procs);
	if (total) {
		if (selected("memory_baseline") && !opt.replay) {
			warm_up();
			memfree_before = settled_memfree_kib();
			slab_before = meminfo_kib("Slab:");
		}
		fuzz(opt.seed, opt.calls, opt.seconds * 1000L);
	}
	for (i = 0; i < NR_CASES; i++) {
		enum result r;

		if (!selected(cases[i].name))
			continue;
		r = cases[i].run();
		counts[r]++;
		out("%s%s %d %s%s%s\n", indent, r == FAIL ? "not ok" : "ok",
		    ++number, cases[i].name, r == SKIP ? " # SKIP " : "",
		    r == SKIP ? skip_reason : "");
	}
	if (opt.suite)
		out("# %s: pass:%d fail:%d skip:%d total:%d\n", SUITE_NAME,
		    counts[PASS], counts[FAIL], counts[SKIP], total);
	else
		out("# Totals: pass:%d fail:%d skip:%d total:%d\n",
		    counts[PASS], counts[FAIL], counts[SKIP], total);
	return counts[FAIL] ? 1 : 0;
}
