/*
 * Basic kernel types, named as in Linux (u8..u64, s8..s64, bool,
 * size_t, phys_addr_t).  Only the compiler's freestanding headers are
 * used, so this also compiles for the host unit tests.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* as in Linux, on every architecture */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;

/*
 * POSIX types as the Linux kernel sizes them.  The host unit tests get
 * the C library's definitions instead (same sizes where it matters).
 */
#if defined(HOST_TEST) || __STDC_HOSTED__
#include <sys/types.h>
#else
typedef int pid_t;
typedef long off_t;
typedef long long loff_t;
typedef int clockid_t;
typedef unsigned int dev_t;
#endif
typedef unsigned short umode_t;

#endif
