/*
 * The exec family on top of execve(): execv() passes environ; execvp()
 * and execlp() look a name without a slash up in the directories of
 * $PATH (default "/bin"), and run a file the kernel cannot execute
 * (ENOEXEC) with /bin/sh, as POSIX asks.
 *
 * Invariants: a failed call returns -1 with errno from the most telling
 * attempt (EACCES over ENOENT, like other C libraries); nothing is
 * allocated, so a child may call these between fork() and _exit().
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXECL_MAX_ARGS 64

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Run path as a shell script: sh path argv[1]... */
static void exec_script(const char *path, char *const argv[])
{
	char *args[EXECL_MAX_ARGS + 2];
	int i;

	args[0] = "sh";
	args[1] = (char *)path;
	for (i = 1; argv[i] && i < EXECL_MAX_ARGS; i++)
		args[i + 1] = argv[i];
	args[i + 1] = NULL;
	execve("/bin/sh", args, environ);
}

static int exec_try(const char *path, char *const argv[])
{
	execve(path, argv, environ);
	if (errno == ENOEXEC)
		exec_script(path, argv);
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	const char *dirs, *end;
	char path[PATH_MAX];
	size_t dlen, flen = strlen(file);
	int saved = ENOENT;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return exec_try(file, argv);
	dirs = getenv("PATH");
	if (!dirs)
		dirs = "/bin";
	for (; ; dirs = end + 1) {
		end = strchr(dirs, ':');
		if (!end)
			end = dirs + strlen(dirs);
		dlen = end - dirs;
		if (dlen + flen + 2 <= sizeof(path)) {
			memcpy(path, dirs, dlen);
			path[dlen] = '/';
			memcpy(path + dlen + 1, file, flen + 1);
			exec_try(dlen ? path : file, argv);
			if (errno == EACCES)
				saved = EACCES;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = saved;
	return -1;
}

/* Gather execl's arguments into an array; NULL if there are too many. */
static char **execl_args(char **args, const char *arg, va_list ap)
{
	int i = 0;

	args[i] = (char *)arg;
	while (args[i]) {
		if (++i == EXECL_MAX_ARGS) {
			errno = E2BIG;
			return NULL;
		}
		args[i] = va_arg(ap, char *);
	}
	return args;
}

int execl(const char *path, const char *arg, ...)
{
	char *args[EXECL_MAX_ARGS];
	va_list ap;
	char **argv;

	va_start(ap, arg);
	argv = execl_args(args, arg, ap);
	va_end(ap);
	return argv ? execv(path, argv) : -1;
}

int execlp(const char *file, const char *arg, ...)
{
	char *args[EXECL_MAX_ARGS];
	va_list ap;
	char **argv;

	va_start(ap, arg);
	argv = execl_args(args, arg, ap);
	va_end(ap);
	return argv ? execvp(file, argv) : -1;
}
