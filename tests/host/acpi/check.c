/*
 * Parsing the fake memory's tables, and checking what the parser
 * returned: after every parse, the invariants the kernel relies on
 * (statuses and reasons agree, counts within the arrays, nodes below
 * nr_nodes, a refused table contributes nothing); for the good machine,
 * every value it was built with.
 *
 * Invariants: info holds the last parse's result; parse() frees every
 * mapping before it returns.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- parsing and the invariants ---- */

struct acpi_info info;

static int status_valid(int status, const char *reason)
{
	if (status == 0)
		return reason == NULL;
	return (status == -ENOENT || status == -EINVAL) && reason != NULL;
}

static void check_madt_invariants(const struct acpi_info *i)
{
	EXPECT(status_valid(i->madt_status, i->madt_reason));
	EXPECT(i->nr_cpus >= 0 && i->nr_cpus <= ACPI_MAX_CPUS);
	EXPECT(i->nr_ioapics >= 0 && i->nr_ioapics <= ACPI_MAX_IOAPICS);
	EXPECT(i->nr_overrides >= 0 && i->nr_overrides <= ACPI_MAX_OVERRIDES);
	if (i->madt_status)
		EXPECT(i->nr_cpus == 0 && i->nr_ioapics == 0 &&
		       i->nr_overrides == 0 && i->lapic_address == 0);
}

static void check_numa_invariants(const struct acpi_info *i)
{
	int a, b;

	EXPECT(status_valid(i->srat_status, i->srat_reason));
	EXPECT(status_valid(i->slit_status, i->slit_reason));
	EXPECT(i->nr_nodes >= 0 && i->nr_nodes <= MAX_NUMNODES);
	EXPECT((i->srat_status == 0) == (i->nr_nodes > 0));
	EXPECT(i->nr_memblks >= 0 && i->nr_memblks <= ACPI_MAX_MEMBLKS);
	if (i->srat_status)
		EXPECT(i->nr_memblks == 0);
	for (a = 0; a < i->nr_memblks; a++)
		EXPECT(i->memblks[a].node >= 0 &&
		       i->memblks[a].node < i->nr_nodes &&
		       i->memblks[a].start < i->memblks[a].end);
	for (a = 0; a < i->nr_cpus && a < ACPI_MAX_CPUS; a++)
		EXPECT(i->cpus[a].node >= 0 &&
		       (i->cpus[a].node < i->nr_nodes || i->cpus[a].node == 0));
	if (i->slit_status == 0)
		EXPECT(i->srat_status == 0);
	for (a = 0; a < MAX_NUMNODES; a++)
		for (b = 0; b < MAX_NUMNODES; b++)
			EXPECT(a == b ? i->distance[a][b] == 10 :
					i->distance[a][b] > 10);
}

void check_invariants(const struct acpi_info *i, int ret)
{
	int a;

	EXPECT(ret == i->root_status);
	EXPECT(status_valid(i->root_status, i->root_reason));
	check_madt_invariants(i);
	check_numa_invariants(i);
	EXPECT(status_valid(i->mcfg_status, i->mcfg_reason));
	EXPECT(status_valid(i->fadt_status, i->fadt_reason));
	if (i->fadt_status)
		EXPECT(i->pm_timer_port == 0 && i->fadt_revision == 0);
	EXPECT(i->pm_timer_port ? i->pm_timer_bits == 24 ||
				  i->pm_timer_bits == 32 :
				  i->pm_timer_bits == 0);
	EXPECT(i->nr_mcfg >= 0 && i->nr_mcfg <= ACPI_MAX_MCFG);
	EXPECT(i->mcfg_status == 0 ? i->nr_mcfg > 0 : i->nr_mcfg == 0);
	for (a = 0; a < i->nr_mcfg; a++)
		EXPECT(i->mcfg[a].start_bus <= i->mcfg[a].end_bus);
	if (ret)
		EXPECT(i->madt_status == -ENOENT && i->srat_status == -ENOENT &&
		       i->slit_status == -ENOENT && i->mcfg_status == -ENOENT &&
		       i->fadt_status == -ENOENT);
}

