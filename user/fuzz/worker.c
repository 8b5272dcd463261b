/*
 * fuzz: the worker, a process that makes random system calls.
 *
 * Setup: a session of its own (setsid), every descriptor closed but the
 * progress (and log) descriptor moved out of reach, /dev/null as 0, 1
 * and 2, SIGPIPE ignored, and a directory of its own, /tmp/fuzz.PID,
 * as working directory.  Then `calls` times: pick a number, make its
 * arguments, constrain them (table.c), make the call with the raw
 * `syscall` instruction, and look at the result.
 *
 * The arena.  Pointer arguments point into a fixed mapping the worker
 * rebuilds after every call that may have changed its mappings:
 *
 *   FZ_ARENA  +0       64 KiB read-write: buffers, strings, structures
 *             +64 KiB  one read-only page (paths and an argv in it)
 *             +68 KiB  one read-write page whose end meets...
 *             +72 KiB  ...an unmapped guard page
 *
 * or at bad places: NULL, the kernel's direct map and text, the
 * non-canonical hole, unmapped user memory, the top of user space, the
 * read-only program text.  The worker's own variables live in its .data
 * and on its stack, never in the arena, so a call that unmaps the arena
 * only makes later pointers bad; a call that unmaps the worker's text
 * or stack kills it, which the parent counts and survives.
 *
 * The generator is splitmix64: each worker's sequence of calls depends
 * only on its seed (pids, descriptors and results do not feed it).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

#define PAGE		4096UL
#define FZ_ARENA	0x3f00000000UL
#define ARENA_RW_SIZE	(16 * PAGE)
#define ARENA_RO	(FZ_ARENA + ARENA_RW_SIZE)
#define ARENA_EDGE	(ARENA_RO + PAGE)
#define ARENA_GUARD	(ARENA_EDGE + PAGE)
#define ARENA_MAPPED	(ARENA_GUARD - FZ_ARENA)

/* Fixed contents of the read-only page. */
#define RO_OWN_PATH	(ARENA_RO + 0)
#define RO_SYS_PATH	(ARENA_RO + 256)
#define RO_ARGV		(ARENA_RO + 512)

#define KERNEL_DIRECT	0xffff800000000000UL
#define KERNEL_TEXT	0xffffffff80000000UL
#define NON_CANONICAL	0x0000800000000000UL
#define USER_UNMAPPED	0x0000010000000000UL	/* 1 TiB: nothing there */
#define USER_TOP	0x00007ffffffff000UL
#define PROGRAM_TEXT	0x400000UL

#define MAX_FDS		16	/* descriptors remembered */
#define MAX_CHILDREN	4	/* unreaped children kept */
#define MAX_PATHS	12	/* paths written during one call */
#define ENOSYS_LIMIT	3	/* answers before a number counts as absent */

#define NR_TABLE	512	/* numbers with a table index */

enum path_kind { PATH_NONE, PATH_OWN_ABS, PATH_OWN_REL, PATH_SYS };

static struct {
	uint64_t rng;
	pid_t pid;
	char dir[32];			/* /tmp/fuzz.PID */
	int fds[MAX_FDS];		/* own descriptors, -1 free */
	pid_t children[MAX_CHILDREN];	/* 0 free */
	unsigned long bump;		/* next free arena offset this call */
	int guard_used;			/* the edge page holds data this call */
	int generic;			/* arguments for a call table.c lacks */
	long n, calls;			/* calls made, to make: not on the
					 * stack, which a call may replace */
	struct { unsigned long p; enum path_kind kind; } paths[MAX_PATHS];
	int nr_paths;
	short table_index[NR_TABLE];	/* fz_calls index + 1, 0 none */
	unsigned char enosys[NR_TABLE];	/* ENOSYS answers seen */
	int log;
} w;

/* ---- raw system calls --------------------------------------------- */

static long raw6(long nr, unsigned long a0, unsigned long a1, unsigned long a2,
		 unsigned long a3, unsigned long a4, unsigned long a5)
{
	register unsigned long r10 asm("r10") = a3;
	register unsigned long r8 asm("r8") = a4;
	register unsigned long r9 asm("r9") = a5;
	long ret;

	asm volatile("syscall"
		     : "=a"(ret)
		     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8),
		       "r"(r9)
		     : "rcx", "r11", "memory");
	return ret;
}

