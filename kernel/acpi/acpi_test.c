/*
 * Tests of the ACPI tables (suite "acpi").
 *
 * The first cases compare acpi_info, filled by acpi_init() at boot, with
 * what tests/run told QEMU, as it says on the command line:
 *
 *	ktest_cpus=N		-smp N
 *	ktest_machine=pc|q35	the chipset: q35 has an MCFG, pc has none
 *	ktest_numa=none, or MASK:MIB/MASK:MIB/...
 *				one entry per node in node-id order: the hex
 *				bitmask of its CPUs and its memory in MiB
 *	ktest_dist=D.D.D...	with NUMA: the distances, row-major
 *
 * read through kunit/machine.h.  QEMU uses each node's id as its
 * proximity domain, and acpi_info numbers nodes in the order the SRAT
 * names their domains, so QEMU's node acpi_info.node_to_pxm[n] is the
 * kernel's node n; the cases check that map, then compare through it.
 * A case whose option is missing is skipped.  Both machines have a PM
 * timer in the FADT, which must count.  The last cases run
 * acpi_parse() again on the real tables, through a map callback that
 * swaps one table for a damaged copy in a static buffer, and check that
 * the damaged table (and only it) is refused.  The host test
 * (tests/host/test_acpi.c) does the heavy corruption testing.
 *
 * The cases run one at a time on the boot CPU; the static buffers below
 * belong to the running case, and so do the pages it maps to read the
 * tables (unmapped by the suite's exit).
 */
#include <asm/cmdline.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <kunit/machine.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* The local APIC's architectural default address (Intel SDM 10.4.1). */
#define APIC_DEFAULT_PHYS_BASE	0xfee00000

/*
 * QEMU's SRAT leaves the legacy VGA and BIOS hole (0xa0000-0xfffff,
 * 384 KiB) out of the node whose memory starts at 0; every other range
 * is exact.
 */
#define LEGACY_HOLE_SIZE	(0x100000 - 0xa0000)

/* The value of ktest_NAME=, or skip the case. */
static void get_option(struct kunit *test, const char *name, char *buf,
		       int size)
{
	if (cmdline_find_option(boot_command_line, name, buf, size) < 0)
		kunit_skip(test, "no %s= on the command line", name);
}

/* What tests/run told QEMU, or skip the case. */
static void get_machine(struct kunit *test, struct kunit_machine *m)
{
	int ret = kunit_machine_read(m);

	if (ret == -ENOENT)
		kunit_skip(test, "no ktest_numa= on the command line");
	KUNIT_ASSERT_EQ_MSG(test, ret, 0,
			    "cannot read ktest_cpus=, ktest_numa= or ktest_dist=");
}

/* acpi_parse() always sets distance[0][0]; a zeroed acpi_info has 0. */
static int acpi_test_init(struct kunit *test)
{
	if (acpi_info.distance[0][0] != LOCAL_DISTANCE) {
		kunit_err(test, "acpi_init() has not run: acpi_info is empty");
		return -EINVAL;
	}
	return 0;
}

/* ---- acpi_info against what QEMU was given ---- */

static void acpi_root_table(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, acpi_info.root_status, 0, "%s",
			    acpi_info.root_reason);
	KUNIT_EXPECT_PTR_EQ(test, acpi_info.root_reason, NULL);
	/* An ACPI 1.0 RSDP has no XSDT. */
	if (acpi_info.revision < 2)
		KUNIT_EXPECT_FALSE(test, acpi_info.xsdt);
	kunit_info(test, "RSDP revision %u, tables from the %s",
		   acpi_info.revision, acpi_info.xsdt ? "XSDT" : "RSDT");
}

