/*
 * The local APIC: every CPU's own interrupt controller (Intel SDM vol. 3,
 * chapter 11).  This file enables it on each CPU, acknowledges
 * interrupts (apic_eoi, installed as irq_eoi), sends inter-processor
 * interrupts, including the INIT and STARTUP messages that wake other
 * CPUs, and reports APIC errors.  Its timer is driven from
 * arch/x86/kernel/time.c.
 *
 * Two register interfaces exist.  xAPIC mode: a 4 KiB page of 32-bit
 * registers at the physical address the ACPI MADT gives (0xfee00000),
 * mapped uncached with ioremap(), the same page address on every CPU but
 * each CPU sees its own APIC there.  x2APIC mode: the same registers as
 * MSRs 0x800 + (offset >> 4), 32-bit APIC ids, and the interrupt command
 * register (ICR) as one 64-bit MSR, with no "delivery pending" bit to
 * poll.  The boot CPU picks x2APIC when CPUID.1:ECX bit 21 says the CPU
 * has it (or the firmware already switched to it); every other CPU then
 * follows, since all must use the same mode.
 *
 * Invariants: x2apic_mode and apic_mmio are set once, by the boot CPU's
 * lapic_init(), before any other CPU runs and before interrupts are
 * enabled; afterwards they are only read.  Each CPU touches only its own
 * APIC and its own apic_errors[] slot.
 *
 * Locking: none.  The only multi-step register sequence, ICR2 then ICR in
 * xAPIC mode, runs with interrupts off on this CPU, so an interrupt
 * handler that sends an IPI cannot slip in between; other CPUs have
 * their own ICR.
 *
 * Modern Linux (arch/x86/kernel/apic/) hides the two modes behind a
 * struct apic of function pointers chosen at boot, uses logical or
 * cluster destination modes to reach groups of CPUs, the TSC-deadline
 * timer instead of the periodic one, and, with more than 255 CPUs,
 * interrupt remapping so that IOAPIC and MSI messages can name 32-bit
 * x2APIC ids.
 */
#define pr_fmt(fmt) "APIC: " fmt

#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/msr.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>

/*
 * How many times to poll the xAPIC's delivery status before giving up.
 * Each poll is an uncached read; a real APIC clears the bit within a few
 * bus cycles and QEMU's at once, so reaching the limit means the APIC is
 * stuck, whatever the speed of the machine.
 */
#define ICR_IDLE_LOOPS	1000000

bool x2apic_mode;
static volatile u32 *apic_mmio;		/* xAPIC register page */
static bool apic_probed;
static unsigned long apic_errors[NR_CPUS];

u32 apic_read(u32 reg)
{
	if (x2apic_mode)
		return rdmsr(APIC_BASE_MSR + (reg >> 4));
	return apic_mmio[reg / 4];
}

void apic_write(u32 reg, u32 val)
{
	if (x2apic_mode)
		wrmsr(APIC_BASE_MSR + (reg >> 4), val);
	else
		apic_mmio[reg / 4] = val;
}

