/*
 * Resource limits: getrlimit(), setrlimit() and prlimit() (glibc's),
 * with the kernel's RLIMIT_* numbers and struct rlimit from
 * <linux/resource.h>, so the layout has one definition.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <linux/resource.h>

typedef unsigned long rlim_t;

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
/* Set and/or read the limits of process pid (0: the caller). */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit);

#endif
