/*
 * Tests of processes, run from the kernel: programs from the initrd are
 * started with kernel_spawn() and their wait statuses checked (normal
 * exits, faults that kill, programs that cannot be run), init's
 * protection from signals (SIGNAL_UNKILLABLE: signals dropped, faults
 * still fatal), and the process count returns to where it was.  The
 * last suite, usertests, is the user-space test program /bin/usertests,
 * which prints its own KTAP.
 */
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <uapi/linux/wait.h>

#define EXEC_WAIT_MS	30000	/* a hang bound only: exec takes far less */

/* Run argv (argv[0] a path) as a child process; its wait status. */
static int run(struct kunit *test, const char *const argv[])
{
	int status = -1;
	pid_t pid = kernel_spawn(argv[0], argv + 1);

	KUNIT_EXPECT_GT(test, pid, 0);
	if (pid > 0)
		KUNIT_EXPECT_EQ(test, kernel_wait4(pid, &status, 0), (long)pid);
	return status;
}

static int process_test_init(struct kunit *test)
{
	struct file *f = filp_open("/bin/true", 0, 0);

	if (IS_ERR(f))
		kunit_skip(test, "no initrd with /bin/true");
	filp_close(f, NULL);
	return 0;
}

static void exit_statuses(struct kunit *test)
{
	static const char *const t[] = { "/bin/true", "true", NULL };
	static const char *const f[] = { "/bin/false", "false", NULL };

	KUNIT_EXPECT_EQ(test, run(test, t), 0);
	KUNIT_EXPECT_EQ(test, run(test, f), 1 << 8);
}

static void faults_kill_the_process(struct kunit *test)
{
	static const char *const segv[] = { "/bin/fault", "fault", "segv", NULL };
	static const char *const wr[] = { "/bin/fault", "fault", "write", NULL };
	static const char *const div[] = { "/bin/fault", "fault", "div", NULL };
	static const char *const ill[] = { "/bin/fault", "fault", "ill", NULL };
	static const char *const stack[] = { "/bin/fault", "fault", "stack", NULL };

	kunit_info(test, "five segfault/trap lines follow, as expected");
	KUNIT_EXPECT_EQ(test, run(test, segv), SIGSEGV);
	KUNIT_EXPECT_EQ(test, run(test, wr), SIGSEGV);
	KUNIT_EXPECT_EQ(test, run(test, div), SIGFPE);
	KUNIT_EXPECT_EQ(test, run(test, ill), SIGILL);
	KUNIT_EXPECT_EQ(test, run(test, stack), SIGSEGV);
}

static void unrunnable_programs(struct kunit *test)
{
	static const char *const missing[] = { "/bin/nonexistent", "x", NULL };
	static const char *const dir[] = { "/bin", "bin", NULL };
	static const char *const text[] = { "/etc/motd", "motd", NULL };

	kunit_info(test, "three 'Cannot run' lines follow, as expected");
	KUNIT_EXPECT_EQ(test, run(test, missing), 127 << 8);
	KUNIT_EXPECT_EQ(test, run(test, dir), 127 << 8);
	KUNIT_EXPECT_EQ(test, run(test, text), 127 << 8);
}

static void wait_without_children(struct kunit *test)
{
	int status;

	KUNIT_EXPECT_EQ(test, kernel_wait4(-1, &status, 0), (long)-ECHILD);
	KUNIT_EXPECT_EQ(test, kernel_wait4(12345, &status, WNOHANG), (long)-ECHILD);
	KUNIT_EXPECT_EQ(test, kernel_wait4(-1, &status, 0x100), (long)-EINVAL);
}

static int make_unkillable(void *unused)
{
	set_bit(SIGNAL_UNKILLABLE, &current->signal_flags);
	return 0;
}

/* Run argv as a child marked as init is (SIGNAL_UNKILLABLE); its pid. */
static pid_t spawn_unkillable(struct kunit *test, const char *const argv[])
{
	pid_t pid = kernel_spawn_init(argv[0], argv + 1, make_unkillable, NULL);

	KUNIT_EXPECT_GT(test, pid, 0);
	return pid;
}

