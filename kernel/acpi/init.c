/*
 * acpi_init(): read the firmware's ACPI tables once at boot into
 * acpi_info, and print what they say, one line per fact, so the boot log
 * shows the machine's CPUs, nodes, distances, PCI configuration space
 * and PM timer.
 *
 * The RSDP comes from the boot loader's copy (the multiboot2 ACPI tag),
 * or else from a scan of the BIOS areas.  The tables are read through
 * the boot page tables' direct map of the first 4 GiB: firmware puts
 * them below 4 GiB, and anything beyond is simply "not readable".  So
 * acpi_init() runs before paging_init() replaces those page tables (the
 * final direct map need not hold the tables: QEMU's firmware keeps them
 * in a "reserved" range), and keeps nothing that points into them.
 *
 * Nothing in the tables can crash the kernel: the parsers beside this
 * file (tables.c, madt.c, ...) check every length and checksum, and
 * each table that is missing or broken gets a line saying what was
 * wrong and what the kernel does without it.
 *
 * acpi_info is written once, by acpi_init() on the boot CPU before any
 * other CPU runs, and only read afterwards: no lock.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <asm/page.h>
#include <asm/setup.h>
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/printk.h>

/* The size of an ACPI 2.0+ RSDP, the most a BIOS-area RSDP may hold. */
#define ACPI_RSDP_SIZE		36

struct acpi_info acpi_info;

/* The map callback: physical addresses the boot direct map covers. */
static const void *acpi_early_map(u64 phys, size_t len)
{
	if (len > EARLY_DIRECT_MAP_SIZE || phys > EARLY_DIRECT_MAP_SIZE - len)
		return NULL;
	return phys_to_virt(phys);
}

/* What the kernel does with no ACPI tables at all. */
#define ACPI_NO_TABLES "the boot CPU only, one node, legacy 8259 " \
		       "interrupts, PCI through ports 0xcf8/0xcfc"

static void acpi_print_root(const void *rsdp, const char *source)
{
	if (!rsdp) {
		pr_info("no RSDP from the boot loader or in BIOS memory: "
			ACPI_NO_TABLES "\n");
	} else if (acpi_info.root_status) {
		pr_info("RSDP %s unusable (%s): " ACPI_NO_TABLES "\n", source,
			acpi_info.root_reason);
	} else {
		pr_info("RSDP revision %u (ACPI %s) %s; tables listed in the "
			"%s\n", acpi_info.revision,
			acpi_info.revision >= 2 ? "2.0+" : "1.0", source,
			acpi_info.xsdt ? "XSDT" : "RSDT");
	}
}

/* ---- MADT ---- */

/* Interrupt Source Override flags: polarity bits 0-1, trigger 2-3. */
static const char *mps_inti_polarity(u16 flags)
{
	static const char *const names[] = { "conforms", "high", "?", "low" };

	return names[flags & 3];
}

static const char *mps_inti_trigger(u16 flags)
{
	static const char *const names[] = { "conforms", "edge", "?", "level" };

	return names[(flags >> 2) & 3];
}

static void acpi_print_cpus(void)
{
	char ids[ACPI_MAX_CPUS * 12];
	size_t len = 0;
	int i;

	ids[0] = '\0';
	for (i = 0; i < acpi_info.nr_cpus; i++)
		len += scnprintf(ids + len, sizeof(ids) - len, " %u",
				 acpi_info.cpus[i].apic_id);
	pr_info("MADT: %d CPU%s, APIC id%s%s\n", acpi_info.nr_cpus,
		acpi_info.nr_cpus == 1 ? "" : "s",
		acpi_info.nr_cpus == 1 ? "" : "s", ids);
}

static void acpi_print_madt(void)
{
	const struct acpi_ioapic *io;
	const struct acpi_override *ovr;
	int i;

	if (acpi_info.madt_status) {
		pr_info("no usable MADT (%s): only the boot CPU runs, and "
			"interrupts stay on the legacy 8259 PIC\n",
			acpi_info.madt_reason);
		return;
	}
	acpi_print_cpus();
	pr_info("MADT: local APIC at 0x%llx%s\n",
		(unsigned long long)acpi_info.lapic_address,
		acpi_info.pcat_compat ? ", dual 8259 PICs present" : "");
	for (i = 0; i < acpi_info.nr_ioapics; i++) {
		io = &acpi_info.ioapics[i];
		pr_info("MADT: IOAPIC id %u at 0x%08x, GSI base %u\n",
			io->id, io->address, io->gsi_base);
	}
	for (i = 0; i < acpi_info.nr_overrides; i++) {
		ovr = &acpi_info.overrides[i];
		pr_info("MADT: override: bus %u IRQ %u -> GSI %u "
			"(polarity %s, trigger %s)\n", ovr->bus, ovr->source,
			ovr->gsi, mps_inti_polarity(ovr->flags),
			mps_inti_trigger(ovr->flags));
	}
}

