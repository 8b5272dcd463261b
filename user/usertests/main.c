/*
 * /bin/usertests: tests of the kernel's system calls from user space,
 * reported as KTAP.
 *
 *	usertests [--suite] [GLOB[,GLOB...]]
 *
 * Without --suite the output is a KTAP stream of its own:
 *
 *	KTAP version 1
 *	1..N
 *	# diagnostics of case 1
 *	ok 1 NAME
 *	...
 *	# Totals: pass:P fail:F skip:S total:T
 *
 * With --suite it is one suite, printed the way the kernel's test
 * executor prints a suite, so the kernel can run this program as one of
 * its suites and print the suite's own result line from the exit status:
 *
 *	    KTAP version 1
 *	    # Subtest: usertests
 *	    1..N
 *	    ok 1 NAME
 *	# usertests: pass:P fail:F skip:S total:T
 *
 * GLOB selects cases by name (shell-style * ? [...]); a glob containing
 * a '.' is matched against "usertests.NAME", as the kernel's filter.
 * The exit status is 0 when no case failed, 1 otherwise, 2 for bad usage.
 *
 * Each case runs in a forked child that makes itself a process group
 * leader; the parent polls waitpid(WNOHANG) with short sleeps (no
 * alarm()), kills the whole group with SIGKILL when the case runs past
 * its time limit, and kills what the case left running when it ends, so
 * one case's processes never outlive it.  Output is written with write()
 * only, never buffered, so nothing is printed twice after a fork.
 */
#include <errno.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

#define SUITE_NAME	"usertests"
#define SUITE_INDENT	"    "
#define DEFAULT_TIMEOUT	60	/* seconds per case */
#define SKIP_REASON_MAX	200

#define CASE(name, timeout) { #name, test_##name, timeout }

/* Order matters: the process limit case is last, and slow ones late. */
static const struct ut_case cases[] = {
	CASE(fork_exit_codes, 0),
	CASE(fork_signals, 0),
	CASE(getpid_getppid, 0),
	CASE(wait_no_children, 0),
	CASE(waitpid_wnohang, 0),
	CASE(execve_true_false, 0),
	CASE(execve_argv_envp, 0),
	CASE(cow_variables, 0),
	CASE(cow_large_buffer, 0),
	CASE(brk, 0),
	CASE(mmap_anon, 0),
	CASE(munmap_segv, 0),
	CASE(mprotect, 0),
	CASE(mmap_einval, 0),
	CASE(execve_elf, 120),
	CASE(kill_sigkill, 0),
	CASE(kill_sigterm, 0),
	CASE(kill_program, 0),
	CASE(kill_init, 0),
	CASE(proc_self, 0),
	CASE(pipe_1mib, 120),
	CASE(pipe_eof, 0),
	CASE(pipe_epipe, 0),
	CASE(efault, 0),
	CASE(efault_kernel_read, 0),
	CASE(efault_files, 0),
	CASE(efault_partial, 0),
	CASE(efault_paths, 0),
	CASE(efault_process, 0),
	CASE(efault_time, 0),
	CASE(efault_tty, 0),
	CASE(enosys, 0),
	CASE(uname, 0),
	CASE(rlimits, 0),
	CASE(clock_monotonic, 0),
	CASE(nanosleep, 0),
	CASE(sched_yield, 0),
	CASE(fpu_preserved, 0),
	CASE(edu_copy_roundtrip, 120),
	CASE(edu_write_short_at_end, 0),
	CASE(edu_write_at_end_enospc, 0),
	CASE(edu_read_at_end_eof, 0),
	CASE(edu_lseek, 0),
	CASE(edu_zero_copy_roundtrip, 120),
	CASE(edu_zero_copy_mixed_paths, 0),
	CASE(edu_zero_copy_readonly, 0),
	CASE(edu_efault, 120),
	CASE(edu_dma_len0, 0),
	CASE(edu_dma_einval, 0),
	CASE(edu_unknown_ioctl, 0),
	CASE(edu_fact, 0),
	CASE(edu_info, 0),
	CASE(edu_concurrent_writers, 180),
	CASE(edu_kill_during_transfer, 180),
	CASE(edu_fork_cow_pinned, 120),
	CASE(syslog_read_all, 0),
	CASE(syslog_segfault_logged, 0),
	CASE(syslog_errors, 0),
	CASE(syslog_clear, 0),
	CASE(syslog_read, 0),
	CASE(fork_page_refcount_smp, 300),
	CASE(fork_exit_meminfo, 300),
	CASE(fork_limit, 300),
};
#define NR_CASES (sizeof(cases) / sizeof(cases[0]))

