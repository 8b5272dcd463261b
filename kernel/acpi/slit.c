/*
 * SLIT (ACPI 6.5, 5.2.17): the distance from each node to each other,
 * read from a matrix indexed by proximity domain into acpi_info's
 * distance[][] indexed by node.
 *
 * Invariants: distance[][] holds 10 on the diagonal and 20 elsewhere
 * unless a valid SLIT replaces the rows and columns of the SRAT's nodes;
 * a SLIT is only used with a usable SRAT (parsed before it), and only
 * when its matrix covers every proximity domain the SRAT named.
 *
 * Locking: none; pure code, built on the host too.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "internal.h"

#define ACPI_SIG_SLIT		"SLIT"

/* The number of localities (u64), then the matrix of u8 distances */
#define SLIT_LOCALITY_COUNT	36
#define SLIT_ENTRIES		44
#define SLIT_MAX_LOCALITIES	1024	/* 1024^2 bytes exceed any table */

void acpi_default_distances(struct acpi_info *info)
{
	int i, j;

	for (i = 0; i < MAX_NUMNODES; i++)
		for (j = 0; j < MAX_NUMNODES; j++)
			info->distance[i][j] = i == j ? LOCAL_DISTANCE :
							REMOTE_DISTANCE;
}

/*
 * Linux's slit_valid(): 10 on the diagonal, more than 10 elsewhere; and
 * the matrix must hold every proximity domain the SRAT named.
 */
static bool slit_valid(const struct acpi_info *info, const u8 *slit, u32 n)
{
	u32 i, j;
	int node;

	for (node = 0; node < info->nr_nodes; node++)
		if (info->node_to_pxm[node] >= n)
			return false;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			u8 d = slit[i * n + j];

			if (i == j ? d != LOCAL_DISTANCE : d <= LOCAL_DISTANCE)
				return false;
		}
	}
	return true;
}

/* The N*N matrix of a checked SLIT, in proximity domains; 0 or -EINVAL. */
static int slit_matrix(const struct acpi_table *t, const struct acpi_info *info,
		       const u8 **matrix, u32 *n, const char **reason)
{
	u64 count = get_u64(t->p + SLIT_LOCALITY_COUNT);

	if (count > SLIT_MAX_LOCALITIES ||
	    count * count > t->length - SLIT_ENTRIES) {
		*reason = "locality count larger than the table";
		return -EINVAL;
	}
	*matrix = t->p + SLIT_ENTRIES;
	*n = count;
	if (!slit_valid(info, *matrix, *n)) {
		*reason = "invalid distances or too few localities";
		return -EINVAL;
	}
	return 0;
}

/* distance[i][j] = matrix[pxm(i) * n + pxm(j)] for the SRAT's nodes. */
static void slit_fill(struct acpi_info *info, const u8 *matrix, u32 n)
{
	u32 from, to;
	int i, j;

	for (i = 0; i < info->nr_nodes; i++) {
		from = info->node_to_pxm[i];
		for (j = 0; j < info->nr_nodes; j++) {
			to = info->node_to_pxm[j];
			info->distance[i][j] = matrix[from * n + to];
		}
	}
}

static int slit_parse(const struct acpi_table *t, struct acpi_info *info,
		      const char **reason)
{
	const u8 *matrix;
	u32 n;
	int ret;

	if (info->nr_nodes == 0) {
		*reason = "no usable SRAT to name its nodes";
		return -EINVAL;
	}
	ret = slit_matrix(t, info, &matrix, &n, reason);
	if (!ret)
		slit_fill(info, matrix, n);
	return ret;
}

/* After the SRAT, whose proximity domains index the matrix. */
void acpi_parse_slit(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info)
{
	info->slit_status = acpi_table_parse(root, map, ACPI_SIG_SLIT,
					     SLIT_ENTRIES, slit_parse, info,
					     &info->slit_reason);
}
