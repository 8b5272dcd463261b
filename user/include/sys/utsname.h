/*
 * uname(): the system's name and version.  struct utsname is the
 * kernel's struct new_utsname (six 65-byte strings) from
 * <linux/utsname.h> under POSIX's name, so the layout has one
 * definition for the kernel and the C library.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

#define utsname new_utsname

int uname(struct utsname *name);

#endif
