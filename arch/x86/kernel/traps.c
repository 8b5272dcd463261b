/*
 * CPU exceptions: the interrupt descriptor table, shared by all CPUs,
 * and the C handler that every entry stub (entry.asm) calls; vectors
 * from 32 up are interrupts and go to do_IRQ() (irq.c).  Double fault,
 * NMI and machine check run on stacks of their own (the TSS's IST,
 * cpu.c), so a kernel stack overflow is reported.  (Files named without
 * a directory are in arch/x86/kernel/.)
 *
 * A kernel exception is an oops: we print what happened (vector name,
 * error code, CR2 for a page fault), the registers and a backtrace.  If a
 * test case is running the oops fails that case and the tests go on
 * (kunit/try-catch.h); otherwise the kernel panics.  Before that, a page
 * fault goes to do_page_fault() (arch/x86/mm/fault.c), an exception in
 * user mode kills the process with the signal Linux sends for it, and a
 * kernel exception at an instruction in the exception table (a user
 * access) resumes at its fixup.  An NMI while a panic stops the CPUs
 * stops this one (smp_send_stop()).
 *
 * IDT layout: Intel SDM vol. 3, 6.14.1 (64-bit interrupt gates).
 */
#include <asm/hw_irq.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/extable.h>
#include <asm/traps.h>
#include <kunit/try-catch.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/signal.h>
#include <linux/smp.h>

#define IDT_ENTRIES		256
#define GATE_INTERRUPT		0x8e	/* present, DPL 0, 64-bit interrupt gate */

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

static struct gate_desc idt[IDT_ENTRIES] __attribute__((aligned(16)));
static int die_counter;

static const char *const trap_names[NR_EXCEPTION_VECTORS][2] = {
	[X86_TRAP_DE]	= { "#DE", "divide error" },
	[X86_TRAP_DB]	= { "#DB", "debug" },
	[X86_TRAP_NMI]	= { "NMI", "non-maskable interrupt" },
	[X86_TRAP_BP]	= { "#BP", "int3" },
	[X86_TRAP_OF]	= { "#OF", "overflow" },
	[X86_TRAP_BR]	= { "#BR", "bounds" },
	[X86_TRAP_UD]	= { "#UD", "invalid opcode" },
	[X86_TRAP_NM]	= { "#NM", "device not available" },
	[X86_TRAP_DF]	= { "#DF", "double fault" },
	[X86_TRAP_OLD_MF] = { "#MF", "coprocessor segment overrun" },
	[X86_TRAP_TS]	= { "#TS", "invalid TSS" },
	[X86_TRAP_NP]	= { "#NP", "segment not present" },
	[X86_TRAP_SS]	= { "#SS", "stack segment" },
	[X86_TRAP_GP]	= { "#GP", "general protection fault" },
	[X86_TRAP_PF]	= { "#PF", "page fault" },
	[X86_TRAP_MF]	= { "#MF", "coprocessor error" },
	[X86_TRAP_AC]	= { "#AC", "alignment check" },
	[X86_TRAP_MC]	= { "#MC", "machine check" },
	[X86_TRAP_XF]	= { "#XM", "SIMD floating-point exception" },
	[X86_TRAP_VE]	= { "#VE", "virtualization exception" },
	[X86_TRAP_CP]	= { "#CP", "control protection" },
	[X86_TRAP_HV]	= { "#HV", "hypervisor injection" },
	[X86_TRAP_VC]	= { "#VC", "VMM communication" },
	[X86_TRAP_SX]	= { "#SX", "security exception" },
};

const char *trap_mnemonic(unsigned int vector)
{
	if (vector >= NR_EXCEPTION_VECTORS || !trap_names[vector][0])
		return "#??";
	return trap_names[vector][0];
}

const char *trap_name(unsigned int vector)
{
	if (vector >= NR_EXCEPTION_VECTORS || !trap_names[vector][1])
		return "reserved exception";
	return trap_names[vector][1];
}

