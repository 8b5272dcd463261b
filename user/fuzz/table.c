/*
 * fuzz: the system calls the fuzzer knows, with the kind of each
 * argument and the constraints that keep a worker from hurting anything
 * but itself.  Numbers are Linux x86_64's.  A number not listed here is
 * called with arguments of any kind, where every path is under the
 * worker's own directory (A_ANY); a number fz_denied() names is never
 * called.
 *
 * The constraints (docs/user.md repeats them):
 *
 *   never called   exit, exit_group (they would end the worker: it
 *                  ends only after its calls or by a signal), and calls
 *                  that change the machine for everyone: reboot, kexec,
 *                  modules, mount, umount, pivot_root, chroot, swap,
 *                  acct, iopl, ioperm, ptrace, process_vm_*, kcmp, the
 *                  clocks' setters, host and domain names, syslog,
 *                  vhangup, quotactl, unshare, setns, bpf,
 *                  perf_event_open, fanotify, keyrings, System V IPC and
 *                  message queues (global names), bind and connect,
 *                  open_by_handle_at, uselib, and past 333 the mount
 *                  API, clone3, close_range, openat2, the pidfd calls,
 *                  process_mrelease, fchmodat2, quotactl_fd.
 *   processes      kill, tkill, tgkill, rt_(tg)sigqueueinfo, wait4,
 *                  waitid, setpgid, setpriority, ioprio_set, the
 *                  sched_set* calls, prlimit64, migrate_pages and
 *                  move_pages act only on the worker, its group (0 or
 *                  -pid) and its own children, or on pids that cannot
 *                  exist (2^30 and up, INT_MIN); kill with signal 0 may
 *                  probe any pid; -1 (every process) is never used.
 *   fork, vfork,   the child _exit(0)s at once and the worker reaps it;
 *   clone          clone only with flags SIGCHLD or 0 and no new stack.
 *   execve,        paths are the worker's own files (whose contents are
 *   execveat       random, never a valid ELF), /dev/null, /proc files
 *                  and directories: never a runnable program.
 *   paths          calls that create, remove, rename, link or change a
 *                  file (open and openat with O_CREAT, O_TRUNC, O_APPEND
 *                  or write access, mkdir, rmdir, unlink, rename,
 *                  link, symlink, truncate, chmod, chown, utime, mknod,
 *                  the *xattr setters, chdir...) get paths under
 *                  /tmp/fuzz.PID only: absolute ones, or relative ones
 *                  with AT_FDCWD or a bad descriptor (the working
 *                  directory never leaves /tmp/fuzz.PID).  Calls that
 *                  only look (stat, lstat, access, readlink, open
 *                  read-only...) may also get /dev/null, /dev/zero,
 *                  /proc/meminfo, /proc/uptime, /proc/cpuinfo,
 *                  /proc/PID/{stat,maps,status}, /proc, /dev, /tmp, /.
 *   descriptors    fchdir, fchmod, fchown, fsetxattr and fremovexattr
 *                  get only descriptors that cannot be open (the
 *                  worker's descriptors may be system files, opened
 *                  read-only); no call ever names descriptor 254 or 255.
 *   mknod          never a character or block device.
 */
#include <fcntl.h>
#include <signal.h>

#include "fuzz.h"

#define CALL(nr_, name_, n_, flags_, san_, ...)				\
	{ .nr = nr_, .name = name_, .nargs = n_, .flags = flags_,	\
	  .arg = { __VA_ARGS__ }, .sanitise = san_ }

/* ---- the sanitisers ----------------------------------------------- */

#define O_WRITE_BITS	(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND | O_EXCL | \
			 020000000 /* O_TMPFILE */)

static int open_modifies(unsigned long flags)
{
	return (flags & O_WRITE_BITS) != 0;
}

/* A directory descriptor a relative path may be resolved against. */
static unsigned long safe_dirfd(void)
{
	return fz_one_in(2) ? (unsigned long)AT_FDCWD : fz_gen(A_BADFD);
}

/* For a *at call that changes something: dirfd d, path p. */
static void constrain_at(unsigned long a[6], int d, int p)
{
	if (fz_is_relative_path(a[p]))
		a[d] = safe_dirfd();
}

