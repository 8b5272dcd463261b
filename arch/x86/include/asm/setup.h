/*
 * What the boot loader told the kernel (kernel/main.c fills it in), in
 * one form whichever way the kernel was started.
 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <asm/multiboot2.h>

/* The two ways in (boot/head.asm): GRUB, or QEMU's -kernel. */
enum boot_protocol {
	BOOT_MULTIBOOT2,	/* multiboot2 boot information */
	BOOT_PVH,		/* a PVH struct hvm_start_info (asm/pvh.h) */
};

extern enum boot_protocol boot_protocol;
extern struct multiboot_info boot_info;
/* Physical address of the boot information itself (total_size bytes). */
extern phys_addr_t boot_mbi_phys;

/* The boot CPU's first stack, THREAD_SIZE bytes (boot/head.asm). */
extern char boot_stack[];

/* Bring up memory management (arch/x86/kernel/setup.c). */
void setup_memory(void);

#endif
