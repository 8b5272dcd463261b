/*
 * dmatest: random DMA transfers through the edu devices, each checked
 * byte for byte, and the kernel's memory counters before and after.
 *
 *	dmatest [-n TRANSFERS] [-j JOBS] [-s SEED] [-d DEV]... [-q] [-h]
 *
 * JOBS processes (default 1, at most 16) each make TRANSFERS transfers
 * (default 10) on every device: every /dev/eduN, or the -d ones (edu0,
 * 0 or /dev/edu0).  A transfer writes random bytes at a random offset
 * and length, then reads them back into a buffer holding their
 * complement and compares; the write and the read each take the copied
 * path (lseek + write/read) or the zero-copy one (EDU_IOC_DMA from or
 * into a page-aligned mapping, at a random place in it), chosen at
 * random.  Jobs share the devices, which serialise the transfers, but
 * each job keeps to its own slice of the 4 KiB window (4096 / JOBS
 * bytes), so what it reads back is exactly what it wrote; each job
 * opens the devices itself, since the file offset of a shared open file
 * would move under another job's lseek().
 *
 * A line per transfer (none with -q), failures on standard error, then
 * the totals: transfers by path, bytes each way, bounced and direct
 * mappings (the drivers' EDU_IOC_INFO counters, after minus before),
 * errors, and MemFree (/proc/meminfo), the swiotlb pool's used slots
 * (SWIOTLB_FILE) and the pin counters of /proc/vmstat, before and
 * after.  The exit status is 1 when a transfer failed or read back
 * different bytes, when pins taken during the run were not all released,
 * or when the pool's used slots did not come back to where they were;
 * counters the kernel does not have are shown as "n/a" and not judged.
 * The seed is printed first; "-s SEED" with the same -n, -j and devices
 * replays a run.  Bad usage exits 2; -h prints the usage and exits 0.
 *
 * Output is written line by line with write(), never buffered, so the
 * jobs' lines do not mix and nothing is printed twice after fork().
 *
 * This file holds the options, the devices and the counters, the parent
 * and the verdict; job.c the jobs.  opt is set before the first fork()
 * and only read after it.
 */
#include <dirent.h>
#include <edu_dev.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dmatest.h"

/* The swiotlb pool's counters: a "used" line, "used: N" or "used N". */
#define SWIOTLB_FILE	"/proc/swiotlb"
#define MEMINFO_FILE	"/proc/meminfo"
#define VMSTAT_FILE	"/proc/vmstat"

struct options opt = { .transfers = 10, .jobs = 1 };

/* System-wide counters, before and after; -1: the kernel has none. */
struct counters {
	long long mem_free_kb, swiotlb_used, pin_acquired, pin_released;
	uint64_t bounced, direct;	/* summed over the devices */
};

/* ---- output ----------------------------------------------------------- */

void say(int fd, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	if (n > 0 && write(fd, line, n) < 0)
		return;		/* nowhere left to report it */
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- options ---------------------------------------------------------- */

static const char usage_text[] =
	"usage: dmatest [-n TRANSFERS] [-j JOBS] [-s SEED] [-d DEV]... [-q]\n"
	"       dmatest -h\n";

static int usage(void)
{
	say(STDERR_FILENO, "%s", usage_text);
	return 2;
}

static int bad_number(int c, const char *arg, long max)
{
	say(STDERR_FILENO, "dmatest: -%c %s: must be a number from 1 to %ld\n",
	    c, arg, max);
	return usage();
}

/* A decimal number from 1 to max into *v; or -1. */
static int parse_count(const char *s, long max, long *v)
{
	char *end;

	errno = 0;
	*v = strtol(s, &end, 10);
	return (end == s || *end || errno || *v < 1 || *v > max) ? -1 : 0;
}

static int parse_seed(const char *s)
{
	char *end;

	errno = 0;
	opt.seed = strtoull(s, &end, 0);
	if (end == s || *end || errno || *s == '-') {
		say(STDERR_FILENO, "dmatest: -s %s: not a number\n", s);
		return usage();
	}
	opt.have_seed = 1;
	return 0;
}

static int add_device(const char *name)
{
	if (opt.nr_devs == MAX_DEVICES) {
		say(STDERR_FILENO, "dmatest: at most %d devices\n",
		    MAX_DEVICES);
		return usage();
	}
	edu_dev_path(name, opt.dev[opt.nr_devs++]);
	opt.have_dev = 1;
	return 0;
}

/* 0, 2 for bad usage (reported), -1 after -h printed the usage. */
static int parse_options(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "n:j:s:d:qh")) != -1) {
		switch (c) {
		case 'n':
			if (parse_count(optarg, MAX_TRANSFERS, &opt.transfers))
				return bad_number(c, optarg, MAX_TRANSFERS);
			break;
		case 'j':
			if (parse_count(optarg, MAX_JOBS, &opt.jobs))
				return bad_number(c, optarg, MAX_JOBS);
			break;
		case 's':
			if (parse_seed(optarg))
				return 2;
			break;
		case 'd':
			if (add_device(optarg))
				return 2;
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 'h':
			say(STDOUT_FILENO, "%s", usage_text);
			return -1;
		default:
			return usage();
		}
	}
	return optind == argc ? 0 : usage();
}

