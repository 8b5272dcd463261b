/*
 * The architecture's part of a task switch, of starting user code and
 * of idling.
 *
 * __switch_to() runs in the middle of schedule(), with the run queue
 * locked and interrupts off: it points the TSS's ring-0 stack and the
 * syscall entry at the next task's kernel stack, loads its page tables
 * (a kernel thread gets the kernel's own), and saves and restores the
 * user x87/SSE registers of processes.  The kernel is built without SSE,
 * so those registers hold the user's values throughout the kernel.
 */
#include <asm/asm-offsets.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>

/* The numbers arch/x86/kernel/entry.asm uses (asm/asm-offsets.inc). */
BUILD_BUG_ON(offsetof(struct cpu_data, top_of_stack) != CPU_TOP_OF_STACK);
BUILD_BUG_ON(offsetof(struct cpu_data, user_sp) != CPU_USER_SP);
BUILD_BUG_ON(__USER_DS != USER_DS_SEL);
BUILD_BUG_ON(__USER_CS != USER_CS_SEL);
BUILD_BUG_ON(sizeof(struct pt_regs) % 16 != 0);

static void fxsave(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*fx));
}

static void fxrstor(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(*fx));
}

/* The registers a new program starts with (as after FNINIT). */
void fpu_init_state(struct fxregs_state *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->cwd = 0x37f;		/* all exceptions masked, 64-bit precision */
	fx->mxcsr = 0x1f80;		/* all SSE exceptions masked */
}

/* Copy the running process's live registers into fx (fork). */
void fpu_copy_current(struct fxregs_state *fx)
{
	fxsave(fx);
}

void __switch_to(struct task_struct *prev, struct task_struct *next)
{
	struct cpu_data *c = this_cpu();
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	if (prev->mm)
		fxsave(&prev->fpu);
	c->top_of_stack = top;
	c->tss.sp0 = top;
	switch_mm(prev->mm, next->mm);
	if (next->mm)
		fxrstor(&next->fpu);
}

/* The idle loop's wait, entered with interrupts off: until an interrupt. */
void arch_cpu_idle(void)
{
	safe_halt();
}

/* Registers for entering a new program at ip with stack sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	fpu_init_state(&current->fpu);
	fxrstor(&current->fpu);
}
