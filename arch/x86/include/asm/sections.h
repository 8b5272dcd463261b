/*
 * Addresses the linker script (arch/x86/kernel/vmlinux.lds) defines:
 * the bounds of the kernel image's parts, and of the tables the
 * assembler and compiler collect in sections of their own (Linux's
 * asm/sections.h and asm-generic/sections.h).  Only their addresses
 * mean anything.
 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

/* The image: text (RX), rodata (R), then data and bss (RW); _end after all. */
extern char _text[], _etext[];
extern char __start_rodata[], _erodata[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char _end[];

/* The addresses of the stac and clac no-ops (asm/uaccess.h, extable.inc). */
extern unsigned long __start_smap_stac[], __stop_smap_stac[];
extern unsigned long __start_smap_clac[], __stop_smap_clac[];

#endif
