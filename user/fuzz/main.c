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

#include "fuzz.h"

#define SUITE_NAME	"fuzz"
#define SUITE_INDENT	"    "
#define MAX_PROCS	32
#define POLL_MS		20	/* between two looks at the workers */
#define STALL_MS	3000	/* no progress this long: killed, replaced */
#define REAP_MS		30000	/* SIGKILLed workers must be gone by then */
#define MAX_DEATH_LINES	4	/* deaths, stalls described one by one */

/*
 * MemFree is read once deferred freeing (the reaper thread frees
 * exited tasks' stacks) is done: SETTLE_READINGS equal readings in a
 * row, SETTLE_PAUSE_MS apart, or the last one after SETTLE_MAX_MS.
 */
#define SETTLE_READINGS	3
#define SETTLE_PAUSE_MS	100
#define SETTLE_MAX_MS	10000

/*
 * How far MemFree may stay below its value before the fuzz, measured
 * after a warm-up run (warm_up()).  Once the workers are gone, what
 * stays is cache: the slab allocator keeps the partly used slabs of
 * every cache the calls touched (tasks, mm_structs, vm areas, files,
 * dentries, inodes, pipes...), objects in per-CPU magazines, and one
 * empty slab per cache and node.  So the drop is split in two:
 *
 *   Slab growth: measured 0 to 120 kB in eleven runs of 20000 calls
 *   (small, numa2, numa3).  MEMFREE_MARGIN_KIB allows eight times that,
 *   and catches a leak of a 256-byte object in every call that opens a
 *   file or creates a process (some 4000 of them in a run).
 *
 *   Everything else (MemFree + Slab): measured 0 to 8 kB.  Pages lost
 *   outside the slab (a page table, a pipe buffer, a kernel stack, a
 *   file's page per worker) cost 4 kB or more each over hundreds of
 *   workers and pipes: NONSLAB_MARGIN_KIB (64 pages) catches them.
 */
#define MEMFREE_MARGIN_KIB	1024
#define NONSLAB_MARGIN_KIB	256

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

static struct {
	uint64_t seed;
	long calls;
	int seconds;
	int procs;
	int suite;
	int log;
	int replay;		/* -w: one worker with this seed, once */
	uint64_t replay_seed;
} opt = { .calls = 10000, .seconds = 60, .procs = 4 };

static struct {
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
} st;

static struct slot slots[MAX_PROCS];
static uint64_t run_seed;		/* of this run (the warm-up has its own) */
static const char *indent = "";
static const char *cases_filter;	/* the case globs of FILTER, or NULL */

/* ---- output ------------------------------------------------------- */

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
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

#define diag(fmt, ...) out("%s# " fmt "\n", indent, ##__VA_ARGS__)

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static const char *signame(int sig)
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

/* ---- selecting cases and settings --------------------------------- */

/* Does str match the glob in the first len bytes of pat? */
static int glob_match(const char *pat, size_t len, const char *str)
{
	char *glob = strndup(pat, len);
	int match;

	if (!glob) {
		diag("no memory to match a glob");
		return 0;
	}
	match = fnmatch(glob, str, 0) == 0;
	free(glob);
	return match;
}

/* The item without "SUITE." when SUITE is this one; NULL if another's. */
static const char *own_item(const char *item, size_t len, size_t *rest)
{
	const char *dot = memchr(item, '.', len);

	if (!dot) {
		*rest = len;
		return item;
	}
	if (!glob_match(item, dot - item, SUITE_NAME))
		return NULL;
	*rest = len - (dot + 1 - item);
	return dot + 1;
}

static int is_setting(const char *item, size_t len)
{
	return memchr(item, '=', len) != NULL;
}

