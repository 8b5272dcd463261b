/*
 * Cases of the SRAT: its limits (nodes, memory ranges), every reason it
 * is unusable (then no node, no range, every CPU on node 0, and no SLIT),
 * overlapping ranges within one node, and the high bytes of a CPU entry's
 * proximity domain.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- SRAT: when it is unusable ---- */

/* Parse an SRAT built by fn with the good MADT and SLIT. */
static int parse_srat(void (*fn)(struct table *))
{
	struct table t;

	build_good(0);
	srat_begin(&t, SRAT_ADDR);
	fn(&t);
	tbl_end(&t);
	EXPECT(parse(20) == 0);
	return info.srat_status;
}

static void expect_srat_unusable(const char *why)
{
	int i;

	EXPECT_MSG(REFUSED(info.srat_status, info.srat_reason, why),
		   "reason \"%s\", expected \"%s\"", info.srat_reason, why);
	EXPECT(info.nr_nodes == 0 && info.nr_memblks == 0);
	for (i = 0; i < info.nr_cpus; i++)
		EXPECT(info.cpus[i].node == 0);
	EXPECT(REFUSED(info.slit_status, info.slit_reason,
		       "no usable SRAT to name its nodes"));
	EXPECT(info.distance[0][1] == 20 && info.distance[1][0] == 20);
	check_good_madt();
}

static void nine_domains(struct table *t)
{
	int i;

	srat_cpu(t, 0, 0, 1);
	for (i = 0; i < 9; i++)
		srat_mem(t, i, i * GiB, GiB, MEM_ENABLED);
}

static void nine_domains_cpu_last(struct table *t)
{
	int i;

	for (i = 0; i < 8; i++)
		srat_mem(t, 100 + i, i * GiB, GiB, MEM_ENABLED);
	srat_cpu(t, 0x01020304, 1, 1);
}

static void eight_domains(struct table *t)
{
	int i;

	for (i = 0; i < 8; i++)
		srat_mem(t, 7 - i, i * GiB, GiB, MEM_ENABLED);
	srat_cpu(t, 0, 1, 1);
}

static void ranges(struct table *t, int n)
{
	int i;

	for (i = 0; i < n; i++)
		srat_mem(t, i % 2, i * GiB, GiB, MEM_ENABLED | (i & 4 ? 2 : 0));
}

static void thirty_two_ranges(struct table *t)
{
	ranges(t, ACPI_MAX_MEMBLKS);
}

static void thirty_three_ranges(struct table *t)
{
	ranges(t, ACPI_MAX_MEMBLKS + 1);
}

static void no_enabled_memory(struct table *t)
{
	srat_cpu(t, 0, 0, 1);
	srat_mem(t, 0, 0, GiB, 0);
	srat_mem(t, 1, GiB, 0, MEM_ENABLED);
}

/* Node 1 touches node 0 (fine) and shares its last byte with node 2. */
static void overlap_two_nodes(struct table *t)
{
	srat_mem(t, 2, 3 * GiB - 1, GiB, MEM_ENABLED);
	srat_mem(t, 0, 0, 2 * GiB, MEM_ENABLED);
	srat_mem(t, 1, 2 * GiB, GiB, MEM_ENABLED);
}

static void overlap_one_node(struct table *t)
{
	srat_mem(t, 0, 0, 2 * GiB, MEM_ENABLED);
	srat_mem(t, 0, GiB, 2 * GiB, MEM_ENABLED);
	srat_mem(t, 1, 3 * GiB, GiB, MEM_ENABLED);
}

static void wrapping_range(struct table *t)
{
	srat_mem(t, 0, 0, GiB, MEM_ENABLED);
	srat_mem(t, 1, ~0ULL - 4095, 8192, MEM_ENABLED);
}

static void high_pxm_bytes(struct table *t)
{
	srat_cpu(t, 0x01020304, 0, 1);
	srat_cpu(t, 0x304, 1, 1);
	srat_mem(t, 0x01020304, 0, GiB, MEM_ENABLED);
}

void test_srat_limits(void)
{
	EXPECT(parse_srat(nine_domains) == -EINVAL);
	expect_srat_unusable("more proximity domains than MAX_NUMNODES");
	EXPECT(parse_srat(nine_domains_cpu_last) == -EINVAL);
	expect_srat_unusable("more proximity domains than MAX_NUMNODES");
	EXPECT(parse_srat(eight_domains) == 0 && info.nr_nodes == 8);
	EXPECT(info.node_to_pxm[0] == 7 && info.memblks[7].node == 7);
	EXPECT(info.cpus[1].node == 7);		/* PXM 0 is node 7 */
	/* A SLIT that names only 4 domains cannot describe 8 nodes. */
	EXPECT(REFUSED(info.slit_status, info.slit_reason,
		       "invalid distances or too few localities"));

	EXPECT(parse_srat(thirty_two_ranges) == 0);
	EXPECT(info.nr_memblks == ACPI_MAX_MEMBLKS && info.nr_nodes == 2);
	EXPECT(info.memblks[4].hotpluggable && !info.memblks[3].hotpluggable);
	EXPECT(parse_srat(thirty_three_ranges) == -EINVAL);
	expect_srat_unusable("more memory ranges than ACPI_MAX_MEMBLKS");
	EXPECT(parse_srat(no_enabled_memory) == -EINVAL);
	expect_srat_unusable("no enabled memory range");
	EXPECT(parse_srat(overlap_two_nodes) == -EINVAL);
	expect_srat_unusable("memory ranges of two nodes overlap");
	EXPECT(parse_srat(overlap_one_node) == 0 && info.nr_memblks == 3);
	EXPECT(parse_srat(wrapping_range) == -EINVAL);
	expect_srat_unusable("a memory range wraps around");

	/* Bytes 9-11 of a CPU entry are bits 8-31 of its domain. */
	EXPECT(parse_srat(high_pxm_bytes) == 0 && info.nr_nodes == 2);
	EXPECT(info.node_to_pxm[0] == 0x01020304);
	EXPECT(info.node_to_pxm[1] == 0x304);
	EXPECT(info.cpus[0].node == 0 && info.cpus[1].node == 1);
}
