/*
 * Per-CPU descriptor tables and the per-CPU area.
 *
 * Each CPU has its own GDT (flat 64-bit kernel code and data, and a TSS
 * descriptor) and its own TSS, whose Interrupt Stack Table gives the
 * double-fault, NMI and machine-check handlers stacks of their own: a
 * kernel stack overflow then faults onto a good stack and is reported,
 * instead of ending in a triple fault.  GS points at the CPU's struct
 * cpu_data (asm/percpu.h).  Descriptor layouts: Intel SDM vol. 3, 3.4.5
 * (segments) and 8.2.3 (TSS descriptor in 64-bit mode).
 *
 * cpu_data[] is written by a CPU for itself during cpu_init() and is
 * otherwise per-CPU (see the legend in asm/percpu.h): no locking.
 */
#include <asm/msr.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <asm/segment.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/types.h>

/* Access byte and flags of a segment descriptor */
#define DESC_P		(1ULL << 47)	/* present */
#define DESC_S		(1ULL << 44)	/* code or data (not system) */
#define DESC_DPL3	(3ULL << 45)	/* usable from ring 3 */
#define DESC_CODE	(1ULL << 43)	/* executable */
#define DESC_RW		(1ULL << 41)	/* readable code / writable data */
#define DESC_L		(1ULL << 53)	/* 64-bit code */
#define DESC_DB		(1ULL << 54)	/* 32-bit data */
#define DESC_G		(1ULL << 55)	/* limit in pages */
#define DESC_LIMIT	0x000f00000000ffffULL
#define DESC_TSS_AVAIL	(0x9ULL << 40)	/* 64-bit TSS, available */


struct cpu_data cpu_data[NR_CPUS];
static char exception_stacks[NR_CPUS][N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE]
	__attribute__((aligned(16)));

struct desc_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

/* The two GDT words describing a TSS at base (Intel SDM vol. 3, 8.2.3). */
static void set_tss_desc(u64 *gdt, const struct tss_struct *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;

	gdt[0] = (limit & 0xffff) | (base & 0xffffff) << 16 | DESC_TSS_AVAIL |
		 DESC_P | ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	gdt[1] = base >> 32;
}

static void setup_tables(struct cpu_data *c)
{
	int i;

	memset(c->gdt, 0, sizeof(c->gdt));
	c->gdt[GDT_ENTRY_KERNEL_CS] = DESC_P | DESC_S | DESC_CODE | DESC_RW |
				      DESC_L | DESC_G | DESC_LIMIT;
	c->gdt[GDT_ENTRY_KERNEL_DS] = DESC_P | DESC_S | DESC_RW | DESC_DB |
				      DESC_G | DESC_LIMIT;
	c->gdt[GDT_ENTRY_USER32_CS] = DESC_P | DESC_S | DESC_DPL3 | DESC_CODE |
				      DESC_RW | DESC_DB | DESC_G | DESC_LIMIT;
	c->gdt[GDT_ENTRY_USER_DS] = DESC_P | DESC_S | DESC_DPL3 | DESC_RW |
				    DESC_DB | DESC_G | DESC_LIMIT;
	c->gdt[GDT_ENTRY_USER_CS] = DESC_P | DESC_S | DESC_DPL3 | DESC_CODE |
				    DESC_RW | DESC_L | DESC_G | DESC_LIMIT;
	memset(&c->tss, 0, sizeof(c->tss));
	for (i = 0; i < N_EXCEPTION_STACKS; i++)	/* stacks grow down */
		c->tss.ist[i] = (u64)exception_stacks[c->cpu][i] +
				EXCEPTION_STACK_SIZE;
	c->tss.io_bitmap_base = sizeof(c->tss);		/* no I/O bitmap */
	set_tss_desc(&c->gdt[GDT_ENTRY_TSS], &c->tss);
}

