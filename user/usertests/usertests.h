/*
 * usertests: the user-space test program's shared declarations.
 *
 * Each case is a void function run in a forked child of the harness
 * (main.c), in a process group of its own.  A case reports
 * through the EXPECT_* and ASSERT_* macros below: an EXPECT records a
 * failure with a "# " diagnostic and goes on, an ASSERT also ends the
 * case.  The case's exit status tells the harness how it went (0 pass,
 * 1 fail, UT_EXIT_SKIP skipped); a crash or a hang of the case fails it
 * alone.
 *
 * Only the C library interface of notes on user/lib is used, so the
 * program builds both with the host's C library (checked on Linux) and
 * with the project's own.
 */
#ifndef USERTESTS_H
#define USERTESTS_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define UT_EXIT_FAIL	1
#define UT_EXIT_SKIP	77	/* the automake convention for "skipped" */

/* Addresses no system call may read or write on a user's behalf. */
#define UT_KERNEL_LOW	0xffff800000000000UL	/* start of the direct map */
#define UT_KERNEL_TEXT	0xffffffff80000000UL	/* the kernel image */
#define UT_UNMAPPED	0x10000000000UL		/* 1 TiB: nothing mapped */

struct ut_case {
	const char *name;
	void (*run)(void);
	int timeout;		/* seconds; 0: the default */
};

/* The name of the case running in this process (for diagnostics). */
extern const char *ut_current;
/* Non-zero when running on Linux rather than Ferry (see ut_ferry_only). */
extern int ut_on_linux;
/* argv[0] of the program, to run itself in a helper mode. */
extern const char *ut_self;

