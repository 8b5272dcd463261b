/*
 * init: the first process (pid 1).  The kernel starts it with fds 0, 1
 * and 2 open on /dev/console.
 *
 * It prints /etc/motd if there is one, then keeps a shell running on
 * the console: it forks; the child starts a new session, takes the
 * console as its controlling terminal, makes its own process group the
 * terminal's foreground group, and executes /bin/sh.  The parent waits
 * for any child: orphans the kernel reparents to init are reaped here,
 * and when the shell itself ends init says so and starts another.  A
 * shell that ends within a second of starting is restarted only after
 * a one-second pause, so a broken /bin/sh cannot make init spin.
 *
 * Invariants: init never exits (it ignores the signals a terminal or
 * kill(1) would send it); at most one shell runs at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#define SHELL "/bin/sh"
#define MOTD "/etc/motd"

static void print_motd(void)
{
	char buf[512];
	ssize_t n;
	int fd = open(MOTD, O_RDONLY);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(STDOUT_FILENO, buf, n);
	close(fd);
}

static long now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return 0;
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Signals init ignores, so that a stray ^C or kill cannot end it; the
 * shell gets them back at their defaults (ignoring survives exec).
 */
static const int ignored_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU,
};

static void set_signals(sighandler_t handler)
{
	size_t i;

	for (i = 0; i < sizeof(ignored_signals) / sizeof(int); i++)
		signal(ignored_signals[i], handler);
}

/* In the child: a session of its own, in front on the console, then sh. */
static __attribute__((noreturn)) void run_shell(void)
{
	char *argv[] = { "sh", NULL };

	if (setsid() < 0)
		fprintf(stderr, "init: setsid: %s\n", strerror(errno));
	/* Linux needs TIOCSCTTY to make the console ours; harmless if not. */
	ioctl(STDIN_FILENO, TIOCSCTTY, 0);
	if (tcsetpgrp(STDIN_FILENO, getpid()) < 0)
		fprintf(stderr, "init: tcsetpgrp: %s\n", strerror(errno));
	set_signals(SIG_DFL);
	execv(SHELL, argv);
	fprintf(stderr, "init: %s: %s\n", SHELL, strerror(errno));
	_exit(127);
}

static void report_exit(int status)
{
	if (WIFSIGNALED(status))
		printf("init: sh was killed by signal %d (%s); "
		       "starting a new one\n",
		       WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		printf("init: sh exited with status %d; starting a new one\n",
		       WEXITSTATUS(status));
	fflush(stdout);
}

/* Reap children until the shell (pid sh) has ended; its wait status. */
static int wait_for_shell(pid_t sh)
{
	int status;
	pid_t pid;

	for (;;) {
		pid = wait(&status);
		if (pid == sh)
			return status;
		if (pid < 0 && errno == ECHILD)
			return 0;	/* the shell is gone: start another */
		/* pid > 0: an orphan reaped; EINTR: wait again. */
	}
}

int main(void)
{
	long started;
	pid_t sh;

	setvbuf(stdout, NULL, _IOLBF, 0);
	set_signals(SIG_IGN);
	if (!getenv("PATH"))
		setenv("PATH", "/bin", 1);
	if (!getenv("HOME"))
		setenv("HOME", "/", 1);
	print_motd();
	for (;;) {
		started = now_ms();
		sh = fork();
		if (sh < 0) {
			fprintf(stderr, "init: fork: %s\n", strerror(errno));
			sleep(1);
			continue;
		}
		if (sh == 0)
			run_shell();
		report_exit(wait_for_shell(sh));
		if (now_ms() - started < 1000)
			sleep(1);
	}
}
