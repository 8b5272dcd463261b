/*
 * wait4() options.  The status word is Linux's: (code << 8) for a normal
 * exit, the signal number for a process a signal ended.
 */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002

#endif