u32 read_apic_id(void)
{
	u32 id = apic_read(APIC_ID);

	return x2apic_mode ? id : id >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

unsigned long apic_error_count(int cpu)
{
	return cpu >= 0 && cpu < NR_CPUS ? apic_errors[cpu] : 0;
}

/* ---- errors ---- */

static const char *const apic_error_names[8] = {
	"send checksum error",		/* APIC_ESR_SEND_CS */
	"receive checksum error",	/* APIC_ESR_RECV_CS */
	"send accept error",		/* APIC_ESR_SEND_ACC */
	"receive accept error",		/* APIC_ESR_RECV_ACC */
	"redirectable IPI",		/* APIC_ESR_REDIR_IPI */
	"send illegal vector",		/* APIC_ESR_SEND_ILL */
	"received illegal vector",	/* APIC_ESR_RECV_ILL */
	"illegal register address",	/* APIC_ESR_ILLREGA */
};

/*
 * ERROR_APIC_VECTOR: the APIC found something wrong (an IPI no one
 * accepted, a vector below 16...).  Writing the ESR latches the errors
 * seen since the last write into it and re-arms the error interrupt.
 */
static void apic_error_interrupt(struct pt_regs *regs, void *data)
{
	int cpu = smp_processor_id();
	char text[160];
	size_t len = 0;
	unsigned int bit;
	u32 esr;

	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	apic_errors[cpu]++;
	for (bit = 0; bit < ARRAY_SIZE(apic_error_names); bit++) {
		if (!(esr & (1U << bit)))
			continue;
		len += scnprintf(text + len, sizeof(text) - len, "%s%s",
				 len ? ", " : "", apic_error_names[bit]);
	}
	pr_err("error on CPU %d: ESR %#04x (%s)\n", cpu, esr,
	       len ? text : "no bit set");
}

/* ---- boot-CPU setup: which mode, where the registers are ---- */

static bool cpu_has_x2apic(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(1, 0, &eax, &ebx, &ecx, &edx);
	return ecx & (1U << X86_FEATURE_X2APIC_BIT);
}

/*
 * The xAPIC page: the MADT's address.  Should IA32_APIC_BASE disagree,
 * it wins, since that is where the CPU decodes its registers.
 */
static phys_addr_t apic_phys_base(void)
{
	phys_addr_t msr_base = rdmsr(MSR_IA32_APICBASE) &
			       MSR_IA32_APICBASE_BASE;

	if (acpi_info.madt_status || !acpi_info.lapic_address)
		return msr_base;
	if (acpi_info.lapic_address != msr_base)
		pr_warn("MADT says %#llx, IA32_APIC_BASE %#llx: using the MSR\n",
			(unsigned long long)acpi_info.lapic_address,
			(unsigned long long)msr_base);
	return msr_base;
}

static void apic_probe(void)
{
	phys_addr_t base;

	x2apic_mode = cpu_has_x2apic() ||
		      (rdmsr(MSR_IA32_APICBASE) & X2APIC_ENABLE);
	if (x2apic_mode) {
		pr_info("x2APIC mode: registers are MSRs 0x800-0x8ff\n");
	} else {
		base = apic_phys_base();
		apic_mmio = ioremap(base, PAGE_SIZE);
		if (!apic_mmio)
			panic("APIC: cannot map the xAPIC registers at %#llx",
			      (unsigned long long)base);
		pr_info("xAPIC mode: registers at %#llx, mapped uncached at %p\n",
			(unsigned long long)base, (void *)apic_mmio);
	}
	if (request_vector(ERROR_APIC_VECTOR, apic_error_interrupt, NULL,
			   "APIC error interrupts"))
		pr_warn("vector %#x already taken: APIC errors go unreported\n",
			ERROR_APIC_VECTOR);
	irq_eoi = apic_eoi;
	apic_probed = true;
}

/* ---- per-CPU setup ---- */

/*
 * Turn the APIC on in IA32_APIC_BASE (the global enable; firmware
 * normally leaves it on) and, for x2APIC, switch mode.  The SDM forbids
 * going from disabled straight to x2APIC: xAPIC mode comes first.
 */
static void apic_enable_mode(void)
{
	u64 msr = rdmsr(MSR_IA32_APICBASE);

	if (!(msr & MSR_IA32_APICBASE_ENABLE)) {
		msr |= MSR_IA32_APICBASE_ENABLE;
		wrmsr(MSR_IA32_APICBASE, msr);
	}
	if (x2apic_mode && !(msr & X2APIC_ENABLE))
		wrmsr(MSR_IA32_APICBASE, msr | X2APIC_ENABLE);
}

/* Mask every local interrupt source, whatever firmware left there. */
static void lapic_mask_lvts(unsigned int maxlvt)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED);
	if (maxlvt >= 4)
		apic_write(APIC_LVTPC, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		apic_write(APIC_LVTTHMR, APIC_LVT_MASKED);
}

/*
 * LINT0 carries the 8259's output (ExtINT) in "virtual wire" mode: masked,
 * since the IOAPIC delivers ISA interrupts.  LINT1 carries NMI (the MADT
 * of QEMU and of most PCs says so for every CPU); like Linux, only the
 * boot CPU takes it, so one NMI is not handled on every CPU at once.
 */
static void lapic_setup_lint(int cpu)
{
	apic_write(APIC_LVT0, APIC_DM_EXTINT | APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_DM_NMI | (cpu ? APIC_LVT_MASKED : 0));
}

