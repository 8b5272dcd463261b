/*
 * The portable half of the page-fault path: a fault on a user address,
 * whose kind of access the CPU's half has decoded (VM_READ, VM_WRITE or
 * VM_EXEC), is resolved the way Linux resolves it.  The region holding
 * the address is found (the stack grows down to meet it), the access
 * is checked against the region's permissions, and handle_mm_fault()
 * (mm/memory.c) maps a page: a new zeroed one (demand-zero) or a copy
 * of a shared one (copy-on-write).
 *
 * What a fault that cannot be resolved means is the CPU's business:
 * arch/x86/mm/fault.c reads the faulting address and the error code,
 * turns an unresolved user fault into SIGSEGV with Linux's report line
 * (print_vma_addr() adds the region), and sends a kernel fault to the
 * exception table or to an oops.
 *
 * Locking: handle_user_fault() takes mm->mmap_lock (a mutex), so it may
 * sleep: callers hold no spinlock and have interrupts on.  mm/gup.c,
 * which faults a range in under one hold, calls handle_mm_fault() itself.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>

int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned long vm_access)
{
	struct vm_area_struct *vma;
	int err = -EFAULT;

	mutex_lock(&mm->mmap_lock);
	vma = find_extend_vma(mm, addr);
	if (vma && (vma->vm_flags & vm_access))
		err = handle_mm_fault(vma, addr, vm_access == VM_WRITE);
	mutex_unlock(&mm->mmap_lock);
	return err;
}

int fault_in_user_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	return handle_user_fault(mm, addr, write ? VM_WRITE : VM_READ);
}

void print_vma_addr(struct mm_struct *mm, unsigned long ip)
{
	struct vm_area_struct *vma;

	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, ip);
	if (vma && vma->vm_start <= ip)
		printk(KERN_CONT " in %s[%lx+%lx]", vma->vm_name ? vma->vm_name : "anon",
		       vma->vm_start, vma->vm_end - vma->vm_start);
	mutex_unlock(&mm->mmap_lock);
	printk(KERN_CONT "\n");
}
