/*
 * The machine tests/run told QEMU to build (lib/kunit/machine.c), for
 * tests that check the kernel against it rather than against itself.
 *
 * tests/run describes the machine on the kernel command line
 * (docs/testing.md): ktest_cpus=N; ktest_numa=none, or MASK:MIB/...
 * with one entry per QEMU node in node-id order (the hex bitmask of its
 * CPUs, its memory in MiB); ktest_dist=D.D... (the distance matrix, row
 * by row, row: from); ktest_ram=MIB; ktest_edu=N:B (N edu PCI devices,
 * B of them behind a bridge).
 *
 * QEMU names each node's proximity domain (PXM) in the ACPI SRAT after
 * its node id, while the kernel numbers its nodes in the order the SRAT
 * first mentions their domains (kernel/acpi/srat.c, as Linux does).  The
 * two numberings differ as soon as QEMU's node 0 has no CPU.  So the fields
 * below are indexed by QEMU node id, and the kunit_machine_*() helpers,
 * which take and return kernel node ids, go through the kernel's
 * node-to-PXM map (acpi_info.node_to_pxm).  That map is all they take
 * from the kernel; the acpi and numa suites check it against each
 * node's CPUs and memory.
 *
 * CPU numbers are QEMU's CPU indexes; for -smp N these are the APIC ids,
 * and the kernel's logical CPU numbers, which follow the MADT's order.
 *
 * Without NUMA (ktest_numa=none) nr_nodes is 0 and the helpers describe
 * one node 0 holding every CPU and all of ktest_ram.
 */
#ifndef _KUNIT_MACHINE_H
#define _KUNIT_MACHINE_H

#include <linux/numa.h>
#include <linux/types.h>

struct kunit_machine {
	int nr_cpus;			/* ktest_cpus=, 0 when absent */
	int nr_edu;			/* ktest_edu=N:, -1 when absent */
	int nr_edu_bridged;		/* ktest_edu=:B, -1 when absent */
	int nr_nodes;			/* QEMU nodes, 0 for ktest_numa=none */
	/* By QEMU node id, which is also its proximity domain: */
	unsigned long cpus[MAX_NUMNODES];	/* bitmask of its CPUs */
	unsigned long mib[MAX_NUMNODES];	/* its memory */
	int dist[MAX_NUMNODES][MAX_NUMNODES];	/* [from][to] */
	/* By kernel node id: its QEMU node, or -1 when it has none. */
	int pxm[MAX_NUMNODES];
};

/*
 * Read the description from the command line into *m: 0, -ENOENT when
 * there is no ktest_numa=, -EINVAL when an option cannot be read.
 */
int kunit_machine_read(struct kunit_machine *m);

/* The parsers kunit_machine_read() uses; false when s cannot be read. */
bool kunit_machine_parse_numa(const char *s, struct kunit_machine *m);
bool kunit_machine_parse_dist(const char *s, struct kunit_machine *m);

/* Of kernel node nid, by what QEMU was told: its memory in MiB. */
unsigned long kunit_machine_node_mib(const struct kunit_machine *m, int nid);
/* The configured distance between kernel nodes from and to. */
int kunit_machine_distance(const struct kunit_machine *m, int from, int to);
/* The kernel node that should hold cpu, or NUMA_NO_NODE. */
int kunit_machine_cpu_node(const struct kunit_machine *m, int cpu);

/*
 * The kernel nodes with memory, nearest to nid first by the configured
 * distances (ties: the lower kernel node id, the kernel's rule), into
 * order[]; returns how many.
 */
int kunit_machine_fallback(const struct kunit_machine *m, int nid,
			   int order[MAX_NUMNODES]);
/* The first of them: nid itself if it has memory (Linux's numa_mem_id). */
int kunit_machine_memory_node(const struct kunit_machine *m, int nid);

#endif