static void san_open(unsigned long a[6])
{
	if (fz_is_system_path(a[0]))
		a[1] &= ~(unsigned long)O_WRITE_BITS;
}

static void san_openat(unsigned long a[6])
{
	if (fz_is_system_path(a[1]))
		a[2] &= ~(unsigned long)O_WRITE_BITS;
	if (open_modifies(a[2]))
		constrain_at(a, 0, 1);
}

static void san_at01(unsigned long a[6])
{
	constrain_at(a, 0, 1);
}

static void san_at01_23(unsigned long a[6])
{
	constrain_at(a, 0, 1);
	constrain_at(a, 2, 3);
}

static void san_symlinkat(unsigned long a[6])
{
	constrain_at(a, 1, 2);
}

/* Regular files, directories, FIFOs and sockets; no devices. */
static unsigned long safe_mknod_mode(unsigned long mode)
{
	static const unsigned long types[] = {
		0, 0100000, 0040000, 0010000, 0140000,
	};

	return (mode & 07777) | types[fz_below(5)];
}

static void san_mknod(unsigned long a[6])
{
	a[1] = safe_mknod_mode(a[1]);
}

static void san_mknodat(unsigned long a[6])
{
	constrain_at(a, 0, 1);
	a[2] = safe_mknod_mode(a[2]);
}

/* Mostly non-blocking: see after_call() in worker.c. */
static void san_pipe2(unsigned long a[6])
{
	if (!fz_one_in(64))
		a[1] |= O_NONBLOCK;
}

/*
 * Most signals end the worker by default; a worker that sends them to
 * itself every hundred calls spends its time being replaced.  So seven
 * times in eight the signal is one that does not end it (or none).
 */
static unsigned long mostly_harmless_signal(unsigned long sig)
{
	static const unsigned long harmless[] = {
		0, SIGCHLD, SIGCONT, SIGURG, SIGWINCH, 65, -1UL,
	};

	if (fz_one_in(8))
		return sig;
	return harmless[fz_below(sizeof(harmless) / sizeof(harmless[0]))];
}

/* kill(pid, sig), tkill(tid, sig) */
static void san_kill(unsigned long a[6])
{
	a[1] = mostly_harmless_signal(a[1]);
	if (a[1] == 0 && fz_one_in(2))
		a[0] = fz_gen(A_ANYPID);	/* only probes */
}

/* tgkill(tgid, tid, sig), rt_tgsigqueueinfo(tgid, tid, sig, info) */
static void san_tgkill(unsigned long a[6])
{
	a[2] = mostly_harmless_signal(a[2]);
}

/* rt_sigqueueinfo(pid, sig, info) */
static void san_sigqueue(unsigned long a[6])
{
	a[1] = mostly_harmless_signal(a[1]);
}

static void san_wait4(unsigned long a[6])
{
	if (fz_one_in(8))
		a[0] = -1UL;		/* any child: its own only */
}

static void san_waitid(unsigned long a[6])
{
	if (!fz_one_in(8))
		a[0] = fz_below(4);	/* P_ALL, P_PID, P_PGID, P_PIDFD */
	if (a[0] == 3)
		a[1] = fz_gen(A_BADFD);	/* no pidfd names another process */
}

static void san_clone(unsigned long a[6])
{
	a[0] = fz_one_in(2) ? SIGCHLD : 0;
	a[1] = 0;			/* no new stack: a plain fork */
}

/* setpriority(which, who, prio): a process or a group, never a user. */
static void san_which(unsigned long a[6])
{
	a[0] = fz_below(2);
}

/* ioprio_set(which, who, prio): IOPRIO_WHO_PROCESS or _PGRP. */
static void san_ioprio(unsigned long a[6])
{
	a[0] = 1 + fz_below(2);
}

/* ---- the table ---------------------------------------------------- */

