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
 * The node of the CPU the caller runs on.  Callable with preemption on,
 * as in Linux: a task that migrates meanwhile just gets a stale hint.
 */
static inline int numa_node_id(void)
{
	return cpu_to_node(raw_smp_processor_id());
}

/* The nearest node with memory to nid: nid itself unless it has none. */
int local_memory_node(int nid);

/*
 * The nearest node with memory to the CPU the caller runs on: where its
 * allocations come from first, numa_node_id() unless that node has no
 * memory.  Preemptible like numa_node_id().
 */
static inline int numa_mem_id(void)
{
	return local_memory_node(numa_node_id());
}

/* SLIT distance between two nodes (10 = local). */
int node_distance(int from, int to);

void numa_init(void);

#endif
