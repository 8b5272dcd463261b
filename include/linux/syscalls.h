/*
 * The system calls, with Linux's prototypes.  kernel/syscall.c's table
 * maps each __NR_ number (uapi/asm/unistd.h) to one of these; the
 * entry code (arch/x86/kernel/entry.asm) passes the six argument registers and
 * returns the result in rax, -ENAME for an error.  Every pointer is a
 * __user pointer and is read only through linux/uaccess.h.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/compiler.h>
#include <linux/types.h>

struct stat;
struct linux_dirent64;
struct timespec;
struct new_utsname;
struct sigaction;
struct rusage;

/* Files (fs/) */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_open(const char __user *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_stat(const char __user *filename, struct stat __user *statbuf);
long sys_lstat(const char __user *filename, struct stat __user *statbuf);
long sys_fstat(unsigned int fd, struct stat __user *statbuf);
long sys_lseek(unsigned int fd, off_t offset, unsigned int whence);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent,
		    unsigned int count);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_chdir(const char __user *filename);
long sys_mkdir(const char __user *pathname, umode_t mode);
long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode);
long sys_rmdir(const char __user *pathname);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);

/* Memory (mm/mmap.c) */
long sys_brk(unsigned long brk);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* Processes (kernel/fork.c, exec.c, exit.c, signal.c, sys.c) */
long sys_fork(void);
long sys_execve(const char __user *filename,
		const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_exit(int error_code);
long sys_wait4(pid_t pid, int __user *stat_addr, int options,
	       struct rusage __user *ru);
long sys_kill(pid_t pid, int sig);
long sys_rt_sigaction(int sig, const struct sigaction __user *act,
		      struct sigaction __user *oact, size_t sigsetsize);
long sys_getpid(void);
long sys_getppid(void);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_sched_yield(void);
long sys_nanosleep(struct timespec __user *rqtp, struct timespec __user *rmtp);
long sys_clock_gettime(clockid_t which_clock, struct timespec __user *tp);
long sys_uname(struct new_utsname __user *name);
struct rlimit;
struct rlimit64;
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim);

/* The kernel log (kernel/syslog.c) */
long sys_syslog(int type, char __user *buf, int len);

#endif