const struct fz_call fz_calls[] = {
	/* Files and descriptors. */
	CALL(0, "read", 3, 0, NULL, A_FD, A_WBUF, A_LEN),
	CALL(1, "write", 3, 0, NULL, A_FD, A_RBUF, A_LEN),
	CALL(2, "open", 3, FZ_NEWFD, san_open, A_PATH, A_OFLAGS, A_MODE),
	CALL(3, "close", 1, 0, NULL, A_FD),
	CALL(4, "stat", 2, 0, NULL, A_PATH, A_WBUF),
	CALL(5, "fstat", 2, 0, NULL, A_FD, A_WBUF),
	CALL(6, "lstat", 2, 0, NULL, A_PATH, A_WBUF),
	CALL(7, "poll", 3, 0, NULL, A_RBUF, A_INT, A_INT),
	CALL(8, "lseek", 3, 0, NULL, A_FD, A_OFF, A_WHENCE),
	CALL(16, "ioctl", 3, 0, NULL, A_FD, A_IOCTL, A_ADDR),
	CALL(17, "pread64", 4, 0, NULL, A_FD, A_WBUF, A_LEN, A_OFF),
	CALL(18, "pwrite64", 4, 0, NULL, A_FD, A_RBUF, A_LEN, A_OFF),
	CALL(19, "readv", 3, 0, NULL, A_FD, A_RBUF, A_INT),
	CALL(20, "writev", 3, 0, NULL, A_FD, A_RBUF, A_INT),
	CALL(21, "access", 2, 0, NULL, A_PATH, A_INT),
	CALL(22, "pipe", 1, FZ_PIPE, NULL, A_WBUF),
	CALL(32, "dup", 1, FZ_NEWFD, NULL, A_FD),
	CALL(33, "dup2", 2, FZ_NEWFD, NULL, A_FD, A_FD),
	CALL(40, "sendfile", 4, 0, NULL, A_FD, A_FD, A_WBUF, A_LEN),
	CALL(72, "fcntl", 3, FZ_NEWFD, NULL, A_FD, A_INT, A_ANY),
	CALL(73, "flock", 2, 0, NULL, A_FD, A_INT),
	CALL(74, "fsync", 1, 0, NULL, A_FD),
	CALL(77, "ftruncate", 2, 0, NULL, A_FD, A_OFF),
	CALL(78, "getdents", 3, 0, NULL, A_FD, A_WBUF, A_LEN),
	CALL(217, "getdents64", 3, 0, NULL, A_FD, A_WBUF, A_LEN),
	CALL(285, "fallocate", 4, 0, NULL, A_FD, A_INT, A_OFF, A_LEN),
	CALL(292, "dup3", 3, FZ_NEWFD, NULL, A_FD, A_FD, A_OFLAGS),
	CALL(293, "pipe2", 2, FZ_PIPE, san_pipe2, A_WBUF, A_OFLAGS),

	/* Paths that are only looked at. */
	CALL(89, "readlink", 3, 0, NULL, A_PATH, A_WBUF, A_LEN),
	CALL(137, "statfs", 2, 0, NULL, A_PATH, A_WBUF),
	CALL(191, "getxattr", 4, 0, NULL, A_PATH, A_RBUF, A_WBUF, A_LEN),
	CALL(192, "lgetxattr", 4, 0, NULL, A_PATH, A_RBUF, A_WBUF, A_LEN),
	CALL(194, "listxattr", 3, 0, NULL, A_PATH, A_WBUF, A_LEN),
	CALL(195, "llistxattr", 3, 0, NULL, A_PATH, A_WBUF, A_LEN),
	CALL(254, "inotify_add_watch", 3, 0, NULL, A_FD, A_PATH, A_INT),
	CALL(262, "newfstatat", 4, 0, NULL, A_DIRFD, A_PATH, A_WBUF,
	     A_AT_FLAGS),
	CALL(267, "readlinkat", 4, 0, NULL, A_DIRFD, A_PATH, A_WBUF, A_LEN),
	CALL(269, "faccessat", 3, 0, NULL, A_DIRFD, A_PATH, A_INT),
	CALL(332, "statx", 5, 0, NULL, A_DIRFD, A_PATH, A_AT_FLAGS, A_INT,
	     A_WBUF),

	/* Paths that change things: the worker's own directory only. */
	CALL(257, "openat", 4, FZ_NEWFD, san_openat, A_DIRFD, A_PATH,
	     A_OFLAGS, A_MODE),
	CALL(76, "truncate", 2, 0, NULL, A_OPATH, A_OFF),
	CALL(80, "chdir", 1, 0, NULL, A_OPATH),
	CALL(82, "rename", 2, 0, NULL, A_OPATH, A_OPATH),
	CALL(83, "mkdir", 2, 0, NULL, A_OPATH, A_MODE),
	CALL(84, "rmdir", 1, 0, NULL, A_OPATH),
	CALL(85, "creat", 2, FZ_NEWFD, NULL, A_OPATH, A_MODE),
	CALL(86, "link", 2, 0, NULL, A_OPATH, A_OPATH),
	CALL(87, "unlink", 1, 0, NULL, A_OPATH),
	CALL(88, "symlink", 2, 0, NULL, A_OPATH, A_OPATH),
	CALL(90, "chmod", 2, 0, NULL, A_OPATH, A_MODE),
	CALL(92, "chown", 3, 0, NULL, A_OPATH, A_INT, A_INT),
	CALL(94, "lchown", 3, 0, NULL, A_OPATH, A_INT, A_INT),
	CALL(132, "utime", 2, 0, NULL, A_OPATH, A_RBUF),
	CALL(133, "mknod", 3, 0, san_mknod, A_OPATH, A_MODE, A_INT),
	CALL(188, "setxattr", 5, 0, NULL, A_OPATH, A_RBUF, A_RBUF, A_LEN,
	     A_INT),
	CALL(189, "lsetxattr", 5, 0, NULL, A_OPATH, A_RBUF, A_RBUF, A_LEN,
	     A_INT),
	CALL(197, "removexattr", 2, 0, NULL, A_OPATH, A_RBUF),
	CALL(198, "lremovexattr", 2, 0, NULL, A_OPATH, A_RBUF),
	CALL(235, "utimes", 2, 0, NULL, A_OPATH, A_RBUF),
	CALL(258, "mkdirat", 3, 0, san_at01, A_DIRFD, A_OPATH, A_MODE),
	CALL(259, "mknodat", 4, 0, san_mknodat, A_DIRFD, A_OPATH, A_MODE,
	     A_INT),
	CALL(260, "fchownat", 5, 0, san_at01, A_DIRFD, A_OPATH, A_INT, A_INT,
	     A_AT_FLAGS),
	CALL(261, "futimesat", 3, 0, san_at01, A_DIRFD, A_OPATH, A_RBUF),
	CALL(263, "unlinkat", 3, 0, san_at01, A_DIRFD, A_OPATH, A_AT_FLAGS),
	CALL(264, "renameat", 4, 0, san_at01_23, A_DIRFD, A_OPATH, A_DIRFD,
	     A_OPATH),
	CALL(265, "linkat", 5, 0, san_at01_23, A_DIRFD, A_OPATH, A_DIRFD,
	     A_OPATH, A_AT_FLAGS),
	CALL(266, "symlinkat", 3, 0, san_symlinkat, A_OPATH, A_DIRFD,
	     A_OPATH),
	CALL(268, "fchmodat", 3, 0, san_at01, A_DIRFD, A_OPATH, A_MODE),
	CALL(280, "utimensat", 4, 0, san_at01, A_DIRFD, A_OPATH, A_RBUF,
	     A_AT_FLAGS),
	CALL(316, "renameat2", 5, 0, san_at01_23, A_DIRFD, A_OPATH, A_DIRFD,
	     A_OPATH, A_INT),
	CALL(81, "fchdir", 1, 0, NULL, A_BADFD),
	CALL(91, "fchmod", 2, 0, NULL, A_BADFD, A_MODE),
	CALL(93, "fchown", 3, 0, NULL, A_BADFD, A_INT, A_INT),
	CALL(190, "fsetxattr", 5, 0, NULL, A_BADFD, A_RBUF, A_RBUF, A_LEN,
	     A_INT),
	CALL(199, "fremovexattr", 2, 0, NULL, A_BADFD, A_RBUF),

	/* Memory. */
	CALL(9, "mmap", 6, FZ_MM, NULL, A_MADDR, A_LEN, A_PROT, A_MFLAGS,
	     A_FD, A_OFF),
	CALL(10, "mprotect", 3, FZ_MM, NULL, A_MADDR, A_LEN, A_PROT),
	CALL(11, "munmap", 2, FZ_MM, NULL, A_MADDR, A_LEN),
	CALL(12, "brk", 1, FZ_MM, NULL, A_MADDR),
	CALL(25, "mremap", 5, FZ_MM, NULL, A_MADDR, A_LEN, A_LEN, A_INT,
	     A_MADDR),
	CALL(26, "msync", 3, 0, NULL, A_MADDR, A_LEN, A_INT),
	CALL(27, "mincore", 3, 0, NULL, A_MADDR, A_LEN, A_WBUF),
	CALL(28, "madvise", 3, FZ_MM, NULL, A_MADDR, A_LEN, A_INT),
	CALL(149, "mlock", 2, 0, NULL, A_MADDR, A_LEN),
	CALL(150, "munlock", 2, 0, NULL, A_MADDR, A_LEN),
	CALL(216, "remap_file_pages", 5, FZ_MM, NULL, A_MADDR, A_LEN, A_PROT,
	     A_INT, A_INT),
	CALL(237, "mbind", 6, FZ_MM, NULL, A_MADDR, A_LEN, A_INT, A_RBUF,
	     A_INT, A_INT),
	CALL(329, "pkey_mprotect", 4, FZ_MM, NULL, A_MADDR, A_LEN, A_PROT,
	     A_INT),

	/* Processes. */
	CALL(56, "clone", 5, FZ_FORK, san_clone, A_INT, A_INT, A_WBUF, A_WBUF,
	     A_INT),
	CALL(57, "fork", 0, FZ_FORK, NULL),
	CALL(58, "vfork", 0, FZ_FORK, NULL),
	CALL(59, "execve", 3, 0, NULL, A_PATH, A_ARGV, A_ARGV),
	CALL(322, "execveat", 5, 0, NULL, A_DIRFD, A_PATH, A_ARGV, A_ARGV,
	     A_AT_FLAGS),
	CALL(61, "wait4", 4, 0, san_wait4, A_PID, A_WBUF, A_WOPTS, A_WBUF),
	CALL(247, "waitid", 5, 0, san_waitid, A_INT, A_PID, A_WBUF, A_WOPTS,
	     A_WBUF),
	CALL(62, "kill", 2, 0, san_kill, A_PID, A_SIG),
	CALL(200, "tkill", 2, 0, san_kill, A_PID, A_SIG),
	CALL(234, "tgkill", 3, 0, san_tgkill, A_PID, A_PID, A_SIG),
	CALL(129, "rt_sigqueueinfo", 3, 0, san_sigqueue, A_PID, A_SIG,
	     A_RBUF),
	CALL(297, "rt_tgsigqueueinfo", 4, 0, san_tgkill, A_PID, A_PID, A_SIG,
	     A_RBUF),
	CALL(39, "getpid", 0, 0, NULL),
	CALL(110, "getppid", 0, 0, NULL),
	CALL(109, "setpgid", 2, 0, NULL, A_PID, A_ANYPID),
	CALL(111, "getpgrp", 0, 0, NULL),
	CALL(112, "setsid", 0, 0, NULL),
	CALL(121, "getpgid", 1, 0, NULL, A_ANYPID),
	CALL(124, "getsid", 1, 0, NULL, A_ANYPID),
	CALL(141, "setpriority", 3, 0, san_which, A_INT, A_PID, A_INT),
	CALL(142, "sched_setparam", 2, 0, NULL, A_PID, A_RBUF),
	CALL(144, "sched_setscheduler", 3, 0, NULL, A_PID, A_INT, A_RBUF),
	CALL(203, "sched_setaffinity", 3, 0, NULL, A_PID, A_LEN, A_RBUF),
	CALL(251, "ioprio_set", 3, 0, san_ioprio, A_INT, A_PID, A_INT),
	CALL(256, "migrate_pages", 4, 0, NULL, A_PID, A_LEN, A_RBUF, A_RBUF),
	CALL(279, "move_pages", 6, 0, NULL, A_PID, A_LEN, A_RBUF, A_RBUF,
	     A_WBUF, A_INT),
	CALL(302, "prlimit64", 4, 0, NULL, A_PID, A_INT, A_RBUF, A_WBUF),
	CALL(314, "sched_setattr", 3, 0, NULL, A_PID, A_RBUF, A_INT),
	CALL(24, "sched_yield", 0, 0, NULL),
	CALL(63, "uname", 1, 0, NULL, A_WBUF),
	CALL(79, "getcwd", 2, 0, NULL, A_WBUF, A_LEN),
	CALL(95, "umask", 1, 0, NULL, A_MODE),
	CALL(97, "getrlimit", 2, 0, NULL, A_INT, A_WBUF),
	CALL(98, "getrusage", 2, 0, NULL, A_INT, A_WBUF),
	CALL(99, "sysinfo", 1, 0, NULL, A_WBUF),
	CALL(100, "times", 1, 0, NULL, A_WBUF),
	CALL(160, "setrlimit", 2, 0, NULL, A_INT, A_RBUF),
	CALL(318, "getrandom", 3, 0, NULL, A_WBUF, A_LEN, A_INT),

	/* Signals. */
	CALL(13, "rt_sigaction", 4, 0, NULL, A_SIG, A_SIGACT, A_WBUF,
	     A_SIGSETSZ),
	CALL(14, "rt_sigprocmask", 4, 0, NULL, A_INT, A_RBUF, A_WBUF,
	     A_SIGSETSZ),
	CALL(127, "rt_sigpending", 2, 0, NULL, A_WBUF, A_SIGSETSZ),
	CALL(128, "rt_sigtimedwait", 4, 0, NULL, A_RBUF, A_WBUF, A_TIMESPEC,
	     A_SIGSETSZ),
	CALL(131, "sigaltstack", 2, 0, NULL, A_RBUF, A_WBUF),

	/* Time. */
	CALL(35, "nanosleep", 2, 0, NULL, A_TIMESPEC, A_WBUF),
	CALL(96, "gettimeofday", 2, 0, NULL, A_WBUF, A_WBUF),
	CALL(201, "time", 1, 0, NULL, A_WBUF),
	CALL(228, "clock_gettime", 2, 0, NULL, A_CLOCK, A_WBUF),
	CALL(229, "clock_getres", 2, 0, NULL, A_CLOCK, A_WBUF),
	CALL(230, "clock_nanosleep", 4, 0, NULL, A_CLOCK, A_INT, A_TIMESPEC,
	     A_WBUF),

	/* Never: they end the worker or reach the whole machine. */
	CALL(60, "exit", 1, FZ_NEVER, NULL, A_INT),
	CALL(231, "exit_group", 1, FZ_NEVER, NULL, A_INT),
};

