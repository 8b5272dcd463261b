/*
 * Limits for NUMA nodes and CPUs, as in Linux's include/linux/numa.h
 * and threads.h.
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define NODES_SHIFT	3
#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NUMA_NO_NODE	(-1)
#define NR_CPUS		16

#define LOCAL_DISTANCE	10
#define REMOTE_DISTANCE	20

#endif
