/*
 * The exception table (arch/x86/mm/extable.c): for each instruction allowed
 * to fault on a user address, where to continue when it does.  Entries
 * come from the EXTABLE macro (asm/extable.inc) in the user-access
 * assembly and from _ASM_EXTABLE in C inline assembly; the linker
 * gathers them into section __ex_table.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#include <asm/ptrace.h>
#include <linux/types.h>

struct exception_table_entry {
	unsigned long insn;	/* address of the faulting instruction */
	unsigned long fixup;	/* where to resume */
};

/* An entry for C inline assembly: "1: insn" may fault, resume at "2:". */
#define _ASM_EXTABLE(from, to)					\
	".pushsection __ex_table, \"a\"\n\t"			\
	".balign 8\n\t"						\
	".quad " #from ", " #to "\n\t"				\
	".popsection\n\t"

/* The table, sorted by insn after the link (arch/x86/kernel/vmlinux.lds). */
extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip);
/* If regs->ip has an entry, continue at its fixup and return true. */
bool fixup_exception(struct pt_regs *regs);

#endif