/* Errors on ERROR_APIC_VECTOR; clear what was latched before. */
static void lapic_setup_esr(void)
{
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
}

void lapic_init(void)
{
	int cpu = smp_processor_id();
	unsigned int maxlvt;
	u32 version;

	if (!apic_probed)
		apic_probe();		/* the boot CPU comes first */
	apic_enable_mode();
	version = apic_read(APIC_LVR);
	maxlvt = GET_APIC_MAXLVT(version);
	lapic_mask_lvts(maxlvt);
	apic_write(APIC_TASKPRI, 0);	/* accept every priority class */
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	lapic_setup_lint(cpu);
	lapic_setup_esr();
	this_cpu()->apic_id = read_apic_id();
	pr_info("CPU %d: local APIC id %u, version %#x, %u LVT entries; "
		"LINT0 masked, LINT1 NMI%s\n", cpu, this_cpu()->apic_id,
		GET_APIC_VERSION(version), maxlvt + 1, cpu ? " (masked)" : "");
}

/* ---- inter-processor interrupts ---- */

static int xapic_wait_icr_idle(void)
{
	unsigned long n;

	for (n = 0; n < ICR_IDLE_LOOPS; n++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return 0;
		__builtin_ia32_pause();
	}
	return -ETIMEDOUT;
}

/* xAPIC: destination first, then the low half, which sends. */
static int xapic_icr_write(u32 low, u32 dest)
{
	int ret;

	if (dest > 0xff)
		return -EINVAL;
	ret = xapic_wait_icr_idle();
	if (ret)
		return ret;
	apic_write(APIC_ICR2, dest << 24);
	apic_write(APIC_ICR, low);
	return xapic_wait_icr_idle();
}

/*
 * x2APIC: one 64-bit write.  WRMSR to the ICR is not serializing, so
 * without a fence the target could take the IPI before it sees our
 * earlier stores (Linux: weak_wrmsr_fence()).
 */
static void x2apic_icr_write(u32 low, u32 dest)
{
	__asm__ __volatile__("mfence; lfence" : : : "memory");
	wrmsr(APIC_BASE_MSR + (APIC_ICR >> 4), (u64)dest << 32 | low);
}

static int apic_icr_write(u32 low, u32 dest)
{
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	if (x2apic_mode)
		x2apic_icr_write(low, dest);
	else
		ret = xapic_icr_write(low, dest);
	local_irq_restore(flags);
	if (ret)
		pr_err("IPI %#x to APIC id %u failed (%d)\n", low, dest, ret);
	return ret;
}

static bool ipi_vector_valid(unsigned int vector)
{
	return vector >= FIRST_EXTERNAL_VECTOR && vector < NR_VECTORS;
}

int apic_send_ipi(u32 apic_id, unsigned int vector)
{
	if (!ipi_vector_valid(vector))
		return -EINVAL;
	return apic_icr_write(APIC_DM_FIXED | vector, apic_id);
}

int apic_send_ipi_self(unsigned int vector)
{
	if (!ipi_vector_valid(vector))
		return -EINVAL;
	if (x2apic_mode) {
		wrmsr(APIC_BASE_MSR + (APIC_SELF_IPI >> 4), vector);
		return 0;
	}
	return apic_icr_write(APIC_DEST_SELF | APIC_DM_FIXED | vector, 0);
}

int apic_send_nmi(u32 apic_id)
{
	return apic_icr_write(APIC_DM_NMI, apic_id);
}

/*
 * INIT, level triggered and asserted.  The xAPIC also gets the de-assert
 * message Linux sends; CPUs since the Pentium 4 ignore it, and x2APIC
 * mode does not have it.
 */
int apic_send_init(u32 apic_id)
{
	int ret;

	ret = apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
			     APIC_DM_INIT, apic_id);
	if (ret || x2apic_mode)
		return ret;
	return apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apic_id);
}

/* STARTUP: the vector field is the 4 KiB page the target starts at. */
int apic_send_startup(u32 apic_id, unsigned int page)
{
	if (page > 0xff)
		return -EINVAL;
	return apic_icr_write(APIC_DM_STARTUP | page, apic_id);
}
