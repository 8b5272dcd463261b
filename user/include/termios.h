/*
 * Terminal attributes: tcgetattr() and tcsetattr() move the kernel's
 * struct termios (<asm/termbits.h>) with the TCGETS/TCSETS* ioctls;
 * tcgetpgrp()/tcsetpgrp() (also in <unistd.h>) read and set the
 * terminal's foreground process group.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <asm/termbits.h>

#define TCSANOW		0	/* at once */
#define TCSADRAIN	1	/* after pending output is written */
#define TCSAFLUSH	2	/* same, and discard pending input */

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