/* Parse with the RSDP at RSDP_ADDR given as a heap copy of len bytes. */
int parse(size_t rsdp_len)
{
	unsigned char *rsdp = malloc(rsdp_len ? rsdp_len : 1);
	int ret;

	memcpy(rsdp, mem + RSDP_ADDR, rsdp_len);
	ret = kern_acpi_parse(rsdp, rsdp_len, fake_map, &info);
	free(rsdp);
	unmap_all();
	check_invariants(&info, ret);
	return ret;
}

/* ---- the good machine, through each kind of root table ---- */

static u64 node_bytes(int node)
{
	u64 total = 0;
	int i;

	for (i = 0; i < info.nr_memblks; i++)
		if (info.memblks[i].node == node &&
		    !info.memblks[i].hotpluggable)
			total += info.memblks[i].end - info.memblks[i].start;
	return total;
}

void check_good_madt(void)
{
	EXPECT(info.madt_status == 0 && info.madt_reason == NULL);
	EXPECT(info.lapic_address == 0xfee00000 && info.pcat_compat);
	EXPECT(info.nr_cpus == 4);
	EXPECT(info.cpus[0].apic_id == 0 && info.cpus[0].uid == 0);
	EXPECT(info.cpus[1].apic_id == 1 && info.cpus[1].uid == 1);
	EXPECT(info.cpus[2].apic_id == 0x100 && info.cpus[2].uid == 3);
	EXPECT(info.cpus[3].apic_id == 0x101 && info.cpus[3].uid == 4);
	EXPECT(info.nr_ioapics == 2);
	EXPECT(info.ioapics[1].id == 1 &&
	       info.ioapics[1].address == 0xfec01000 &&
	       info.ioapics[1].gsi_base == 24);
	EXPECT(info.nr_overrides == 2);
	EXPECT(info.overrides[0].source == 0 && info.overrides[0].gsi == 2);
	EXPECT(info.overrides[1].source == 9 && info.overrides[1].flags == 0xd);
}

static void check_good_numa(void)
{
	int i, j;

	EXPECT(info.srat_status == 0 && info.nr_nodes == 4);
	for (i = 0; i < 4; i++)
		EXPECT_MSG(info.node_to_pxm[i] == good_pxm[i], "node %d", i);
	EXPECT(info.cpus[0].node == 0 && info.cpus[1].node == 1);
	EXPECT(info.cpus[2].node == 2 && info.cpus[3].node == 2);
	EXPECT(info.nr_memblks == 5);
	EXPECT(info.memblks[3].start == 4 * GiB &&
	       info.memblks[3].end == 5 * GiB);
	EXPECT(info.memblks[3].node == 0 && !info.memblks[3].hotpluggable);
	EXPECT(info.memblks[4].node == 2 && info.memblks[4].hotpluggable);
	EXPECT(node_bytes(0) == 3 * GiB && node_bytes(1) == 0);
	EXPECT(node_bytes(2) == 2 * GiB && node_bytes(3) == GiB);
	EXPECT(info.slit_status == 0);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			EXPECT_MSG(info.distance[i][j] ==
				   good_slit[good_pxm[i] * 4 + good_pxm[j]],
				   "from node %d to node %d", i, j);
	EXPECT(info.distance[4][5] == 20 && info.distance[7][7] == 10);
}

void check_good_mcfg(void)
{
	EXPECT(info.mcfg_status == 0 && info.nr_mcfg == 2);
	EXPECT(info.mcfg[0].base == 0xb0000000 && info.mcfg[0].end_bus == 0xff);
	EXPECT(info.mcfg[1].segment == 1 && info.mcfg[1].start_bus == 0x10 &&
	       info.mcfg[1].end_bus == 0x1f);
}

void check_good_fadt(void)
{
	EXPECT(info.fadt_status == 0 && info.fadt_reason == NULL);
	EXPECT(info.fadt_revision == 3);
	EXPECT(info.pm_timer_port == 0x608 && info.pm_timer_bits == 32);
}

void check_good(void)
{
	EXPECT(info.root_status == 0 && info.root_reason == NULL);
	check_good_madt();
	check_good_numa();
	check_good_mcfg();
	check_good_fadt();
}