static void load_tables(struct cpu_data *c)
{
	struct desc_ptr ptr = { sizeof(c->gdt) - 1, (u64)c->gdt };

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"			/* reload CS with a far return */
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\tmovl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"		/* clears the GS base: set it after */
		"ltr %w3"
		: : "m"(ptr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(__TSS_SEL)
		: "rax", "memory");
}

/*
 * syscall enters at entry_SYSCALL_64 with the kernel's segments, and
 * with interrupts, single-stepping, direction and alignment-check
 * flags cleared (Linux clears the same set); sysret returns to the
 * user segments (asm/segment.h explains the layout STAR implies).
 */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, (u64)__USER32_CS << 48 | (u64)__KERNEL_CS << 32);
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				X86_EFLAGS_IOPL | X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsr(MSR_KERNEL_GS_BASE, 0);	/* user GS base */
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * User programs may use x87 and SSE: enable FXSAVE/FXRSTOR and SSE
 * exceptions; the scheduler saves and restores each process's registers
 * (arch/x86/kernel/process.c).  The kernel itself is built without SSE.
 */
static void fpu_init(void)
{
	write_cr0((read_cr0() & ~X86_CR0_EM) | X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

bool smap_enabled, smep_enabled, cpu_has_erms;

/* Rewrite each recorded no-op as the 3-byte instruction insn. */
static void patch_sites(unsigned long *start, unsigned long *end,
			const u8 insn[3])
{
	unsigned long *site;

	for (site = start; site < end; site++)
		memcpy((void *)*site, insn, 3);
}

/*
 * SMEP and SMAP, when the CPU has them (CPUID leaf 7): the boot CPU
 * decides and patches the stac/clac sites (asm/extable.inc) while the
 * kernel text is still writable; every CPU then sets the CR4 bits.
 */
static void smap_smep_init(int cpu)
{
	static const u8 stac[3] = { 0x0f, 0x01, 0xcb }, clac[3] = { 0x0f, 0x01, 0xca };
	u32 eax, ebx = 0, ecx, edx, max;

	if (cpu == 0) {
		cpuid_count(0, 0, &max, &ebx, &ecx, &edx);
		if (max >= 7)
			cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
		cpu_has_erms = ebx & (1U << X86_FEATURE_ERMS_BIT);
		smep_enabled = ebx & (1U << X86_FEATURE_SMEP_BIT);
		smap_enabled = ebx & (1U << X86_FEATURE_SMAP_BIT);
		if (smap_enabled) {
			patch_sites(__start_smap_stac, __stop_smap_stac, stac);
			patch_sites(__start_smap_clac, __stop_smap_clac, clac);
		}
		pr_info("x86: SMEP %s, SMAP %s; user copies by rep %s\n",
			smep_enabled ? "on" : "off (not on this CPU)",
			smap_enabled ? "on" : "off (not on this CPU)",
			cpu_has_erms ? "movsb (ERMS)" : "movsq");
	}
	if (smep_enabled)
		write_cr4(read_cr4() | X86_CR4_SMEP);
	if (smap_enabled)
		write_cr4(read_cr4() | X86_CR4_SMAP);
}

/*
 * Point GS at the boot CPU's cpu_data before anything else runs, so that
 * the per-CPU reads (the CPU number, the preemption count a spinlock
 * raises) work from the first printk on, which takes the log's lock;
 * cpu_init(0) sets up the rest.  Linux's head_64.S likewise loads the
 * GS base before start_kernel().
 */
void cpu_early_init(void)
{
	wrmsr(MSR_GS_BASE, (u64)&cpu_data[0]);
}

void cpu_init(int cpu)
{
	struct cpu_data *c = &cpu_data[cpu];

	c->self = c;
	c->cpu = cpu;
	setup_tables(c);
	load_tables(c);
	wrmsr(MSR_GS_BASE, (u64)c);
	trap_load_idt();
	syscall_init();
	fpu_init();
	smap_smep_init(cpu);
}