/* Print one diagnostic line ("# " and the suite's indentation added). */
void ut_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Record a failure of the current case (printed as a diagnostic). */
void ut_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* End the case now: skipped, with a reason for the result line. */
void ut_skip(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
/* End the case now, failed or passed according to what was recorded. */
void ut_end(void) __attribute__((noreturn));
/* Non-zero once the current case has recorded a failure. */
int ut_failed(void);

/*
 * A check whose outcome on Linux differs from what Ferry promises.  On
 * Ferry a false cond is a failure; on Linux it is only reported, as a
 * "checked for Ferry only" diagnostic.  Returns cond.
 */
int ut_ferry_only(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

const char *ut_errno_name(int err);
const char *ut_signal_name(int sig);
/* "exited with status 3", "killed by SIGSEGV"... (static buffer). */
const char *ut_status_str(int status);

/* fork(); a failure ends the case.  The child starts with no failure. */
pid_t ut_fork(void);
/* waitpid() for one child, ending the case if it fails; the status. */
int ut_wait(pid_t pid);
/* Run fn in a child and return its wait status. */
int ut_run_child(void (*fn)(void *), void *arg);
/* CLOCK_MONOTONIC in milliseconds. */
long ut_now_ms(void);
/* Sleep for ms milliseconds. */
void ut_msleep(long ms);
/* Write all of buf; 0 or -1 with errno set. */
int ut_write_all(int fd, const void *buf, size_t len);
/* Read exactly len bytes unless EOF comes first; bytes read or -1. */
ssize_t ut_read_full(int fd, void *buf, size_t len);
/* A writable directory for scratch files ("/tmp"), created if missing. */
const char *ut_tmpdir(void);

#define UT_STR(x) #x

#define EXPECT_TRUE(cond)						\
	do {								\
		if (!(cond))						\
			ut_fail(__FILE__, __LINE__,			\
				"Expected %s to be true", #cond);	\
	} while (0)

#define EXPECT_MSG(cond, ...)						\
	do {								\
		if (!(cond))						\
			ut_fail(__FILE__, __LINE__, __VA_ARGS__);	\
	} while (0)

#define EXPECT_EQ(a, b)							\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b)						\
			ut_fail(__FILE__, __LINE__,			\
				"Expected %s == %s, got %lld and %lld",	\
				#a, #b, __a, __b);			\
	} while (0)

/* A call that must fail with -1 and errno err. */
#define EXPECT_ERRNO(call, err)						\
	do {								\
		errno = 0;						\
		long __r = (long)(call);				\
		int __e = errno;					\
		if (__r != -1 || __e != (err))				\
			ut_fail(__FILE__, __LINE__,			\
				"Expected %s to fail with %s, got %ld "	\
				"(errno %s)", #call, ut_errno_name(err),\
				__r, ut_errno_name(__e));		\
	} while (0)

/* A call that must succeed (not return -1). */
#define EXPECT_OK(call)							\
	do {								\
		errno = 0;						\
		long __r = (long)(call);				\
		if (__r == -1)						\
			ut_fail(__FILE__, __LINE__,			\
				"Expected %s to succeed, got -1 (%s)",	\
				#call, ut_errno_name(errno));		\
	} while (0)

/* The wait status of a child that must have exited with code. */
#define EXPECT_EXIT(status, code)					\
	do {								\
		int __s = (status);					\
		if (!WIFEXITED(__s) || WEXITSTATUS(__s) != (code))	\
			ut_fail(__FILE__, __LINE__,			\
				"Expected the child to exit with %d, "	\
				"but it %s", (int)(code),		\
				ut_status_str(__s));			\
	} while (0)

/* The wait status of a child that must have been killed by sig. */
#define EXPECT_KILLED(status, sig)					\
	do {								\
		int __s = (status);					\
		if (!WIFSIGNALED(__s) || WTERMSIG(__s) != (sig))	\
			ut_fail(__FILE__, __LINE__,			\
				"Expected the child to be killed by %s,"\
				" but it %s", ut_signal_name(sig),	\
				ut_status_str(__s));			\
	} while (0)

#define ASSERT_TRUE(cond)						\
	do {								\
		if (!(cond)) {						\
			ut_fail(__FILE__, __LINE__,			\
				"Assertion %s failed", #cond);		\
			ut_end();					\
		}							\
	} while (0)

#define ASSERT_OK(call)							\
	do {								\
		errno = 0;						\
		long __r = (long)(call);				\
		if (__r == -1) {					\
			ut_fail(__FILE__, __LINE__,			\
				"Assertion %s failed: -1 (%s)", #call,	\
				ut_errno_name(errno));			\
			ut_end();					\
		}							\
	} while (0)

#define FERRY_ONLY(cond, ...)						\
	ut_ferry_only(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* The cases, by file. */
void test_fork_exit_codes(void);
void test_fork_signals(void);
void test_getpid_getppid(void);
void test_wait_no_children(void);
void test_waitpid_wnohang(void);
void test_execve_true_false(void);
void test_execve_argv_envp(void);
void test_kill_sigkill(void);
void test_kill_sigterm(void);
void test_kill_program(void);
void test_kill_init(void);
void test_proc_self(void);
void test_fork_exit_meminfo(void);
void test_fork_limit(void);

void test_cow_variables(void);
void test_cow_large_buffer(void);
void test_brk(void);
void test_mmap_anon(void);
void test_munmap_segv(void);
void test_mprotect(void);
void test_mmap_einval(void);

void test_execve_elf(void);

void test_pipe_1mib(void);
void test_pipe_eof(void);
void test_pipe_epipe(void);

void test_efault(void);
void test_efault_kernel_read(void);
void test_enosys(void);
void test_uname(void);
void test_rlimits(void);
void test_clock_monotonic(void);
void test_nanosleep(void);
void test_sched_yield(void);
void test_fpu_preserved(void);

void test_fork_page_refcount_smp(void);

void test_syslog_read_all(void);
void test_syslog_segfault_logged(void);
void test_syslog_errors(void);
void test_syslog_clear(void);
void test_syslog_read(void);

void test_efault_files(void);
void test_efault_partial(void);
void test_efault_paths(void);
void test_efault_process(void);
void test_efault_time(void);
void test_efault_tty(void);

void test_edu_copy_roundtrip(void);
void test_edu_write_short_at_end(void);
void test_edu_write_at_end_enospc(void);
void test_edu_read_at_end_eof(void);
void test_edu_lseek(void);
void test_edu_zero_copy_roundtrip(void);
void test_edu_zero_copy_mixed_paths(void);
void test_edu_zero_copy_readonly(void);
void test_edu_efault(void);
void test_edu_dma_len0(void);
void test_edu_dma_einval(void);
void test_edu_unknown_ioctl(void);
void test_edu_fact(void);
void test_edu_info(void);
void test_edu_concurrent_writers(void);
void test_edu_kill_during_transfer(void);
void test_edu_fork_cow_pinned(void);

/* Helper modes: argv[1] of the program run by itself. */
int ut_helper_print_args(int argc, char **argv);

#endif
