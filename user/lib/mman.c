/* mmap, munmap, mprotect: one system call each. */
#include <sys/mman.h>
#include "internal.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd,
	   off_t offset)
{
	long ret = __syscall6(__NR_mmap, (long)addr, length, prot, flags, fd,
			      offset);

	return (void *)__syscall_ret(ret);
}

int munmap(void *addr, size_t length)
{
	return __syscall_ret(__syscall2(__NR_munmap, (long)addr, length));
}

int mprotect(void *addr, size_t length, int prot)
{
	return __syscall_ret(__syscall3(__NR_mprotect, (long)addr, length,
					prot));
}