static void acpi_madt_cpus(struct kunit *test)
{
	struct kunit_machine m;
	int i, j;

	get_machine(test, &m);
	if (!m.nr_cpus)
		kunit_skip(test, "no ktest_cpus= on the command line");
	KUNIT_ASSERT_EQ_MSG(test, acpi_info.madt_status, 0, "%s",
			    acpi_info.madt_reason);
	KUNIT_EXPECT_EQ(test, acpi_info.nr_cpus, m.nr_cpus);
	for (i = 0; i < acpi_info.nr_cpus; i++)
		for (j = i + 1; j < acpi_info.nr_cpus; j++)
			KUNIT_EXPECT_NE_MSG(test, acpi_info.cpus[i].apic_id,
					    acpi_info.cpus[j].apic_id,
					    "CPUs %d and %d", i, j);
}

static void acpi_madt_interrupts(struct kunit *test)
{
	const struct acpi_override *ovr = NULL;
	int i;

	KUNIT_ASSERT_EQ(test, acpi_info.madt_status, 0);
	KUNIT_EXPECT_GE(test, acpi_info.nr_ioapics, 1);
	KUNIT_EXPECT_EQ(test, acpi_info.lapic_address, APIC_DEFAULT_PHYS_BASE);
	for (i = 0; i < acpi_info.nr_overrides; i++)
		if (acpi_info.overrides[i].bus == 0 &&
		    acpi_info.overrides[i].source == 0)
			ovr = &acpi_info.overrides[i];
	/* The PIT's IRQ 0 is wired to the IOAPIC's pin 2 (pc and q35). */
	KUNIT_ASSERT_NOT_NULL(test, ovr);
	KUNIT_EXPECT_EQ(test, ovr->gsi, 2);
}

/*
 * The SRAT gave as many nodes as QEMU has, and each of QEMU's node ids
 * is the proximity domain of exactly one node.
 */
static void check_nodes(struct kunit *test, const struct kunit_machine *m)
{
	int i, nr_nodes = m->nr_nodes;
	unsigned long seen = 0;
	u32 pxm;

	KUNIT_ASSERT_EQ(test, acpi_info.nr_nodes, nr_nodes);
	for (i = 0; i < nr_nodes; i++) {
		pxm = acpi_info.node_to_pxm[i];
		KUNIT_ASSERT_LT_MSG(test, pxm, nr_nodes,
				    "node %d: proximity domain %u", i, pxm);
		KUNIT_EXPECT_FALSE_MSG(test, seen >> pxm & 1,
				       "two nodes have proximity domain %u", pxm);
		seen |= 1UL << pxm;
	}
}

static void acpi_srat_nodes(struct kunit *test)
{
	struct kunit_machine m;
	const struct acpi_cpu *cpu;
	int i;

	get_machine(test, &m);
	if (!m.nr_nodes) {
		KUNIT_EXPECT_EQ(test, acpi_info.srat_status, -ENOENT);
		KUNIT_EXPECT_EQ(test, acpi_info.nr_nodes, 0);
		return;
	}
	KUNIT_ASSERT_EQ_MSG(test, acpi_info.srat_status, 0, "%s",
			    acpi_info.srat_reason);
	check_nodes(test, &m);
	/*
	 * CPU i of -smp has APIC id i in QEMU's MADT (true for -smp N; a
	 * topology with, say, 3 cores per socket leaves gaps in the ids).
	 */
	for (i = 0; i < acpi_info.nr_cpus; i++) {
		cpu = &acpi_info.cpus[i];
		KUNIT_ASSERT_LT(test, cpu->apic_id, 8 * sizeof(long));
		KUNIT_ASSERT_LT(test, cpu->node, m.nr_nodes);
		KUNIT_EXPECT_TRUE_MSG(test,
				      m.cpus[m.pxm[cpu->node]] >> cpu->apic_id & 1,
				      "APIC id %u is on node %d, proximity domain %d",
				      cpu->apic_id, cpu->node, m.pxm[cpu->node]);
	}
}

/* Bytes of node's enabled, not hot-pluggable memory ranges. */
static u64 node_memory(int node, bool *holds_zero)
{
	const struct acpi_memblk *blk;
	u64 total = 0;
	int i;

	*holds_zero = false;
	for (i = 0; i < acpi_info.nr_memblks; i++) {
		blk = &acpi_info.memblks[i];
		if (blk->node != node || blk->hotpluggable)
			continue;
		total += blk->end - blk->start;
		*holds_zero |= blk->start == 0;
	}
	return total;
}

