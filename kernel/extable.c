/*
 * The exception table: (faulting instruction, fixup) pairs for every
 * instruction that touches user memory (lib/usercopy.asm).  When such an
 * instruction faults and the fault is not one the page-fault handler
 * can resolve, fixup_exception() moves the saved instruction pointer to
 * the fixup, and the interrupted routine returns -EFAULT (or the count
 * of bytes it did not copy) instead of the kernel oopsing.
 *
 * The linker emits entries object by object, so the table is almost
 * sorted; sort_main_extable() finishes the job once at boot (insertion
 * sort: linear on sorted input) and lookups are binary searches.
 * After boot the table is read-only: no locking.
 */
#include <asm/extable.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>

extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

void sort_main_extable(void)
{
	struct exception_table_entry *t = __start___ex_table, tmp;
	long n = __stop___ex_table - __start___ex_table, i, j;

	for (i = 1; i < n; i++) {
		tmp = t[i];
		for (j = i; j > 0 && t[j - 1].insn > tmp.insn; j--)
			t[j] = t[j - 1];
		t[j] = tmp;
	}

}

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
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
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
