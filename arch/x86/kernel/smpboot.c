/*
 * Starting the other CPUs (Linux's arch/x86/kernel/smpboot.c).
 *
 * smp_init() starts each CPU the MADT lists, one at a time: it copies
 * the trampoline (boot/trampoline.asm) below 1 MiB, fills in the page
 * tables, stack and CPU number for it, sends INIT, then STARTUP, and a
 * second STARTUP if the CPU is not online within a millisecond (Intel
 * SDM vol. 3, 9.4.4, the universal start-up algorithm), polling for the
 * CPU to mark itself online.  The algorithm's 10 ms wait after INIT is
 * left out on the processors Linux leaves it out on (init_wait_us()).  The new CPU comes up in
 * start_secondary(): its own descriptor tables, local APIC and timer,
 * then it becomes its idle task and joins the scheduler.
 *
 * Logical CPU numbers follow the MADT's order, which the NUMA code also
 * uses for cpu_to_node(); the boot CPU must be the first (it is on QEMU
 * and on PCs generally), and is checked.
 *
 * Locking: none; the boot CPU starts one CPU at a time, and each new
 * CPU writes only its own cpu_data[] entry.
 */
#include <asm/apic.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <linux/acpi.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#define TRAMPOLINE_BASE		0x8000
#define INIT_WAIT_US		10000	/* after INIT, where it is needed */
#define SIPI_WAIT_US		1000	/* before the second STARTUP */
#define ONLINE_WAIT_US		1000000	/* after it */
#define ONLINE_POLL_US		10
#define MSR_EFER		0xc0000080
#define EFER_LME		(1U << 8)
#define EFER_NXE		(1U << 11)

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

/*
 * The MP specification's 10 ms between INIT and STARTUP, which Linux
 * skips on processors known not to need it (smp_quirk_init_udelay():
 * Intel family 6, AMD from family 0xf, Hygon from 0x18), every CPU
 * model QEMU offers among them.  Others keep it.
 */
static unsigned int init_wait_us(void)
{
	u32 eax, ebx, ecx, edx, family;
	char vendor[12];

	cpuid_count(0, 0, &eax, &ebx, &ecx, &edx);
	memcpy(vendor, &ebx, 4);
	memcpy(vendor + 4, &edx, 4);
	memcpy(vendor + 8, &ecx, 4);
	cpuid_count(1, 0, &eax, &ebx, &ecx, &edx);
	family = (eax >> 8) & 0xf;
	if (family == 0xf)
		family += (eax >> 20) & 0xff;
	if ((!memcmp(vendor, "GenuineIntel", 12) && family == 6) ||
	    (!memcmp(vendor, "AuthenticAMD", 12) && family >= 0xf) ||
	    (!memcmp(vendor, "HygonGenuine", 12) && family >= 0x18))
		return 0;
	return INIT_WAIT_US;
}

static bool wait_online(int cpu, unsigned long us)
{
	unsigned long waited;

	for (waited = 0; waited < us; waited += ONLINE_POLL_US) {
		if (cpu_online(cpu))
			return true;
		udelay(ONLINE_POLL_US);
	}
	return cpu_online(cpu);
}

static int boot_cpu(int cpu, phys_addr_t pgd, unsigned int init_us)
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
	udelay(init_us);
	apic_send_startup(apic_id, TRAMPOLINE_BASE >> PAGE_SHIFT);
	if (!wait_online(cpu, SIPI_WAIT_US)) {
		apic_send_startup(apic_id, TRAMPOLINE_BASE >> PAGE_SHIFT);
		if (!wait_online(cpu, ONLINE_WAIT_US))
			return -ETIMEDOUT;
	}
	return 0;
}

void smp_init(void)
{
	unsigned int init_us = init_wait_us();
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
		ret = boot_cpu(cpu, pgd, init_us);
		if (ret)
			pr_err("smp: CPU %d (APIC id %u) did not start: %d\n", cpu,
			       acpi_info.cpus[cpu].apic_id, ret);
	}
	trampoline_pgd_free(pgd);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu_online(cpu))
			pr_info("smp: CPU %d: APIC id %u, node %d\n", cpu,
				cpu_data[cpu].apic_id, cpu_to_node(cpu));
	pr_info("smp: %d of %d CPUs online\n", num_online_cpus(), nr_cpu_ids);
}
