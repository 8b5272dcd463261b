/*
 * struct pt_regs: the registers saved on the stack when an exception
 * or interrupt enters the kernel (arch/x86/kernel/entry.asm builds it, lowest
 * address first, in Linux's order; vector and error_code are pushed by
 * the entry stubs, ip..ss by the CPU).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10;
	unsigned long r9, r8, ax, cx, dx, si, di;
	unsigned long vector;
	unsigned long error_code;
	unsigned long ip, cs, flags, sp, ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