const int fz_nr_calls = sizeof(fz_calls) / sizeof(fz_calls[0]);

/* Linux numbers never called, besides the FZ_NEVER entries above. */
static const short denied[] = {
	29, 30, 31, 64, 65, 66, 67, 68, 69, 70, 71, 220,	/* SysV IPC */
	42, 49,				/* connect, bind */
	101, 103, 134, 153, 155, 156, 159, 161, 163, 164, 165, 166, 167,
	168, 169, 170, 171, 172, 173, 174, 175, 176, 179, 212, 227, 240,
	241, 246, 248, 249, 250, 272, 298, 300, 301, 304, 305, 308, 310,
	311, 312, 313, 320, 321,
	/* past 333 */
	424, 428, 429, 430, 431, 432, 433, 434, 435, 436, 437, 438, 442,
	443, 448, 452,
};

static int denied_number(long nr)
{
	const struct fz_call *c = fz_find_call(nr);
	size_t i;

	if (c && (c->flags & FZ_NEVER))
		return 1;
	for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++)
		if (denied[i] == nr)
			return 1;
	return 0;
}

/*
 * Linux reads the number as a 32-bit int; a kernel might too.  A number
 * whose low 32 bits name a real call is only ever made as that call
 * itself, with its own argument kinds.
 */
int fz_denied(long nr)
{
	int low = (int)nr;

	if (denied_number(nr))
		return 1;
	if ((long)low != nr && low >= 0 && low < 512)
		return 1;
	return 0;
}