/* Apply NAME=VALUE; 0, or -1 for an unknown name or a bad value. */
static int apply_setting(const char *item, size_t len)
{
	char name[16], value[32], *end;
	const char *eq = memchr(item, '=', len);
	unsigned long long v;

	if ((size_t)(eq - item) >= sizeof(name) ||
	    len - (eq + 1 - item) >= sizeof(value) || eq + 1 == item + len)
		return -1;
	memcpy(name, item, eq - item);
	name[eq - item] = '\0';
	memcpy(value, eq + 1, len - (eq + 1 - item));
	value[len - (eq + 1 - item)] = '\0';
	errno = 0;
	v = strtoull(value, &end, 0);
	if (*end || errno)
		return -1;
	if (!strcmp(name, "seed"))
		opt.seed = v;
	else if (!strcmp(name, "calls") && v > 0 && v <= 1000000000000ULL)
		opt.calls = v;
	else if (!strcmp(name, "time") && v > 0 && v <= 1000000)
		opt.seconds = v;
	else if (!strcmp(name, "procs") && v > 0 && v <= MAX_PROCS)
		opt.procs = v;
	else if (!strcmp(name, "worker"))
		opt.replay_seed = v, opt.replay = 1;
	else if (!strcmp(name, "log") && v <= 2)
		opt.log = v;
	else
		return -1;
	return 0;
}

/* Read the settings of FILTER; note whether it selects cases too. */
static int parse_filter(const char *filter)
{
	const char *p = filter;
	int globs = 0;

	while (*p) {
		size_t len = strcspn(p, ","), rest;
		const char *item = own_item(p, len, &rest);

		if (item && is_setting(item, rest)) {
			if (apply_setting(item, rest))
				return -1;
		} else if (len) {
			globs++;
		}
		p += len + (p[len] == ',');
	}
	cases_filter = globs ? filter : NULL;
	return 0;
}

static int selected(const char *name)
{
	const char *p = cases_filter;
	char full[64];

	if (!p)
		return 1;
	snprintf(full, sizeof(full), SUITE_NAME ".%s", name);
	while (*p) {
		size_t len = strcspn(p, ",");
		size_t rest;
		const char *item = own_item(p, len, &rest);

		if ((len == 3 && !strncmp(p, "all", 3)) ||
		    (item && !is_setting(item, rest) &&
		     glob_match(p, len, memchr(p, '.', len) ? full : name)))
			return 1;
		p += len + (p[len] == ',');
	}
	return 0;
}

/* ---- cleaning up after a worker ----------------------------------- */

/* Remove path and everything under it; 0 or -1. */
static int remove_tree(const char *path, int depth)
{
	struct stat sb;
	struct dirent *d;
	char **names = NULL, child[4096];
	int n = 0, cap = 0, i, ret = 0;
	DIR *dir;

	if (lstat(path, &sb))
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return unlink(path);
	if (depth > 200 || !(dir = opendir(path)))
		return -1;
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap * 2 + 8) *
					      sizeof(*names));

			if (!more)
				break;
			names = more;
			cap = cap * 2 + 8;
		}
		names[n++] = strdup(d->d_name);
	}
	closedir(dir);
	for (i = 0; i < n; i++) {
		if (names[i] && snprintf(child, sizeof(child), "%s/%s", path,
					 names[i]) < (int)sizeof(child))
			ret |= remove_tree(child, depth + 1);
		else
			ret = -1;
		free(names[i]);
	}
	free(names);
	return rmdir(path) ? -1 : ret;
}

/* ---- the workers -------------------------------------------------- */