/*
 * Wait until the child pid runs its program (or has already ended):
 * before that it is a kernel thread, which ignores signals anyway.
 * Returns it, held.
 */
static struct task_struct *wait_exec(struct kunit *test, pid_t pid)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int ms;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (ms = 0; !READ_ONCE(p->mm) && !READ_ONCE(p->exit_state) &&
		     ms < EXEC_WAIT_MS; ms++)
		msleep(1);
	KUNIT_EXPECT_TRUE_MSG(test, READ_ONCE(p->mm) || READ_ONCE(p->exit_state),
			      "pid %d never ran its program", pid);
	return p;
}

/*
 * Init drops the signals sent to it, SIGKILL too, and kill() still
 * succeeds.  Had a signal got through, sleep would die of it at once
 * instead of exiting 0 once its half second is over.
 */
static void unkillable_drops_signals(struct kunit *test)
{
	static const char *const sleep[] = { "/bin/sleep", "sleep", "0.5", NULL };
	pid_t pid = spawn_unkillable(test, sleep);
	struct task_struct *p;
	int status = -1;

	if (pid <= 0)
		return;
	p = wait_exec(test, pid);
	KUNIT_EXPECT_EQ(test, sys_kill(pid, SIGKILL), 0L);
	KUNIT_EXPECT_EQ(test, sys_kill(pid, SIGTERM), 0L);
	KUNIT_EXPECT_EQ(test, sys_kill(pid, SIGUSR1), 0L);
	KUNIT_EXPECT_EQ(test, sys_kill(pid, 0), 0L);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->pending), 0UL);
	put_task_struct(p);
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, &status, 0), (long)pid);
	KUNIT_EXPECT_EQ(test, status, 0);
}

/* A fault still kills it: force_sig() clears the flag, as in Linux. */
static void unkillable_dies_of_its_fault(struct kunit *test)
{
	static const char *const segv[] = { "/bin/fault", "fault", "segv", NULL };
	pid_t pid = spawn_unkillable(test, segv);
	int status = -1;

	if (pid <= 0)
		return;
	kunit_info(test, "a segfault line follows, as expected");
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, &status, 0), (long)pid);
	KUNIT_EXPECT_EQ(test, status, SIGSEGV);
}

static void process_count_restored(struct kunit *test)
{
	static const char *const t[] = { "/bin/true", "true", NULL };
	int before = READ_ONCE(nr_processes), i;

	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, run(test, t), 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(nr_processes), before);
}

static struct kunit_case process_cases[] = {
	KUNIT_CASE(exit_statuses),
	KUNIT_CASE(faults_kill_the_process),
	KUNIT_CASE(unrunnable_programs),
	KUNIT_CASE(wait_without_children),
	KUNIT_CASE(unkillable_drops_signals),
	KUNIT_CASE(unkillable_dies_of_its_fault),
	KUNIT_CASE(process_count_restored),
	{}
};

static struct kunit_suite process_suite = {
	.name = "process",
	.init = process_test_init,
	.test_cases = process_cases,
};
kunit_test_suite(process_suite);

static const char *const usertests_argv[] = {
	"/bin/usertests", "usertests", "--suite", NULL
};

static struct kunit_suite usertests_suite = {
	.name = "usertests",
	.program = usertests_argv,
};
kunit_test_suite(usertests_suite);

/*
 * The system call fuzzer, /bin/fuzz: a bounded run in every
 * configuration (its cases: workers_ran, memory_baseline, kernel_alive).
 * A longer run takes settings through the filter, e.g.
 * ktest=fuzz.calls=1000000,fuzz.time=3600.
 */
static const char *const fuzz_argv[] = {
	"/bin/fuzz", "fuzz", "--suite", "-n", "20000", "-t", "60", "-p", "3",
	NULL
};

static struct kunit_suite fuzz_suite = {
	.name = "fuzz",
	.program = fuzz_argv,
};
kunit_test_suite(fuzz_suite);
