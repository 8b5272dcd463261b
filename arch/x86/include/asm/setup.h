/*
 * What the boot loader told the kernel (kernel/main.c fills it in).
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <asm/multiboot2.h>

extern struct multiboot_info boot_info;
/* Physical address of the boot information itself. */
extern phys_addr_t boot_mbi_phys;

/* The boot CPU's first stack, THREAD_SIZE bytes (boot/head.asm). */
extern char boot_stack[];

/* Bring up memory management (arch/x86/kernel/setup.c). */
void setup_memory(void);

#endif
