/*
 * NUMA topology at boot: which node each CPU and each memory range
 * belongs to, and the distances between nodes, from the ACPI SRAT and
 * SLIT (kernel/acpi/).  Without a usable SRAT, or when the SRAT leaves
 * RAM uncovered, everything goes to node 0 (Linux's "dummy" NUMA).
 *
 * Invariant after numa_init(): every memblock memory range has a node,
 * every online node is < MAX_NUMNODES, every CPU's node is online.
 * Read-only after boot: no locking.
 */
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/topology.h>

int x86_cpu_to_node_map[NR_CPUS];
int nr_cpu_ids = 1;
static u8 numa_distance[MAX_NUMNODES][MAX_NUMNODES];

int node_distance(int from, int to)
{
	return numa_distance[from][to];
}

static void node_set_online(int nid)
{
	if (!node_online(nid)) {
		node_online_map |= 1UL << nid;
		nr_online_nodes++;
	}
}

/* First memory range with no node, or NULL. */
static const struct memblock_region *memblock_unassigned(void)
{
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++)
		if (memblock.memory.regions[i].nid == NUMA_NO_NODE)
			return &memblock.memory.regions[i];
	return NULL;
}

static bool numa_init_srat(void)
{
	const struct memblock_region *r;
	int i;

	if (acpi_info.nr_nodes == 0)
		return false;
	for (i = 0; i < acpi_info.nr_memblks; i++) {
		const struct acpi_memblk *m = &acpi_info.memblks[i];

		memblock_set_node(m->start, m->end - m->start, m->node);
	}
	r = memblock_unassigned();
	if (r) {
		pr_warn("NUMA: RAM [%#llx-%#llx] is in no SRAT range\n",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
		return false;
	}
	for (i = 0; i < acpi_info.nr_nodes; i++)
		node_set_online(i);
	for (i = 0; i < acpi_info.nr_cpus; i++)
		x86_cpu_to_node_map[i] = acpi_info.cpus[i].node;
	memcpy(numa_distance, acpi_info.distance, sizeof(numa_distance));
	return true;
}

/* One node with all memory and all CPUs. */
static void numa_init_dummy(void)
{
	int i, j;

	pr_info("NUMA: one node holds all memory and all CPUs\n");
	memblock_set_node(0, (phys_addr_t)-1 - 1, 0);
	node_online_map = 0;
	nr_online_nodes = 0;
	node_set_online(0);
	for (i = 0; i < NR_CPUS; i++)
		x86_cpu_to_node_map[i] = 0;
	for (i = 0; i < MAX_NUMNODES; i++)
		for (j = 0; j < MAX_NUMNODES; j++)
			numa_distance[i][j] = i == j ? LOCAL_DISTANCE : REMOTE_DISTANCE;
}

static bool node_has_ram(int nid)
{
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++)
		if (memblock.memory.regions[i].nid == nid)
			return true;
	return false;
}

static void numa_print_node(int nid)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long i;
	int cpu;

	pr_info("NUMA: node %d:", nid);
	for (i = 0; i < mem->cnt; i++)
		if (mem->regions[i].nid == nid)
			pr_cont(" [mem 0x%08llx-0x%08llx]",
				(unsigned long long)mem->regions[i].base,
				(unsigned long long)(mem->regions[i].base +
						     mem->regions[i].size - 1));
	pr_cont("%s, CPUs", node_has_ram(nid) ? "" : " no memory");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu_to_node(cpu) == nid)
			pr_cont(" %d", cpu);
	pr_cont("\n");
}

static void numa_print_distances(void)
{
	int from, to;

	pr_info("NUMA: node distances:\n");
	for_each_online_node(from) {
		pr_info("NUMA:   %d:", from);
		for_each_online_node(to)
			pr_cont(" %3d", node_distance(from, to));
		pr_cont("\n");
	}
}

void numa_init(void)
{
	int nid;

	nr_cpu_ids = acpi_info.nr_cpus ? acpi_info.nr_cpus : 1;
	if (!numa_init_srat())
		numa_init_dummy();
	for_each_online_node(nid)
		numa_print_node(nid);
	numa_print_distances();
}
