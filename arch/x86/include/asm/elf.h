/*
 * Which ELF files this CPU runs (Linux's arch/x86/include/asm/elf.h):
 * 64-bit, little-endian, machine EM_X86_64.  kernel/exec.c checks the
 * header against these before loading anything.
 */
#ifndef _ASM_ELF_H
#define _ASM_ELF_H

#include <uapi/linux/elf.h>

#define ELF_CLASS		ELFCLASS64
#define ELF_DATA		ELFDATA2LSB
#define elf_check_arch(x)	((x)->e_machine == EM_X86_64)

#endif
