/*
 * CPU-to-node mapping (mm/numa.c), as Linux's include/linux/topology.h.
 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/numa.h>
#include <linux/smp.h>

extern int x86_cpu_to_node_map[NR_CPUS];
extern int nr_cpu_ids;		/* CPUs the firmware lists */

static inline int cpu_to_node(int cpu)
{
	return x86_cpu_to_node_map[cpu];
}

/*
 * The node of the CPU the caller runs on.  A hint for placement: a task
 * that moves right after reading it merely allocates farther away.
 */
static inline int numa_node_id(void)
{
	return cpu_to_node(raw_smp_processor_id());
}

/* The nearest node with memory to nid: nid itself unless it has none. */
int local_memory_node(int nid);

/* The node this CPU's allocations come from first (Linux's numa_mem_id()). */
static inline int numa_mem_id(void)
{
	return local_memory_node(numa_node_id());
}

/* SLIT distance between two nodes (10 = local). */
int node_distance(int from, int to);

void numa_init(void);

#endif
