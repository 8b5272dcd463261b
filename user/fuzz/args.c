/*
 * fuzz: the worker's integer arguments (small, huge, page-aligned, powers
 * of two, random), the kinds made of flags and numbers (signals, open
 * flags, modes, ioctl requests, mmap flags and addresses), and fz_gen(),
 * which makes an argument of any kind.
 *
 * Invariants: an integer never names FZ_PROGRESS_FD or FZ_LOG_FD, even
 * truncated to 32 bits.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/types.h>

#include "worker.h"

/* ---- integers ----------------------------------------------------- */

const unsigned long huge_values[] = {
	0x7fffffffUL, 0x80000000UL, 0xffffffffUL, 0x100000000UL,
	0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL,
	0xfffffffffffff000UL, 0x00007ffffffff000UL, 0x0000800000000000UL,
	0xffffffff80000000UL, 0xffff800000000000UL, 0x80000000000UL,
};
#define NR_HUGE (sizeof(huge_values) / sizeof(huge_values[0]))

/* Never the descriptors the worker keeps, as the kernel truncates fds. */
unsigned long not_kept_fd(unsigned long v)
{
	unsigned int low = (unsigned int)v;

	return low == FZ_PROGRESS_FD || low == FZ_LOG_FD ? v - 2 : v;
}

unsigned long gen_int(void)
{
	unsigned long v;

	switch (fz_below(10)) {
	case 0:
		v = 0;
		break;
	case 1:
		v = -1UL;
		break;
	case 2:
	case 3:
		v = fz_below(65);
		break;
	case 4:
		v = huge_values[fz_below(NR_HUGE)];
		break;
	case 5:
		v = PAGE * fz_below(1024);		/* page-aligned */
		break;
	case 6:
		v = PAGE * fz_below(1024) + 1 + fz_below(PAGE - 1);
		break;
	case 7:
		v = (1UL << fz_below(64)) + fz_below(3) - 1;	/* 2^k, +-1 */
		break;
	case 8:
		v = (unsigned int)fz_rand();
		break;
	default:
		v = fz_rand();
		break;
	}
	return not_kept_fd(v);
}

static unsigned long gen_len(void)
{
	static const unsigned long sizes[] = {
		1, 2, 4, 8, 16, 64, 100, 144, 256, 390, 512, 1024, 4095, 4096,
		4097, 8192, 65536, 65537, 1 << 20,
	};

	switch (fz_below(8)) {
	case 0:
		return 0;
	case 1:
	case 2:
	case 3:
		return sizes[fz_below(sizeof(sizes) / sizeof(sizes[0]))];
	case 4:
		return 1 + fz_below(512);
	case 5:
		return huge_values[fz_below(NR_HUGE)];
	case 6:
		return PAGE * (1 + fz_below(64));
	default:
		return gen_int();
	}
}

/* ---- the other kinds ---------------------------------------------- */

static unsigned long gen_sig(void)
{
	switch (fz_below(10)) {
	case 0:
	case 1:
		return 0;
	case 2:
		return 32 + fz_below(33);
	case 3:
		return fz_one_in(2) ? 65 : gen_int();
	default:
		return 1 + fz_below(31);
	}
}

static unsigned long gen_oflags(void)
{
	static const unsigned long bits[] = {
		O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK,
		O_DIRECTORY, O_CLOEXEC, 0400000 /* O_NOFOLLOW */,
		010000000 /* O_PATH */, 020000000 /* O_TMPFILE's bit */,
		04010000 /* O_SYNC */, 040000 /* O_DIRECT */,
	};
	unsigned long f = fz_below(4);	/* O_RDONLY .. 3 */
	int i;

	if (fz_one_in(16))
		return (unsigned int)fz_rand();
	for (i = 0; i < (int)(sizeof(bits) / sizeof(bits[0])); i++)
		if (fz_one_in(5))
			f |= bits[i];
	return f;
}

static unsigned long gen_mode(void)
{
	static const unsigned long modes[] = {
		0644, 0755, 0600, 0, 0777, 07777, 0100644, 0010644, 0020666,
		0060660, 0140755,
	};

	if (fz_one_in(8))
		return gen_int();
	return modes[fz_below(sizeof(modes) / sizeof(modes[0]))];
}