/* ---- devices and counters --------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Every /dev/eduN, in number order, into opt.dev; 0 or 1 (reported). */
static int find_devices(void)
{
	int nums[MAX_DEVICES], n = 0, i;
	DIR *dir = opendir("/dev");
	struct dirent *d;

	if (!dir) {
		say(STDERR_FILENO, "dmatest: /dev: %s\n", strerror(errno));
		return 1;
	}
	while ((d = readdir(dir)) && n < MAX_DEVICES) {
		const char *p = d->d_name + 3;

		if (!strncmp(d->d_name, "edu", 3) && *p &&
		    strspn(p, "0123456789") == strlen(p))
			nums[n++] = atoi(p);
	}
	closedir(dir);
	if (!n) {
		say(STDERR_FILENO, "dmatest: no edu devices in /dev "
		    "(name one with -d)\n");
		return 1;
	}
	qsort(nums, n, sizeof(nums[0]), cmp_int);
	for (i = 0; i < n; i++)
		snprintf(opt.dev[i], PATH_LEN, "/dev/edu%d", nums[i]);
	opt.nr_devs = n;
	return 0;
}

/*
 * The number after the first line of file whose key is key ("key:
 * value", "key value", "key = value"); -1 when there is no such line or
 * no file.  prefix: a key that only starts with key is enough.
 */
static long long read_key(const char *file, const char *key, int prefix)
{
	FILE *f = fopen(file, "r");
	size_t klen = strlen(key), len;
	long long v = -1;
	char line[256], *p;

	if (!f)
		return -1;
	while (v < 0 && fgets(line, sizeof(line), f)) {
		p = line + strspn(line, " \t");
		len = strcspn(p, " \t:=\n");
		if (strncmp(p, key, klen) || (!prefix && len != klen))
			continue;
		p += len;
		p += strspn(p, " \t:=");
		if (*p >= '0' && *p <= '9')
			v = strtoll(p, NULL, 10);
	}
	fclose(f);
	return v;
}

