/*
 * The AP trampoline (boot/trampoline.asm): the code a starting CPU runs
 * from real mode to long mode, copied below 1 MiB before each start
 * (arch/x86/kernel/smpboot.c), and the fields in it that the boot CPU
 * fills in first: page tables (tr_cr3), EFER bits (tr_efer), the stack
 * (tr_stack), the 64-bit entry point (tr_entry) and the CPU's number
 * (tr_cpu).  Each is addressed by its offset from trampoline_start.
 */
#ifndef _ASM_REALMODE_H
#define _ASM_REALMODE_H

extern char trampoline_start[], trampoline_end[];
extern char tr_cr3[], tr_efer[], tr_stack[], tr_entry[], tr_cpu[];

#endif
