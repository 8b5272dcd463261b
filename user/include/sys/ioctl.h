/* ioctl(): device-specific requests; the terminal ones are in <termios.h>. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/termbits.h>

#ifndef TIOCSCTTY
#define TIOCSCTTY	0x540E
#endif

int ioctl(int fd, unsigned long request, ...);

#endif
