/*
 * POSIX <unistd.h>: file descriptors, processes, directories, the
 * program break, sleeping and option parsing.
 *
 * Every call is a thin wrapper on one Linux x86_64 system call (the
 * numbers in <asm/unistd.h>): on failure it sets errno and returns -1
 * (or NULL for getcwd).  The environment lives in environ, set up by
 * the start code before main() runs.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

extern char **environ;

/* File descriptors */
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int oldfd);
int dup2(int oldfd, int newfd);
int pipe(int fds[2]);
int isatty(int fd);

/* Processes */
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
__attribute__((noreturn)) void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* Directories and files */
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int rmdir(const char *path);
int unlink(const char *path);

/* Memory: the program break */
int brk(void *addr);
void *sbrk(long increment);

/* Time */
unsigned int sleep(unsigned int seconds);
int usleep(unsigned long usec);

/* Any system call by number (SYS_* from <sys/syscall.h>). */
long syscall(long number, ...);

/* Option parsing (see <getopt.h>) */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#endif
