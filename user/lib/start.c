/*
 * Program start and exit: __libc_start_main() (called by crt0's
 * _start) sets environ and runs main(); exit() runs the atexit
 * functions in reverse order of registration, flushes every stdio
 * stream and ends the process with _exit().
 *
 * Invariants: at most ATEXIT_MAX functions are registered; each runs
 * once, even if one of them calls exit() again.
 */
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include "internal.h"

#define ATEXIT_MAX 32

char **environ;

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int main(int argc, char **argv, char **envp);
__attribute__((noreturn))
void __libc_start_main(int argc, char **argv, char **envp);

void __libc_start_main(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}

int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

void exit(int status)
{
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__stdio_flush_all();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

/* exit_group ends every thread (there is only one); exit is the fallback. */
void _exit(int status)
{
	__syscall1(__NR_exit_group, status);
	for (;;)
		__syscall1(__NR_exit, status);
}

/* SIGABRT cannot be caught or ignored here: make sure it is the default. */
void abort(void)
{
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	for (;;)
		_exit(127);
}
