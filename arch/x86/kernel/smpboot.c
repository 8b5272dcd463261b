/*
 * Starting the other CPUs, and asking them to do things.
 *
 * smp_init() starts each CPU the MADT lists, one at a time: it copies
 * the trampoline (boot/trampoline.asm) below 1 MiB, fills in the page
 * tables, stack and CPU number for it, sends INIT, then STARTUP twice
 * (Intel SDM vol. 3, 9.4.4, the universal start-up algorithm), and waits
 * for the CPU to mark itself online.  The new CPU comes up in
 * start_secondary(): its own descriptor tables, local APIC and timer,
 * then it becomes its idle task and joins the scheduler.
 *
 * Logical CPU numbers follow the MADT's order, which the NUMA code also
 * uses for cpu_to_node(); the boot CPU must be the first (it is on QEMU
 * and on PCs generally), and is checked.
 *
 * Cross-CPU calls: smp_call_function() puts one request in call_data
 * (call_lock serialises callers), raises CALL_FUNCTION_VECTOR on every
 * other online CPU and waits for each to count itself done (an atomic_t
 * counted down, after the function's stores).
 */
#include <asm/apic.h>
#include <asm/barrier.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <linux/acpi.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#define TRAMPOLINE_BASE		0x8000
#define MSR_EFER		0xc0000080
#define EFER_LME		(1U << 8)
#define EFER_NXE		(1U << 11)

extern char trampoline_start[], trampoline_end[];
extern char tr_cr3[], tr_efer[], tr_stack[], tr_entry[], tr_cpu[];

static struct {
	void (*func)(void *info);
	void *info;
	atomic_t pending;		/* CPUs yet to run it */
} call_data;
static DEFINE_SPINLOCK(call_lock);

int num_online_cpus(void)
{
	int cpu, n = 0;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += READ_ONCE(cpu_data[cpu].online);
	return n;
}

/* The trampoline's copy of a field, at its place below 1 MiB. */
static void *tr_field(char *field)
{
	return __va(TRAMPOLINE_BASE + (field - trampoline_start));
}

void start_secondary(int cpu)
{
	load_kernel_pgd();
	cpu_init(cpu);
	lapic_init();
	cpu_data[cpu].apic_id = read_apic_id();
	cpu_data[cpu].node = cpu_to_node(cpu);
	sched_init_cpu(cpu_data[cpu].idle, cpu_data[cpu].idle->stack, true);
	apic_timer_init();
	local_irq_enable();
	cpu_idle();
}

static bool wait_online(int cpu, unsigned int ms)
{
	while (ms--) {
		if (READ_ONCE(cpu_data[cpu].online))
			return true;
		mdelay(1);
	}
	return READ_ONCE(cpu_data[cpu].online);
}

static int boot_cpu(int cpu, phys_addr_t pgd)
{
	struct task_struct *idle = idle_task_create(NULL, "swapper");
	u32 apic_id = acpi_info.cpus[cpu].apic_id;

	if (!idle)
		return -ENOMEM;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	cpu_data[cpu].idle = idle;
	*(u32 *)tr_field(tr_cr3) = pgd;
	*(u64 *)tr_field(tr_stack) = (u64)idle->stack + THREAD_SIZE;
	*(u64 *)tr_field(tr_entry) = (u64)start_secondary;
	*(u32 *)tr_field(tr_cpu) = cpu;
	apic_send_init(apic_id);
	mdelay(10);
	apic_send_startup(apic_id, TRAMPOLINE_BASE >> PAGE_SHIFT);
	if (!wait_online(cpu, 1)) {
		apic_send_startup(apic_id, TRAMPOLINE_BASE >> PAGE_SHIFT);
		if (!wait_online(cpu, 1000))
			return -ETIMEDOUT;
	}
	return 0;
}

void smp_init(void)
{
	phys_addr_t pgd;
	int cpu, ret;

	if (nr_cpu_ids < 2)
		return;
	if (acpi_info.cpus[0].apic_id != read_apic_id()) {
		pr_warn("smp: the boot CPU is not the MADT's first; other CPUs stay off\n");
		return;
	}
	pgd = trampoline_pgd_alloc();
	if (!pgd) {
		pr_err("smp: no memory for the trampoline page tables\n");
		return;
	}
	memcpy(__va(TRAMPOLINE_BASE), trampoline_start, trampoline_end - trampoline_start);
	*(u32 *)tr_field(tr_efer) = EFER_LME |
		(__supported_pte_mask & _PAGE_NX ? EFER_NXE : 0);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		ret = boot_cpu(cpu, pgd);
		if (ret)
			pr_err("smp: CPU %d (APIC id %u) did not start: %d\n", cpu,
			       acpi_info.cpus[cpu].apic_id, ret);
	}
	trampoline_pgd_free(pgd);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu_data[cpu].online)
			pr_info("smp: CPU %d: APIC id %u, node %d\n", cpu,
				cpu_data[cpu].apic_id, cpu_to_node(cpu));
	pr_info("smp: %d of %d CPUs online\n", num_online_cpus(), nr_cpu_ids);
}

/* ---- cross-CPU calls ---- */

static void call_function_interrupt(struct pt_regs *regs, void *unused)
{
	call_data.func(call_data.info);
	smp_mb__before_atomic();	/* func's stores before the count */
	atomic_dec(&call_data.pending);
}

static void reschedule_interrupt(struct pt_regs *regs, void *unused)
{
	/* Nothing to do: do_IRQ() reschedules on the way out. */
}

static void send_reschedule(int cpu)
{
	apic_send_ipi(cpu_data[cpu].apic_id, RESCHEDULE_VECTOR);
}

void smp_call_function(void (*func)(void *info), void *info)
{
	int cpu, self;

	if (num_online_cpus() < 2)
		return;
	if (irqs_disabled())		/* two such callers would wait on each other */
		lock_bug("smp_call_function with interrupts off");
	spin_lock(&call_lock);
	self = smp_processor_id();
	call_data.func = func;
	call_data.info = info;
	atomic_set(&call_data.pending, num_online_cpus() - 1);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != self && cpu_data[cpu].online)
			apic_send_ipi(cpu_data[cpu].apic_id, CALL_FUNCTION_VECTOR);
	while (atomic_read_acquire(&call_data.pending))
		__builtin_ia32_pause();
	spin_unlock(&call_lock);
}

void on_each_cpu(void (*func)(void *info), void *info)
{
	unsigned long flags;

	smp_call_function(func, info);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

/* The IPI handlers; run once on the boot CPU, before smp_init(). */
void smp_prepare_ipis(void)
{
	request_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, NULL,
		       "Function call interrupts");
	request_vector(RESCHEDULE_VECTOR, reschedule_interrupt, NULL,
		       "Rescheduling interrupts");
	smp_send_reschedule = send_reschedule;
}