#define raw0(nr)		raw6(nr, 0, 0, 0, 0, 0, 0)
#define raw1(nr, a)		raw6(nr, (unsigned long)(a), 0, 0, 0, 0, 0)
#define raw2(nr, a, b)		raw6(nr, (unsigned long)(a), \
				     (unsigned long)(b), 0, 0, 0, 0)
#define raw3(nr, a, b, c)	raw6(nr, (unsigned long)(a), \
				     (unsigned long)(b), (unsigned long)(c), \
				     0, 0, 0)

static void __attribute__((noreturn)) raw_exit(int code)
{
	for (;;)
		raw1(__NR_exit_group, code);
}

/* ---- the generator ------------------------------------------------ */

uint64_t fz_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

uint64_t fz_worker_seed(uint64_t seed, int slot, int inc)
{
	return fz_mix(seed ^ fz_mix(((uint64_t)slot << 32) + (uint64_t)inc));
}

unsigned long fz_rand(void)
{
	w.rng += 0x9e3779b97f4a7c15ULL;
	return fz_mix(w.rng);
}

unsigned long fz_below(unsigned long n)
{
	return fz_rand() % n;
}

int fz_one_in(unsigned long n)
{
	return fz_below(n) == 0;
}

/* ---- integers ----------------------------------------------------- */

static const unsigned long huge_values[] = {
	0x7fffffffUL, 0x80000000UL, 0xffffffffUL, 0x100000000UL,
	0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL,
	0xfffffffffffff000UL, 0x00007ffffffff000UL, 0x0000800000000000UL,
	0xffffffff80000000UL, 0xffff800000000000UL, 0x80000000000UL,
};
#define NR_HUGE (sizeof(huge_values) / sizeof(huge_values[0]))

/* Never the descriptors the worker keeps, as the kernel truncates fds. */
static unsigned long not_kept_fd(unsigned long v)
{
	unsigned int low = (unsigned int)v;

	return low == FZ_PROGRESS_FD || low == FZ_LOG_FD ? v - 2 : v;
}

static unsigned long gen_int(void)
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

/* ---- pointers ----------------------------------------------------- */

static unsigned long unreadable_pointer(void);

/*
 * A pointer no call may use, or at least not write through: one of the
 * unreadable kinds below (five in nine), or unmapped user memory, the
 * top of user space, the program's read-only text, a huge value.
 */
static unsigned long bad_pointer(void)
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
static unsigned long unreadable_pointer(void)
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
static unsigned long arena_alloc(unsigned long len)
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
static unsigned long gen_wbuf(void)
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
static unsigned long gen_rbuf(void)
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

/* ---- paths -------------------------------------------------------- */

static const char *const own_names[] = {
	"fz0", "fz1", "fz2", "fzd", "fz.x", "fz0/fz1", "fzd/fz2",
	"fzd/fzd/fz0", ".", "./fz1", "fz0/", "fzd//fz1",
};
#define NR_OWN_NAMES (sizeof(own_names) / sizeof(own_names[0]))

/* Existing files opened read-only ("PID" is replaced by the pid). */
static const char *const sys_paths[] = {
	"/dev/null", "/dev/zero", "/proc/meminfo", "/proc/uptime",
	"/proc/cpuinfo", "/proc/PID/stat", "/proc/PID/maps", "/proc/PID/status",
	"/proc/PID", "/proc", "/", "/dev", "/tmp", "/proc/PID/stat/x",
	"/dev/null/", "/nonexistent",
};
#define NR_SYS_PATHS (sizeof(sys_paths) / sizeof(sys_paths[0]))

static void note_path(unsigned long p, enum path_kind kind)
{
	if (w.nr_paths < MAX_PATHS) {
		w.paths[w.nr_paths].p = p;
		w.paths[w.nr_paths].kind = kind;
		w.nr_paths++;
	}
}

static enum path_kind path_kind(unsigned long p)
{
	int i;