static int open_progress(struct slot *s, int *wfd)
{
	*wfd = open(s->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (*wfd < 0)
		return -1;
	s->rfd = open(s->path, O_RDONLY);
	if (s->rfd < 0) {
		close(*wfd);
		return -1;
	}
	return 0;
}

static void start_worker(int i)
{
	struct slot *s = &slots[i];
	struct fz_worker_opts o;
	int wfd;
	pid_t pid;

	o.seed = opt.replay ? opt.replay_seed :
		 fz_worker_seed(run_seed, i, s->inc);
	o.calls = s->budget - s->done;
	o.log = opt.log;
	if (open_progress(s, &wfd)) {
		st.fork_failures++;
		return;
	}
	pid = fork();
	if (pid == 0)
		fz_worker(&o, wfd, STDERR_FILENO);
	close(wfd);
	if (pid < 0) {
		st.fork_failures++;
		close(s->rfd);
		s->rfd = -1;
		return;
	}
	s->pid = pid;
	s->seed = o.seed;
	s->inc++;
	s->progress = 0;
	s->killed = 0;
	s->changed_ms = now_ms();
	st.workers++;
}

/* The worker's last reported count. */
static long read_progress(struct slot *s)
{
	struct stat sb;
	long count;

	if (s->rfd < 0 || fstat(s->rfd, &sb) || sb.st_size < 8)
		return s->progress;
	if (lseek(s->rfd, (sb.st_size & ~7L) - 8, SEEK_SET) < 0 ||
	    read(s->rfd, &count, sizeof(count)) != sizeof(count))
		return s->progress;
	return count;
}

/* One line about a worker that did not end well, for replaying it. */
static void describe_end(int i, const struct slot *s, const char *how,
			 int *lines)
{
	if ((*lines)++ >= MAX_DEATH_LINES)
		return;
	diag("worker %d.%d (pid %d, seed %#llx) %s after %ld calls; "
	     "replay: fuzz -w %#llx -n %ld -l", i, s->inc - 1, (int)s->pid,
	     (unsigned long long)s->seed, how, s->progress,
	     (unsigned long long)s->seed, s->progress + FZ_PROGRESS_EVERY);
}

static void worker_ended(int i, int status)
{
	struct slot *s = &slots[i];
	char dir[32], how[48];

	s->progress = read_progress(s);
	s->done += s->progress;
	st.calls += s->progress;
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) == 0)
			st.exits++;
		else if (WEXITSTATUS(status) == FZ_EXIT_SETUP)
			st.setup_exits++;
		else {
			st.odd_exits++;
			snprintf(how, sizeof(how), "exited with status %d%s",
				 WEXITSTATUS(status),
				 WEXITSTATUS(status) == FZ_EXIT_ESCAPED ?
				 " (left its directory)" : "");
			describe_end(i, s, how, &st.death_lines);
		}
		if (WEXITSTATUS(status) == 0 && s->done < s->budget) {
			/* Its last record is missing (a write that failed for
			 * want of memory): another worker makes the rest. */
			st.lost_records++;
			describe_end(i, s, "exited without its last record",
				     &st.death_lines);
		}
	} else if (s->killed == 1) {
		st.stall_kills++;
		describe_end(i, s, "made no progress and was killed",
			     &st.stall_lines);
	} else if (s->killed == 2) {
		st.time_kills++;
	} else {
		int sig = WTERMSIG(status);

		st.deaths[sig > 0 && sig < 65 ? sig : 0]++;
		snprintf(how, sizeof(how), "was killed by %s", signame(sig));
		describe_end(i, s, how, &st.death_lines);
	}
	kill(-s->pid, SIGKILL);		/* what it left in its group */
	close(s->rfd);
	s->rfd = -1;
	unlink(s->path);
	snprintf(dir, sizeof(dir), "/tmp/fuzz.%d", (int)s->pid);
	if (remove_tree(dir, 0))
		st.cleanup_failures++;
	s->pid = 0;
}

/* Collect every worker that has ended; how many did. */
static int reap(int options)
{
	int status, i, n = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &status, options)) > 0) {
		for (i = 0; i < opt.procs; i++)
			if (slots[i].pid == pid)
				break;
		if (i < opt.procs) {
			worker_ended(i, status);
			n++;
		}
	}
	return n;
}

static int running(void)
{
	int i, n = 0;

	for (i = 0; i < opt.procs; i++)
		n += slots[i].pid != 0;
	return n;
}

/* Kill workers that made no progress for STALL_MS. */
static void watch_progress(long now)
{
	int i;

	for (i = 0; i < opt.procs; i++) {
		struct slot *s = &slots[i];
		long p;

		if (!s->pid || s->killed)
			continue;
		p = read_progress(s);
		if (p != s->progress) {
			s->progress = p;
			s->changed_ms = now;
		} else if (now - s->changed_ms > STALL_MS) {
			s->killed = 1;
			kill(s->pid, SIGKILL);
		}
	}
}

static void init_slots(long calls)
{
	int i;

	memset(slots, 0, sizeof(slots));
	for (i = 0; i < opt.procs; i++) {
		slots[i].budget = calls / opt.procs + (i < calls % opt.procs);
		slots[i].rfd = -1;
		snprintf(slots[i].path, sizeof(slots[i].path),
			 "/tmp/fuzz-calls.%d.%d", (int)getpid(), i);
	}
}

