/*
 * fuzz: what the files of the worker share (worker.c, args.c, arena.c,
 * paths.c, fds.c): the arena's layout, the worker's state, the raw system
 * call, and the generators of each kind of argument.
 *
 * Invariants: see worker.c.  The state w belongs to the one thread of the
 * worker process; nothing in it lives in the arena, which a call may
 * unmap.
 */
#ifndef FUZZ_WORKER_H
#define FUZZ_WORKER_H

#include <stdint.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include "fuzz.h"

/* The arena (its layout: worker.c) */
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

/* The worker's state (worker.c). */
struct fz_state {
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
};
extern struct fz_state w;

/* ---- raw system calls --------------------------------------------- */

static inline long raw6(long nr, unsigned long a0, unsigned long a1,
			unsigned long a2, unsigned long a3, unsigned long a4,
			unsigned long a5)
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

static inline void __attribute__((noreturn)) raw_exit(int code)
{
	for (;;)
		raw1(__NR_exit_group, code);
}

/* Integers (args.c); the compiler checks the count against the list. */
extern const unsigned long huge_values[13];
#define NR_HUGE (sizeof(huge_values) / sizeof(huge_values[0]))
unsigned long gen_int(void);
unsigned long not_kept_fd(unsigned long v);

/* The arena: buffers and structures in it, and bad pointers (arena.c) */
unsigned long arena_alloc(unsigned long len);
int arena_build(void);
unsigned long bad_pointer(void);
unsigned long gen_rbuf(void);
unsigned long gen_sigaction(void);
unsigned long gen_timespec(void);
unsigned long gen_wbuf(void);
unsigned long unreadable_pointer(void);

/* Paths and argv (paths.c) */
unsigned long gen_argv(void);
unsigned long gen_path(int own_only);
enum path_kind path_kind(unsigned long p);

/* Descriptors and processes the worker owns (fds.c) */
void forget_fd(long fd);
unsigned long gen_anypid(void);
unsigned long gen_badfd(void);
unsigned long gen_fd(void);
unsigned long gen_pid(void);
void remember_child(pid_t pid);
void remember_fd(long fd);

#endif
