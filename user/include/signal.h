/*
 * Signals: numbers (Linux x86_64, <asm/signal.h>), kill(), and the two
 * dispositions the kernel supports: SIG_DFL and SIG_IGN.  There are no
 * user signal handlers, so signal() and sigaction() refuse any other
 * handler with EINVAL.  A signal that is not ignored ends the process
 * (or, for SIGCHLD, SIGCONT, SIGURG, SIGWINCH and the stop signals, is
 * dropped).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <asm/signal.h>

#define NSIG		_NSIG

typedef void (*sighandler_t)(int);
typedef unsigned long sigset_t;

#define SIG_ERR		((sighandler_t)-1)

int kill(pid_t pid, int sig);
int raise(int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
