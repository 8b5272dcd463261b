/*
 * ps: one line per process, from /proc/PID/stat for every numeric
 * entry of /proc, sorted by PID:
 *
 *     PID  PPID STAT COMMAND
 *       1     0 S    init
 *       2     0 S    [kswapd]
 *
 * STAT is the state letter (R running, S sleeping, Z zombie...).
 * Kernel threads are shown in [brackets]: those with parent 0 other
 * than init, and (as Linux's ps does) any process whose
 * /proc/PID/cmdline exists and is empty.  A process that exits while
 * ps reads /proc is skipped.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PIDS 4096

struct proc_stat {
	int pid, ppid;
	char state;
	char comm[64];
};

static int is_number(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Read a small /proc file into buf; its length, or -1. */
static int read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

/* "PID (COMM) S PPID ...": COMM may hold spaces and parentheses. */
static int parse_stat(char *buf, struct proc_stat *ps)
{
	char *lp = strchr(buf, '('), *rp = strrchr(buf, ')');
	size_t len;

	if (!lp || !rp || rp < lp || rp[1] != ' ')
		return -1;
	len = rp - lp - 1;
	if (len >= sizeof(ps->comm))
		len = sizeof(ps->comm) - 1;
	memcpy(ps->comm, lp + 1, len);
	ps->comm[len] = '\0';
	ps->pid = atoi(buf);
	ps->state = rp[2];
	ps->ppid = atoi(rp + 4);
	return ps->state ? 0 : -1;
}

static int is_kernel_thread(const struct proc_stat *ps)
{
	char path[64], buf[8];

	if (ps->ppid == 0 && ps->pid != 1)
		return 1;
	if (ps->state == 'Z')
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", ps->pid);
	return read_small(path, buf, sizeof(buf)) == 0;
}

static void show(int pid)
{
	struct proc_stat ps;
	char path[64], buf[512];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_small(path, buf, sizeof(buf)) <= 0 ||
	    parse_stat(buf, &ps) < 0)
		return;
	if (is_kernel_thread(&ps))
		printf("%5d %5d %-4c [%s]\n", ps.pid, ps.ppid, ps.state,
		       ps.comm);
	else
		printf("%5d %5d %-4c %s%s\n", ps.pid, ps.ppid, ps.state,
		       ps.comm, ps.state == 'Z' ? " <defunct>" : "");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static int pids[MAX_PIDS];
	struct dirent *d;
	int n = 0, i;
	DIR *dir;

	if (argc > 1) {
		fprintf(stderr, "usage: ps\n");
		return 2;
	}
	dir = opendir("/proc");
	if (!dir) {
		fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
		return 1;
	}
	while ((d = readdir(dir)) && n < MAX_PIDS)
		if (is_number(d->d_name))
			pids[n++] = atoi(d->d_name);
	closedir(dir);
	qsort(pids, n, sizeof(pids[0]), cmp_int);
	printf("  PID  PPID STAT COMMAND\n");
	for (i = 0; i < n; i++)
		show(pids[i]);
	return fflush(stdout) ? 1 : 0;
}
