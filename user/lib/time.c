/*
 * Time: clock_gettime, nanosleep, time, sleep, usleep and uname.
 *
 * sleep() and usleep() sleep on CLOCK_MONOTONIC through nanosleep();
 * a signal that interrupts them (and is ignored) does not end the
 * sleep early: they go back to sleep for the time that remains.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>
#include "internal.h"

int clock_gettime(clockid_t clock, struct timespec *tp)
{
	return __syscall_ret(__syscall2(__NR_clock_gettime, clock, (long)tp));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(__NR_nanosleep, (long)req,
					(long)rem));
}

time_t time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

/* Sleep for all of *req, resuming after interruptions. */
static int sleep_fully(struct timespec req)
{
	struct timespec rem;

	while (nanosleep(&req, &rem) < 0) {
		if (errno != EINTR)
			return -1;
		req = rem;
	}
	return 0;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds };

	return sleep_fully(req) < 0 ? seconds : 0;
}

int usleep(unsigned long usec)
{
	struct timespec req = {
		.tv_sec = usec / 1000000,
		.tv_nsec = (usec % 1000000) * 1000,
	};

	return sleep_fully(req);
}

int uname(struct utsname *name)
{
	return __syscall_ret(__syscall1(__NR_uname, (long)name));
}
