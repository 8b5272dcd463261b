/*
 * SRAT (ACPI 6.5, 5.2.16): which NUMA node each CPU and memory range
 * belongs to.  Proximity domains become Linux node numbers 0, 1, ... in
 * the order they first appear, as Linux's acpi_map_pxm_to_node() does.
 *
 * Invariants: nr_nodes > 0 exactly when the SRAT is usable; every node
 * number (CPU, memory range) is below nr_nodes; memory ranges of two
 * nodes never overlap.  Anything wrong leaves no node, no range, and
 * every CPU on node 0.  Runs after the MADT, whose CPUs it places.
 *
 * Locking: none; pure code, built on the host too.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "internal.h"


/* SRAT entry types (5.2.16) and flags */
#define ACPI_SRAT_TYPE_CPU_AFFINITY		0
#define ACPI_SRAT_TYPE_MEMORY_AFFINITY		1
#define ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY	2
#define ACPI_SRAT_CPU_ENABLED		(1 << 0)
#define ACPI_SRAT_MEM_ENABLED		(1 << 0)
#define ACPI_SRAT_MEM_HOT_PLUGGABLE	(1 << 1)
#define ACPI_SIG_SRAT		"SRAT"
#define SRAT_ENTRIES		48	/* 4 + 8 reserved bytes */

/*
 * The node of proximity domain pxm: nodes are numbered in the order
 * their domains first appear, as Linux's acpi_map_pxm_to_node() does.
 * NUMA_NO_NODE when all MAX_NUMNODES nodes are taken.
 */
static int acpi_map_pxm_to_node(struct acpi_info *info, u32 pxm)
{
	int node;

	for (node = 0; node < info->nr_nodes; node++)
		if (info->node_to_pxm[node] == pxm)
			return node;
	if (info->nr_nodes == MAX_NUMNODES)
		return NUMA_NO_NODE;
	info->node_to_pxm[info->nr_nodes] = pxm;
	return info->nr_nodes++;
}

static u8 srat_entry_min_length(u8 type)
{
	switch (type) {
	case ACPI_SRAT_TYPE_CPU_AFFINITY:	 return 16;
	case ACPI_SRAT_TYPE_MEMORY_AFFINITY:	 return 40;
	case ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY: return 24;
	default:				 return 0;
	}
}

/* An enabled CPU affinity entry: the MADT CPU apic_id joins pxm's node. */
static int srat_cpu_affinity(struct acpi_info *info, u32 pxm, u32 apic_id,
			     const char **reason)
{
	int node = acpi_map_pxm_to_node(info, pxm);
	int i;

	if (node == NUMA_NO_NODE) {
		*reason = "more proximity domains than MAX_NUMNODES";
		return -EINVAL;
	}
	for (i = 0; i < info->nr_cpus; i++)
		if (info->cpus[i].apic_id == apic_id)
			info->cpus[i].node = node;
	return 0;
}

static int srat_memory_affinity(struct acpi_info *info, const u8 *e,
				const char **reason)
{
	u64 base = get_u64(e + 8), length = get_u64(e + 16);
	u32 flags = get_u32(e + 28);
	struct acpi_memblk *blk;
	int node;

	if (!(flags & ACPI_SRAT_MEM_ENABLED) || length == 0)
		return 0;
	if (base + length < base) {
		*reason = "a memory range wraps around";
		return -EINVAL;
	}
	node = acpi_map_pxm_to_node(info, get_u32(e + 2));
	if (node == NUMA_NO_NODE) {
		*reason = "more proximity domains than MAX_NUMNODES";
		return -EINVAL;
	}
	if (info->nr_memblks == ACPI_MAX_MEMBLKS) {
		*reason = "more memory ranges than ACPI_MAX_MEMBLKS";
		return -EINVAL;
	}
	blk = &info->memblks[info->nr_memblks++];
	blk->start = base;
	blk->end = base + length;
	blk->node = node;
	blk->hotpluggable = flags & ACPI_SRAT_MEM_HOT_PLUGGABLE;
	return 0;
}

/*
 * The proximity domain of a CPU affinity entry is byte 2 (bits 0-7) and
 * bytes 9-11 (bits 8-31).  Linux reads the high bytes only from SRAT
 * revision 2 on; firmware that writes revision 1 leaves them zero.
 */
static int srat_entry(const u8 *e, u8 type, u8 length,
		      struct acpi_info *info, const char **reason)
{
	u32 pxm;

	if (length < srat_entry_min_length(type)) {
		*reason = "an entry is too short for its type";
		return -EINVAL;
	}
	switch (type) {
	case ACPI_SRAT_TYPE_CPU_AFFINITY:
		if (!(get_u32(e + 4) & ACPI_SRAT_CPU_ENABLED))
			return 0;
		pxm = e[2] | (u32)e[9] << 8 | (u32)e[10] << 16 |
		      (u32)e[11] << 24;
		return srat_cpu_affinity(info, pxm, e[3], reason);
	case ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY:
		if (!(get_u32(e + 12) & ACPI_SRAT_CPU_ENABLED))
			return 0;
		return srat_cpu_affinity(info, get_u32(e + 4),
					 get_u32(e + 8), reason);
	case ACPI_SRAT_TYPE_MEMORY_AFFINITY:
		return srat_memory_affinity(info, e, reason);
	}
	return 0;
}

/*
 * The checks Linux makes once the whole SRAT is read (numa_cleanup_meminfo
 * refuses ranges of two nodes that overlap).
 */
static int srat_check(const struct acpi_info *info, const char **reason)
{
	const struct acpi_memblk *a, *b;
	int i, j;

	if (info->nr_memblks == 0) {
		*reason = "no enabled memory range";
		return -EINVAL;
	}
	for (i = 0; i < info->nr_memblks; i++) {
		a = &info->memblks[i];
		for (j = i + 1; j < info->nr_memblks; j++) {
			b = &info->memblks[j];
			if (a->node != b->node && a->start < b->end &&
			    b->start < a->end) {
				*reason = "memory ranges of two nodes overlap";
				return -EINVAL;
			}
		}
	}
	return 0;
}

/* No usable SRAT: no nodes, no ranges, and every CPU on node 0. */
static void srat_clear(struct acpi_info *info)
{
	int i;

	info->nr_nodes = 0;
	info->nr_memblks = 0;
	memset(info->node_to_pxm, 0, sizeof(info->node_to_pxm));
	for (i = 0; i < info->nr_cpus; i++)
		info->cpus[i].node = 0;
}

static int srat_parse(const struct acpi_table *t, struct acpi_info *info,
		      const char **reason)
{
	int ret = acpi_walk_entries(t, SRAT_ENTRIES, srat_entry, info, reason);

	return ret ? ret : srat_check(info, reason);
}

/* After the MADT: CPU affinity entries set the node of its CPUs. */
void acpi_parse_srat(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info)
{
	int ret = acpi_table_parse(root, map, ACPI_SIG_SRAT, SRAT_ENTRIES,
				   srat_parse, info, &info->srat_reason);

	if (ret)
		srat_clear(info);
	info->srat_status = ret;
}
