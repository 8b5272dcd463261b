/*
 * The exception table: (faulting instruction, fixup) pairs for every
 * instruction that touches user memory (arch/x86/lib/usercopy.asm).
 * When such an instruction faults and the fault is not one the
 * page-fault handler can resolve, fixup_exception() moves the saved
 * instruction pointer to the fixup, and the interrupted routine returns
 * -EFAULT (or the count of bytes it did not copy) instead of the kernel
 * oopsing.
 *
 * The linker gathers the entries of every object into one section;
 * tools/sortextable.py sorts them by instruction address after the link
 * (as Linux's scripts/sorttable does), so a lookup is a binary search.
 * The table is read-only: no locking.
 */
#include <asm/extable.h>
#include <linux/kernel.h>

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	/* LAB(uaccess): write the lookup: a binary search of the table */
	const struct exception_table_entry *lo = __start___ex_table;
	const struct exception_table_entry *hi = __stop___ex_table;

	while (lo < hi) {
		const struct exception_table_entry *mid = lo + (hi - lo) / 2;

		if (mid->insn == ip)
			return mid;
		if (mid->insn < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
#if 0	/* LAB(uaccess) stub */
	return NULL;	/* no entry: every fault in a user copy is an oops */
#endif	/* END LAB(uaccess) */
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
