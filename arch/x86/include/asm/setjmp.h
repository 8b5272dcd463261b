/*
 * setjmp/longjmp for the kernel (arch/x86/lib/setjmp.asm).  The test framework
 * uses them to abandon a test case that failed an assertion or raised
 * a CPU exception.  They save the callee-saved registers, the stack
 * pointer, the return address and RFLAGS, so a longjmp out of an
 * exception handler also restores the interrupt flag.
 */
#ifndef _ASM_SETJMP_H
#define _ASM_SETJMP_H

struct jmp_buf {
	unsigned long rbx, rbp, r12, r13, r14, r15, rsp, rip, rflags;
};

/* Returns 0 when called, and val (never 0) when resumed by longjmp(). */
int setjmp(struct jmp_buf *env) __attribute__((returns_twice));
void longjmp(struct jmp_buf *env, int val) __attribute__((noreturn));

#endif
