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

/*
 * Each CPU's nearest node with memory, local_memory_node(cpu_to_node()),
 * worked out once by build_all_zonelists() (Linux's per-CPU _numa_mem_).
 */
extern int _numa_mem_[NR_CPUS];

static inline void set_cpu_numa_mem(int cpu, int node)
{
	_numa_mem_[cpu] = node;
}

static inline int cpu_to_mem(int cpu)
{
	return _numa_mem_[cpu];
}

/*
 * The node this CPU's allocations come from first (Linux's
 * numa_mem_id()); a hint, like numa_node_id().
 */
static inline int numa_mem_id(void)
{
	return cpu_to_mem(raw_smp_processor_id());
}

/* SLIT distance between two nodes (10 = local). */
int node_distance(int from, int to);

void numa_init(void);

#endif
