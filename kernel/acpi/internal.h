/*
 * What the table parsers of kernel/acpi/ share: the header every table
 * starts with, a mapped and checked table, the root table's list of
 * addresses, little-endian field readers, and each table's parse step.
 *
 * Invariants: a struct acpi_table's length bytes at p were mapped by the
 * caller's map callback and sum to 0 (mod 256); the length lies between
 * the table's fixed part and ACPI_MAX_TABLE_LENGTH.
 *
 * Locking: none; the parsers touch only their arguments.
 */
#ifndef _KERNEL_ACPI_INTERNAL_H
#define _KERNEL_ACPI_INTERNAL_H

#include <linux/acpi.h>
#include <linux/string.h>

/* The header every other table starts with (ACPI 6.5, 5.2.6) */
#define ACPI_TABLE_HEADER_SIZE	36
#define ACPI_HDR_LENGTH		4
#define ACPI_HDR_REVISION	8
#define ACPI_MAX_TABLE_LENGTH	(1U << 20)	/* a sanity limit of ours */

/* A table that is mapped and checked: length bytes at p. */
struct acpi_table {
	const u8 *p;
	u32 length;
};

/* The root table: count addresses of entry_size bytes at entries. */
struct acpi_root {
	const u8 *entries;
	u32 count;
	unsigned int entry_size;	/* 4 in the RSDT, 8 in the XSDT */
};

/*
 * Reads a little-endian field at any alignment (x86 is little-endian,
 * and table fields are often unaligned).
 */
static inline u16 get_u16(const u8 *p)
{
	u16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline u32 get_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline u64 get_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Parsing tables and walking their entries (kernel/acpi/tables.c). */
typedef int (*acpi_table_handler)(const struct acpi_table *table,
				  struct acpi_info *info, const char **reason);
int acpi_table_parse(const struct acpi_root *root, acpi_map_fn map,
		     const char *sig, u32 min_len, acpi_table_handler handler,
		     struct acpi_info *info, const char **reason);

typedef int (*acpi_entry_fn)(const u8 *entry, u8 type, u8 length,
			     struct acpi_info *info, const char **reason);
int acpi_walk_entries(const struct acpi_table *table, u32 start,
		      acpi_entry_fn fn, struct acpi_info *info,
		      const char **reason);

/*
 * One step of acpi_parse() per table, in this order: the MADT's CPUs
 * before the SRAT gives their nodes, the SRAT's nodes before the SLIT's
 * distances between them.  Each sets the table's status and reason.
 */
void acpi_parse_madt(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info);		/* madt.c */
void acpi_parse_srat(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info);		/* srat.c */
void acpi_parse_slit(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info);		/* slit.c */
void acpi_parse_mcfg(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info);		/* mcfg.c */
void acpi_parse_fadt(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info);		/* fadt.c */

/* 10 within a node, 20 between nodes: the distances without a SLIT. */
void acpi_default_distances(struct acpi_info *info);	/* slit.c */

#endif