const char *ut_current = "";
int ut_on_linux;
const char *ut_self = "/bin/usertests";

static const char *indent = "";		/* SUITE_INDENT with --suite */
static int case_failed;			/* in a case's process */
static int skip_pipe = -1;		/* the case writes its skip reason */

/* ---- output ------------------------------------------------------- */

static void out_write(const char *buf, size_t len)
{
	ut_write_all(STDOUT_FILENO, buf, len);
}

static void out_vprintf(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n < 0)
		return;
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	out_write(buf, n);
}

static void out_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static void out_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vprintf(fmt, ap);
	va_end(ap);
}

/* One "# " line per line of text, each indented like the results. */
static void diag_text(const char *text)
{
	const char *end;

	do {
		end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		char line[600];
		size_t used = snprintf(line, sizeof(line), "%s# ", indent);

		if (len > sizeof(line) - used - 1)
			len = sizeof(line) - used - 1;
		memcpy(line + used, text, len);
		line[used + len] = '\n';
		out_write(line, used + len + 1);
		text = end ? end + 1 : NULL;
	} while (text && *text);
}

void ut_diag(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	diag_text(buf);
}

static void vfail(const char *file, int line, const char *fmt, va_list ap)
{
	char msg[400];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	ut_diag("%s: EXPECTATION FAILED at %s:%d", ut_current, file, line);
	ut_diag("%s", msg);
	case_failed = 1;
}

void ut_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(file, line, fmt, ap);
	va_end(ap);
}

int ut_failed(void)
{
	return case_failed;
}

int ut_ferry_only(int cond, const char *file, int line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	if (cond)
		return 1;
	va_start(ap, fmt);
	if (!ut_on_linux) {
		vfail(file, line, fmt, ap);
	} else {
		vsnprintf(msg, sizeof(msg), fmt, ap);
		ut_diag("%s: checked for Ferry only, differs on Linux (%s:%d): %s",
			ut_current, file, line, msg);
	}
	va_end(ap);
	return 0;
}

void ut_skip(const char *fmt, ...)
{
	char reason[SKIP_REASON_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	if (skip_pipe >= 0)
		ut_write_all(skip_pipe, reason, strlen(reason));
	_exit(UT_EXIT_SKIP);
}

void ut_end(void)
{
	_exit(case_failed ? UT_EXIT_FAIL : 0);
}

/* ---- names -------------------------------------------------------- */

#define NAME(x) { x, #x }
static const struct { int value; const char *name; } errno_names[] = {
	NAME(EPERM), NAME(ENOENT), NAME(ESRCH), NAME(EINTR), NAME(EIO),
	NAME(ENXIO), NAME(E2BIG), NAME(ENOEXEC), NAME(EBADF), NAME(ECHILD),
	NAME(EAGAIN), NAME(ENOMEM), NAME(EACCES), NAME(EFAULT),
	NAME(EBUSY), NAME(EEXIST), NAME(EXDEV), NAME(ENODEV), NAME(ENOTDIR),
	NAME(EISDIR), NAME(EINVAL), NAME(ENFILE), NAME(EMFILE),
	NAME(ENOTTY), NAME(ETXTBSY), NAME(EFBIG), NAME(ENOSPC),
	NAME(ESPIPE), NAME(EROFS), NAME(EMLINK), NAME(EPIPE), NAME(EDOM),
	NAME(ERANGE), NAME(ENAMETOOLONG), NAME(ENOSYS), NAME(ENOTEMPTY),
	NAME(ELOOP),
};

static const struct { int value; const char *name; } signal_names[] = {
	NAME(SIGHUP), NAME(SIGINT), NAME(SIGQUIT), NAME(SIGILL),
	NAME(SIGTRAP), NAME(SIGABRT), NAME(SIGBUS), NAME(SIGFPE),
	NAME(SIGKILL), NAME(SIGUSR1), NAME(SIGSEGV), NAME(SIGUSR2),
	NAME(SIGPIPE), NAME(SIGALRM), NAME(SIGTERM), NAME(SIGCHLD),
	NAME(SIGCONT), NAME(SIGSTOP), NAME(SIGTSTP),
};
#undef NAME

const char *ut_errno_name(int err)
{
	static char buf[24];
	size_t i;

	if (err == 0)
		return "0";
	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (errno_names[i].value == err)
			return errno_names[i].name;
	snprintf(buf, sizeof(buf), "errno %d", err);
	return buf;
}

const char *ut_signal_name(int sig)
{
	static char buf[24];
	size_t i;

	for (i = 0; i < sizeof(signal_names) / sizeof(signal_names[0]); i++)
		if (signal_names[i].value == sig)
			return signal_names[i].name;
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

const char *ut_status_str(int status)
{
	static char buf[64];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited with status %d",
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "was killed by %s",
			 ut_signal_name(WTERMSIG(status)));
	else
		snprintf(buf, sizeof(buf), "changed state (status %#x)",
			 status);
	return buf;
}

/* ---- helpers for the cases ---------------------------------------- */

pid_t ut_fork(void)
{
	pid_t pid = fork();

	if (pid < 0) {
		ut_fail(__FILE__, __LINE__, "fork() failed: %s",
			ut_errno_name(errno));
		ut_end();
	}
	if (pid == 0)
		case_failed = 0;
	return pid;
}

int ut_wait(pid_t pid)
{
	int status = 0;
	pid_t got;

	do {
		got = waitpid(pid, &status, 0);
	} while (got < 0 && errno == EINTR);
	if (got != pid) {
		ut_fail(__FILE__, __LINE__, "waitpid(%d) returned %d (%s)",
			(int)pid, (int)got, ut_errno_name(errno));
		ut_end();
	}
	return status;
}

int ut_run_child(void (*fn)(void *), void *arg)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		fn(arg);
		ut_end();
	}
	return ut_wait(pid);
}