static void acpi_srat_memory(struct kunit *test)
{
	struct kunit_machine m;
	u64 want, got, all = 0, ram = 0;
	bool holds_zero;
	int node;

	get_machine(test, &m);
	if (!m.nr_nodes)
		kunit_skip(test, "no NUMA nodes");
	check_nodes(test, &m);
	for (node = 0; node < m.nr_nodes; node++) {
		want = (u64)kunit_machine_node_mib(&m, node) << 20;
		got = node_memory(node, &holds_zero);
		kunit_info(test, "node %d: %llu KiB, QEMU gave %llu KiB", node,
			   (unsigned long long)got >> 10,
			   (unsigned long long)want >> 10);
		KUNIT_EXPECT_LE(test, got, want);
		KUNIT_EXPECT_GE(test, got,
				want - (holds_zero ? LEGACY_HOLE_SIZE : 0));
		all += got;
		ram += want;
	}
	/* Together the nodes hold all RAM (but the legacy hole). */
	KUNIT_EXPECT_GE(test, all, ram - LEGACY_HOLE_SIZE);
}

static void acpi_slit_distances(struct kunit *test)
{
	struct kunit_machine m;
	int i, j;

	get_machine(test, &m);
	if (!m.nr_nodes)
		kunit_skip(test, "no ktest_dist= on the command line");
	check_nodes(test, &m);
	for (i = 0; i < m.nr_nodes; i++)
		for (j = 0; j < m.nr_nodes; j++)
			KUNIT_EXPECT_EQ_MSG(test, acpi_info.distance[i][j],
					    kunit_machine_distance(&m, i, j),
					    "from node %d to node %d", i, j);
}

/* Without NUMA: no SLIT, and the 10/20 defaults for every node pair. */
static void acpi_slit_defaults(struct kunit *test)
{
	struct kunit_machine m;
	int i, j;

	get_machine(test, &m);
	if (m.nr_nodes)
		kunit_skip(test, "NUMA machine: acpi_slit_distances checks it");
	KUNIT_EXPECT_EQ(test, acpi_info.slit_status, -ENOENT);
	for (i = 0; i < MAX_NUMNODES; i++)
		for (j = 0; j < MAX_NUMNODES; j++)
			KUNIT_EXPECT_EQ(test, acpi_info.distance[i][j],
					i == j ? LOCAL_DISTANCE :
						 REMOTE_DISTANCE);
}

static void acpi_mcfg(struct kunit *test)
{
	char val[16];

	get_option(test, "ktest_machine", val, sizeof(val));
	if (!strcmp(val, "pc")) {
		KUNIT_EXPECT_EQ(test, acpi_info.mcfg_status, -ENOENT);
		KUNIT_EXPECT_EQ(test, acpi_info.nr_mcfg, 0);
		return;
	}
	KUNIT_ASSERT_STREQ(test, val, "q35");
	KUNIT_ASSERT_EQ_MSG(test, acpi_info.mcfg_status, 0, "%s",
			    acpi_info.mcfg_reason);
	KUNIT_ASSERT_EQ(test, acpi_info.nr_mcfg, 1);
	KUNIT_EXPECT_EQ(test, acpi_info.mcfg[0].segment, 0);
	KUNIT_EXPECT_EQ(test, acpi_info.mcfg[0].start_bus, 0);
	KUNIT_EXPECT_GE(test, acpi_info.mcfg[0].end_bus, 0);
	KUNIT_EXPECT_NE(test, acpi_info.mcfg[0].base, 0);
}

/*
 * QEMU's pc and q35 machines both have a PM timer (ports of the PIIX4
 * and ICH9 power management blocks); it counts.
 */
