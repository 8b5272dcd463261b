/*
 * Character device major numbers, Linux's (include/uapi/linux/major.h,
 * Documentation/admin-guide/devices.txt).
 */
#ifndef _LINUX_MAJOR_H
#define _LINUX_MAJOR_H

#define MEM_MAJOR	1	/* 3 /dev/null, 5 /dev/zero */
#define TTYAUX_MAJOR	5	/* 0 /dev/tty, 1 /dev/console */

#endif
