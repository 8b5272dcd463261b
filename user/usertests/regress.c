/*
 * usertests: reproducers of kernel bugs /bin/fuzz found, each reduced
 * to the few system calls that show it from user space.
 *
 * fork_page_refcount_smp: pages shared copy-on-write by many processes
 * gain a reference at every fork and lose one at every exit.  On several
 * CPUs forks and exits of different processes run at the same time, on
 * the same struct pages: a reference count that is not changed
 * atomically loses updates, and a page still mapped is freed and handed
 * out again.  The kernel then reports "BUG: Bad page free: page already
 * free" from zap_page_range(), and the processes see their memory
 * change under them.  Here several processes fork and reap children as
 * fast as they can, all sharing a buffer with a known pattern; then a
 * child takes and fills fresh memory, which a page freed too early is
 * likely to be part of.  The pattern must never change.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

#define SHARED_PAGES	1024	/* shared by everyone copy-on-write */
#define FORKERS		4	/* processes forking at the same time */
#define CYCLES		400	/* forks each */
#define CHURN_BYTES	(16 << 20)	/* allocated afterwards, to reuse
					 * pages freed too early */

static unsigned char shared[SHARED_PAGES * 4096];

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + i / 4096);
}

/* The index of the first byte that lost its pattern, or -1. */
static long first_changed(void)
{
	size_t i;

	for (i = 0; i < sizeof(shared); i++)
		if (shared[i] != pattern(i))
			return i;
	return -1;
}

/*
 * A quick look for the same damage, for the many short-lived children:
 * a page freed early and handed out again is overwritten whole, so two
 * bytes of every page (at offsets that differ from page to page) show
 * it at a thousandth of the cost of reading every byte.
 */
static bool sample_changed(void)
{
	size_t page, i;

	for (page = 0; page < SHARED_PAGES; page++) {
		i = page * 4096 + (page * 97) % 4096;
		if (shared[page * 4096] != pattern(page * 4096) ||
		    shared[i] != pattern(i))
			return true;
	}
	return false;
}

/* Fork and reap children that exit at once; exit status 0, 1 changed. */
static void __attribute__((noreturn)) forker(void)
{
	int i, status;

	for (i = 0; i < CYCLES; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(sample_changed() ? 1 : 0);
		if (pid < 0) {
			if (errno == EAGAIN)
				continue;	/* the process table is full */
			_exit(2);
		}
		if (waitpid(pid, &status, 0) != pid || status != 0)
			_exit(3);
	}
	_exit(first_changed() < 0 ? 0 : 1);
}

/* The number of CPUs /proc/cpuinfo lists, or 0. */
static int nr_cpus(void)
{
	char buf[4096];
	int fd = open("/proc/cpuinfo", O_RDONLY), n = 0;
	ssize_t len;
	char *p;

	if (fd < 0)
		return 0;
	/* "processor" starts each CPU's paragraph; count across reads. */
	while ((len = ut_read_full(fd, buf, sizeof(buf) - 1)) > 0) {
		buf[len] = '\0';
		for (p = buf; (p = strstr(p, "processor")); p++)
			n += p == buf || p[-1] == '\n';
		if (len < (ssize_t)sizeof(buf) - 1)
			break;
	}
	close(fd);
	return n;
}

/*
 * Children, one per forker so that every CPU's free lists are drawn
 * from, take and fill fresh pages: a page freed while still mapped here
 * is likely among them, and changes under us.
 */
static void churn(void)
{
	pid_t pids[FORKERS];
	int i;

	for (i = 0; i < FORKERS; i++) {
		pids[i] = ut_fork();
		if (pids[i] == 0) {
			unsigned char *p = mmap(NULL, CHURN_BYTES,
						PROT_READ | PROT_WRITE,
						MAP_PRIVATE | MAP_ANONYMOUS,
						-1, 0);

			if (p != MAP_FAILED)
				memset(p, 0xee, CHURN_BYTES);
			_exit(0);
		}
	}
	for (i = 0; i < FORKERS; i++)
		ut_wait(pids[i]);
}

void test_fork_page_refcount_smp(void)
{
	pid_t pids[FORKERS];
	size_t i;
	long changed;

	if (nr_cpus() < 2)
		ut_skip("one CPU: forks and exits never run at the same time");
	for (i = 0; i < sizeof(shared); i++)
		shared[i] = pattern(i);
	for (i = 0; i < FORKERS; i++) {
		pids[i] = ut_fork();
		if (pids[i] == 0)
			forker();
	}
	for (i = 0; i < FORKERS; i++) {
		int status = ut_wait(pids[i]);

		EXPECT_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			   "forker %zu %s (1: its shared pages changed, 2: "
			   "fork failed, 3: a child saw them change or died)",
			   i, ut_status_str(status));
	}
	churn();
	changed = first_changed();
	EXPECT_MSG(changed < 0, "byte %ld of the shared buffer changed from "
		   "%#x to %#x", changed, changed < 0 ? 0 : pattern(changed),
		   changed < 0 ? 0 : shared[changed]);
}