long ut_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

void ut_msleep(long ms)
{
	usleep(ms * 1000);
}

int ut_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

ssize_t ut_read_full(int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = read(fd, (char *)buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += n;
	}
	return done;
}

const char *ut_tmpdir(void)
{
	struct stat st;

	if (stat("/tmp", &st) < 0)
		mkdir("/tmp", 01777);
	return "/tmp";
}

/* ---- selecting cases ---------------------------------------------- */

/* Does str match the glob in the first len bytes of pat? */
static int glob_match(const char *pat, size_t len, const char *str)
{
	char *glob = strndup(pat, len);
	int match;

	if (!glob) {
		ut_diag("no memory to match a glob");
		return 0;
	}
	match = fnmatch(glob, str, 0) == 0;
	free(glob);
	return match;
}

/* Is the case selected by the comma-separated globs of filter? */
static int selected(const char *filter, const char *name)
{
	char full[128];

	if (!filter)
		return 1;
	snprintf(full, sizeof(full), SUITE_NAME ".%s", name);
	while (*filter) {
		size_t len = strcspn(filter, ",");
		const char *dot = memchr(filter, '.', len);

		if ((len == 3 && !strncmp(filter, "all", 3)) ||
		    glob_match(filter, len, dot ? full : name))
			return 1;
		filter += len + (filter[len] == ',');
	}
	return 0;
}

/* ---- running one case --------------------------------------------- */

enum result { PASS, FAIL, SKIP };

/* The case's own process: a group of its own, then the case. */
static void case_child(const struct ut_case *c, int skip_fd)
{
	setpgid(0, 0);
	skip_pipe = skip_fd;
	ut_current = c->name;
	case_failed = 0;
	c->run();
	ut_end();
}

/*
 * Wait for the case's process at most timeout seconds, polling so that
 * no signal handler or alarm() is needed.  Returns 1 and the status when
 * it ended, 0 when it was killed for running too long.
 */
static int wait_case(pid_t pid, int timeout, int *status)
{
	long deadline = ut_now_ms() + timeout * 1000L;
	long pause_ms = 1;

	for (;;) {
		pid_t got = waitpid(pid, status, WNOHANG);

		if (got == pid)
			return 1;
		if (got < 0 && errno != EINTR) {
			*status = 0;
			ut_diag("%s: waitpid failed: %s", ut_current,
				ut_errno_name(errno));
			return 1;
		}
		if (ut_now_ms() >= deadline) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, status, 0);
			return 0;
		}
		ut_msleep(pause_ms);
		if (pause_ms < 50)
			pause_ms *= 2;
	}
}

static enum result run_case(const struct ut_case *c, int number)
{
	int timeout = c->timeout ? c->timeout : DEFAULT_TIMEOUT;
	char reason[SKIP_REASON_MAX + 1] = "";
	int fds[2], status;
	pid_t pid;

