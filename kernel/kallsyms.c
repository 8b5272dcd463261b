/*
 * Address-to-name lookups in the kernel's own symbol table.
 *
 * The tables are generated at build time (tools/kallsyms.py) from the
 * linked kernel and linked into it by a second pass: kallsyms_addresses
 * is sorted, so a lookup is a binary search for the last symbol at or
 * below the address.  Read-only after the build: no locking.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "kallsyms_internal.h"

/* Index of the last symbol whose address is <= addr, or -1. */
static long kallsyms_find(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	long i = kallsyms_find(addr);

	if (i < 0 || addr - kallsyms_addresses[i] >= kallsyms_sizes[i])
		return NULL;
	if (size)
		*size = kallsyms_sizes[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr, &symsize, &offset);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