	if (p == RO_OWN_PATH)
		return PATH_OWN_ABS;
	if (p == RO_SYS_PATH)
		return PATH_SYS;
	for (i = w.nr_paths - 1; i >= 0; i--)
		if (w.paths[i].p == p)
			return w.paths[i].kind;
	return PATH_NONE;
}

int fz_is_system_path(unsigned long p)
{
	return path_kind(p) == PATH_SYS;
}

/* Whether the kernel resolves p against the working or a directory fd. */
int fz_is_relative_path(unsigned long p)
{
	enum path_kind kind = path_kind(p);

	return kind != PATH_OWN_ABS && kind != PATH_SYS;
}

/* Write the text of a path into buf (size > 300). */
static enum path_kind make_path_text(char *buf, size_t size, int own_only)
{
	const char *name = own_names[fz_below(NR_OWN_NAMES)];
	size_t n;

	if (!own_only && fz_one_in(3)) {
		const char *s = sys_paths[fz_below(NR_SYS_PATHS)];
		const char *pid = strstr(s, "PID");

		if (pid)
			snprintf(buf, size, "%.*s%d%s", (int)(pid - s), s,
				 (int)w.pid, pid + 3);
		else
			snprintf(buf, size, "%s", s);
		return PATH_SYS;
	}
	switch (fz_below(8)) {
	case 0:
	case 1:
	case 2:
		snprintf(buf, size, "%s", name);
		return PATH_OWN_REL;
	case 3:
		snprintf(buf, size, "%s", w.dir);
		return PATH_OWN_ABS;
	case 4:		/* a component longer than NAME_MAX */
		n = snprintf(buf, size, "%s/", w.dir);
		memset(buf + n, 'n', 300);
		buf[n + 300] = '\0';
		return PATH_OWN_ABS;
	case 5:
		buf[0] = '\0';		/* "": ENOENT */
		return PATH_OWN_REL;
	default:
		snprintf(buf, size, "%s/%s", w.dir, name);
		return PATH_OWN_ABS;
	}
}

/* A path string in the read-write area. */
static unsigned long path_in_arena(int own_only)
{
	char text[512];
	enum path_kind kind = make_path_text(text, sizeof(text), own_only);
	unsigned long len = strlen(text) + 1;
	unsigned long p = arena_alloc(len);

	memcpy((void *)p, text, len);
	note_path(p, kind);
	return p;
}

/*
 * A path string in the arena, a string at the guard, or a bad pointer.
 * The edge page holds one thing per call, so that nothing the worker
 * writes later changes a path a sanitiser has looked at.
 */
static unsigned long gen_path(int own_only)
{
	char text[512];
	enum path_kind kind;
	unsigned long p, len;

	switch (fz_below(16)) {
	case 0:
	case 1:
		/* Not the stack's top: "PATH=/bin" there holds "/bin". */
		return unreadable_pointer();
	case 2:		/* a string that ends at the guard, NUL or not */
		if (w.guard_used)
			return path_in_arena(own_only);
		w.guard_used = 1;
		kind = make_path_text(text, sizeof(text), own_only);
		len = strlen(text) + 1;
		if (fz_one_in(2))
			len--;	/* no NUL: the kernel runs into the guard */
		p = ARENA_GUARD - len;
		memcpy((void *)p, text, len);
		note_path(p, kind);
		return p;
	case 3:
		return own_only || fz_one_in(2) ? RO_OWN_PATH : RO_SYS_PATH;
	case 4:		/* longer than PATH_MAX, inside the own directory */
		p = arena_alloc(5000);
		len = snprintf((char *)p, 5000, "%s/", w.dir);
		while (len + 5 < 4999) {
			memcpy((char *)p + len, "fzd/", 4);
			len += 4;
		}
		((char *)p)[len] = '\0';
		note_path(p, PATH_OWN_ABS);
		return p;
	default:
		return path_in_arena(own_only);
	}
}

