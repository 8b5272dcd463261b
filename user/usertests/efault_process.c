/*
 * usertests: bad pointers in the process calls: execve (its path, argv
 * and envp, and the strings they point to), wait4 (status and rusage)
 * and rt_sigaction (the new and the old action), with the signal
 * disposition unchanged after a refused call.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "efault.h"

/* ---- processes: execve, wait4, rt_sigaction ----------------------- */

/* execve in a child: its status (exit 100 + errno if it failed). */
static int execve_child(unsigned long path, unsigned long argv,
			unsigned long envp)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(100 + errno);
	}
	return ut_wait(pid);
}

#define EXPECT_EXECVE_EFAULT(what, where, path, argv, envp)		\
	do {								\
		int __s = execve_child((unsigned long)(path),		\
				       (unsigned long)(argv),		\
				       (unsigned long)(envp));		\
		EXPECT_MSG(__s == (100 + EFAULT) << 8, "execve with %s "\
			   "as %s: the child %s, expected exit 100 + "	\
			   "EFAULT", where, what, ut_status_str(__s));	\
	} while (0)

static void efault_execve(void)
{
	static char *argv[] = { "true", NULL }, *envp[] = { NULL };
	static char *bad_argv[] = { "true", NULL, NULL };
	static char *bad_envp[] = { "A=1", NULL, NULL };
	const struct bad *b;
	unsigned long *edge;

	for_each_bad(b, 0) {
		EXPECT_EXECVE_EFAULT("the path", b->name, b->addr, argv, envp);
		if (!b->addr)
			continue;	/* NULL argv, envp or entry: allowed */
		EXPECT_EXECVE_EFAULT("argv", b->name, "/bin/true", b->addr,
				     envp);
		EXPECT_EXECVE_EFAULT("envp", b->name, "/bin/true", argv,
				     b->addr);
		bad_argv[1] = (char *)b->addr;
		EXPECT_EXECVE_EFAULT("argv[1]", b->name, "/bin/true",
				     bad_argv, envp);
		bad_envp[1] = (char *)b->addr;
		EXPECT_EXECVE_EFAULT("envp[1]", b->name, "/bin/true", argv,
				     bad_envp);
	}
	EXPECT_EXECVE_EFAULT("the path", "a name running into an unmapped "
			     "page", unterminated_at_end(16), argv, envp);
	/* argv whose NULL would lie in the hole. */
	edge = (unsigned long *)(m.hole - 8);
	edge[0] = (unsigned long)"true";
	EXPECT_EXECVE_EFAULT("argv", "an array running into an unmapped "
			     "page", "/bin/true", edge, envp);
	EXPECT_EXECVE_EFAULT("envp", "an array running into an unmapped "
			     "page", "/bin/true", argv, edge);
	/* An argument string running into the hole. */
	bad_argv[1] = unterminated_at_end(16);
	EXPECT_EXECVE_EFAULT("argv[1]", "a string running into an unmapped "
			     "page", "/bin/true", bad_argv, envp);
	/* The same calls with good pointers do run /bin/true. */
	EXPECT_EXIT(execve_child((unsigned long)"/bin/true",
				 (unsigned long)argv, (unsigned long)envp), 0);
}

/*
 * wait4 with a bad status or rusage pointer and an exited child to
 * report: EFAULT.  Linux reaps the child anyway; Ferry keeps it for a
 * later wait (docs/process.md); either way none is left over.
 */
static int wait4_with(const char *what, const char *where,
		      unsigned long status, unsigned long ru)
{
	pid_t pid = ut_fork(), got;
	int s;

	if (pid == 0)
		_exit(7);
	ut_msleep(20);			/* let it exit */
	EXPECT_EFAULT(what, where, SYS_wait4, pid, status, 0, ru);
	errno = 0;
	got = waitpid(pid, &s, 0);
	EXPECT_MSG((got == pid && WIFEXITED(s) && WEXITSTATUS(s) == 7) ||
		   (got == -1 && errno == ECHILD), "after %s with %s: "
		   "waitpid gave %d (errno %s)", what, where, (int)got,
		   ut_errno_name(errno));
	EXPECT_ERRNO(waitpid(pid, NULL, WNOHANG), ECHILD);
	return got != pid;
}

