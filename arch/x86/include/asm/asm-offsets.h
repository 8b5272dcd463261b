/*
 * Constants the assembly shares with C.  The Makefile turns every
 * #define here into a NASM %define (build/asm-offsets.inc, included by
 * arch/x86/kernel/entry.asm), and arch/x86/kernel/process.c checks each
 * against the structures at compile time, so C and assembly cannot
 * drift apart.
 * Values must be plain numbers both languages read.
 */
#ifndef _ASM_ASM_OFFSETS_H
#define _ASM_ASM_OFFSETS_H

#define CPU_TOP_OF_STACK	8	/* struct cpu_data.top_of_stack */
#define CPU_USER_SP		16	/* struct cpu_data.user_sp */
#define USER_DS_SEL		0x2b	/* __USER_DS */
#define USER_CS_SEL		0x33	/* __USER_CS */
#define SYSCALL_VECTOR		-1	/* pt_regs.vector of a system call */

#endif
