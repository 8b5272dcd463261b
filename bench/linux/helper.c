/*
 * The init program of `make bench-linux`'s Linux boots: PID 1 of a tiny
 * initramfs (this program, static, and ferry_bench.ko), it loads the
 * module, runs the metrics named by bench=GLOB on the kernel command
 * line (Linux hands an unknown NAME=VALUE parameter to init in its
 * environment), copies their lines from the kernel log to the console,
 * and powers the machine off.
 *
 * It binds itself to CPU 0 and maps the module's user buffer at the
 * address Ferry's bench uses, writing it once so that every page is
 * present and writable before the first measurement (Ferry's warm-ups
 * fault its pages in; here a first read would map the shared zero page).
 *
 * Its first line, "bench: init running", tells tools/bench_linux.py
 * when Linux reached its first process (boot_to_init_ms).  Errors end the
 * boot with one "bench: ..." line saying what failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ferry_bench.h"

#define MODULE_PATH	"/ferry_bench.ko"
#define KMSG_RECORD_MAX	8192

/* /dev (devtmpfs: the console, kmsg, the module's node), console as 0-2. */
static int setup_console(void)
{
	int fd;

	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) && errno != EBUSY)
		return -1;
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return -1;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	setvbuf(stdout, NULL, _IOLBF, 0);
	return 0;
}

static int load_module(void)
{
	int fd = open(MODULE_PATH, O_RDONLY | O_CLOEXEC), ret;

	if (fd < 0)
		return -1;
	ret = syscall(SYS_finit_module, fd, "", 0);
	close(fd);
	return ret;
}

static int bind_to_cpu0(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static void *map_user_buffer(void)
{
	void *p = mmap((void *)FERRY_BENCH_USER_BASE, FERRY_BENCH_USER_LEN,
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	memset(p, 0x5a, FERRY_BENCH_USER_LEN);
	return p;
}

/* Print the "bench..." messages logged since kmsg was opened. */
static void copy_bench_lines(int kmsg)
{
	static char rec[KMSG_RECORD_MAX];
	ssize_t n;
	char *msg, *end;

	for (;;) {
		n = read(kmsg, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* records overwritten before we read them */
		if (n <= 0)
			break;		/* EAGAIN: no more */
		rec[n] = '\0';
		msg = strchr(rec, ';');		/* "prio,seq,usec,flags;text\n" */
		if (!msg || strncmp(++msg, "bench", 5))
			continue;
		end = strchr(msg, '\n');
		if (end)
			*end = '\0';
		printf("%s\n", msg);
	}
}

static int run(const char *filter)
{
	struct ferry_bench_run r = { .user_len = FERRY_BENCH_USER_LEN };
	void *buf = map_user_buffer();
	int kmsg, dev, ret;

	if (!buf || bind_to_cpu0())
		return -1;
	r.user_addr = (unsigned long)buf;
	snprintf(r.filter, sizeof(r.filter), "%s", filter);
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	dev = open(FERRY_BENCH_DEV, O_RDWR);
	if (kmsg < 0 || dev < 0)
		return -1;
	lseek(kmsg, 0, SEEK_END);
	ret = ioctl(dev, FERRY_BENCH_RUN, &r);
	copy_bench_lines(kmsg);
	return ret;
}

int main(void)
{
	const char *filter = getenv("bench");

	if (setup_console())
		return 1;	/* nowhere to say it: the kernel panics */
	printf("bench: init running\n");
	fflush(stdout);
	if (load_module())
		printf("bench: cannot load %s: %s\n", MODULE_PATH, strerror(errno));
	else if (run(filter ? filter : "all") < 0)
		printf("bench: the run failed: %s\n", strerror(errno));
	sync();
	reboot(RB_POWER_OFF);
	return 1;
}
