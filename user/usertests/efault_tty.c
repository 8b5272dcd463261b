/*
 * usertests: bad pointers in the terminal ioctls (TCGETS, TCSETS,
 * TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ), with the terminal's settings and
 * foreground group unchanged after a refused call.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>

#include "efault.h"

/* ---- the terminal: TCGETS, TCSETS, TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ */

/* A descriptor on a terminal (0, 1 or 2), or -1. */
static int find_tty(unsigned char *termios)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (syscall(SYS_ioctl, fd, TCGETS, termios) == 0)
			return fd;
	return -1;
}

void test_efault_tty(void)
{
	unsigned char before[64], after[64];
	int tty, null, pgrp_before = 0, pgrp_after = 0;
	const struct bad *b;

	setup_memory();
	/* This case runs in a process group of its own, in the background
	 * as far as a Linux terminal is concerned: TCSETS and TIOCSPGRP
	 * would stop it with SIGTTOU unless it is ignored. */
	signal(SIGTTOU, SIG_IGN);
	null = open("/dev/null", O_RDWR);
	ASSERT_TRUE(null >= 0);
	EXPECT_ERRNO(syscall(SYS_ioctl, null, TCGETS, before), ENOTTY);
	close(null);
	memset(before, 0, sizeof(before));
	tty = find_tty(before);
	if (tty < 0)
		ut_skip("no terminal on descriptors 0-2 (/dev/null answers "
			"ENOTTY, checked)");
	syscall(SYS_ioctl, tty, TIOCGPGRP, &pgrp_before);

	for_each_bad(b, 1) {
		EXPECT_EFAULT("ioctl(TCGETS)", b->name, SYS_ioctl, tty, TCGETS,
			      b->addr);
		EXPECT_EFAULT("ioctl(TIOCGWINSZ)", b->name, SYS_ioctl, tty,
			      TIOCGWINSZ, b->addr);
		errno = 0;
		long r = syscall(SYS_ioctl, tty, TIOCGPGRP, b->addr);

		/* Linux answers ENOTTY first when it is not our terminal. */
		FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCGPGRP) "
			   "with %s: %ld (errno %s)", b->name, r,
			   ut_errno_name(errno));
	}
	for_each_bad(b, 0) {
		EXPECT_EFAULT("ioctl(TCSETS)", b->name, SYS_ioctl, tty, TCSETS,
			      b->addr);
		errno = 0;
		long r = syscall(SYS_ioctl, tty, TIOCSPGRP, b->addr);

		FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCSPGRP) "
			   "with %s: %ld (errno %s)", b->name, r,
			   ut_errno_name(errno));
	}
	EXPECT_EFAULT_CROSSING("ioctl(TCGETS)", KTERMIOS_SIZE, q, SYS_ioctl,
			       tty, TCGETS, q);
	EXPECT_EFAULT_CROSSING("ioctl(TIOCGWINSZ)", KWINSIZE_SIZE, q,
			       SYS_ioctl, tty, TIOCGWINSZ, q);
	/* A termios running into the hole: nothing of it is applied. */
	memcpy((void *)off_end(KTERMIOS_SIZE), before, KTERMIOS_SIZE / 2);
	EXPECT_EFAULT("ioctl(TCSETS)", "a range running into an unmapped "
		      "page", SYS_ioctl, tty, TCSETS, off_end(KTERMIOS_SIZE));
	errno = 0;
	long r = syscall(SYS_ioctl, tty, TIOCSPGRP, off_end(4));

	FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCSPGRP) with a "
		   "range running into an unmapped page: %ld (errno %s)", r,
		   ut_errno_name(errno));

	/* The terminal is as it was. */
	memset(after, 0, sizeof(after));
	EXPECT_EQ(syscall(SYS_ioctl, tty, TCGETS, after), 0);
	EXPECT_TRUE(!memcmp(before, after, KTERMIOS_SIZE));
	syscall(SYS_ioctl, tty, TIOCGPGRP, &pgrp_after);
	EXPECT_EQ(pgrp_after, pgrp_before);
	expect_alive();
}
