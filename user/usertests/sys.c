/*
 * usertests: the system call boundary.  Every system call that takes a
 * pointer must answer EFAULT for NULL, for kernel addresses and for an
 * unmapped user address, and go on serving the process; unknown numbers
 * answer ENOSYS; and uname, clock_gettime, nanosleep, sched_yield and
 * the resource limit calls behave.
 *
 * The calls are made with syscall(), so the C library cannot check or
 * touch the pointers first.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

static const unsigned long bad_addresses[] = {
	0, UT_KERNEL_LOW, UT_KERNEL_TEXT, UT_UNMAPPED,
};
#define NR_BAD (sizeof(bad_addresses) / sizeof(bad_addresses[0]))

/* The raw call must fail with EFAULT. */
static void expect_efault(const char *what, unsigned long bad, long ret,
			  int err, int line)
{
	if (ret == -1 && err == EFAULT)
		return;
	ut_fail(__FILE__, line, "Expected %s with %#lx to fail with EFAULT, "
		"got %ld (errno %s)", what, bad, ret, ut_errno_name(err));
}

#define EFAULT_CALL(what, bad, ...)					\
	do {								\
		errno = 0;						\
		long __r = syscall(__VA_ARGS__);			\
		expect_efault(what, bad, __r, errno, __LINE__);		\
	} while (0)

/* A scratch file of a few bytes, open for reading. */
static int scratch_file(const char *name, int byte, size_t len)
{
	char path[128], buf[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", ut_tmpdir(), name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		ut_fail(__FILE__, __LINE__, "cannot create %s: %s", path,
			ut_errno_name(errno));
		ut_end();
	}
	memset(buf, byte, sizeof(buf));
	while (len) {
		size_t n = len < sizeof(buf) ? len : sizeof(buf);

		ut_write_all(fd, buf, n);
		len -= n;
	}
	lseek(fd, 0, SEEK_SET);
	unlink(path);		/* gone once closed */
	return fd;
}

/* execve with a bad pointer, in a child: exit 100 + errno, or the
 * program's status if execve wrongly went ahead. */
static int execve_child(long path, long argv, long envp)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(100 + errno);
	}
	return ut_wait(pid);
}

static void efault_execve(unsigned long bad)
{
	char *argv[] = { "true", NULL };
	char *bad_argv[] = { "true", (char *)bad, NULL };
	char *envp[] = { NULL };
	char *bad_envp[] = { (char *)bad, NULL };
	int status;

	status = execve_child(bad, (long)argv, (long)envp);
	EXPECT_MSG(status == (100 + EFAULT) << 8, "execve(%#lx, ...): the "
		   "child %s, expected exit 100 + EFAULT", bad,
		   ut_status_str(status));
	if (!bad)
		return;	/* NULL argv or envp is an empty list, and a NULL
			 * entry ends one: no error */
	status = execve_child((long)"/bin/true", bad, (long)envp);
	EXPECT_MSG(status == (100 + EFAULT) << 8, "execve(\"/bin/true\", "
		   "%#lx, envp): the child %s", bad, ut_status_str(status));
	status = execve_child((long)"/bin/true", (long)argv, bad);
	EXPECT_MSG(status == (100 + EFAULT) << 8, "execve(\"/bin/true\", "
		   "argv, %#lx): the child %s", bad, ut_status_str(status));
	status = execve_child((long)"/bin/true", (long)bad_argv, (long)envp);
	EXPECT_MSG(status == (100 + EFAULT) << 8, "execve with argv[1] = "
		   "%#lx: the child %s", bad, ut_status_str(status));
	status = execve_child((long)"/bin/true", (long)argv, (long)bad_envp);
	EXPECT_MSG(status == (100 + EFAULT) << 8, "execve with envp[0] = "
		   "%#lx: the child %s", bad, ut_status_str(status));
}

