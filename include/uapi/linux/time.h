/* struct timespec and clock ids, Linux's x86_64 layout and values. */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_BOOTTIME		7

#endif