static unsigned long gen_ioctl(void)
{
	static const unsigned long cmds[] = {
		0x5401 /* TCGETS */, 0x5402 /* TCSETS */, 0x5403, 0x5404,
		0x540e /* TIOCSCTTY */, 0x540f /* TIOCGPGRP */,
		0x5410 /* TIOCSPGRP */, 0x5411 /* TIOCOUTQ */,
		0x5413 /* TIOCGWINSZ */, 0x5414 /* TIOCSWINSZ */,
		0x541b /* FIONREAD */, 0x5421 /* FIONBIO */,
		0x5422 /* TIOCNOTTY */, 0x5450 /* FIONCLEX */,
		0x5451 /* FIOCLEX */, 0x80045430 /* TIOCGPTN */, 0,
	};

	if (fz_one_in(4))
		return gen_int();
	return cmds[fz_below(sizeof(cmds) / sizeof(cmds[0]))];
}

static unsigned long gen_mflags(void)
{
	switch (fz_below(10)) {
	case 0: case 1: case 2: case 3:
		return MAP_PRIVATE | MAP_ANONYMOUS;
	case 4:
	case 5:
		return MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	case 6:
		return MAP_SHARED | MAP_ANONYMOUS;
	case 7:
		return fz_one_in(2) ? MAP_PRIVATE : 0;
	default:
		return gen_int();
	}
}

/* An address for mmap, munmap, mprotect and brk. */
static unsigned long gen_maddr(void)
{
	switch (fz_below(16)) {
	case 0:
	case 1:
		return 0;
	case 2:
	case 3:
		return FZ_ARENA + PAGE * fz_below(ARENA_MAPPED / PAGE + 2);
	case 4:
	case 5:
	case 6:
		return USER_UNMAPPED + PAGE * fz_below(1 << 18);
	case 7:
		if (fz_one_in(16))	/* its own program: likely death */
			return PROGRAM_TEXT + PAGE * fz_below(16);
		return USER_UNMAPPED;
	case 8:
		if (fz_one_in(16))	/* its own stack */
			return USER_TOP - PAGE * (1 + fz_below(8));
		return USER_TOP;
	case 9:
		return 0x7fffbf7ff000UL - PAGE * fz_below(64);
	case 10:
		return PAGE * fz_below(1 << 20);
	case 11:
		return fz_rand();
	default:
		return bad_pointer();
	}
}

unsigned long fz_gen(enum fz_arg kind)
{
	unsigned long v;

	switch (kind) {
	case A_INT:
		return gen_int();
	case A_FD:
		return gen_fd();
	case A_DIRFD:
		return fz_one_in(3) ? (unsigned long)AT_FDCWD : gen_fd();
	case A_BADFD:
		return gen_badfd();
	case A_LEN:
		return gen_len();
	case A_OFF:
		return fz_one_in(2) ? fz_below(8192) : gen_int();
	case A_WBUF:
		return gen_wbuf();
	case A_RBUF:
		return gen_rbuf();
	case A_PATH:
		return gen_path(0);
	case A_OPATH:
		return gen_path(1);
	case A_OFLAGS:
		return gen_oflags();
	case A_MODE:
		return gen_mode();
	case A_PID:
		return gen_pid();
	case A_ANYPID:
		return gen_anypid();
	case A_SIG:
		return gen_sig();
	case A_WHENCE:
		return fz_one_in(8) ? gen_int() : fz_below(5);
	case A_CLOCK:
		return fz_one_in(6) ? gen_int() : fz_below(12);
	case A_IOCTL:
		return gen_ioctl();
	case A_PROT:
		return fz_one_in(10) ? gen_int() : fz_below(8);
	case A_MFLAGS:
		return gen_mflags();
	case A_MADDR:
		return gen_maddr();
	case A_TIMESPEC:
		return gen_timespec();
	case A_SIGACT:
		return gen_sigaction();
	case A_ARGV:
		return gen_argv();
	case A_WOPTS:
		return fz_one_in(4) ? gen_int() : fz_below(4);
	case A_SIGSETSZ:
		return fz_one_in(4) ? gen_len() : 8;
	case A_AT_FLAGS:
		return fz_one_in(2) ? (fz_one_in(2) ? 0 : 0x200) : gen_int();
	case A_ADDR:
		return fz_one_in(2) ? gen_wbuf() : gen_rbuf();
	case A_ANY:
	default:
		/*
		 * A call table.c does not know may take a path anywhere:
		 * no readable memory outside the arena (the stack's top
		 * holds "/bin"), no tail of the read-only page's strings.
		 */
		w.generic = 1;
		switch (fz_below(4)) {
		case 0:
			v = gen_int();
			break;
		case 1:
			v = gen_rbuf();
			break;
		case 2:
			v = gen_wbuf();
			break;
		default:
			v = fz_one_in(2) ? gen_path(1) : gen_fd();
			break;
		}
		w.generic = 0;
		return v;
	}
}
