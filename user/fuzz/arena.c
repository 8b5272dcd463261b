/*
 * fuzz: the arena the worker's pointer arguments point into (its layout
 * is in worker.c), buffers the kernel reads or writes, the structures it
 * reads (timespec, sigaction), and pointers no call may use.
 *
 * Invariants: a call's buffers come from the read-write area, handed out
 * once per call from w.bump (wrapping, overlap allowed); the edge page
 * holds at most one thing per call (w.guard_used); a structure whose
 * contents decide how long a call blocks is read only from memory the
 * worker wrote, or not at all.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "worker.h"

/* ---- the arena ---------------------------------------------------- */

int arena_build(void)
{
	unsigned long *argv;
	long r;

	r = raw6(__NR_mmap, FZ_ARENA, ARENA_MAPPED, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (r != (long)FZ_ARENA)
		return -1;
	snprintf((char *)RO_OWN_PATH, 256, "%s/fz0", w.dir);
	snprintf((char *)RO_SYS_PATH, 256, "/proc/%d/maps", (int)w.pid);
	argv = (unsigned long *)RO_ARGV;
	argv[0] = RO_SYS_PATH;
	argv[1] = RO_OWN_PATH;
	argv[2] = 0;
	if (raw3(__NR_mprotect, ARENA_RO, PAGE, PROT_READ))
		return -1;
	raw2(__NR_munmap, ARENA_GUARD, PAGE);	/* whatever is there now */
	return 0;
}

/* ---- pointers ----------------------------------------------------- */

/*
 * A pointer no call may use, or at least not write through: one of the
 * unreadable kinds below (five in nine), or unmapped user memory, the
 * top of user space, the program's read-only text, a huge value.
 */
unsigned long bad_pointer(void)
{
	if (w.generic || fz_below(9) < 5)
		return unreadable_pointer();
	switch (fz_below(4)) {
	case 0:
		return USER_UNMAPPED + fz_below(1UL << 30);
	case 1:
		return USER_TOP - fz_below(256);
	case 2:
		return PROGRAM_TEXT + fz_below(0x2000);	/* readable only */
	default:
		return huge_values[fz_below(NR_HUGE)];
	}
}

/*
 * A pointer no call can read through, whatever the worker mapped: for
 * structures whose contents decide how long a call blocks (a timespec
 * read from the stack, the program text or a page the fuzz mapped
 * could be a sleep of centuries).
 */
unsigned long unreadable_pointer(void)
{
	switch (fz_below(5)) {
	case 0:
		return 0;
	case 1:
		return KERNEL_DIRECT + fz_below(1UL << 32);
	case 2:
		return KERNEL_TEXT + fz_below(32UL << 20);
	case 3:
		return NON_CANONICAL + fz_below(1UL << 46);
	default:
		return 1 + fz_below(PAGE - 1);	/* below MMAP_MIN_ADDR */
	}
}

/* Reserve len bytes of the read-write area for this call. */
unsigned long arena_alloc(unsigned long len)
{
	unsigned long off = (w.bump + 7) & ~7UL;

	if (fz_one_in(8))
		off += fz_below(8);		/* sometimes unaligned */
	if (off + len > ARENA_RW_SIZE)
		off = 0;			/* wrap: overlap is fine */
	if (len > ARENA_RW_SIZE)
		len = ARENA_RW_SIZE;
	w.bump = off + len;
	return FZ_ARENA + off;
}

/* Fill len bytes at p with one of several patterns. */
static void fill(unsigned long p, unsigned long len)
{
	unsigned char *b = (unsigned char *)p;
	unsigned long i;

	switch (fz_below(6)) {
	case 0:
		memset(b, 0, len);
		break;
	case 1:
		memset(b, 0xff, len);
		break;
	case 2:		/* small numbers */
		for (i = 0; i + 8 <= len; i += 8) {
			unsigned long v = fz_below(64);

			memcpy(b + i, &v, 8);
		}
		break;
	case 3:		/* pointers, good and bad */
		for (i = 0; i + 8 <= len; i += 8) {
			unsigned long v = fz_one_in(2) ? bad_pointer() :
				FZ_ARENA + fz_below(ARENA_RW_SIZE);

			memcpy(b + i, &v, 8);
		}
		break;
	default:
		for (i = 0; i + 8 <= len; i += 8) {
			unsigned long v = fz_rand();

			memcpy(b + i, &v, 8);
		}
		break;
	}
}

/* A buffer the kernel writes. */
unsigned long gen_wbuf(void)
{
	switch (fz_below(16)) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6:
		return arena_alloc(1024 + fz_below(4096));
	case 7:
	case 8:
		return ARENA_GUARD - 1 - fz_below(256);	/* runs off the end */
	case 9:
		return ARENA_RO + fz_below(PAGE);		/* read-only */
	case 10:
		return ARENA_RO - 1 - fz_below(256);	/* runs into it */
	default:
		return bad_pointer();
	}
}