static void efault_wait4(void)
{
	unsigned char ru[KRUSAGE_SIZE];
	const struct bad *b;
	int tries = 0, reaped = 0;

	for_each_bad(b, 1) {
		if (!b->addr)
			continue;	/* NULL: no status, no rusage */
		reaped += wait4_with("wait4(status)", b->name, b->addr, 0);
		reaped += wait4_with("wait4(rusage)", b->name, 0, b->addr);
		tries += 2;
	}
	reaped += wait4_with("wait4(status)", "a range running into an "
			     "unmapped page", off_end(4), 0);
	reaped += wait4_with("wait4(rusage)", "a range running into an "
			     "unmapped page", 0, off_end(KRUSAGE_SIZE));
	reaped += wait4_with("wait4(rusage)", "a range running into a "
			     "read-only page", 0, into_ro(KRUSAGE_SIZE));
	tries += 3;
	EXPECT_RO_PAGE("wait4(rusage)");
	FERRY_ONLY(!reaped, "%d of %d wait4 calls that failed with EFAULT "
		   "reaped their child; Ferry keeps it for a later wait",
		   reaped, tries);
	/* A good rusage pointer works. */
	pid_t pid = ut_fork();
	int status = 0;

	if (pid == 0)
		_exit(3);
	EXPECT_EQ(syscall(SYS_wait4, pid, &status, 0, ru), pid);
	EXPECT_EXIT(status, 3);
}

/* The kernel's struct sigaction. */
struct ksigaction {
	unsigned long handler, flags, restorer, mask;
};

static unsigned long disposition(int sig)
{
	struct ksigaction old;

	memset(&old, PATTERN, sizeof(old));
	if (syscall(SYS_rt_sigaction, sig, NULL, &old, 8))
		return -2UL;
	return old.handler;
}

static void efault_sigaction(void)
{
	struct ksigaction ign = { (unsigned long)SIG_IGN, 0, 0, 0 };
	unsigned long *act;
	const struct bad *b;

	EXPECT_EQ(disposition(SIGUSR1), (unsigned long)SIG_DFL);
	for_each_bad(b, 0) {
		if (b->addr)		/* NULL: no new action, allowed */
			EXPECT_EFAULT("rt_sigaction(act)", b->name,
				      SYS_rt_sigaction, SIGUSR1, b->addr,
				      NULL, 8);
	}
	for_each_bad(b, 1) {
		if (b->addr)		/* NULL: no old action wanted */
			EXPECT_EFAULT("rt_sigaction(oldact)", b->name,
				      SYS_rt_sigaction, SIGUSR1, NULL,
				      b->addr, 8);
	}
	/* An act running into the hole: its handler readable, the rest not. */
	act = (unsigned long *)off_end(KSIGACTION_SIZE);
	act[0] = (unsigned long)SIG_IGN;
	act[1] = 0;
	EXPECT_EFAULT("rt_sigaction(act)", "a range running into an unmapped "
		      "page", SYS_rt_sigaction, SIGUSR1, act, NULL, 8);
	EXPECT_EQ(disposition(SIGUSR1), (unsigned long)SIG_DFL);
	EXPECT_EFAULT_CROSSING("rt_sigaction(oldact)", KSIGACTION_SIZE, q,
			       SYS_rt_sigaction, SIGUSR1, NULL, q, 8);
	/*
	 * A good act with a bad oldact: EFAULT.  Linux has installed the new
	 * action by then; Ferry checks oldact first and changes nothing.
	 * Either is accepted; the disposition is one of the two.
	 */
	EXPECT_EFAULT("rt_sigaction(SIG_IGN, oldact)", "an unmapped user page",
		      SYS_rt_sigaction, SIGUSR1, &ign, m.hole, 8);
	unsigned long now = disposition(SIGUSR1);

	EXPECT_MSG(now == (unsigned long)SIG_DFL ||
		   now == (unsigned long)SIG_IGN, "SIGUSR1's disposition is "
		   "%#lx after a failed rt_sigaction", now);
	ut_diag("%s: after rt_sigaction(SIG_IGN) with a bad oldact, SIGUSR1 "
		"is %s", ut_current, now == (unsigned long)SIG_IGN ?
		"ignored (the new action was installed)" :
		"still default (nothing was changed)");
	signal(SIGUSR1, SIG_DFL);
}

void test_efault_process(void)
{
	setup_memory();
	efault_execve();
	efault_wait4();
	efault_sigaction();
	expect_alive();
}
