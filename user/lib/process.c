/*
 * Process system calls: fork, execve, the ids and groups, waiting and
 * kill.  Each is one system call; errors set errno and return -1.
 */
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include "internal.h"

pid_t fork(void)
{
	return __syscall_ret(__syscall0(__NR_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(__syscall3(__NR_execve, (long)path, (long)argv,
					(long)envp));
}

pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(__NR_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getpgid, pid));
}

pid_t getpgrp(void)
{
	return __syscall_ret(__syscall0(__NR_getpgrp));
}

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(__NR_setsid));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, (long)status,
					options, (long)ru));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(__NR_kill, pid, sig));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}
