/*
 * The x86 half of the page-fault handler (#PF, vector 14).  The CPU
 * gives the faulting address in CR2 and says in the error code what the
 * access was (Intel SDM vol. 3, 4.7): a read, a write or an instruction
 * fetch, from user or kernel mode, to a page that was not present or
 * whose protection forbade it.  In order:
 *
 *  1. A kernel access to a user page that SMEP or SMAP stopped is never
 *     resolved: it is reported and becomes an oops.
 *  2. A fault on a user address of the current process, from user mode
 *     or from a kernel routine that may sleep, goes to the portable
 *     half, handle_user_fault() (mm/fault.c), with the access decoded
 *     as VM_READ, VM_WRITE or VM_EXEC.
 *  3. Otherwise, a fault in user mode kills the process with SIGSEGV,
 *     after a line like Linux's: "prog[pid]: segfault at ADDR ip IP sp
 *     SP error E in prog[START+SIZE]".
 *  4. Otherwise, a kernel fault at an instruction listed in the
 *     exception table (a user-access routine) resumes at its fixup.
 *  5. Anything else is an oops (arch/x86/kernel/traps.c).
 *
 * A kernel fault in a context that may not sleep (interrupts off,
 * preemption disabled: a spinlock held) cannot take mmap_lock, so it
 * goes straight to the exception table, as with Linux's
 * pagefault_disable().
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/percpu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>

static unsigned long access_flags(unsigned long error_code)
{
	if (error_code & X86_PF_WRITE)
		return VM_WRITE;
	if (error_code & X86_PF_INSTR)
		return VM_EXEC;
	return VM_READ;
}

/* Step 2: 0 when the fault is resolved, -EFAULT or -ENOMEM otherwise. */
static int do_user_addr_fault(struct mm_struct *mm, unsigned long addr,
			      unsigned long error_code)
{
	/* A reserved bit set, or a present page read against its protection. */
	if (error_code & X86_PF_RSVD)
		return -EFAULT;
	if ((error_code & X86_PF_PROT) && !(error_code & X86_PF_WRITE))
		return -EFAULT;
	return handle_user_fault(mm, addr, access_flags(error_code));
}

/* A user fault that cannot be resolved: report and kill with SIGSEGV. */
static void bad_area(struct pt_regs *regs, unsigned long addr)
{
	struct task_struct *tsk = current;

	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx",
		tsk->comm, tsk->pid, addr, regs->ip, regs->sp, regs->error_code);
	print_vma_addr(tsk->mm, regs->ip);
	force_sig(SIGSEGV);
}

void show_user_trap(struct pt_regs *regs, const char *name)
{
	struct task_struct *tsk = current;

	pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx", tsk->comm,
		tsk->pid, name, regs->ip, regs->sp, regs->error_code);
	print_vma_addr(tsk->mm, regs->ip);
}

/*
 * A kernel-mode fault on a user address that SMEP or SMAP raised: an
 * instruction fetch from a user page, or a data access outside the
 * user-access routines (EFLAGS.AC clear).  Such a fault is never
 * resolved: it is reported and becomes an oops.
 */
static bool smap_smep_violation(struct pt_regs *regs, unsigned long addr)
{
	if (user_mode(regs) || addr >= TASK_SIZE)
		return false;
	if (smep_enabled && (regs->error_code & X86_PF_INSTR)) {
		pr_emerg("SMEP: kernel tried to execute a user page at %lx\n", addr);
		return true;
	}
	if (smap_enabled && !(regs->flags & X86_EFLAGS_AC)) {
		pr_emerg("SMAP: kernel access to user address %lx outside the "
			 "user-access routines\n", addr);
		return true;
	}
	return false;
}

bool do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	struct mm_struct *mm = current->mm;
	bool may_sleep = (regs->flags & X86_EFLAGS_IF) && !preempt_count();
	int err = -EFAULT;

	if (smap_smep_violation(regs, addr))
		return false;
	if (addr < TASK_SIZE && mm && (user_mode(regs) || may_sleep)) {
		if (regs->flags & X86_EFLAGS_IF)
			local_irq_enable();
		err = do_user_addr_fault(mm, addr, regs->error_code);
		if (!err)
			return true;
	}
	if (!user_mode(regs))
		return fixup_exception(regs);
	if (err == -ENOMEM) {
		pr_err("Out of memory: killed process %d (%s)\n", current->pid,
		       current->comm);
		force_sig(SIGKILL);
	} else {
		bad_area(regs, addr);
	}
	return true;
}
