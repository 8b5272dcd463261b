/*
 * System call numbers for syscall(): SYS_name is __NR_name from
 * <asm/unistd.h>, the Linux x86_64 numbers the kernel implements.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd.h>

#define SYS_read		__NR_read
#define SYS_write		__NR_write
#define SYS_open		__NR_open
#define SYS_close		__NR_close
#define SYS_stat		__NR_stat
#define SYS_fstat		__NR_fstat
#define SYS_lstat		__NR_lstat
#define SYS_lseek		__NR_lseek
#define SYS_mmap		__NR_mmap
#define SYS_mprotect		__NR_mprotect
#define SYS_munmap		__NR_munmap
#define SYS_brk			__NR_brk
#define SYS_rt_sigaction	__NR_rt_sigaction
#define SYS_ioctl		__NR_ioctl
#define SYS_pipe		__NR_pipe
#define SYS_sched_yield		__NR_sched_yield
#define SYS_dup			__NR_dup
#define SYS_dup2		__NR_dup2
#define SYS_nanosleep		__NR_nanosleep
#define SYS_getpid		__NR_getpid
#define SYS_fork		__NR_fork
#define SYS_vfork		__NR_vfork
#define SYS_execve		__NR_execve
#define SYS_exit		__NR_exit
#define SYS_wait4		__NR_wait4
#define SYS_kill		__NR_kill
#define SYS_uname		__NR_uname
#define SYS_getcwd		__NR_getcwd
#define SYS_chdir		__NR_chdir
#define SYS_mkdir		__NR_mkdir
#define SYS_rmdir		__NR_rmdir
#define SYS_unlink		__NR_unlink
#define SYS_setpgid		__NR_setpgid
#define SYS_getppid		__NR_getppid
#define SYS_getpgrp		__NR_getpgrp
#define SYS_setsid		__NR_setsid
#define SYS_getpgid		__NR_getpgid
#define SYS_getdents64		__NR_getdents64
#define SYS_clock_gettime	__NR_clock_gettime
#define SYS_exit_group		__NR_exit_group
#define SYS_openat		__NR_openat
#define SYS_mkdirat		__NR_mkdirat
#define SYS_unlinkat		__NR_unlinkat
#define SYS_pipe2		__NR_pipe2
#define SYS_getrlimit		__NR_getrlimit
#define SYS_syslog		__NR_syslog
#define SYS_setrlimit		__NR_setrlimit
#define SYS_prlimit64		__NR_prlimit64

long syscall(long number, ...);

#endif