/* wait4 into a bad status pointer, with an exited child to report. */
static void efault_wait4(unsigned long bad)
{
	pid_t pid = ut_fork();

	if (pid == 0)
		_exit(0);
	ut_msleep(20);		/* let it exit */
	EFAULT_CALL("wait4(status)", bad, SYS_wait4, pid, bad, 0, 0);
	/* Whether or not that reaped it, no child may be left over. */
	waitpid(pid, NULL, 0);
	EXPECT_ERRNO(waitpid(pid, NULL, WNOHANG), ECHILD);
}

static void efault_with(unsigned long bad, int file_fd, int dir_fd,
			const int pipe_fds[2])
{
	struct sigaction sa;
	struct stat st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	EFAULT_CALL("read(file)", bad, SYS_read, file_fd, bad, 16);
	EFAULT_CALL("read(pipe)", bad, SYS_read, pipe_fds[0], bad, 1);
	EFAULT_CALL("write(pipe)", bad, SYS_write, pipe_fds[1], bad, 16);
	EFAULT_CALL("open", bad, SYS_open, bad, O_RDONLY);
	EFAULT_CALL("open(O_CREAT)", bad, SYS_open, bad, O_RDWR | O_CREAT,
		    0644);
	EFAULT_CALL("stat(path)", bad, SYS_stat, bad, &st);
	EFAULT_CALL("stat(buf)", bad, SYS_stat, "/", bad);
	EFAULT_CALL("fstat", bad, SYS_fstat, file_fd, bad);
	EFAULT_CALL("lstat(path)", bad, SYS_lstat, bad, &st);
	EFAULT_CALL("lstat(buf)", bad, SYS_lstat, "/", bad);
	EFAULT_CALL("pipe", bad, SYS_pipe, bad);
	EFAULT_CALL("nanosleep", bad, SYS_nanosleep, bad, NULL);
	EFAULT_CALL("clock_gettime", bad, SYS_clock_gettime, CLOCK_MONOTONIC,
		    bad);
	EFAULT_CALL("uname", bad, SYS_uname, bad);
	EFAULT_CALL("getcwd", bad, SYS_getcwd, bad, 256);
	EFAULT_CALL("chdir", bad, SYS_chdir, bad);
	EFAULT_CALL("mkdir", bad, SYS_mkdir, bad, 0755);
	EFAULT_CALL("unlink", bad, SYS_unlink, bad);
	EFAULT_CALL("rmdir", bad, SYS_rmdir, bad);
	EFAULT_CALL("getdents64", bad, SYS_getdents64, dir_fd, bad, 4096);
	EFAULT_CALL("openat", bad, SYS_openat, AT_FDCWD, bad, O_RDONLY);
	EFAULT_CALL("openat(dir)", bad, SYS_openat, dir_fd, bad, O_RDONLY);
	efault_execve(bad);
	if (!bad)
		return;	/* NULL is allowed for the pointers below */
	EFAULT_CALL("rt_sigaction(act)", bad, SYS_rt_sigaction, SIGUSR1, bad,
		    NULL, 8);
	EFAULT_CALL("rt_sigaction(oldact)", bad, SYS_rt_sigaction, SIGUSR1,
		    &sa, bad, 8);
	efault_wait4(bad);
}

void test_efault(void)
{
	int file_fd = scratch_file("usertests-efault", 'a', 100);
	int dir_fd = open("/", O_RDONLY | O_DIRECTORY);
	int pipe_fds[2];
	char cwd[256];
	size_t i;

	ASSERT_TRUE(dir_fd >= 0);
	ASSERT_OK(pipe(pipe_fds));
	ASSERT_TRUE(write(pipe_fds[1], "pipe data", 9) == 9);
	for (i = 0; i < NR_BAD; i++)
		efault_with(bad_addresses[i], file_fd, dir_fd, pipe_fds);

	/* The process and its files still work: nothing was consumed. */
	char buf[16] = "";

	EXPECT_EQ(read(file_fd, buf, sizeof(buf)), 16);
	EXPECT_EQ(buf[0], 'a');
	EXPECT_EQ(read(pipe_fds[0], buf, sizeof(buf)), 9);
	EXPECT_TRUE(!memcmp(buf, "pipe data", 9));
	EXPECT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_TRUE(getpid() > 0);
	close(file_fd);
	close(dir_fd);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
}

