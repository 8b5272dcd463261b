/*
 * Basic system data types (POSIX <sys/types.h>) with the sizes the
 * x86_64 Linux system call ABI uses.
 *
 * Invariants: every type here matches the kernel's view of the same
 * argument (pid_t is 32 bits, off_t 64, mode_t 32...), so a value
 * passes through a system call unchanged.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef int clockid_t;

#endif
