/*
 * Signal numbers (Linux x86_64) and the two dispositions the kernel
 * supports: default and ignore.  There are no user signal handlers: a
 * signal either is ignored or ends the process (SIGCHLD, SIGCONT,
 * SIGURG and SIGWINCH are ignored by default, as in Linux, and so are
 * the stop signals: there are no job stops).
 */
#ifndef _UAPI_ASM_SIGNAL_H
#define _UAPI_ASM_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define _NSIG		64

#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)

/* rt_sigaction()'s argument, Linux's kernel layout (sa_mask: 8 bytes). */
struct sigaction {
	void (*sa_handler)(int);
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	unsigned long sa_mask;
};

#endif