/*
 * Run workers with seeds from seed until calls are made or ms have
 * passed; then kill what still runs and reap it.
 */
static void fuzz(uint64_t seed, long calls, long ms)
{
	long start = now_ms(), deadline = start + ms, now;
	int i, wanted;

	run_seed = seed;
	init_slots(calls);
	for (;;) {
		reap(WNOHANG);
		now = now_ms();
		if (now >= deadline)
			break;
		wanted = 0;
		for (i = 0; i < opt.procs; i++) {
			struct slot *s = &slots[i];

			if (s->pid || s->done >= s->budget ||
			    (opt.replay && s->inc))
				continue;
			wanted++;
			start_worker(i);
		}
		if (!wanted && !running())
			break;
		watch_progress(now);
		usleep(POLL_MS * 1000);
	}
	for (i = 0; i < opt.procs; i++) {
		if (slots[i].pid && !slots[i].killed) {
			slots[i].killed = 2;
			kill(slots[i].pid, SIGKILL);
		}
	}
	deadline = now_ms() + REAP_MS;
	while (running() && now_ms() < deadline) {
		if (!reap(WNOHANG))
			usleep(POLL_MS * 1000);
	}
	st.elapsed_ms += now_ms() - start;
	for (i = 0; i < opt.procs; i++)
		if (slots[i].pid)
			st.unreaped++;
}

/* ---- the cases ---------------------------------------------------- */

static enum result case_workers_ran(void)
{
	long ms = st.elapsed_ms > 0 ? st.elapsed_ms : 1;
	char deaths[700] = "";
	int sig, len = 0, total = 0, rt;

	for (sig = 0; sig < 65; sig++)
		total += st.deaths[sig];
	for (sig = 0; sig < 32; sig++) {
		if (st.deaths[sig])
			len += snprintf(deaths + len, sizeof(deaths) - len,
					"%s%s %d", len ? ", " : " (",
					sig ? signame(sig) : "other",
					st.deaths[sig]);
	}
	for (sig = 32, rt = 0; sig < 65; sig++)
		rt += st.deaths[sig];
	if (rt)
		len += snprintf(deaths + len, sizeof(deaths) - len,
				"%sreal-time signals %d", len ? ", " : " (",
				rt);
	if (len)
		snprintf(deaths + len, sizeof(deaths) - len, ")");
	diag("%ld calls (%ld of them a warm-up) in %ld.%03ld s: %ld calls/s,"
	     " by %d workers in %d slots", st.calls, st.warmup_calls,
	     ms / 1000, ms % 1000, st.calls * 1000 / ms, st.workers,
	     opt.procs);
	diag("ended: %d after all their calls, %d killed after %d s without "
	     "progress, %d at the time limit, %d by their own calls%s",
	     st.exits, st.stall_kills, STALL_MS / 1000, st.time_kills, total,
	     deaths);
	if (st.setup_exits || st.fork_failures || st.cleanup_failures ||
	    st.lost_records)
		diag("%d workers could not set up, %d forks failed, %d "
		     "directories could not be removed, %d workers exited "
		     "without their last record", st.setup_exits,
		     st.fork_failures, st.cleanup_failures, st.lost_records);
	if (st.unreaped)
		diag("%d workers were still there %d s after SIGKILL",
		     st.unreaped, REAP_MS / 1000);
	if (st.odd_exits)
		diag("%d workers exited with a status a worker never uses",
		     st.odd_exits);
	if (!st.calls)
		diag("no call was made");
	return st.unreaped || st.odd_exits || !st.calls ? FAIL : PASS;
}

