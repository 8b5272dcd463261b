/*
 * uname(): the system's name and version.  struct utsname has the
 * layout of the kernel's struct new_utsname (six 65-byte strings).
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <linux/utsname.h>

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

int uname(struct utsname *name);

#endif
