/*
 * Terminal control: tcgetattr, tcsetattr, cfmakeraw, isatty and the
 * foreground process group, all through ioctl() on the terminal.
 */
#include <errno.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	static const unsigned long request[] = {
		[TCSANOW] = TCSETS,
		[TCSADRAIN] = TCSETSW,
		[TCSAFLUSH] = TCSETSF,
	};

	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, request[when], t);
}

/* No echo, no line editing, no signal keys, no output processing. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~ICRNL;
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ICANON | ECHO | ECHOE | ECHOK | ISIG);
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}
