/*
 * kill [-SIGNAL | -s NAME] PID...: send a signal (default SIGTERM) to
 * each process; a negative PID (after "--") names a process group.
 * SIGNAL is a number or a name with or without "SIG" (-9, -KILL,
 * -SIGKILL).  kill -l lists the names.  A PID that cannot be signalled
 * is reported as "kill: PID: reason"; the exit status is then 1.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

#define NR_NAMES ((int)(sizeof(names) / sizeof(names[0])))

/* "9", "KILL", "SIGKILL", "kill" -> 9; -1 if unknown. */
static int parse_signal(const char *s)
{
	char *end;
	long n;
	int i;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return (*end || n < 0 || n > NSIG) ? -1 : (int)n;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (i = 1; i < NR_NAMES; i++)
		if (names[i] && !strcasecmp(s, names[i]))
			return i;
	return -1;
}

static void list_signals(void)
{
	int i;

	for (i = 1; i < NR_NAMES; i++)
		printf("%2d) SIG%-8s%s", i, names[i], i % 5 ? "" : "\n");
	printf("\n");
}

static int send(const char *arg, int sig)
{
	char *end;
	long pid;

	errno = 0;
	pid = strtol(arg, &end, 10);
	if (*end || end == arg || errno || pid != (int)pid) {
		fprintf(stderr, "kill: %s: arguments must be process ids\n",
			arg);
		return 1;
	}
	if (kill((int)pid, sig) < 0) {
		fprintf(stderr, "kill: %s: %s\n", arg, strerror(errno));
		return 1;
	}
	return 0;
}

/*
 * "-KILL" or "-9" names a signal; "--" does not, and a lone "-9" with
 * nothing after it is process group 9.
 */
static int is_signal_option(const char *arg, int more)
{
	if (arg[0] != '-' || !arg[1] || !strcmp(arg, "--"))
		return 0;
	return more || !isdigit((unsigned char)arg[1]);
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL | -s NAME] PID...\n"
		"       kill -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		list_signals();
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 == argc)
			return usage();
		sig = parse_signal(argv[i + 1]);
		i += 2;
	} else if (i < argc && is_signal_option(argv[i], i + 1 < argc)) {
		sig = parse_signal(argv[i++] + 1);
	}
	if (sig < 0) {
		fprintf(stderr, "kill: unknown signal %s\n", argv[i - 1]);
		return usage();
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i == argc)
		return usage();
	for (; i < argc; i++)
		status |= send(argv[i], sig);
	return status;
}
