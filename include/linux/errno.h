/*
 * Error numbers: the Linux values, shared with user space
 * (uapi/linux/errno.h).
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/linux/errno.h>

/* Kernel-internal: never seen by user space (system calls give -EINTR). */
#define ERESTARTSYS	512

#endif