/*
 * read() of a file into kernel addresses.  The file holds int3
 * instructions (0xcc): had the kernel copied them over its own text, its
 * next system calls would trap.  From user space, that the calls fail
 * with EFAULT and the machine goes on working is what can be checked.
 */
void test_efault_kernel_read(void)
{
	static const unsigned long targets[] = {
		UT_KERNEL_LOW, UT_KERNEL_LOW + 0x100000, UT_KERNEL_TEXT,
		UT_KERNEL_TEXT + 0x100000, UT_KERNEL_TEXT + 0x101000,
		UT_KERNEL_TEXT + 0x200000, 0xfffffffffffff000UL,
		0x00007ffffffff000UL + 0x800,	/* runs past the user top */
	};
	int fd = scratch_file("usertests-int3", 0xcc, 8192);
	size_t i;

	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		lseek(fd, 0, SEEK_SET);
		EFAULT_CALL("read(file) into the kernel", targets[i], SYS_read,
			    fd, targets[i], 4096);
		EFAULT_CALL("read(file, 1 byte) into the kernel", targets[i], SYS_read, fd,
			    targets[i], 1);
	}
	/* The kernel still runs system calls, fork and exec. */
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	pid_t pid = ut_fork();

	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(100 + errno);
	}
	EXPECT_EXIT(ut_wait(pid), 0);
	close(fd);
}

/* System call nr in a child: 0 if it failed with ENOSYS, else why not. */
static int enosys_child(long nr)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		errno = 0;
		long r = syscall(nr, 0, 0, 0, 0, 0, 0);

		_exit(r == -1 && errno == ENOSYS ? 0 :
		      r == -1 ? 100 + errno : 99);
	}
	return ut_wait(pid);
}

void test_enosys(void)
{
	static const long numbers[] = { 400, 1000, 4095, 100000, -1,
					0x7fffffffL };
	/* Past the kernel's table, but recent Linux has 334 (rseq), 335
	 * (uretprobe: SIGILL unless from its trampoline) and 336. */
	static const long ferry_numbers[] = { 334, 335, 336 };
	size_t i;

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		errno = 0;
		long r = syscall(numbers[i], 0, 0, 0, 0, 0, 0);

		EXPECT_MSG(r == -1 && errno == ENOSYS, "Expected system call "
			   "%ld to fail with ENOSYS, got %ld (errno %s)",
			   numbers[i], r, ut_errno_name(errno));
	}
	for (i = 0; i < sizeof(ferry_numbers) / sizeof(ferry_numbers[0]);
	     i++) {
		int status = enosys_child(ferry_numbers[i]);

		FERRY_ONLY(status == 0, "Expected system call %ld to fail "
			   "with ENOSYS, but the child %s (99: it returned "
			   "a value, 100 + errno: another error)",
			   ferry_numbers[i], ut_status_str(status));
	}
	EXPECT_TRUE(getpid() > 0);
}

/* A field must be non-empty and end within its array. */
static void check_field(const char *name, const char *field, size_t size,
			int may_be_empty)
{
	const char *nul = memchr(field, '\0', size);

	EXPECT_MSG(nul != NULL, "uname: %s is not NUL-terminated", name);
	if (nul && !may_be_empty)
		EXPECT_MSG(nul != field, "uname: %s is empty", name);
}

void test_uname(void)
{
	struct utsname u;

	memset(&u, 0xaa, sizeof(u));
	ASSERT_OK(uname(&u));
	check_field("sysname", u.sysname, sizeof(u.sysname), 0);
	check_field("nodename", u.nodename, sizeof(u.nodename), 1);
	check_field("release", u.release, sizeof(u.release), 0);
	check_field("version", u.version, sizeof(u.version), 0);
	check_field("machine", u.machine, sizeof(u.machine), 0);
	if (!ut_failed())
		ut_diag("uname: %s %s %s (%s)", u.sysname, u.release,
			u.machine, u.version);
}