static void set_intr_gate(unsigned int vector, unsigned long addr,
			  unsigned int ist)
{
	struct gate_desc *g = &idt[vector];

	g->offset_low = addr & 0xffff;
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
}

/* Fill the IDT once; each CPU then loads it with trap_load_idt(). */
void trap_init(void)
{
	unsigned int v;

	for (v = 0; v < IDT_ENTRIES; v++)
		set_intr_gate(v, interrupt_stubs[v], 0);
	set_intr_gate(X86_TRAP_DF, interrupt_stubs[X86_TRAP_DF], IST_DOUBLE_FAULT);
	set_intr_gate(X86_TRAP_NMI, interrupt_stubs[X86_TRAP_NMI], IST_NMI);
	set_intr_gate(X86_TRAP_MC, interrupt_stubs[X86_TRAP_MC], IST_MACHINE_CHECK);
}

void trap_load_idt(void)
{
	struct { u16 size; u64 address; } __attribute__((packed)) ptr = {
		sizeof(idt) - 1, (u64)idt
	};

	__asm__ __volatile__("lidt %0" : : "m"(ptr));
}

/* The first lines of a page-fault oops, worded as Linux words them. */
static void show_fault_oops(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long err = regs->error_code;

	if (addr < PAGE_SIZE)
		pr_emerg("BUG: kernel NULL pointer dereference, address: %016lx\n",
			 addr);
	else
		pr_emerg("BUG: unable to handle page fault for address: %016lx\n",
			 addr);
	pr_emerg("#PF: %s %s in %s mode\n",
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" :
		 err & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", err,
		 !(err & X86_PF_PROT) ? "not-present page" :
		 err & X86_PF_RSVD ? "reserved bit violation" :
		 "permissions violation");
}

/* Print an oops report for regs. */
static void die(const struct pt_regs *regs)
{
	unsigned int vector = regs->vector;

	if (vector == X86_TRAP_PF)
		show_fault_oops(regs, read_cr2());
	pr_emerg("Oops: %s %s: %04lx [#%d]\n", trap_mnemonic(vector),
		 trap_name(vector), regs->error_code, ++die_counter);
	show_regs(regs);
}

/* The signal Linux sends a process for each exception it causes. */
static const unsigned char trap_signal[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = SIGFPE, [X86_TRAP_DB] = SIGTRAP, [X86_TRAP_BP] = SIGTRAP,
	[X86_TRAP_UD] = SIGILL, [X86_TRAP_SS] = SIGBUS, [X86_TRAP_MF] = SIGFPE,
	[X86_TRAP_AC] = SIGBUS, [X86_TRAP_XF] = SIGFPE,
};

static void do_user_trap(struct pt_regs *regs)
{
	int sig = trap_signal[regs->vector];

	show_user_trap(regs, trap_name(regs->vector));
	force_sig(sig ? sig : SIGSEGV);
}

/* The exceptions that run on a stack of their own (the TSS's IST). */
static bool on_ist_stack(unsigned long vector)
{
	return vector == X86_TRAP_NMI || vector == X86_TRAP_DF ||
	       vector == X86_TRAP_MC;
}

void handle_vector(struct pt_regs *regs)
{
	if (regs->vector >= NR_EXCEPTION_VECTORS)
		do_IRQ(regs);
	else
		do_exception(regs);
	if (user_mode(regs) && !on_ist_stack(regs->vector))
		exit_to_user_mode(regs);
}

void do_exception(struct pt_regs *regs)
{
	if (regs->vector == X86_TRAP_NMI)
		smp_stop_nmi();		/* returns unless a panic stops CPUs */
	if (regs->vector == X86_TRAP_PF && do_page_fault(regs))
		return;
	if (user_mode(regs) && !on_ist_stack(regs->vector)) {
		do_user_trap(regs);
		return;
	}
	if (fixup_exception(regs))
		return;
	if (!kunit_fault_is_expected())
		die(regs);
	kunit_try_catch_exception(regs);	/* returns if no test runs */
	panic("Fatal exception");
}
