/*
 * System call numbers: Linux's x86_64 numbers
 * (arch/x86/entry/syscalls/syscall_64.tbl), shared by the kernel's
 * table (kernel/syscall.c) and the user library (user/lib).
 */
#ifndef _UAPI_ASM_UNISTD_H
#define _UAPI_ASM_UNISTD_H

#define __NR_read		0
#define __NR_write		1
#define __NR_open		2
#define __NR_close		3
#define __NR_stat		4
#define __NR_fstat		5
#define __NR_lstat		6
#define __NR_lseek		8
#define __NR_mmap		9
#define __NR_mprotect		10
#define __NR_munmap		11
#define __NR_brk		12
#define __NR_rt_sigaction	13
#define __NR_ioctl		16
#define __NR_pipe		22
#define __NR_sched_yield	24
#define __NR_dup		32
#define __NR_dup2		33
#define __NR_nanosleep		35
#define __NR_getpid		39
#define __NR_fork		57
#define __NR_vfork		58
#define __NR_execve		59
#define __NR_exit		60
#define __NR_wait4		61
#define __NR_kill		62
#define __NR_uname		63
#define __NR_getcwd		79
#define __NR_chdir		80
#define __NR_mkdir		83
#define __NR_rmdir		84
#define __NR_unlink		87
#define __NR_getrlimit		97
#define __NR_syslog		103
#define __NR_getppid		110
#define __NR_setpgid		109
#define __NR_getpgrp		111
#define __NR_setsid		112
#define __NR_getpgid		121
#define __NR_setrlimit		160
#define __NR_getdents64		217
#define __NR_clock_gettime	228
#define __NR_exit_group		231
#define __NR_openat		257
#define __NR_mkdirat		258
#define __NR_unlinkat		263
#define __NR_pipe2		293
#define __NR_prlimit64		302

#define NR_syscalls		334	/* one past the highest Linux number we know */

#endif
