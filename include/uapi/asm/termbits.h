/*
 * Terminal attributes and ioctls, Linux's x86_64 values
 * (include/uapi/asm-generic/termbits.h and ioctls.h).  The kernel's
 * struct termios (19 control characters), which TCGETS/TCSETS carry.
 */
#ifndef _UAPI_ASM_TERMBITS_H
#define _UAPI_ASM_TERMBITS_H

typedef unsigned char cc_t;
typedef unsigned int tcflag_t;

#define NCCS 19
struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc indexes */
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6

/* c_iflag */
#define INLCR	0000100		/* map NL to CR */
#define IGNCR	0000200		/* ignore CR */
#define ICRNL	0000400		/* map CR to NL */
/* c_oflag */
#define OPOST	0000001
#define ONLCR	0000004
/* c_cflag */
#define B38400	0000017		/* the speed Linux reports for a console */
#define CS8	0000060
#define CREAD	0000200
/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100		/* echo NL even without ECHO */
#define NOFLSH	0000200		/* no input flush on a signal */
#define ECHOCTL	0001000		/* echo control characters as ^X */
#define ECHOKE	0004000		/* kill erases the line visibly */

/* ioctl requests */
#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413

#endif
