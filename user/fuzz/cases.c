/*
 * fuzz: the three cases judging a run: workers_ran (every worker ended by
 * an exit or a signal and was reaped), memory_baseline (MemFree comes
 * back, within the margins below, once the workers are gone) and
 * kernel_alive (fork, exec, pipes and getpid still work); and the
 * warm-up run before MemFree is first read.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "parent.h"

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

/* ---- the cases ---------------------------------------------------- */

enum result case_workers_ran(void)
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
long meminfo_kib(const char *field)
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

long settled_memfree_kib(void)
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

long memfree_before = -1, slab_before = -1;
const char *skip_reason = "";

enum result case_memory_baseline(void)
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

enum result case_kernel_alive(void)
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

void warm_up(void)
{
	long calls = opt.calls < WARMUP_CALLS ? opt.calls : WARMUP_CALLS;

	if (calls < opt.calls / 10)
		calls = opt.calls / 10;

	fuzz(fz_mix(opt.seed ^ 0x5741524d55500000ULL), calls,
	     opt.seconds * 200L);
	st.warmup_calls = st.calls;
}