static int ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

void test_clock_monotonic(void)
{
	struct timespec prev, now;
	int i, backwards = 0, bad_nsec = 0;

	ASSERT_OK(clock_gettime(CLOCK_MONOTONIC, &prev));
	for (i = 0; i < 20000; i++) {
		if (clock_gettime(CLOCK_MONOTONIC, &now) < 0)
			break;
		backwards += ts_before(&now, &prev);
		bad_nsec += now.tv_nsec < 0 || now.tv_nsec >= 1000000000L;
		prev = now;
		if (i % 1000 == 0)
			syscall(SYS_sched_yield);	/* maybe another CPU */
	}
	EXPECT_EQ(i, 20000);
	EXPECT_EQ(backwards, 0);
	EXPECT_EQ(bad_nsec, 0);
	/* Across a fork too: the child's clock is not behind ours. */
	pid_t pid = ut_fork();

	if (pid == 0) {
		ASSERT_OK(clock_gettime(CLOCK_MONOTONIC, &now));
		EXPECT_TRUE(!ts_before(&now, &prev));
		ut_end();
	}
	EXPECT_EXIT(ut_wait(pid), 0);
	EXPECT_OK(clock_gettime(CLOCK_REALTIME, &now));
	EXPECT_ERRNO(clock_gettime(12345, &now), EINVAL);
}