/* EDU_IOC_INFO of device i; 1 with a message if it cannot be had. */
static int device_info(int i, struct edu_info *info)
{
	int fd = open(opt.dev[i], O_RDONLY);

	if (fd < 0 || ioctl(fd, EDU_IOC_INFO, info) < 0) {
		say(STDERR_FILENO, "dmatest: %s: %s\n", opt.dev[i],
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

/* EDU_IOC_INFO's bounced and direct, added over the devices. */
static int add_info_counters(struct counters *c)
{
	struct edu_info info;
	int i;

	c->bounced = c->direct = 0;
	for (i = 0; i < opt.nr_devs; i++) {
		if (device_info(i, &info))
			return 1;
		c->bounced += info.bounced;
		c->direct += info.direct;
	}
	return 0;
}

/*
 * The window the jobs share: the smallest the devices serve (4095 under
 * QEMU before 8.0, 4096 after: <linux/edu.h>).  1 on an error.
 */
static int find_window(void)
{
	struct edu_info info;
	int i;

	opt.window = EDU_BUF_SIZE;
	for (i = 0; i < opt.nr_devs; i++) {
		if (device_info(i, &info))
			return 1;
		if (info.window_bytes < opt.window)
			opt.window = info.window_bytes;
	}
	if (opt.window < opt.jobs) {
		say(STDERR_FILENO, "dmatest: a window of %ld bytes is too "
		    "small for %ld jobs\n", opt.window, opt.jobs);
		return 1;
	}
	return 0;
}

static int read_counters(struct counters *c)
{
	c->mem_free_kb = read_key(MEMINFO_FILE, "MemFree", 0);
	c->swiotlb_used = read_key(SWIOTLB_FILE, "io_tlb_used", 0);
	c->pin_acquired = read_key(VMSTAT_FILE, "nr_foll_pin_acquired", 0);
	c->pin_released = read_key(VMSTAT_FILE, "nr_foll_pin_released", 0);
	return add_info_counters(c);
}

/* ---- the parent ------------------------------------------------------- */

static void add_stats(struct job_stats *t, const struct job_stats *s)
{
	int p;

	t->transfers += s->transfers;
	t->bytes_to += s->bytes_to;
	t->bytes_from += s->bytes_from;
	for (p = COPIED; p <= ZERO_COPY; p++) {
		t->writes[p] += s->writes[p];
		t->reads[p] += s->reads[p];
	}
	t->failed += s->failed;
	t->mismatched += s->mismatched;
}

/* Wait for job id and add its report to *total; 0, or 1 if it has none. */
static int collect_job(int id, pid_t pid, int fd, struct job_stats *total)
{
	struct job_stats st;
	ssize_t n;
	int status = 0;

	do {
		n = read(fd, &st, sizeof(st));
	} while (n < 0 && errno == EINTR);
	close(fd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (n == sizeof(st)) {
		add_stats(total, &st);
		return 0;
	}
	if (WIFSIGNALED(status))
		say(STDERR_FILENO, "dmatest: job %d was killed by signal %d "
		    "(%s)\n", id, WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		say(STDERR_FILENO, "dmatest: job %d ended without a report "
		    "(exit status %d)\n", id, WEXITSTATUS(status));
	return 1;
}

/* Start every job, then collect them; how many were lost. */
static int run_jobs(struct job_stats *total)
{
	pid_t pid[MAX_JOBS];
	int fd[MAX_JOBS], pipefd[2], started, lost = 0, i;

	for (started = 0; started < opt.jobs; started++) {
		if (pipe(pipefd) < 0)
			break;
		pid[started] = fork();
		if (pid[started] < 0) {
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		if (pid[started] == 0) {
			close(pipefd[0]);
			job_main(started, pipefd[1]);
		}
		close(pipefd[1]);
		fd[started] = pipefd[0];
	}
	if (started < opt.jobs) {
		say(STDERR_FILENO, "dmatest: starting job %d: %s\n", started,
		    strerror(errno));
		lost = opt.jobs - started;
	}
	for (i = 0; i < started; i++)
		lost += collect_job(i, pid[i], fd[i], total);
	return lost;
}

/* A counter for the summary: the number, or "n/a". */
static const char *shown(long long v, char *buf, size_t size)
{
	if (v < 0)
		return "n/a";
	snprintf(buf, size, "%lld", v);
	return buf;
}

static void print_totals(const struct job_stats *t, const struct counters *b,
			 const struct counters *a, long ms)
{
	say(STDOUT_FILENO, "transfers:     %llu (writes %llu copied, %llu "
	    "zero-copy; reads %llu copied, %llu zero-copy)\n",
	    (unsigned long long)t->transfers,
	    (unsigned long long)t->writes[COPIED],
	    (unsigned long long)t->writes[ZERO_COPY],
	    (unsigned long long)t->reads[COPIED],
	    (unsigned long long)t->reads[ZERO_COPY]);
	say(STDOUT_FILENO, "bytes:         %llu to device, %llu from device\n",
	    (unsigned long long)t->bytes_to,
	    (unsigned long long)t->bytes_from);
	say(STDOUT_FILENO, "mappings:      %llu bounced, %llu direct\n",
	    (unsigned long long)(a->bounced - b->bounced),
	    (unsigned long long)(a->direct - b->direct));
	say(STDOUT_FILENO, "errors:        %llu (%llu failed, %llu "
	    "mismatched)\n", (unsigned long long)(t->failed + t->mismatched),
	    (unsigned long long)t->failed, (unsigned long long)t->mismatched);
	say(STDOUT_FILENO, "time:          %ld ms\n", ms);
}

static void print_memory(const struct counters *b, const struct counters *a)
{
	char x[24], y[24], z[24], w[24];

	say(STDOUT_FILENO, "MemFree:       %s kB before, %s kB after\n",
	    shown(b->mem_free_kb, x, sizeof(x)),
	    shown(a->mem_free_kb, y, sizeof(y)));
	say(STDOUT_FILENO, "swiotlb used:  %s before, %s after\n",
	    shown(b->swiotlb_used, x, sizeof(x)),
	    shown(a->swiotlb_used, y, sizeof(y)));
	say(STDOUT_FILENO, "pins:          acquired %s -> %s, released %s -> "
	    "%s\n", shown(b->pin_acquired, x, sizeof(x)),
	    shown(a->pin_acquired, y, sizeof(y)),
	    shown(b->pin_released, z, sizeof(z)),
	    shown(a->pin_released, w, sizeof(w)));
}

/* The verdict: 0, or 1 with each reason on standard error. */
static int judge(const struct job_stats *t, int lost,
		 const struct counters *b, const struct counters *a)
{
	int status = 0;

	if (t->failed || t->mismatched || lost) {
		say(STDERR_FILENO, "dmatest: %llu transfers failed, %llu "
		    "mismatched, %d jobs lost\n",
		    (unsigned long long)t->failed,
		    (unsigned long long)t->mismatched, lost);
		status = 1;
	}
	if (b->pin_acquired >= 0 && a->pin_acquired >= 0 &&
	    b->pin_released >= 0 && a->pin_released >= 0 &&
	    a->pin_acquired - b->pin_acquired !=
	    a->pin_released - b->pin_released) {
		say(STDERR_FILENO, "dmatest: pins do not balance: %lld "
		    "acquired, %lld released during the run\n",
		    a->pin_acquired - b->pin_acquired,
		    a->pin_released - b->pin_released);
		status = 1;
	}
	if (b->swiotlb_used >= 0 && a->swiotlb_used != b->swiotlb_used) {
		say(STDERR_FILENO, "dmatest: swiotlb used slots %lld after, "
		    "%lld before\n", a->swiotlb_used, b->swiotlb_used);
		status = 1;
	}
	return status;
}

/* The seed and what the run does, and the command that replays it. */
static void print_header(void)
{
	char devs[MAX_DEVICES * (PATH_LEN + 1)] = "";
	char args[MAX_DEVICES * (PATH_LEN + 4)] = "";
	int i;

	for (i = 0; i < opt.nr_devs; i++) {
		snprintf(devs + strlen(devs), sizeof(devs) - strlen(devs),
			 " %s", opt.dev[i]);
		snprintf(args + strlen(args), sizeof(args) - strlen(args),
			 " -d %s", opt.dev[i]);
	}
	say(STDOUT_FILENO, "dmatest: seed %#llx, jobs %ld, transfers %ld per "
	    "job and device, devices%s\n", (unsigned long long)opt.seed,
	    opt.jobs, opt.transfers, devs);
	say(STDOUT_FILENO, "replay: dmatest -s %#llx -n %ld -j %ld%s\n",
	    (unsigned long long)opt.seed, opt.transfers, opt.jobs, args);
}

static uint64_t default_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return mix(ts.tv_sec * 1000000000ULL + ts.tv_nsec +
		   ((uint64_t)getpid() << 40));
}

int main(int argc, char **argv)
{
	struct counters before, after;
	struct job_stats total;
	int ret = parse_options(argc, argv), lost;
	long ms;

	if (ret)
		return ret < 0 ? 0 : ret;
	if (!opt.have_dev && find_devices())
		return 1;
	if (!opt.have_seed)
		opt.seed = default_seed();
	print_header();
	if (find_window())
		return 1;
	if (read_counters(&before))
		return 1;
	memset(&total, 0, sizeof(total));
	ms = now_ms();
	lost = run_jobs(&total);
	ms = now_ms() - ms;
	if (read_counters(&after))
		return 1;
	print_totals(&total, &before, &after, ms);
	print_memory(&before, &after);
	ret = judge(&total, lost, &before, &after);
	say(STDOUT_FILENO, "dmatest: %s\n", ret ? "FAILED" : "ok");
	return ret;
}
