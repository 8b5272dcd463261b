/*
 * The program break: brk() and sbrk() on the brk system call.
 *
 * The kernel's brk(addr) returns the new break, or the unchanged old
 * one when it refuses; brk(0) reports the current break.  cur_brk
 * caches the break this library last saw, so sbrk(0) costs no system
 * call after the first.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "internal.h"

static uintptr_t cur_brk;

/* The kernel's answer to brk(addr), or 0 with errno set. */
static uintptr_t sys_brk(uintptr_t addr)
{
	long got = __syscall1(__NR_brk, addr);

	if (got < 0 && got >= -4095) {
		errno = -got;
		return 0;
	}
	cur_brk = got;
	return got;
}

int brk(void *addr)
{
	uintptr_t got = sys_brk((uintptr_t)addr);

	if (!got)
		return -1;
	if (got != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	uintptr_t old;

	if (!cur_brk && !sys_brk(0))
		return (void *)-1;
	old = cur_brk;
	if (increment == 0)
		return (void *)old;
	if ((increment > 0 && old + increment < old) ||
	    (increment < 0 && old < (uintptr_t)-increment)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