static void acpi_fadt_pm_timer(struct kunit *test)
{
	u32 first;
	int i;

	KUNIT_ASSERT_EQ_MSG(test, acpi_info.fadt_status, 0, "%s",
			    acpi_info.fadt_reason);
	KUNIT_ASSERT_NE(test, acpi_info.pm_timer_port, 0);
	KUNIT_EXPECT_TRUE(test, acpi_info.pm_timer_bits == 24 ||
				acpi_info.pm_timer_bits == 32);
	first = inl(acpi_info.pm_timer_port);
	for (i = 0; i < 1000000 && inl(acpi_info.pm_timer_port) == first; i++)
		;
	KUNIT_EXPECT_LT_MSG(test, i, 1000000, "port 0x%x stays at 0x%x",
			    acpi_info.pm_timer_port, first);
}

/* ---- acpi_parse() on the real tables, whole or damaged ---- */

/*
 * acpi_init() read the tables through the boot page tables, which map
 * the first 4 GiB.  The final direct map (arch/x86/mm/init_64.c) holds RAM, the
 * first MiB and the memory map's "ACPI data" and "ACPI NVS" ranges, but
 * QEMU's firmware keeps its tables in a "reserved" range.  So the map
 * callback of these cases maps each missing page read-only at its
 * direct-map address, as Linux's acpi_os_map_memory() would map it, and
 * the suite's exit unmaps them after each case.
 */
#define ACPI_TEST_MAX_PAGES	64

static unsigned long test_pages[ACPI_TEST_MAX_PAGES];
static int nr_test_pages;
static struct acpi_info parsed;

static bool map_missing_pages(u64 phys, size_t len)
{
	unsigned long va;
	u64 page;
	int level;

	for (page = ALIGN_DOWN(phys, PAGE_SIZE); page < phys + len;
	     page += PAGE_SIZE) {
		va = (unsigned long)phys_to_virt(page);
		if (lookup_kernel_pte(va, &level))
			continue;
		if (nr_test_pages == ACPI_TEST_MAX_PAGES ||
		    map_kernel_page(va, page, PAGE_KERNEL_RO))
			return false;
		test_pages[nr_test_pages++] = va;
	}
	return true;
}

static void acpi_test_exit(struct kunit *test)
{
	while (nr_test_pages)
		unmap_kernel_page(test_pages[--nr_test_pages]);
}

/* Like acpi_init()'s callback: the first 4 GiB, at direct-map addresses. */
static const void *direct_map(u64 phys, size_t len)
{
	if (len > EARLY_DIRECT_MAP_SIZE || phys > EARLY_DIRECT_MAP_SIZE - len)
		return NULL;
	if (!map_missing_pages(phys, len))
		return NULL;
	return phys_to_virt(phys);
}

static void acpi_parse_again(struct kunit *test)
{
	const u8 *found = acpi_find_rsdp(direct_map);

	KUNIT_ASSERT_EQ(test, acpi_parse(boot_info.rsdp, boot_info.rsdp_size,
					 direct_map, &parsed), 0);
	KUNIT_EXPECT_MEMEQ(test, &parsed, &acpi_info, sizeof(parsed));
	/* The BIOS areas hold the RSDP the boot loader copied. */
	KUNIT_ASSERT_NOT_NULL(test, found);
	KUNIT_EXPECT_MEMEQ(test, found, boot_info.rsdp, 20);
}

static void acpi_rejects_bad_rsdp(struct kunit *test)
{
	static u8 rsdp[64];
	u32 len = boot_info.rsdp_size;

	KUNIT_ASSERT_LE(test, len, sizeof(rsdp));
	memcpy(rsdp, boot_info.rsdp, len);
	rsdp[9]++;				/* an OEM id byte */
	KUNIT_EXPECT_EQ(test, acpi_parse(rsdp, len, direct_map, &parsed),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, parsed.madt_status, -ENOENT);
	KUNIT_EXPECT_EQ(test, acpi_parse(boot_info.rsdp, 19, direct_map,
					 &parsed), -EINVAL);
	KUNIT_EXPECT_EQ(test, acpi_parse(NULL, 0, direct_map, &parsed),
			-ENOENT);
}

