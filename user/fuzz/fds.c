/*
 * fuzz: the descriptors and processes a worker owns: descriptors its
 * calls opened (remembered, forgotten when closed), descriptors that
 * cannot be open, and pids a call may act on (itself, its own children)
 * or only look at.
 *
 * Invariants: w.fds never holds FZ_PROGRESS_FD or FZ_LOG_FD; at most
 * MAX_CHILDREN unreaped children are kept, the oldest reaped first.
 */
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "worker.h"

/* ---- descriptors and processes ------------------------------------ */

void remember_fd(long fd)
{
	int i, free = -1;

	if (fd < 0 || fd >= 1024 || fd == FZ_PROGRESS_FD || fd == FZ_LOG_FD)
		return;
	for (i = 0; i < MAX_FDS; i++) {
		if (w.fds[i] == fd)
			return;
		if (w.fds[i] < 0 && free < 0)
			free = i;
	}
	w.fds[free >= 0 ? free : (int)fz_below(MAX_FDS)] = fd;
}

void forget_fd(long fd)
{
	int i;

	for (i = 0; i < MAX_FDS; i++)
		if (w.fds[i] == fd)
			w.fds[i] = -1;
}

long fz_own_fd(void)
{
	int i = fz_below(MAX_FDS);

	if (w.fds[i] >= 0 && !fz_one_in(4))
		return w.fds[i];
	return fz_below(10);
}

unsigned long gen_badfd(void)
{
	static const long bad[] = {
		-1, 256, 1023, 1 << 20, 0x7fffffff, -0x7fffffff - 1, -100, -2,
	};

	return bad[fz_below(sizeof(bad) / sizeof(bad[0]))];
}

unsigned long gen_fd(void)
{
	switch (fz_below(16)) {
	case 0:
	case 1:
		return gen_badfd();
	case 2:
		return not_kept_fd(gen_int());
	default:
		return fz_own_fd();
	}
}

/* A pid a signal, wait or setpgid may act on: self, own children, none. */
unsigned long gen_pid(void)
{
	pid_t c = w.children[fz_below(MAX_CHILDREN)];

	switch (fz_below(10)) {
	case 0:
	case 1:
		return 0;
	case 2:
	case 3:
		return w.pid;
	case 4:
		return -(long)w.pid;		/* its own group */
	case 5:
	case 6:
	case 7:
		if (c > 0)
			return c;
		return w.pid;
	case 8:
		return (1L << 30) + fz_below(1000);	/* no such process */
	default:
		return fz_one_in(2) ? 0x7fffffffL : -0x7fffffffL - 1;
	}
}

/* A pid only looked at. */
unsigned long gen_anypid(void)
{
	switch (fz_below(6)) {
	case 0:
		return 1;
	case 1:
		return getppid();
	case 2:
		return fz_below(300);
	case 3:
		return -1;
	default:
		return gen_pid();
	}
}

void remember_child(pid_t pid)
{
	int i = fz_below(MAX_CHILDREN);

	if (w.children[i] > 0)		/* keep at most MAX_CHILDREN zombies */
		raw6(__NR_wait4, w.children[i], 0, 0, 0, 0, 0);
	w.children[i] = pid;
}
