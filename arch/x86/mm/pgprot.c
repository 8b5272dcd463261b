/*
 * The entry bits of a user page, from its region's permissions (Linux's
 * arch/x86/mm/pgprot.c, vm_get_page_prot()).  x86 pages are always
 * readable when present, so VM_READ needs no bit; a page without
 * VM_EXEC gets NX where the CPU has it; a region without any access
 * keeps its pages under the software bit _PAGE_PROTNONE, not present
 * to the CPU, so they survive mprotect(PROT_NONE) and come back.
 */
#include <asm/pgtable.h>
#include <linux/mm.h>

unsigned long vm_page_prot(unsigned long vm_flags)
{
	unsigned long prot = _PAGE_PRESENT | _PAGE_USER;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return _PAGE_PROTNONE;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot & __supported_pte_mask;
}
