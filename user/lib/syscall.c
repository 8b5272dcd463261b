/*
 * syscall(): any system call by number, for calls the library does not
 * wrap.  Six arguments are always passed; the kernel ignores the ones a
 * call does not take.  Errors follow the usual errno convention.
 */
#include <stdarg.h>
#include <unistd.h>
#include "internal.h"

int errno;

long syscall(long number, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a[0], a[1], a[2], a[3],
					a[4], a[5]));
}