void test_nanosleep(void)
{
	static const long asked_ms[] = { 1, 20, 150 };
	struct timespec start, end, req;
	size_t i;

	for (i = 0; i < sizeof(asked_ms) / sizeof(asked_ms[0]); i++) {
		req.tv_sec = 0;
		req.tv_nsec = asked_ms[i] * 1000000L;
		clock_gettime(CLOCK_MONOTONIC, &start);
		EXPECT_EQ(nanosleep(&req, NULL), 0);
		clock_gettime(CLOCK_MONOTONIC, &end);
		long long slept = (end.tv_sec - start.tv_sec) * 1000000000LL +
				  (end.tv_nsec - start.tv_nsec);
		EXPECT_MSG(slept >= req.tv_nsec, "nanosleep of %ld ms slept "
			   "only %lld ns", asked_ms[i], slept);
	}
	req.tv_sec = 1;
	req.tv_nsec = 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
	EXPECT_EQ(nanosleep(&req, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &end);
	EXPECT_TRUE(end.tv_sec - start.tv_sec >= 1);
	/* Zero is allowed; out-of-range fields are not. */
	req.tv_sec = 0;
	req.tv_nsec = 0;
	EXPECT_EQ(nanosleep(&req, NULL), 0);
	req.tv_nsec = 1000000000L;
	EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req.tv_nsec = -1;
	EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	EXPECT_ERRNO(nanosleep(&req, NULL), EINVAL);
}

void test_sched_yield(void)
{
	int i;

	for (i = 0; i < 100; i++) {
		long r = syscall(SYS_sched_yield);

		if (r != 0) {
			EXPECT_EQ(r, 0);
			break;
		}
	}
	/* With another process runnable too. */
	pid_t pid = ut_fork();

	if (pid == 0) {
		for (i = 0; i < 100; i++)
			if (syscall(SYS_sched_yield) != 0)
				_exit(1);
		_exit(0);
	}
	for (i = 0; i < 100; i++)
		EXPECT_EQ(syscall(SYS_sched_yield), 0);
	EXPECT_EXIT(ut_wait(pid), 0);
}

/*
 * x87/SSE registers belong to each process: several processes compute
 * with doubles, kept in SSE registers across a long loop without calls,
 * so the timer preempts them mid-computation; each must get the result
 * it gets alone.  (Across a call the compiler would save the registers
 * itself, which would hide a kernel that does not.)
 */
static double fpu_work(double seed, long n)
{
	double x = seed, acc = 0;
	long i;

	for (i = 0; i < n; i++) {
		x = x * 1.0000001 + 0.5;
		acc += x / (double)(i + 1);
	}
	return acc;
}

#define FPU_ITERS	3000000L

void test_fpu_preserved(void)
{
	pid_t pids[4];
	double expect[4];
	int i;

	for (i = 0; i < 4; i++)
		expect[i] = fpu_work(i + 1.25, FPU_ITERS);
	for (i = 0; i < 4; i++) {
		pids[i] = ut_fork();
		if (pids[i] == 0)
			_exit(fpu_work(i + 1.25, FPU_ITERS) != expect[i]);
	}
	for (i = 0; i < 4; i++)
		EXPECT_EXIT(ut_wait(pids[i]), 0);
}

/* A forked child's RLIMIT_MEMLOCK: exit 0 when it is cur/max. */
static int child_memlock_is(rlim_t cur, rlim_t max)
{
	struct rlimit r;
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(getrlimit(RLIMIT_MEMLOCK, &r) || r.rlim_cur != cur ||
		      r.rlim_max != max);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* VmPin of this process, in Linux's "VmPin:\t%8lu kB" line. */
static int vmpin_line_present(void)
{
	char buf[2048];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = ut_read_full(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strstr(buf, "\nVmPin:\t       0 kB\n") != NULL;
}

/*
 * getrlimit, setrlimit and prlimit64: Linux's 8 MiB RLIMIT_MEMLOCK,
 * a lowered limit read back and inherited by fork, the old value
 * returned by prlimit, and the errors.
 */
void test_rlimits(void)
{
	struct rlimit r, old, bad = { 2, 1 };
	const rlim_t mib8 = 8UL << 20;

	ASSERT_OK(getrlimit(RLIMIT_MEMLOCK, &r));
	EXPECT_EQ(r.rlim_cur, mib8);
	EXPECT_EQ(r.rlim_max, mib8);
	r.rlim_cur = 4096;
	ASSERT_OK(setrlimit(RLIMIT_MEMLOCK, &r));
	ASSERT_OK(prlimit(0, RLIMIT_MEMLOCK, NULL, &old));
	EXPECT_EQ(old.rlim_cur, 4096);
	EXPECT_EQ(old.rlim_max, mib8);
	EXPECT_EQ(child_memlock_is(4096, mib8), 0);
	r.rlim_cur = 12288;
	ASSERT_OK(prlimit(getpid(), RLIMIT_MEMLOCK, &r, &old));
	EXPECT_EQ(old.rlim_cur, 4096);
	ASSERT_OK(getrlimit(RLIMIT_MEMLOCK, &r));
	EXPECT_EQ(r.rlim_cur, 12288);
	/* Errors leave the limit as it was. */
	EXPECT_ERRNO(setrlimit(RLIMIT_MEMLOCK, &bad), EINVAL);
	EXPECT_ERRNO(setrlimit(RLIM_NLIMITS, &r), EINVAL);
	EXPECT_ERRNO(getrlimit(RLIM_NLIMITS, &r), EINVAL);
	EXPECT_ERRNO(syscall(SYS_getrlimit, RLIMIT_MEMLOCK, UT_UNMAPPED), EFAULT);
	EXPECT_ERRNO(syscall(SYS_setrlimit, RLIMIT_MEMLOCK, UT_KERNEL_LOW), EFAULT);
	EXPECT_ERRNO(syscall(SYS_prlimit64, 0, RLIMIT_MEMLOCK, 0, UT_UNMAPPED), EFAULT);
	EXPECT_ERRNO(prlimit(99999, RLIMIT_MEMLOCK, NULL, &r), ESRCH);
	ASSERT_OK(getrlimit(RLIMIT_MEMLOCK, &r));
	EXPECT_EQ(r.rlim_cur, 12288);
	EXPECT_EQ(r.rlim_max, mib8);
	EXPECT_MSG(vmpin_line_present(), "no \"VmPin:\t       0 kB\" line in "
		   "/proc/self/status");
}
