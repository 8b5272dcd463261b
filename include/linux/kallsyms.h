/*
 * The kernel's own symbol table, embedded at build time (see the
 * kernel.elf rule in the Makefile and tools/kallsyms.py), so oopses and
 * backtraces name functions: kallsyms_lookup() and printk's %pS.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN		128
#define KSYM_SYMBOL_LEN		(KSYM_NAME_LEN + 48)

/*
 * Name of the function containing addr, its size and addr's offset in
 * it; NULL when addr is not in the kernel's text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);

/* Address of the function called name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/* "name+0xoff/0xsize" or the bare hex address; returns the length. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

#endif
