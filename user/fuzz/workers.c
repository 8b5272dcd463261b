/*
 * fuzz: running the workers.  Each slot runs one worker at a time with
 * its share of the calls; the parent reads each worker's progress file,
 * SIGKILLs one that made no progress for STALL_MS and every one still
 * running at the time limit, reaps them, counts how each ended, replaces
 * one that died before its share was made, and removes its directory.
 *
 * Invariants: a slot's pid is 0 exactly when no worker of it runs; every
 * worker started is reaped (or counted unreaped) before fuzz() returns.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parent.h"

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
void fuzz(uint64_t seed, long calls, long ms)
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
