/*
 * Resource limits as the system calls see them (Linux's
 * include/uapi/linux/resource.h and asm-generic/resource.h): the
 * RLIMIT_* numbers, struct rlimit64 for prlimit64() and struct rlimit
 * for getrlimit()/setrlimit() (the same layout on x86_64).
 */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)
#define RLIM64_INFINITY		(~0ULL)

/* Linux's default RLIMIT_MEMLOCK since 5.16: 8 MiB. */
#define MLOCK_LIMIT		(8UL << 20)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

#endif
