/*
 * Resource limits: getrlimit and setrlimit are their system calls;
 * prlimit is prlimit64, whose struct rlimit64 has struct rlimit's
 * layout on x86_64, so the pointers pass straight through.
 */
#include <sys/resource.h>
#include "internal.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return __syscall_ret(__syscall2(__NR_getrlimit, resource, (long)rlim));
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return __syscall_ret(__syscall2(__NR_setrlimit, resource, (long)rlim));
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit)
{
	return __syscall_ret(__syscall4(__NR_prlimit64, pid, resource,
					(long)new_limit, (long)old_limit));
}
