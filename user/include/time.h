/*
 * Clocks and sleeping: clock_gettime(), nanosleep(), time().  struct
 * timespec and the CLOCK_* ids are the kernel's (<linux/time.h>).
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <linux/time.h>

int clock_gettime(clockid_t clock, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

#endif
