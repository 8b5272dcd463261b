/*
 * fuzz: the worker, a process that makes random system calls.
 *
 * Setup: a session of its own (setsid), every descriptor closed but the
 * progress (and log) descriptor moved out of reach, /dev/null as 0, 1
 * and 2, SIGPIPE ignored, and a directory of its own, /tmp/fuzz.PID,
 * as working directory.  Then `calls` times: pick a number, make its
 * arguments, constrain them (table.c), make the call with the raw
 * `syscall` instruction, and look at the result.
 *
 * The arena.  Pointer arguments point into a fixed mapping the worker
 * rebuilds after every call that may have changed its mappings:
 *
 *   FZ_ARENA  +0       64 KiB read-write: buffers, strings, structures
 *             +64 KiB  one read-only page (paths and an argv in it)
 *             +68 KiB  one read-write page whose end meets...
 *             +72 KiB  ...an unmapped guard page
 *
 * or at bad places: NULL, the kernel's direct map and text, the
 * non-canonical hole, unmapped user memory, the top of user space, the
 * read-only program text.  The worker's own variables live in its .data
 * and on its stack, never in the arena, so a call that unmaps the arena
 * only makes later pointers bad; a call that unmaps the worker's text
 * or stack kills it, which the parent counts and survives.
 *
 * The generator is splitmix64: each worker's sequence of calls depends
 * only on its seed (pids, descriptors and results do not feed it).
 *
 * This file holds the generator, the choice of each call, the call
 * itself and what is learnt from its result, and the setup; the
 * arguments are made by args.c, arena.c, paths.c and fds.c (worker.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "worker.h"

struct fz_state w;

/* ---- the generator ------------------------------------------------ */

uint64_t fz_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

uint64_t fz_worker_seed(uint64_t seed, int slot, int inc)
{
	return fz_mix(seed ^ fz_mix(((uint64_t)slot << 32) + (uint64_t)inc));
}

unsigned long fz_rand(void)
{
	w.rng += 0x9e3779b97f4a7c15ULL;
	return fz_mix(w.rng);
}

unsigned long fz_below(unsigned long n)
{
	return fz_rand() % n;
}

int fz_one_in(unsigned long n)
{
	return fz_below(n) == 0;
}

/* ---- choosing a call ---------------------------------------------- */

/* Linux numbers past 333 that must never be called (see table.c). */
static long pick_number(void)
{
	const struct fz_call *c;
	long nr;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		switch (fz_below(20)) {
		case 0:		/* past the table, negative, high bits set */
			switch (fz_below(4)) {
			case 0:
				nr = 334 + fz_below(700);
				break;
			case 1:
				nr = -1 - (long)fz_below(400);
				break;
			case 2:
				nr = huge_values[fz_below(NR_HUGE)];
				break;
			default:
				nr = fz_rand();
				break;
			}
			break;
		case 1: case 2: case 3: case 4: case 5:
			nr = fz_below(334);		/* any number */
			break;
		default:			/* one the table knows */
			c = &fz_calls[fz_below(fz_nr_calls)];
			nr = c->nr;
			if (nr < NR_TABLE && w.enosys[nr] >= ENOSYS_LIMIT &&
			    !fz_one_in(16))
				continue;	/* mostly skip absent ones */
			break;
		}
		if (!fz_denied(nr))
			return nr;
	}
	return __NR_getpid;
}

/* ---- the log (-l: every call; log=2: calls of SLOW_MS or more) ----- */

#define SLOW_MS		100

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void log_call(long n, long nr, const struct fz_call *c,
		     const unsigned long a[6])
{
	char line[320];
	int len, i;

	len = snprintf(line, sizeof(line), "fuzz[%d] %ld: %s(%ld)", (int)w.pid,
		       n, c ? c->name : "?", nr);
	for (i = 0; i < 6 && len < (int)sizeof(line) - 24; i++)
		len += snprintf(line + len, sizeof(line) - len, " %#lx", a[i]);
	for (i = 0; i < 6; i++) {
		enum path_kind kind = path_kind(a[i]);

		/* Only paths it wrote with a NUL are safe to print. */
		if (kind != PATH_NONE && len < (int)sizeof(line) - 40 &&
		    a[i] < ARENA_EDGE)
			len += snprintf(line + len, sizeof(line) - len,
					" [%d]=\"%.60s\"", i, (char *)a[i]);
	}
	line[len++] = '\n';
	write(FZ_LOG_FD, line, len);
}

static void log_result(long ret, long ms)
{
	char line[64];
	int len = ms < 0 ? snprintf(line, sizeof(line), "  = %ld\n", ret) :
		  snprintf(line, sizeof(line), "  = %ld after %ld ms\n", ret,
			   ms);

	write(FZ_LOG_FD, line, len);
}

/* ---- one call ----------------------------------------------------- */