/* argv or envp: a NULL-terminated array of strings, or not quite. */
static unsigned long gen_argv(void)
{
	unsigned long *v, p;
	int n, i;

	switch (fz_below(8)) {
	case 0:
		return bad_pointer();
	case 1:
		return RO_ARGV;
	case 2:		/* runs into the guard without a NULL */
		if (w.guard_used)
			return RO_ARGV;
		w.guard_used = 1;
		n = 1 + fz_below(4);
		p = ARENA_GUARD - n * sizeof(long);
		v = (unsigned long *)p;
		for (i = 0; i < n; i++)
			v[i] = path_in_arena(0);
		return p;
	default:
		n = fz_below(5);
		p = arena_alloc((n + 1) * sizeof(long));
		v = (unsigned long *)p;
		for (i = 0; i < n; i++)
			v[i] = fz_one_in(4) ? bad_pointer() : path_in_arena(0);
		v[n] = 0;
		return p;
	}
}

/* ---- structures --------------------------------------------------- */

static unsigned long gen_timespec(void)
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

static unsigned long gen_sigaction(void)
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

/* ---- descriptors and processes ------------------------------------ */

static void remember_fd(long fd)
{
	int i, free = -1;

	if (fd < 0 || fd >= 1024 || fd == FZ_PROGRESS_FD || fd == FZ_LOG_FD)
		return;
	for (i = 0; i < MAX_FDS; i++) {
		if (w.fds[i] == fd)
			return;
		if (w.fds[i] < 0 && free < 0)
			free = i;
	}
	w.fds[free >= 0 ? free : (int)fz_below(MAX_FDS)] = fd;
}

static void forget_fd(long fd)
{
	int i;

	for (i = 0; i < MAX_FDS; i++)
		if (w.fds[i] == fd)
			w.fds[i] = -1;
}

long fz_own_fd(void)
{
	int i = fz_below(MAX_FDS);

	if (w.fds[i] >= 0 && !fz_one_in(4))
		return w.fds[i];
	return fz_below(10);
}

static unsigned long gen_badfd(void)
{
	static const long bad[] = {
		-1, 256, 1023, 1 << 20, 0x7fffffff, -0x7fffffff - 1, -100, -2,
	};

	return bad[fz_below(sizeof(bad) / sizeof(bad[0]))];
}

static unsigned long gen_fd(void)
{
	switch (fz_below(16)) {
	case 0:
	case 1:
		return gen_badfd();
	case 2:
		return not_kept_fd(gen_int());
	default:
		return fz_own_fd();
	}
}

/* A pid a signal, wait or setpgid may act on: self, own children, none. */
static unsigned long gen_pid(void)
{
	pid_t c = w.children[fz_below(MAX_CHILDREN)];

	switch (fz_below(10)) {
	case 0:
	case 1:
		return 0;
	case 2:
	case 3:
		return w.pid;
	case 4:
		return -(long)w.pid;		/* its own group */
	case 5:
	case 6:
	case 7:
		if (c > 0)
			return c;
		return w.pid;
	case 8:
		return (1L << 30) + fz_below(1000);	/* no such process */
	default:
		return fz_one_in(2) ? 0x7fffffffL : -0x7fffffffL - 1;
	}
}

/* A pid only looked at. */
static unsigned long gen_anypid(void)
{
	switch (fz_below(6)) {
	case 0:
		return 1;
	case 1:
		return getppid();
	case 2:
		return fz_below(300);
	case 3:
		return -1;
	default:
		return gen_pid();
	}
}

static void remember_child(pid_t pid)
{
	int i = fz_below(MAX_CHILDREN);

	if (w.children[i] > 0)		/* keep at most MAX_CHILDREN zombies */
		raw6(__NR_wait4, w.children[i], 0, 0, 0, 0, 0);
	w.children[i] = pid;
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

/* ---- the arena ---------------------------------------------------- */

static int arena_build(void)
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

/* ---- choosing a call ---------------------------------------------- */

/* Linux numbers past 333 that must never be called (see table.c). */
static long pick_number(void)
{
	const struct fz_call *c;
	long nr;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		switch (fz_below(20)) {
		case 0:		/* past the table, negative, high bits set */
			switch (fz_below(4)) {
			case 0:
				nr = 334 + fz_below(700);
				break;
			case 1:
				nr = -1 - (long)fz_below(400);
				break;
			case 2:
				nr = huge_values[fz_below(NR_HUGE)];
				break;
			default:
				nr = fz_rand();
				break;
			}
			break;
		case 1: case 2: case 3: case 4: case 5:
			nr = fz_below(334);		/* any number */
			break;
		default:			/* one the table knows */
			c = &fz_calls[fz_below(fz_nr_calls)];
			nr = c->nr;
			if (nr < NR_TABLE && w.enosys[nr] >= ENOSYS_LIMIT &&
			    !fz_one_in(16))
				continue;	/* mostly skip absent ones */
			break;
		}
		if (!fz_denied(nr))
			return nr;
	}
	return __NR_getpid;
}

