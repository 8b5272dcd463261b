/*
 * Register dumps and backtraces for oopses and panics.
 *
 * Backtraces follow the frame-pointer chain (the kernel is built with
 * -fno-omit-frame-pointer): each frame holds the caller's rbp and the
 * return address above it.  A frame is followed only while it lies on
 * the kernel stack and moves towards the stack's top, so a corrupt chain
 * ends the trace instead of faulting.  boot/head.asm clears rbp before
 * calling kernel_main, which ends every chain.
 */
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>

#define MAX_BACKTRACE_DEPTH	32

struct stack_frame {
	struct stack_frame *next;
	unsigned long return_address;
};

/* Is [p, p + size) on the running task's kernel stack? */
static bool on_kernel_stack(unsigned long p, unsigned long size)
{
	struct task_struct *task = this_cpu()->current_task;
	unsigned long base = task ? (unsigned long)task->stack :
				    (unsigned long)boot_stack;

	return p >= base && p + size <= base + THREAD_SIZE && !(p & 7);
}

/* Up to max return addresses of the frame chain from bp; how many. */
static int walk_stack(unsigned long bp, unsigned long *entries, int max)
{
	const struct stack_frame *frame = (const void *)bp;
	int n = 0;

	while (n < max && on_kernel_stack((unsigned long)frame, sizeof(*frame))) {
		if (!frame->return_address)
			break;
		entries[n++] = frame->return_address;
		if ((unsigned long)frame->next <= (unsigned long)frame)
			break;
		frame = frame->next;
	}
	return n;
}

void show_stack(unsigned long bp)
{
	unsigned long entries[MAX_BACKTRACE_DEPTH];
	int i, n = walk_stack(bp, entries, MAX_BACKTRACE_DEPTH);

	pr_emerg("Call Trace:\n");
	for (i = 0; i < n; i++)
		pr_emerg(" %pS\n", (void *)entries[i]);
}

int save_stack_trace(unsigned long *entries, int max)
{
	return walk_stack(current_frame_pointer(), entries, max);
}

void show_regs(const struct pt_regs *regs)
{
	pr_emerg("RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp,
		 regs->flags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n",
		 regs->ax, regs->bx, regs->cx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n",
		 regs->dx, regs->si, regs->di);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n",
		 regs->bp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n",
		 regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n",
		 regs->r13, regs->r14, regs->r15);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
		 read_cr0(), read_cr2(), read_cr3(), read_cr4());
	show_stack(regs->bp);
}

/* The registers of the caller of dump_stack(), as far as C can see them. */
static noinline void capture_regs(struct pt_regs *regs)
{
	const struct stack_frame *frame = __builtin_frame_address(0);

	__asm__ __volatile__(
		"movq %%rbx, %0\n\tmovq %%r12, %1\n\tmovq %%r13, %2\n\t"
		"movq %%r14, %3\n\tmovq %%r15, %4\n\tmovq %%rsp, %5\n\t"
		"pushfq\n\tpopq %6\n\tmovw %%cs, %7\n\tmovw %%ss, %8"
		: "=m"(regs->bx), "=m"(regs->r12), "=m"(regs->r13),
		  "=m"(regs->r14), "=m"(regs->r15), "=m"(regs->sp),
		  "=m"(regs->flags), "=m"(regs->cs), "=m"(regs->ss));
	regs->bp = (unsigned long)frame->next;
	regs->ip = frame->return_address;
}

void dump_stack(void)
{
	struct pt_regs regs = { 0 };

	capture_regs(&regs);
	show_regs(&regs);
}
