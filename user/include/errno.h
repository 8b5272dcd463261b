/*
 * errno: the error number of the last failing library call.  System
 * calls return -ENAME; the wrappers store ENAME here and return -1.
 * There are no threads, so errno is a plain global variable.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <linux/errno.h>

#ifndef EWOULDBLOCK
#define EWOULDBLOCK	EAGAIN
#endif
#ifndef ENOTBLK
#define ENOTBLK		15
#endif
#ifndef ETXTBSY
#define ETXTBSY		26
#endif
#ifndef ENOLCK
#define ENOLCK		37
#endif

extern int errno;

#endif