/* ---- SRAT and SLIT ---- */

static void acpi_print_srat(void)
{
	const struct acpi_memblk *blk;
	int i;

	if (acpi_info.srat_status) {
		pr_info("no usable SRAT (%s): one node holds all memory and "
			"all CPUs\n", acpi_info.srat_reason);
		return;
	}
	pr_info("SRAT: %d node%s\n", acpi_info.nr_nodes,
		acpi_info.nr_nodes == 1 ? "" : "s");
	for (i = 0; i < acpi_info.nr_memblks; i++) {
		blk = &acpi_info.memblks[i];
		pr_info("SRAT: node %d (PXM %u) [mem 0x%016llx-0x%016llx]%s\n",
			blk->node, acpi_info.node_to_pxm[blk->node],
			(unsigned long long)blk->start,
			(unsigned long long)blk->end - 1,
			blk->hotpluggable ? " hot-pluggable" : "");
	}
	for (i = 0; i < acpi_info.nr_cpus; i++)
		pr_info("SRAT: CPU %d (APIC id %u) -> node %d\n", i,
			acpi_info.cpus[i].apic_id, acpi_info.cpus[i].node);
}

/* One row of the distance table: "  0:  10  20". */
static void acpi_print_distance_row(int from, int nr_nodes)
{
	char row[MAX_NUMNODES * 4 + 8];
	size_t len;
	int to;

	len = scnprintf(row, sizeof(row), "%3d:", from);
	for (to = 0; to < nr_nodes; to++)
		len += scnprintf(row + len, sizeof(row) - len, " %3u",
				 acpi_info.distance[from][to]);
	pr_info("SLIT: %s\n", row);
}

static void acpi_print_slit(void)
{
	char head[MAX_NUMNODES * 4 + 8];
	size_t len;
	int i;

	if (acpi_info.slit_status) {
		pr_info("no usable SLIT (%s): distance %d within a node, %d "
			"between nodes\n", acpi_info.slit_reason,
			LOCAL_DISTANCE, REMOTE_DISTANCE);
		return;
	}
	len = scnprintf(head, sizeof(head), "from");
	for (i = 0; i < acpi_info.nr_nodes; i++)
		len += scnprintf(head + len, sizeof(head) - len, " %3d", i);
	pr_info("SLIT: node distances (row: from, column: to)\n");
	pr_info("SLIT: %s\n", head);
	for (i = 0; i < acpi_info.nr_nodes; i++)
		acpi_print_distance_row(i, acpi_info.nr_nodes);
}

/* ---- MCFG ---- */

static void acpi_print_mcfg(void)
{
	const struct acpi_mcfg *m;
	int i;

	if (acpi_info.mcfg_status) {
		pr_info("no usable MCFG (%s): PCI configuration space only "
			"through I/O ports 0xcf8/0xcfc\n",
			acpi_info.mcfg_reason);
		return;
	}
	for (i = 0; i < acpi_info.nr_mcfg; i++) {
		m = &acpi_info.mcfg[i];
		pr_info("MCFG: PCI segment %u buses %02x-%02x: "
			"ECAM at 0x%llx\n", m->segment, m->start_bus,
			m->end_bus, (unsigned long long)m->base);
	}
}

/* ---- FADT ---- */

static void acpi_print_fadt(void)
{
	if (acpi_info.fadt_status) {
		pr_info("no usable FADT (%s): no PM timer; the TSC is "
			"calibrated against the PIT\n", acpi_info.fadt_reason);
		return;
	}
	if (!acpi_info.pm_timer_port) {
		pr_info("FADT: revision %u, no PM timer; the TSC is calibrated "
			"against the PIT\n", acpi_info.fadt_revision);
		return;
	}
	pr_info("FADT: revision %u, PM timer at I/O port 0x%x (%u-bit)\n",
		acpi_info.fadt_revision, acpi_info.pm_timer_port,
		acpi_info.pm_timer_bits);
}

void acpi_init(void)
{
	const void *rsdp = boot_info.rsdp;
	size_t rsdp_len = boot_info.rsdp_size;
	const char *source = "from the boot loader";

	if (!rsdp) {
		rsdp = acpi_find_rsdp(acpi_early_map);
		rsdp_len = ACPI_RSDP_SIZE;
		source = "found in BIOS memory";
	}
	acpi_parse(rsdp, rsdp_len, acpi_early_map, &acpi_info);
	acpi_print_root(rsdp, source);
	if (acpi_info.root_status)
		return;
	acpi_print_madt();
	acpi_print_srat();
	acpi_print_slit();
	acpi_print_mcfg();
	acpi_print_fadt();
}
