/*
 * CPU exception vectors (Intel SDM vol. 3, table 6-1) and the trap
 * handling entry points (arch/x86/kernel/traps.c, arch/x86/kernel/dumpstack.c).
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/ptrace.h>
#include <linux/types.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,		/* non-maskable interrupt */
	X86_TRAP_BP,		/* breakpoint (int3) */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range exceeded */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,	/* coprocessor segment overrun */
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment fault */
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,	/* reserved */
	X86_TRAP_MF,		/* x87 floating-point error */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating-point */
	X86_TRAP_VE,		/* virtualization exception */
	X86_TRAP_CP,		/* control protection */
	X86_TRAP_HV = 28,	/* hypervisor injection */
	X86_TRAP_VC = 29,	/* VMM communication */
	X86_TRAP_SX = 30,	/* security exception */
	NR_EXCEPTION_VECTORS = 32,
};

/* Page-fault error code bits (Intel SDM vol. 3, 4.7) */
#define X86_PF_PROT	(1UL << 0)	/* 0: not present, 1: protection */
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)
#define X86_PF_INSTR	(1UL << 4)

/* "invalid opcode" and "#UD" for a vector. */
const char *trap_name(unsigned int vector);
const char *trap_mnemonic(unsigned int vector);

/* The page-fault handler (arch/x86/mm/fault.c): true when it dealt with it. */
bool do_page_fault(struct pt_regs *regs);
/* "traps: prog[pid] trap NAME ip:... sp:... error:... in prog[...]" */
void show_user_trap(struct pt_regs *regs, const char *name);
/* Before returning to user mode: reschedule, act on signals (kernel/signal.c). */
void exit_to_user_mode(struct pt_regs *regs);

/*
 * arch/x86/kernel/entry.asm: interrupt_stubs[v] is the address of the
 * stub for vector v, for the IDT; entry_SYSCALL_64 is where the syscall
 * instruction enters (MSR_LSTAR).  The stubs call these two.
 */
extern const unsigned long interrupt_stubs[];
void entry_SYSCALL_64(void);
void handle_vector(struct pt_regs *regs);
void do_exception(struct pt_regs *regs);

/* Load the shared IDT on this CPU. */
void trap_load_idt(void);

/* Register dump and backtrace (arch/x86/kernel/dumpstack.c). */
void show_regs(const struct pt_regs *regs);
void show_stack(unsigned long bp);
/* The caller's backtrace: up to max return addresses; how many. */
int save_stack_trace(unsigned long *entries, int max);
void dump_stack(void);

#endif