/* ---- the log (-l: every call; log=2: calls of SLOW_MS or more) ----- */

#define SLOW_MS		100

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void log_call(long n, long nr, const struct fz_call *c,
		     const unsigned long a[6])
{
	char line[320];
	int len, i;

	len = snprintf(line, sizeof(line), "fuzz[%d] %ld: %s(%ld)", (int)w.pid,
		       n, c ? c->name : "?", nr);
	for (i = 0; i < 6 && len < (int)sizeof(line) - 24; i++)
		len += snprintf(line + len, sizeof(line) - len, " %#lx", a[i]);
	for (i = 0; i < 6; i++) {
		enum path_kind kind = path_kind(a[i]);

		/* Only paths it wrote with a NUL are safe to print. */
		if (kind != PATH_NONE && len < (int)sizeof(line) - 40 &&
		    a[i] < ARENA_EDGE)
			len += snprintf(line + len, sizeof(line) - len,
					" [%d]=\"%.60s\"", i, (char *)a[i]);
	}
	line[len++] = '\n';
	write(FZ_LOG_FD, line, len);
}

static void log_result(long ret, long ms)
{
	char line[64];
	int len = ms < 0 ? snprintf(line, sizeof(line), "  = %ld\n", ret) :
		  snprintf(line, sizeof(line), "  = %ld after %ld ms\n", ret,
			   ms);

	write(FZ_LOG_FD, line, len);
}

/* ---- one call ----------------------------------------------------- */

static void after_call(const struct fz_call *c, long nr,
		       const unsigned long a[6], long ret)
{
	if (nr >= 0 && nr < NR_TABLE) {
		if (ret == -ENOSYS) {
			if (w.enosys[nr] < 255)
				w.enosys[nr]++;
		} else {
			w.enosys[nr] = 0;
		}
	}
	if (!c)
		return;
	if (c->flags & FZ_FORK) {
		if (ret == 0)
			raw_exit(0);		/* the child */
		if (ret > 0) {
			if (fz_one_in(2))
				raw6(__NR_wait4, ret, 0, 0, 0, 0, 0);
			else
				remember_child(ret);
		}
	}
	if ((c->flags & FZ_NEWFD) && ret >= 0)
		remember_fd(ret);
	if ((c->flags & FZ_PIPE) && ret == 0) {
		/* The kernel stored them at a[0]: writable user memory. */
		int fds[2];

		memcpy(fds, (void *)a[0], sizeof(fds));
		if (!(nr == __NR_pipe2 && (a[1] & O_NONBLOCK)) &&
		    !fz_one_in(64)) {
			/*
			 * A blocking pipe with both ends here blocks a read
			 * of it for ever (and a write once full): keep one
			 * end, most of the time, and see EOF or EPIPE.
			 */
			int end = fz_below(2);

			close(fds[end]);
			fds[end] = -1;
		}
		remember_fd(fds[0]);
		remember_fd(fds[1]);
	}
	if (nr == __NR_close && ret == 0)
		forget_fd(a[0]);
	if (c->flags & FZ_MM) {
		int tries;

		for (tries = 0; arena_build(); tries++) {
			if (tries == 100)
				raw_exit(FZ_EXIT_SETUP);
			raw0(__NR_sched_yield);
		}
	}
}

