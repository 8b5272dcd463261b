/*
 * Signal dispositions: signal() and sigaction() on rt_sigaction, and
 * the sigset_t helpers.
 *
 * The kernel has no user handlers, so only SIG_DFL and SIG_IGN are
 * accepted; anything else fails with EINVAL here, before the kernel
 * sees it, so a program finds out at once rather than when the signal
 * comes.  sigset_t is one 64-bit word: bit (n - 1) is signal n.
 */
#include <errno.h>
#include <signal.h>
#include "internal.h"

static int sigaction_valid(int sig, const struct sigaction *act)
{
	if (sig < 1 || sig > _NSIG)
		return 0;
	return !act || act->sa_handler == SIG_DFL ||
	       act->sa_handler == SIG_IGN;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	if (!sigaction_valid(sig, act)) {
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(__syscall4(__NR_rt_sigaction, sig, (long)act,
					(long)old, sizeof(sigset_t)));
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler };
	struct sigaction old = { .sa_handler = SIG_DFL };

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

static int sig_bit_valid(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!sig_bit_valid(sig))
		return -1;
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (!sig_bit_valid(sig))
		return -1;
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!sig_bit_valid(sig))
		return -1;
	return (*set >> (sig - 1)) & 1;
}