static void after_call(const struct fz_call *c, long nr,
		       const unsigned long a[6], long ret)
{
	if (nr >= 0 && nr < NR_TABLE) {
		if (ret == -ENOSYS) {
			if (w.enosys[nr] < 255)
				w.enosys[nr]++;
		} else {
			w.enosys[nr] = 0;
		}
	}
	if (!c)
		return;
	if (c->flags & FZ_FORK) {
		if (ret == 0)
			raw_exit(0);		/* the child */
		if (ret > 0) {
			if (fz_one_in(2))
				raw6(__NR_wait4, ret, 0, 0, 0, 0, 0);
			else
				remember_child(ret);
		}
	}
	if ((c->flags & FZ_NEWFD) && ret >= 0)
		remember_fd(ret);
	if ((c->flags & FZ_PIPE) && ret == 0) {
		/* The kernel stored them at a[0]: writable user memory. */
		int fds[2];

		memcpy(fds, (void *)a[0], sizeof(fds));
		if (!(nr == __NR_pipe2 && (a[1] & O_NONBLOCK)) &&
		    !fz_one_in(64)) {
			/*
			 * A blocking pipe with both ends here blocks a read
			 * of it for ever (and a write once full): keep one
			 * end, most of the time, and see EOF or EPIPE.
			 */
			int end = fz_below(2);

			close(fds[end]);
			fds[end] = -1;
		}
		remember_fd(fds[0]);
		remember_fd(fds[1]);
	}
	if (nr == __NR_close && ret == 0)
		forget_fd(a[0]);
	if (c->flags & FZ_MM) {
		int tries;

		for (tries = 0; arena_build(); tries++) {
			if (tries == 100)
				raw_exit(FZ_EXIT_SETUP);
			raw0(__NR_sched_yield);
		}
	}
}

static void one_call(long n)
{
	const struct fz_call *c;
	unsigned long a[6];
	long nr, ret, t0 = 0;
	int i;

	nr = pick_number();
	c = fz_find_call(nr);
	/* At most about 31 KiB are taken per call: no wrap from here. */
	w.bump = fz_below(ARENA_RW_SIZE / 4);
	w.guard_used = 0;
	w.nr_paths = 0;
	for (i = 0; i < 6; i++)
		a[i] = fz_gen(c && i < c->nargs ? c->arg[i] :
			      c ? A_INT : A_ANY);
	if (c && c->sanitise)
		c->sanitise(a);
	if (w.log == 1)
		log_call(n, nr, c, a);
	else if (w.log == 2)
		t0 = now_ms();
	ret = raw6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (w.log == 1) {
		log_result(ret, -1);
	} else if (w.log == 2 && now_ms() - t0 >= SLOW_MS) {
		log_call(n, nr, c, a);
		log_result(ret, now_ms() - t0);
	}
	after_call(c, nr, a, ret);
}

/* ---- setup -------------------------------------------------------- */

static void setup_fail(const char *what)
{
	char line[128];
	int len = snprintf(line, sizeof(line), "fuzz: worker %d: %s failed\n",
			   (int)w.pid, what);

	if (w.log)
		write(FZ_LOG_FD, line, len);
	raw_exit(FZ_EXIT_SETUP);
}

/*
 * The working directory must stay under /tmp/fuzz.PID (or be gone with
 * it): else relative paths would reach other files.  A worker that finds
 * itself elsewhere exits with FZ_EXIT_ESCAPED, which fails the run.
 */
static void check_cwd(void)
{
	char cwd[512];
	size_t len = strlen(w.dir);
	long r = raw2(__NR_getcwd, cwd, sizeof(cwd));

	if (r <= 0)
		return;			/* removed, or too deep to name */
	if (strncmp(cwd, w.dir, len) || (cwd[len] && cwd[len] != '/'))
		raw_exit(FZ_EXIT_ESCAPED);
}

static void build_index(void)
{
	int i;

	for (i = 0; i < fz_nr_calls; i++)
		if (fz_calls[i].nr >= 0 && fz_calls[i].nr < NR_TABLE)
			w.table_index[fz_calls[i].nr] = i + 1;
}

const struct fz_call *fz_find_call(long nr)
{
	if (nr < 0 || nr >= NR_TABLE || !w.table_index[nr])
		return NULL;
	return &fz_calls[w.table_index[nr] - 1];
}

void fz_worker(const struct fz_worker_opts *o, int progress_fd, int log_fd)
{
	unsigned long ign[4] = { 1, 0, 0, 0 };	/* SIG_IGN */
	int fd, i;

	memset(&w, 0, sizeof(w));
	w.rng = o->seed;
	w.log = o->log;
	w.pid = getpid();
	for (i = 0; i < MAX_FDS; i++)
		w.fds[i] = -1;
	build_index();
	snprintf(w.dir, sizeof(w.dir), "/tmp/fuzz.%d", (int)w.pid);

	raw0(__NR_setsid);
	if (dup2(progress_fd, FZ_PROGRESS_FD) != FZ_PROGRESS_FD)
		raw_exit(FZ_EXIT_SETUP);
	if (w.log && dup2(log_fd, FZ_LOG_FD) != FZ_LOG_FD)
		raw_exit(FZ_EXIT_SETUP);
	for (fd = 0; fd < FZ_LOG_FD; fd++)
		close(fd);
	if (open("/dev/null", O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		setup_fail("opening /dev/null");
	if (mkdir(w.dir, 0755) && errno != EEXIST)
		setup_fail("mkdir");
	if (chdir(w.dir))
		setup_fail("chdir");
	raw6(__NR_rt_sigaction, SIGPIPE, (unsigned long)ign, 0, 8, 0, 0);
	if (arena_build())
		setup_fail("mapping the arena");

	for (w.calls = o->calls; w.n < w.calls; w.n++) {
		if (w.n % FZ_PROGRESS_EVERY == 0) {
			write(FZ_PROGRESS_FD, &w.n, sizeof(w.n));
			check_cwd();
		}
		one_call(w.n);
	}
	write(FZ_PROGRESS_FD, &w.n, sizeof(w.n));
	raw_exit(0);
}