static void one_call(long n)
{
	const struct fz_call *c;
	unsigned long a[6];
	long nr, ret, t0 = 0;
	int i;

	nr = pick_number();
	c = fz_find_call(nr);
	/* At most about 31 KiB are taken per call: no wrap from here. */
	w.bump = fz_below(ARENA_RW_SIZE / 4);
	w.guard_used = 0;
	w.nr_paths = 0;
	for (i = 0; i < 6; i++)
		a[i] = fz_gen(c && i < c->nargs ? c->arg[i] :
			      c ? A_INT : A_ANY);
	if (c && c->sanitise)
		c->sanitise(a);
	if (w.log == 1)
		log_call(n, nr, c, a);
	else if (w.log == 2)
		t0 = now_ms();
	ret = raw6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (w.log == 1) {
		log_result(ret, -1);
	} else if (w.log == 2 && now_ms() - t0 >= SLOW_MS) {
		log_call(n, nr, c, a);
		log_result(ret, now_ms() - t0);
	}
	after_call(c, nr, a, ret);
}

/* ---- setup -------------------------------------------------------- */

static void setup_fail(const char *what)
{
	char line[128];
	int len = snprintf(line, sizeof(line), "fuzz: worker %d: %s failed\n",
			   (int)w.pid, what);

	if (w.log)
		write(FZ_LOG_FD, line, len);
	raw_exit(FZ_EXIT_SETUP);
}

/*
 * The working directory must stay under /tmp/fuzz.PID (or be gone with
 * it): else relative paths would reach other files.  A worker that finds
 * itself elsewhere exits with FZ_EXIT_ESCAPED, which fails the run.
 */
static void check_cwd(void)
{
	char cwd[512];
	size_t len = strlen(w.dir);
	long r = raw2(__NR_getcwd, cwd, sizeof(cwd));

	if (r <= 0)
		return;			/* removed, or too deep to name */
	if (strncmp(cwd, w.dir, len) || (cwd[len] && cwd[len] != '/'))
		raw_exit(FZ_EXIT_ESCAPED);
}

static void build_index(void)
{
	int i;

	for (i = 0; i < fz_nr_calls; i++)
		if (fz_calls[i].nr >= 0 && fz_calls[i].nr < NR_TABLE)
			w.table_index[fz_calls[i].nr] = i + 1;
}

const struct fz_call *fz_find_call(long nr)
{
	if (nr < 0 || nr >= NR_TABLE || !w.table_index[nr])
		return NULL;
	return &fz_calls[w.table_index[nr] - 1];
}

void fz_worker(const struct fz_worker_opts *o, int progress_fd, int log_fd)
{
	unsigned long ign[4] = { 1, 0, 0, 0 };	/* SIG_IGN */
	int fd, i;

	memset(&w, 0, sizeof(w));
	w.rng = o->seed;
	w.log = o->log;
	w.pid = getpid();
	for (i = 0; i < MAX_FDS; i++)
		w.fds[i] = -1;
	build_index();
	snprintf(w.dir, sizeof(w.dir), "/tmp/fuzz.%d", (int)w.pid);

	raw0(__NR_setsid);
	if (dup2(progress_fd, FZ_PROGRESS_FD) != FZ_PROGRESS_FD)
		raw_exit(FZ_EXIT_SETUP);
	if (w.log && dup2(log_fd, FZ_LOG_FD) != FZ_LOG_FD)
		raw_exit(FZ_EXIT_SETUP);
	for (fd = 0; fd < FZ_LOG_FD; fd++)
		close(fd);
	if (open("/dev/null", O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		setup_fail("opening /dev/null");
	if (mkdir(w.dir, 0755) && errno != EEXIST)
		setup_fail("mkdir");
	if (chdir(w.dir))
		setup_fail("chdir");
	raw6(__NR_rt_sigaction, SIGPIPE, (unsigned long)ign, 0, 8, 0, 0);
	if (arena_build())
		setup_fail("mapping the arena");

	for (w.calls = o->calls; w.n < w.calls; w.n++) {
		if (w.n % FZ_PROGRESS_EVERY == 0) {
			write(FZ_PROGRESS_FD, &w.n, sizeof(w.n));
			check_cwd();
		}
		one_call(w.n);
	}
	write(FZ_PROGRESS_FD, &w.n, sizeof(w.n));
	raw_exit(0);
}
