/*
 * The fixed-size types of the user interface (__u8 .. __u64), the same
 * in the kernel and in user programs.  Only the compiler's own types
 * are used, so this compiles anywhere.
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;

#endif