/* The value of a /proc/meminfo field in KiB, or -1. */
static long meminfo_kib(const char *field)
{
	char buf[2048], *line;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n, got = 0;

	if (fd < 0)
		return -1;
	while (got < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(fd, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	close(fd);
	buf[got] = '\0';
	line = strstr(buf, field);
	if (!line)
		return -1;
	return strtol(line + strlen(field), NULL, 10);
}

static long settled_memfree_kib(void)
{
	long last = meminfo_kib("MemFree:"), now;
	int same = 1, waited = 0;

	while (same < SETTLE_READINGS && waited < SETTLE_MAX_MS) {
		usleep(SETTLE_PAUSE_MS * 1000);
		waited += SETTLE_PAUSE_MS;
		now = meminfo_kib("MemFree:");
		same = now == last ? same + 1 : 1;
		last = now;
	}
	return last;
}

static long memfree_before = -1, slab_before = -1;
static const char *skip_reason = "";

static enum result case_memory_baseline(void)
{
	long after, slab_after, lost, lost_outside_slab;
	enum result r = PASS;

	if (opt.replay) {
		skip_reason = "replaying one worker: no warm-up, no baseline";
		return SKIP;
	}
	if (memfree_before < 0 || slab_before < 0) {
		skip_reason = "no MemFree or Slab in /proc/meminfo";
		return SKIP;
	}
	after = settled_memfree_kib();
	slab_after = meminfo_kib("Slab:");
	lost = memfree_before - after;
	lost_outside_slab = lost - (slab_after - slab_before);
	diag("MemFree: %ld kB before, %ld kB after (%+ld kB); Slab: %ld kB "
	     "before, %ld kB after (%+ld kB)", memfree_before, after, -lost,
	     slab_before, slab_after, slab_after - slab_before);
	if (after < 0 || slab_after < 0) {
		diag("cannot read MemFree and Slab from /proc/meminfo");
		return FAIL;
	}
	if (lost > MEMFREE_MARGIN_KIB) {
		diag("expected MemFree to come back within %d kB",
		     MEMFREE_MARGIN_KIB);
		r = FAIL;
	}
	if (lost_outside_slab > NONSLAB_MARGIN_KIB) {
		diag("%ld kB lost outside the slab caches; expected at most "
		     "%d kB", lost_outside_slab, NONSLAB_MARGIN_KIB);
		r = FAIL;
	}
	return r;
}

static int child_status(pid_t pid)
{
	int status = -1;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

static enum result case_kernel_alive(void)
{
	char *const argv[] = { "true", NULL }, *const envp[] = { NULL };
	char buf[8] = "";
	int fds[2], status, fail = 0;
	pid_t pid, me = getpid();
	void *p;

	if (pipe(fds) || write(fds[1], "alive", 5) != 5 ||
	    read(fds[0], buf, sizeof(buf)) != 5 || memcmp(buf, "alive", 5)) {
		diag("a pipe did not carry 5 bytes: %s", strerror(errno));
		fail = 1;
	}
	close(fds[0]);
	close(fds[1]);
	pid = fork();
	if (pid == 0)
		_exit(getppid() == me ? 7 : 8);
	status = pid > 0 ? child_status(pid) : -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 7) {
		diag("fork: pid %d, status %#x (expected exit 7)", (int)pid,
		     status);
		fail = 1;
	}
	pid = fork();
	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(100 + errno);
	}
	status = pid > 0 ? child_status(pid) : -1;
	if (status != 0) {
		diag("fork and exec of /bin/true: pid %d, status %#x", (int)pid,
		     status);
		fail = 1;
	}
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || (memset(p, 1, 8192), munmap(p, 8192))) {
		diag("mmap, write and munmap of 2 pages failed");
		fail = 1;
	}
	if (getpid() != me || meminfo_kib("MemTotal:") <= 0) {
		diag("getpid or /proc/meminfo went wrong");
		fail = 1;
	}
	return fail ? FAIL : PASS;
}

/*
 * Before MemFree is first read: a run with a seed of its own, so the
 * slab caches and this process's own heap already hold what a run needs
 * and the measured run is compared with a machine that has seen one.
 * It makes as many calls as the measured run up to WARMUP_CALLS, a
 * tenth of them beyond, in at most a fifth of the time.
 */
#define WARMUP_CALLS	20000

static void warm_up(void)
{
	long calls = opt.calls < WARMUP_CALLS ? opt.calls : WARMUP_CALLS;

	if (calls < opt.calls / 10)
		calls = opt.calls / 10;

	fuzz(fz_mix(opt.seed ^ 0x5741524d55500000ULL), calls,
	     opt.seconds * 200L);
	st.warmup_calls = st.calls;
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