	ut_current = c->name;
	if (pipe(fds) < 0) {
		ut_diag("%s: pipe: %s", c->name, ut_errno_name(errno));
		out_printf("%snot ok %d %s\n", indent, number, c->name);
		return FAIL;
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		case_child(c, fds[1]);
	}
	close(fds[1]);
	if (pid < 0) {
		ut_diag("%s: fork: %s", c->name, ut_errno_name(errno));
		close(fds[0]);
		out_printf("%snot ok %d %s\n", indent, number, c->name);
		return FAIL;
	}
	setpgid(pid, pid);	/* also here: the child may not have run yet */
	if (!wait_case(pid, timeout, &status)) {
		close(fds[0]);
		ut_diag("%s: timed out after %d s; killed", c->name, timeout);
		out_printf("%snot ok %d %s # TIMEOUT\n", indent, number,
			   c->name);
		return FAIL;
	}
	kill(-pid, SIGKILL);	/* whatever the case left running */

	if (WIFEXITED(status) && WEXITSTATUS(status) == UT_EXIT_SKIP) {
		/* Written before the exit, so already in the pipe. */
		ssize_t n = read(fds[0], reason, SKIP_REASON_MAX);

		reason[n > 0 ? n : 0] = '\0';
		close(fds[0]);
		out_printf("%sok %d %s # SKIP %s\n", indent, number, c->name,
			   reason);
		return SKIP;
	}
	close(fds[0]);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		out_printf("%sok %d %s\n", indent, number, c->name);
		return PASS;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != UT_EXIT_FAIL)
		ut_diag("%s: the case's process %s", c->name,
			ut_status_str(status));
	out_printf("%snot ok %d %s\n", indent, number, c->name);
	return FAIL;
}

/* ---- main --------------------------------------------------------- */

static void usage(void)
{
	static const char text[] =
		"usage: usertests [--suite] [GLOB[,GLOB...]]\n"
		"       usertests --list\n";

	ut_write_all(STDERR_FILENO, text, sizeof(text) - 1);
	exit(2);
}

static void detect_system(void)
{
	struct utsname u;

	if (uname(&u) == 0 && !strcmp(u.sysname, "Linux"))
		ut_on_linux = 1;
}

int main(int argc, char **argv)
{
	int suite = 0, list = 0, number = 0, counts[3] = { 0, 0, 0 };
	int total = 0;
	const char *filter = NULL;
	size_t i;
	int arg;

	if (argc > 1 && !strcmp(argv[1], "--print-args"))
		return ut_helper_print_args(argc, argv);
	if (argv[0] && strchr(argv[0], '/'))
		ut_self = argv[0];
	for (arg = 1; arg < argc; arg++) {
		if (!strcmp(argv[arg], "--suite"))
			suite = 1;
		else if (!strcmp(argv[arg], "--list"))
			list = 1;
		else if (argv[arg][0] == '-' || filter)
			usage();
		else
			filter = argv[arg];
	}
	detect_system();
	/* A closed pipe must fail a write, not kill the harness. */
	signal(SIGPIPE, SIG_IGN);
	if (suite)
		indent = SUITE_INDENT;

	for (i = 0; i < NR_CASES; i++)
		total += selected(filter, cases[i].name);
	if (list) {
		for (i = 0; i < NR_CASES; i++)
			if (selected(filter, cases[i].name))
				out_printf("%s\n", cases[i].name);
		return 0;
	}
	if (suite)
		out_printf("%sKTAP version 1\n%s# Subtest: %s\n%s1..%d\n",
			   indent, indent, SUITE_NAME, indent, total);
	else
		out_printf("KTAP version 1\n1..%d\n", total);
	if (!total) {		/* a misspelt case must not pass */
		ut_diag("no case matches \"%s\"", filter);
		return 1;
	}

	for (i = 0; i < NR_CASES; i++) {
		if (!selected(filter, cases[i].name))
			continue;
		counts[run_case(&cases[i], ++number)]++;
	}

	if (suite)
		out_printf("# %s: pass:%d fail:%d skip:%d total:%d\n",
			   SUITE_NAME, counts[PASS], counts[FAIL], counts[SKIP],
			   total);
	else
		out_printf("# Totals: pass:%d fail:%d skip:%d total:%d\n",
			   counts[PASS], counts[FAIL], counts[SKIP], total);
	return counts[FAIL] ? 1 : 0;
}
