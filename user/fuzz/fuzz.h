/*
 * fuzz: a seeded system call fuzzer.  Shared declarations of the
 * supervising parent (main.c, parent.h), the workers (worker.c,
 * worker.h) and the table of system calls with the kinds of their
 * arguments (table.c).
 *
 * A worker is a process that makes random system calls with arguments
 * drawn from classes (integers, lengths, bad and good pointers, paths
 * inside its own directory...).  Everything it does is decided by a
 * 64-bit pseudo-random generator seeded from the run's seed, so a run is
 * replayed by giving the same seed, call count and process count.
 *
 * Invariants the workers keep so that they cannot hurt the test harness:
 * they live in a session of their own with /dev/null as descriptors 0, 1
 * and 2; they never call exit, execve with a runnable file, or send a
 * signal or wait to any process but themselves and their own children;
 * every path they change lies under their own directory /tmp/fuzz.PID;
 * and they never touch the descriptors FZ_PROGRESS_FD and FZ_LOG_FD
 * that report their progress.  table.c lists the constraints call by
 * call.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Descriptors a worker keeps for itself; fuzzed calls never name them. */
#define FZ_PROGRESS_FD	255	/* 8-byte call counts, appended */
#define FZ_LOG_FD	254	/* with -l: one line per call */
#define FZ_PROGRESS_EVERY 32	/* calls between two progress records */

/* Worker exit statuses other than 0 (all calls made). */
#define FZ_EXIT_SETUP	3	/* could not set itself up (see stderr) */
#define FZ_EXIT_ESCAPED	4	/* its working directory left its own */

/* ---- the pseudo-random generator (worker.c) ---- */

/* splitmix64: one step of the seed sequence; also mixes seeds. */
uint64_t fz_mix(uint64_t x);
/* The seed of incarnation inc of worker slot. */
uint64_t fz_worker_seed(uint64_t seed, int slot, int inc);

/* ---- argument kinds (table.c, worker.c) ---- */

enum fz_arg {
	A_ANY = 0,	/* any class: integers or pointers */
	A_INT,		/* an integer of any class */
	A_FD,		/* a descriptor */
	A_DIRFD,	/* AT_FDCWD or a descriptor */
	A_LEN,		/* a byte count */
	A_OFF,		/* a file offset */
	A_WBUF,		/* memory the kernel writes */
	A_RBUF,		/* memory the kernel reads */
	A_PATH,		/* a path the call only looks at */
	A_OPATH,	/* a path the call may change: own directory only */
	A_OFLAGS,	/* open() flags */
	A_MODE,		/* a file mode */
	A_PID,		/* a process the call acts on: self or own child */
	A_ANYPID,	/* a process the call only looks at */
	A_SIG,		/* a signal number */
	A_WHENCE,	/* lseek() whence */
	A_CLOCK,	/* a clock id */
	A_IOCTL,	/* an ioctl request */
	A_PROT,		/* PROT_* */
	A_MFLAGS,	/* MAP_* */
	A_MADDR,	/* an address for the memory-map calls */
	A_TIMESPEC,	/* a struct timespec the kernel reads */
	A_SIGACT,	/* a struct sigaction the kernel reads */
	A_ARGV,		/* a NULL-terminated array of strings */
	A_WOPTS,	/* wait4() options */
	A_SIGSETSZ,	/* a sigset size (8) */
	A_ADDR,		/* any pointer */
	A_BADFD,	/* a descriptor that cannot be open */
	A_AT_FLAGS,	/* AT_* flags */
	A_NR_KINDS
};

/* Flags of a table entry. */
#define FZ_MM		0x01	/* may change mappings: rebuild the arena */
#define FZ_FORK		0x02	/* the child _exit(0)s at once */
#define FZ_NEWFD	0x04	/* a non-negative result is a new descriptor */
#define FZ_PIPE		0x08	/* arg 0 receives two new descriptors */
#define FZ_NEVER	0x10	/* never called: would end or escape it */

struct fz_call {
	int nr;
	const char *name;
	unsigned char nargs;
	unsigned char flags;
	unsigned char arg[6];	/* enum fz_arg */
	/* Constrain the generated arguments further; may be NULL. */
	void (*sanitise)(unsigned long args[6]);
};

extern const struct fz_call fz_calls[];
extern const int fz_nr_calls;

/* The entry for system call nr, or NULL (generic arguments). */
const struct fz_call *fz_find_call(long nr);
/* Whether nr, as the kernel may read it, must never be called. */
int fz_denied(long nr);

/* ---- services of the worker for the sanitisers (worker.h) ---- */

unsigned long fz_rand(void);
/* 0 .. n-1 (n > 0). */
unsigned long fz_below(unsigned long n);
/* Non-zero with probability 1/n. */
int fz_one_in(unsigned long n);
unsigned long fz_gen(enum fz_arg kind);
/* A descriptor that may be open: own descriptors and small numbers. */
long fz_own_fd(void);
/* Whether p points to a path outside the worker's directory. */
int fz_is_system_path(unsigned long p);
/* Whether the kernel resolves p against a directory: any pointer but
 * an absolute path the worker wrote. */
int fz_is_relative_path(unsigned long p);

/* ---- the worker (worker.c) ---- */

struct fz_worker_opts {
	uint64_t seed;		/* this worker's own seed */
	long calls;		/* how many to make */
	int log;		/* write each call to FZ_LOG_FD */
};

/* Set up and fuzz; never returns.  progress_fd: where to report. */
void fz_worker(const struct fz_worker_opts *o, int progress_fd, int log_fd)
	__attribute__((noreturn));

#endif
