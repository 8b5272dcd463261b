/*
 * The system call table and dispatcher.
 *
 * entry_SYSCALL_64 (arch/x86/kernel/entry.asm) saves the user registers as a
 * struct pt_regs and calls do_syscall_64(): the number is in rax, the
 * arguments in rdi, rsi, rdx, r10, r8 and r9 (Linux's x86_64
 * convention: r10 replaces rcx, which syscall overwrites), and the
 * result goes back in rax, -ENAME for an error.  An unknown number
 * gives -ENOSYS.  The handlers have Linux's prototypes
 * (linux/syscalls.h); the table calls each with all six argument
 * registers, of which it reads the ones it declares.
 */
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/asm/unistd.h>

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

#define __SYSCALL(nr, sym)	[nr] = (sys_call_ptr_t)(void *)sym,

static const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	__SYSCALL(__NR_read, sys_read)
	__SYSCALL(__NR_write, sys_write)
	__SYSCALL(__NR_open, sys_open)
	__SYSCALL(__NR_close, sys_close)
	__SYSCALL(__NR_stat, sys_stat)
	__SYSCALL(__NR_fstat, sys_fstat)
	__SYSCALL(__NR_lstat, sys_lstat)
	__SYSCALL(__NR_lseek, sys_lseek)
	__SYSCALL(__NR_mmap, sys_mmap)
	__SYSCALL(__NR_mprotect, sys_mprotect)
	__SYSCALL(__NR_munmap, sys_munmap)
	__SYSCALL(__NR_brk, sys_brk)
	__SYSCALL(__NR_rt_sigaction, sys_rt_sigaction)
	__SYSCALL(__NR_ioctl, sys_ioctl)
	__SYSCALL(__NR_pipe, sys_pipe)
	__SYSCALL(__NR_sched_yield, sys_sched_yield)
	__SYSCALL(__NR_dup, sys_dup)
	__SYSCALL(__NR_dup2, sys_dup2)
	__SYSCALL(__NR_nanosleep, sys_nanosleep)
	__SYSCALL(__NR_getpid, sys_getpid)
	__SYSCALL(__NR_fork, sys_fork)
	__SYSCALL(__NR_vfork, sys_fork)		/* a full copy: always correct */
	__SYSCALL(__NR_execve, sys_execve)
	__SYSCALL(__NR_exit, sys_exit)
	__SYSCALL(__NR_wait4, sys_wait4)
	__SYSCALL(__NR_kill, sys_kill)
	__SYSCALL(__NR_uname, sys_uname)
	__SYSCALL(__NR_getcwd, sys_getcwd)
	__SYSCALL(__NR_chdir, sys_chdir)
	__SYSCALL(__NR_mkdir, sys_mkdir)
	__SYSCALL(__NR_rmdir, sys_rmdir)
	__SYSCALL(__NR_unlink, sys_unlink)
	__SYSCALL(__NR_setpgid, sys_setpgid)
	__SYSCALL(__NR_getrlimit, sys_getrlimit)
	__SYSCALL(__NR_syslog, sys_syslog)
	__SYSCALL(__NR_getppid, sys_getppid)
	__SYSCALL(__NR_getpgrp, sys_getpgrp)
	__SYSCALL(__NR_setsid, sys_setsid)
	__SYSCALL(__NR_getpgid, sys_getpgid)
	__SYSCALL(__NR_setrlimit, sys_setrlimit)
	__SYSCALL(__NR_getdents64, sys_getdents64)
	__SYSCALL(__NR_clock_gettime, sys_clock_gettime)
	__SYSCALL(__NR_exit_group, sys_exit)	/* one thread per process */
	__SYSCALL(__NR_openat, sys_openat)
	__SYSCALL(__NR_mkdirat, sys_mkdirat)
	__SYSCALL(__NR_unlinkat, sys_unlinkat)
	__SYSCALL(__NR_pipe2, sys_pipe2)
	__SYSCALL(__NR_prlimit64, sys_prlimit64)
};

void do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->ax;
	long ret = -ENOSYS;

	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		ret = sys_call_table[nr](regs->di, regs->si, regs->dx,
					 regs->r10, regs->r8, regs->r9);
	if (ret == -ERESTARTSYS)	/* interrupted by a signal: no restarts */
		ret = -EINTR;
	regs->ax = ret;
	exit_to_user_mode(regs);
}

/* From ret_from_fork and ret_to_user (arch/x86/kernel/entry.asm). */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
}