/*
 * A map that returns the real tables, except that the table whose
 * signature is damaged_sig comes as a copy that damage() changed.
 */
static const char *damaged_sig;
static void (*damage)(u8 *table, u32 length);
static u8 damaged[16384];

static const void *damaging_map(u64 phys, size_t len)
{
	const u8 *real = direct_map(phys, len);
	u32 real_len;

	if (!real || len < 36 || memcmp(real, damaged_sig, 4))
		return real;
	memcpy(&real_len, real + 4, 4);
	len = max(len, (size_t)real_len);
	if (len > sizeof(damaged) || !direct_map(phys, len))
		return NULL;
	memcpy(damaged, real, len);
	damage(damaged, real_len);
	return damaged;
}

/* Make the table's bytes sum to 0 again, after a change. */
static void fix_checksum(u8 *table)
{
	u32 len, i;
	u8 sum = 0;

	memcpy(&len, table + 4, 4);
	table[9] = 0;
	for (i = 0; i < len; i++)
		sum += table[i];
	table[9] = -sum;
}

/* The damages: each leaves a table the parser must refuse. */
static void bad_checksum(u8 *table, u32 length)
{
	table[9]++;
}

static void zero_length_entry(u8 *table, u32 length)
{
	table[45] = 0;			/* the first MADT entry's length */
	fix_checksum(table);
}

static void last_entry_cut(u8 *table, u32 length)
{
	length--;		/* the last entry now runs past the end */
	memcpy(table + 4, &length, 4);
	fix_checksum(table);
}

static void slit_bad_diagonal(u8 *table, u32 length)
{
	table[44] = LOCAL_DISTANCE + 1;	/* distance from node 0 to itself */
	fix_checksum(table);
}

static void mcfg_bad_buses(u8 *table, u32 length)
{
	table[54] = 9;			/* start bus of the first entry */
	table[55] = 8;			/* end bus */
	fix_checksum(table);
}

/* Parse the real tables, with the table sig damaged by fn. */
static void parse_damaged(struct kunit *test, const char *sig,
			  void (*fn)(u8 *, u32))
{
	damaged_sig = sig;
	damage = fn;
	KUNIT_ASSERT_EQ(test, acpi_parse(boot_info.rsdp, boot_info.rsdp_size,
					 damaging_map, &parsed), 0);
}

static void acpi_rejects_bad_madt(struct kunit *test)
{
	void (*damages[])(u8 *, u32) = {
		bad_checksum, zero_length_entry, last_entry_cut,
	};
	unsigned int i;

	KUNIT_ASSERT_EQ(test, acpi_info.madt_status, 0);
	for (i = 0; i < ARRAY_SIZE(damages); i++) {
		parse_damaged(test, "APIC", damages[i]);
		KUNIT_EXPECT_EQ_MSG(test, parsed.madt_status, -EINVAL,
				    "damage %u", i);
		KUNIT_EXPECT_EQ(test, parsed.nr_cpus, 0);
		KUNIT_EXPECT_EQ(test, parsed.nr_ioapics, 0);
		/* The other tables are still read. */
		KUNIT_EXPECT_EQ(test, parsed.srat_status,
				acpi_info.srat_status);
		KUNIT_EXPECT_EQ(test, parsed.mcfg_status,
				acpi_info.mcfg_status);
	}
}

/* Without its SRAT the machine is one node, and the SLIT is unusable. */
static void acpi_rejects_bad_srat(struct kunit *test)
{
	int i;

	if (acpi_info.srat_status)
		kunit_skip(test, "no SRAT on this machine");
	parse_damaged(test, "SRAT", bad_checksum);
	KUNIT_EXPECT_EQ(test, parsed.srat_status, -EINVAL);
	KUNIT_EXPECT_EQ(test, parsed.nr_nodes, 0);
	KUNIT_EXPECT_EQ(test, parsed.nr_memblks, 0);
	KUNIT_EXPECT_EQ(test, parsed.nr_cpus, acpi_info.nr_cpus);
	for (i = 0; i < parsed.nr_cpus; i++)
		KUNIT_EXPECT_EQ(test, parsed.cpus[i].node, 0);
	KUNIT_EXPECT_NE(test, parsed.slit_status, 0);
	KUNIT_EXPECT_EQ(test, parsed.distance[0][1], REMOTE_DISTANCE);
}

