/*
 * /proc/cpuinfo: one block per online CPU in Linux's format (processor,
 * vendor_id, cpu family, model, model name, stepping, cpu MHz, physical
 * id, siblings, core id, cpu cores, apicid, flags...), plus a line Linux
 * does not have, "node : N", the CPU's NUMA node.
 *
 * The identification fields come from CPUID executed on the CPU that
 * reads the file: every machine this kernel runs on (QEMU's) has
 * identical CPUs, as Linux also assumes when it prints boot_cpu_data's
 * model for all of them.  What differs per CPU (APIC id, node, online)
 * comes from cpu_data[].  Package and core ids are the APIC id split by
 * the widths CPUID leaf 0xb reports (SMT, then core level); without
 * that leaf every CPU is its own package.  cpu MHz is the TSC rate
 * kernel/time.c calibrated.
 *
 * Locking: none; cpu_data[] fields used here are constant once a CPU
 * is up, and a CPU coming up during a read is shown or not.
 */
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

/* Flag names of one CPUID register, bit 0 first; NULL: not shown. */
struct cpuid_flags {
	u32 leaf;
	int reg;		/* 0 eax, 1 ebx, 2 ecx, 3 edx */
	const char *name[32];
};

/* Linux's names (arch/x86/include/asm/cpufeatures.h), in its word order. */
static const struct cpuid_flags flag_words[] = {
	{ 1, 3, {	/* word 0 */
		"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8",
		"apic", NULL, "sep", "mtrr", "pge", "mca", "cmov", "pat",
		"pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx", "fxsr",
		"sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" } },
	{ 0x80000001, 3, {	/* word 1 */
		[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
		[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp",
		[29] = "lm", [30] = "3dnowext", [31] = "3dnow" } },
	{ 1, 2, {	/* word 4 */
		"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx",
		"smx", "est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16",
		"xtpr", "pdcm", NULL, "pcid", "dca", "sse4_1", "sse4_2",
		"x2apic", "movbe", "popcnt", "tsc_deadline_timer", "aes",
		"xsave", NULL, "avx", "f16c", "rdrand", "hypervisor" } },
	{ 0x80000001, 2, {	/* word 6 */
		"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy",
		"abm", "sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs",
		"xop", "skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL,
		"nodeid_msr", NULL, "tbm", "topoext", "perfctr_core",
		"perfctr_nb", NULL, "bpext", "ptsc", "perfctr_llc",
		"mwaitx" } },
	{ 7, 1, {	/* word 9 */
		"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL,
		"smep", "bmi2", "erms", "invpcid", "rtm", "cqm", NULL, "mpx",
		"rdt_a", "avx512f", "avx512dq", "rdseed", "adx", "smap",
		"avx512ifma", NULL, "clflushopt", "clwb", "intel_pt",
		"avx512pf", "avx512er", "avx512cd", "sha_ni", "avx512bw",
		"avx512vl" } },
	{ 7, 2, {	/* word 16 */
		[1] = "avx512vbmi", [2] = "umip", [3] = "pku", [4] = "ospke",
		[5] = "waitpkg", [6] = "avx512_vbmi2", [8] = "gfni",
		[9] = "vaes", [10] = "vpclmulqdq", [11] = "avx512_vnni",
		[12] = "avx512_bitalg", [13] = "tme",
		[14] = "avx512_vpopcntdq", [16] = "la57", [22] = "rdpid",
		[24] = "bus_lock_detect", [25] = "cldemote",
		[27] = "movdiri", [28] = "movdir64b", [29] = "enqcmd",
		[30] = "sgx_lc" } },
	{ 7, 3, {	/* word 18 */
		[2] = "avx512_4vnniw", [3] = "avx512_4fmaps", [4] = "fsrm",
		[8] = "avx512_vp2intersect", [10] = "md_clear",
		[14] = "serialize", [16] = "tsxldtrk", [18] = "pconfig",
		[19] = "arch_lbr", [22] = "amx_bf16", [23] = "avx512_fp16",
		[24] = "amx_tile", [25] = "amx_int8", [28] = "flush_l1d",
		[29] = "arch_capabilities" } },
};

/* What CPUID says about the CPU running this, read once per show. */
struct cpu_ident {
	char vendor[13];
	char model_name[49];
	u32 max_leaf, max_ext_leaf;
	unsigned int family, model, stepping;
	unsigned int smt_shift, pkg_shift;	/* APIC id bit fields */
	unsigned int phys_bits, virt_bits;
};

static u32 cpuid_reg(u32 leaf, int reg)
{
	u32 r[4];

	cpuid_count(leaf, 0, &r[0], &r[1], &r[2], &r[3]);
	return r[reg];
}

static bool leaf_exists(const struct cpu_ident *id, u32 leaf)
{
	if (leaf >= 0x80000000)
		return id->max_ext_leaf >= leaf;
	return id->max_leaf >= leaf;
}

static void ident_model_name(struct cpu_ident *id)
{
	u32 *p = (u32 *)id->model_name;
	const char *s;
	u32 leaf;

	strscpy(id->model_name, "unknown", sizeof(id->model_name));
	if (id->max_ext_leaf < 0x80000004)
		return;
	for (leaf = 0x80000002; leaf <= 0x80000004; leaf++, p += 4)
		cpuid_count(leaf, 0, &p[0], &p[1], &p[2], &p[3]);
	id->model_name[48] = '\0';
	for (s = id->model_name; *s == ' '; s++)
		;		/* Intel pads the brand string on the left */
	memmove(id->model_name, s, strlen(s) + 1);
}

/* APIC id layout from leaf 0xb: level 0 is SMT, level 1 is core. */
static void ident_topology(struct cpu_ident *id)
{
	u32 eax, ebx, ecx, edx;

	id->smt_shift = id->pkg_shift = 0;
	if (id->max_leaf < 0xb)
		return;
	cpuid_count(0xb, 0, &eax, &ebx, &ecx, &edx);
	if (!ebx)
		return;
	id->smt_shift = id->pkg_shift = eax & 0x1f;
	cpuid_count(0xb, 1, &eax, &ebx, &ecx, &edx);
	if (ebx)
		id->pkg_shift = eax & 0x1f;
}

static void cpu_identify(struct cpu_ident *id)
{
	u32 eax, ebx, ecx, edx, signature;

	cpuid_count(0, 0, &id->max_leaf, &ebx, &ecx, &edx);
	memcpy(id->vendor, &ebx, 4);
	memcpy(id->vendor + 4, &edx, 4);
	memcpy(id->vendor + 8, &ecx, 4);
	id->vendor[12] = '\0';
	cpuid_count(0x80000000, 0, &id->max_ext_leaf, &ebx, &ecx, &edx);
	if (id->max_ext_leaf < 0x80000000 || id->max_ext_leaf > 0x8000ffff)
		id->max_ext_leaf = 0;

	signature = cpuid_reg(1, 0);
	id->stepping = signature & 0xf;
	id->model = (signature >> 4) & 0xf;
	id->family = (signature >> 8) & 0xf;
	if (id->family == 0xf)
		id->family += (signature >> 20) & 0xff;
	if (id->family >= 6)
		id->model += ((signature >> 16) & 0xf) << 4;

	ident_model_name(id);
	ident_topology(id);
	id->phys_bits = 36;
	id->virt_bits = 48;
	if (leaf_exists(id, 0x80000008)) {
		cpuid_count(0x80000008, 0, &eax, &ebx, &ecx, &edx);
		id->phys_bits = eax & 0xff;
		id->virt_bits = (eax >> 8) & 0xff;
	}
}

static bool invariant_tsc(const struct cpu_ident *id)
{
	return leaf_exists(id, 0x80000007) &&
	       (cpuid_reg(0x80000007, 3) & (1u << X86_FEATURE_INVARIANT_TSC_BIT));
}

static size_t show_flags(const struct cpu_ident *id, char *buf, size_t size)
{
	size_t len = scnprintf(buf, size, "flags\t\t:");
	unsigned int w, bit;
	u32 v;

	for (w = 0; w < ARRAY_SIZE(flag_words); w++) {
		const struct cpuid_flags *f = &flag_words[w];

		v = leaf_exists(id, f->leaf) ? cpuid_reg(f->leaf, f->reg) : 0;
		for (bit = 0; bit < 32; bit++)
			if ((v & (1u << bit)) && f->name[bit])
				len += scnprintf(buf + len, size - len, " %s",
						 f->name[bit]);
		if (w == 1 && invariant_tsc(id))	/* Linux's word 3 */
			len += scnprintf(buf + len, size - len,
					 " constant_tsc nonstop_tsc");
	}
	return len + scnprintf(buf + len, size - len, "\n");
}

/* Logical CPUs and cores per package, as the APIC id layout implies. */
static unsigned int per_package(const struct cpu_ident *id, bool cores)
{
	unsigned int shift = id->pkg_shift - (cores ? id->smt_shift : 0);

	return 1u << shift;
}

static size_t show_cpu(const struct cpu_ident *id, int cpu, char *buf,
		       size_t size)
{
	const struct cpu_data *c = &cpu_data[cpu];
	u32 apic = c->apic_id;
	unsigned int core_mask = (1u << (id->pkg_shift - id->smt_shift)) - 1;
	size_t len;

	len = scnprintf(buf, size,
		"processor\t: %d\n"
		"vendor_id\t: %s\n"
		"cpu family\t: %u\n"
		"model\t\t: %u\n"
		"model name\t: %s\n"
		"stepping\t: %u\n"
		"cpu MHz\t\t: %lu.%03lu\n"
		"physical id\t: %u\n"
		"siblings\t: %u\n"
		"core id\t\t: %u\n"
		"cpu cores\t: %u\n"
		"apicid\t\t: %u\n"
		"initial apicid\t: %u\n"
		"node\t\t: %d\n"
		"fpu\t\t: yes\n"
		"cpuid level\t: %u\n"
		"wp\t\t: yes\n",
		cpu, id->vendor, id->family, id->model, id->model_name,
		id->stepping, tsc_khz / 1000, tsc_khz % 1000,
		apic >> id->pkg_shift, per_package(id, false),
		(apic >> id->smt_shift) & core_mask, per_package(id, true),
		apic, apic, c->node, id->max_leaf);
	len += show_flags(id, buf + len, size - len);
	len += scnprintf(buf + len, size - len,
		"bogomips\t: %lu.%02lu\n"
		"address sizes\t: %u bits physical, %u bits virtual\n\n",
		tsc_khz / 500, (tsc_khz / 5) % 100,
		id->phys_bits, id->virt_bits);
	return len;
}

size_t cpuinfo_show(char *buf, size_t size)
{
	struct cpu_ident id;
	size_t len = 0;
	int cpu;

	if (!size)
		return 0;
	cpu_identify(&id);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (READ_ONCE(cpu_data[cpu].online))
			len += show_cpu(&id, cpu, buf + len, size - len);
	return len;
}