/* A buffer the kernel reads, filled. */
unsigned long gen_rbuf(void)
{
	unsigned long p, len;

	switch (fz_below(16)) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
		len = 64 + fz_below(1024);
		p = arena_alloc(len);
		fill(p, len);
		return p;
	case 8:
	case 9:
		if (w.guard_used)
			return gen_rbuf();
		w.guard_used = 1;
		len = 1 + fz_below(256);
		p = ARENA_GUARD - len;
		fill(p, len);
		return p;
	case 10:
		/* Any tail of the page's strings, except for a call that
		 * might take it as a path ("/fz0" is a tail of its own). */
		return w.generic ? RO_OWN_PATH : ARENA_RO + fz_below(PAGE);
	default:
		return bad_pointer();
	}
}

/* ---- structures --------------------------------------------------- */

unsigned long gen_timespec(void)
{
	long *ts;
	unsigned long p;

	if (fz_one_in(3))
		return fz_one_in(2) ? unreadable_pointer() : ARENA_GUARD - 8;
	p = arena_alloc(16);
	ts = (long *)p;
	switch (fz_below(1024)) {
	case 0:		/* for ever: the parent kills it after STALL_MS */
		ts[0] = 0x7fffffffffffffffL;
		break;
	case 1: case 2: case 3: case 4:
		ts[0] = 1;
		break;
	case 5 ... 80:
		ts[0] = -(long)fz_below(1000) - 1;
		break;
	case 81 ... 120:	/* huge and positive would block */
		ts[0] = fz_rand() | 0x8000000000000000UL;
		break;
	default:
		ts[0] = 0;
		break;
	}
	switch (fz_below(64)) {
	case 0:		/* the longest valid value: a second, rarely */
		ts[1] = 999999999;
		break;
	case 1 ... 4:
		ts[1] = 1000000000;
		break;
	case 5 ... 8:
		ts[1] = -1;
		break;
	case 9 ... 12:
		ts[1] = fz_rand();
		break;
	default:
		ts[1] = fz_below(5000000);	/* up to 5 ms */
		break;
	}
	return p;
}

unsigned long gen_sigaction(void)
{
	unsigned long *sa, p;

	if (fz_one_in(3))
		return fz_one_in(2) ? bad_pointer() : ARENA_GUARD - 8;
	p = arena_alloc(32);
	sa = (unsigned long *)p;
	switch (fz_below(5)) {
	case 0:
	case 1:
		sa[0] = 0;			/* SIG_DFL */
		break;
	case 2:
	case 3:
		sa[0] = 1;			/* SIG_IGN */
		break;
	default:
		sa[0] = fz_one_in(2) ? PROGRAM_TEXT : gen_int();
		break;
	}
	sa[1] = fz_one_in(2) ? 0 : gen_int();	/* sa_flags */
	sa[2] = fz_one_in(2) ? 0 : bad_pointer();	/* sa_restorer */
	sa[3] = fz_one_in(2) ? 0 : fz_rand();	/* sa_mask */
	return p;
}
