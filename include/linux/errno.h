/*
 * Error numbers: the Linux values, shared with user space
 * (uapi/linux/errno.h).
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <uapi/linux/errno.h>

#endif