static void acpi_rejects_bad_slit(struct kunit *test)
{
	if (acpi_info.slit_status)
		kunit_skip(test, "no SLIT on this machine");
	parse_damaged(test, "SLIT", slit_bad_diagonal);
	KUNIT_EXPECT_EQ(test, parsed.slit_status, -EINVAL);
	KUNIT_EXPECT_EQ(test, parsed.srat_status, 0);
	KUNIT_EXPECT_EQ(test, parsed.nr_nodes, acpi_info.nr_nodes);
	KUNIT_EXPECT_EQ(test, parsed.distance[0][1], REMOTE_DISTANCE);
}

/* X_PM_TMR_BLK (ACPI 2.0+ FADTs): its address space, memory instead of I/O. */
static void fadt_pm_timer_in_memory(u8 *table, u32 length)
{
	table[208] = 0;			/* system memory */
	fix_checksum(table);
}

static void acpi_rejects_bad_fadt(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, acpi_info.fadt_status, 0);
	parse_damaged(test, "FACP", bad_checksum);
	KUNIT_EXPECT_EQ(test, parsed.fadt_status, -EINVAL);
	KUNIT_EXPECT_EQ(test, parsed.pm_timer_port, 0);
	KUNIT_EXPECT_EQ(test, parsed.madt_status, 0);
	if (acpi_info.fadt_revision < 3)
		return;		/* before ACPI 2.0: no X_PM_TMR_BLK */
	parse_damaged(test, "FACP", fadt_pm_timer_in_memory);
	KUNIT_EXPECT_EQ(test, parsed.fadt_status, -EINVAL);
	KUNIT_EXPECT_STREQ(test, parsed.fadt_reason,
			   "the PM timer is not in I/O space");
	KUNIT_EXPECT_EQ(test, parsed.pm_timer_port, 0);
}

static void acpi_rejects_bad_mcfg(struct kunit *test)
{
	if (acpi_info.mcfg_status)
		kunit_skip(test, "no MCFG on this machine");
	parse_damaged(test, "MCFG", mcfg_bad_buses);
	KUNIT_EXPECT_EQ(test, parsed.mcfg_status, -EINVAL);
	KUNIT_EXPECT_EQ(test, parsed.nr_mcfg, 0);
	KUNIT_EXPECT_EQ(test, parsed.madt_status, 0);
}

static struct kunit_case acpi_cases[] = {
	KUNIT_CASE(acpi_root_table),
	KUNIT_CASE(acpi_madt_cpus),
	KUNIT_CASE(acpi_madt_interrupts),
	KUNIT_CASE(acpi_srat_nodes),
	KUNIT_CASE(acpi_srat_memory),
	KUNIT_CASE(acpi_slit_distances),
	KUNIT_CASE(acpi_slit_defaults),
	KUNIT_CASE(acpi_mcfg),
	KUNIT_CASE(acpi_fadt_pm_timer),
	KUNIT_CASE(acpi_parse_again),
	KUNIT_CASE(acpi_rejects_bad_rsdp),
	KUNIT_CASE(acpi_rejects_bad_madt),
	KUNIT_CASE(acpi_rejects_bad_srat),
	KUNIT_CASE(acpi_rejects_bad_slit),
	KUNIT_CASE(acpi_rejects_bad_mcfg),
	KUNIT_CASE(acpi_rejects_bad_fadt),
	{}
};

static struct kunit_suite acpi_suite = {
	.name = "acpi",
	.init = acpi_test_init,
	.exit = acpi_test_exit,
	.test_cases = acpi_cases,
};
kunit_test_suite(acpi_suite);
