/*
 * ACPI tables: from the RSDP through the RSDT or XSDT to each table the
 * kernel reads (ACPI 6.5 specification, section 5.2), into struct
 * acpi_info (include/linux/acpi.h).  This file checks the RSDP and the
 * root table, finds a table by its signature, walks the entries of the
 * MADT and the SRAT, and runs each table's parser (madt.c, srat.c,
 * slit.c, mcfg.c, fadt.c) in turn; it also finds the RSDP in BIOS memory
 * for boot loaders that pass no copy.
 *
 * Pure code, so the host tests build it too: no printing, no globals, no
 * assembly.  Every byte is read through the caller's map callback, and
 * every read stays inside what was mapped:
 *
 *  - a table is mapped for its 36-byte header first; only when its length
 *    lies between its fixed part and ACPI_MAX_TABLE_LENGTH is the whole
 *    table mapped, and then all its bytes must sum to 0 (mod 256);
 *  - an entry of the MADT or SRAT is at least 2 bytes long, ends inside
 *    its table, and is as long as its type needs.
 *
 * A table is used whole or not at all: anything wrong in it sets its
 * status to -EINVAL, its reason to a few words, and clears what was
 * taken from it.  The first valid table of each signature in the root
 * table wins, as in Linux.  Entries beyond the ACPI_MAX_* capacities are
 * dropped.
 *
 * Invariants the callers rely on: every count in acpi_info is within its
 * array; nr_nodes > 0 exactly when srat_status is 0; every node number
 * (CPU, memory range) is below nr_nodes, or 0 without a usable SRAT.
 *
 * Pointers returned by map() must stay valid until acpi_parse() returns
 * (the kernel's direct map does).  Fields are little-endian and often
 * unaligned, so they are read with memcpy (x86 is little-endian).
 *
 * Locking: none; acpi_parse() touches only its arguments.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "internal.h"

/* Signatures of the RSDP and the root tables (ACPI 6.5 table 5.5) */
#define ACPI_SIG_RSDP		"RSD PTR "
#define ACPI_SIG_RSDT		"RSDT"
#define ACPI_SIG_XSDT		"XSDT"

/* RSDP (5.2.5.3): offsets and sizes */
#define ACPI_RSDP_CHECKSUM_LENGTH	20	/* the ACPI 1.0 part */
#define ACPI_RSDP_XCHECKSUM_LENGTH	36	/* the ACPI 2.0+ RSDP */
#define RSDP_REVISION			15
#define RSDP_RSDT_ADDRESS		16
#define RSDP_LENGTH			20
#define RSDP_XSDT_ADDRESS		24

/* ACPI checksums: the bytes of a structure sum to 0, so this returns 0. */
static u8 acpi_checksum(const u8 *p, size_t len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* ---- RSDP and the root table ---- */

/* The ACPI 1.0 part of an RSDP: signature and checksum of 20 bytes. */
static bool acpi_rsdp_v1_valid(const u8 *rsdp, size_t len)
{
	return len >= ACPI_RSDP_CHECKSUM_LENGTH &&
	       !memcmp(rsdp, ACPI_SIG_RSDP, 8) &&
	       !acpi_checksum(rsdp, ACPI_RSDP_CHECKSUM_LENGTH);
}

/* Revision 2 (ACPI 2.0) and later add a length and a second checksum. */
static int acpi_check_rsdp(const u8 *rsdp, size_t len, const char **reason)
{
	u32 length = 0;

	if (!rsdp) {
		*reason = "no RSDP";
		return -ENOENT;
	}
	if (!acpi_rsdp_v1_valid(rsdp, len)) {
		*reason = "bad RSDP signature or checksum";
		return -EINVAL;
	}
	if (rsdp[RSDP_REVISION] < 2)
		return 0;
	if (len >= ACPI_RSDP_XCHECKSUM_LENGTH)
		length = get_u32(rsdp + RSDP_LENGTH);
	if (length < ACPI_RSDP_XCHECKSUM_LENGTH || length > len) {
		*reason = "bad RSDP length";
		return -EINVAL;
	}
	if (acpi_checksum(rsdp, length)) {
		*reason = "bad RSDP extended checksum";
		return -EINVAL;
	}
	return 0;
}

/*
 * Maps the table at phys whose header is hdr, once its length is known
 * to be between min_len and ACPI_MAX_TABLE_LENGTH, and checks its sum.
 */
static int acpi_map_checked(acpi_map_fn map, u64 phys, const u8 *hdr,
			    u32 min_len, struct acpi_table *table,
			    const char **reason)
{
	u32 length = get_u32(hdr + ACPI_HDR_LENGTH);

	if (length < min_len || length > ACPI_MAX_TABLE_LENGTH) {
		*reason = "bad length";
		return -EINVAL;
	}
	table->p = map(phys, length);
	if (!table->p) {
		*reason = "runs past readable memory";
		return -EINVAL;
	}
	if (acpi_checksum(table->p, length)) {
		*reason = "bad checksum";
		return -EINVAL;
	}
	table->length = length;
	return 0;
}

/* Maps and checks the RSDT (entry_size 4) or XSDT (8) at phys. */
static int acpi_map_root(acpi_map_fn map, u64 phys, const char *sig,
			 unsigned int entry_size, struct acpi_root *root,
			 const char **reason)
{
	struct acpi_table table;
	const u8 *hdr = map(phys, ACPI_TABLE_HEADER_SIZE);
	int ret;

	if (!hdr || memcmp(hdr, sig, 4)) {
		*reason = entry_size == 4 ? "no RSDT where the RSDP points" :
					    "no XSDT where the RSDP points";
		return -EINVAL;
	}
	ret = acpi_map_checked(map, phys, hdr, ACPI_TABLE_HEADER_SIZE,
			       &table, reason);
	if (ret)
		return ret;
	/* Like Linux, ignore a partial address at the end. */
	root->entries = table.p + ACPI_TABLE_HEADER_SIZE;
	root->count = (table.length - ACPI_TABLE_HEADER_SIZE) / entry_size;
	root->entry_size = entry_size;
	return 0;
}

/*
 * The XSDT when the RSDP (revision 2 or later) gives one and it is valid,
 * otherwise the RSDT, as Linux does.
 */
static int acpi_get_root(const u8 *rsdp, acpi_map_fn map,
			 struct acpi_root *root, struct acpi_info *info)
{
	u64 xsdt = 0;
	const char *xsdt_reason;

	if (rsdp[RSDP_REVISION] >= 2)
		xsdt = get_u64(rsdp + RSDP_XSDT_ADDRESS);
	if (xsdt && !acpi_map_root(map, xsdt, ACPI_SIG_XSDT, 8, root,
				   &xsdt_reason)) {
		info->xsdt = true;
		return 0;
	}
	return acpi_map_root(map, get_u32(rsdp + RSDP_RSDT_ADDRESS),
			     ACPI_SIG_RSDT, 4, root, &info->root_reason);
}

static u64 acpi_root_entry(const struct acpi_root *root, u32 i)
{
	const u8 *p = root->entries + (size_t)i * root->entry_size;

	return root->entry_size == 8 ? get_u64(p) : get_u32(p);
}

/*
 * Finds the first valid table with signature sig (and at least min_len
 * bytes) the root table lists.  Returns 0, -ENOENT when none has that
 * signature, or -EINVAL when all that have it are bad.
 */
static int acpi_find_table(const struct acpi_root *root, acpi_map_fn map,
			   const char *sig, u32 min_len,
			   struct acpi_table *table, const char **reason)
{
	const u8 *hdr;
	u64 phys;
	u32 i;
	int ret = -ENOENT;

	*reason = "not found";
	for (i = 0; i < root->count; i++) {
		phys = acpi_root_entry(root, i);
		hdr = map(phys, ACPI_TABLE_HEADER_SIZE);
		if (!hdr || memcmp(hdr, sig, 4))
			continue;
		ret = acpi_map_checked(map, phys, hdr, min_len, table, reason);
		if (!ret) {
			*reason = NULL;
			return 0;
		}
	}
	return ret;
}

/*
 * Finds the table sig (see acpi_find_table()) and hands it to handler:
 * the table's status, 0 or the first error, with *reason saying why.
 * The caller clears what a failed handler may have taken.
 */
int acpi_table_parse(const struct acpi_root *root, acpi_map_fn map,
		     const char *sig, u32 min_len, acpi_table_handler handler,
		     struct acpi_info *info, const char **reason)
{
	struct acpi_table t;
	int ret;

	ret = acpi_find_table(root, map, sig, min_len, &t, reason);
	if (!ret)
		ret = handler(&t, info, reason);
	return ret;
}

/* ---- entries of the MADT and the SRAT ---- */

/* Calls fn on each entry {type u8, length u8, ...} from offset start. */
int acpi_walk_entries(const struct acpi_table *table, u32 start,
		      acpi_entry_fn fn, struct acpi_info *info,
		      const char **reason)
{
	u32 off, room;
	u8 length;
	int ret;

	for (off = start; off < table->length; off += length) {
		room = table->length - off;
		if (room < 2 || table->p[off + 1] > room) {
			*reason = "an entry runs past the end";
			return -EINVAL;
		}
		length = table->p[off + 1];
		if (length < 2) {
			*reason = "an entry is shorter than 2 bytes";
			return -EINVAL;
		}
		ret = fn(table->p + off, table->p[off], length, info, reason);
		if (ret)
			return ret;
	}
	return 0;
}

/* ---- the whole thing ---- */

static void acpi_info_init(struct acpi_info *info)
{
	memset(info, 0, sizeof(*info));
	info->root_status = -ENOENT;
	info->madt_status = -ENOENT;
	info->srat_status = -ENOENT;
	info->slit_status = -ENOENT;
	info->mcfg_status = -ENOENT;
	info->fadt_status = -ENOENT;
	info->root_reason = "no RSDP";
	info->madt_reason = info->srat_reason = "not found";
	info->slit_reason = info->mcfg_reason = "not found";
	info->fadt_reason = "not found";
	acpi_default_distances(info);
}

int acpi_parse(const void *rsdp, size_t rsdp_len, acpi_map_fn map,
	       struct acpi_info *info)
{
	struct acpi_root root;
	int ret;

	acpi_info_init(info);
	ret = acpi_check_rsdp(rsdp, rsdp_len, &info->root_reason);
	if (!ret) {
		info->revision = ((const u8 *)rsdp)[RSDP_REVISION];
		ret = acpi_get_root(rsdp, map, &root, info);
	}
	info->root_status = ret;
	if (ret)
		return ret;
	info->root_reason = NULL;
	acpi_parse_madt(&root, map, info);	/* CPUs before their nodes */
	acpi_parse_srat(&root, map, info);
	acpi_parse_slit(&root, map, info);	/* nodes before distances */
	acpi_parse_mcfg(&root, map, info);
	acpi_parse_fadt(&root, map, info);
	return 0;
}

/* ---- finding the RSDP without a boot loader's copy ---- */

#define BIOS_EBDA_SEGMENT	0x40e	/* u16: the EBDA's real-mode segment */
#define ACPI_EBDA_WINDOW_SIZE	1024
#define ACPI_HI_RSDP_WINDOW_BASE 0xe0000
#define ACPI_HI_RSDP_WINDOW_SIZE 0x20000

/* The first RSDP (signature and 20-byte checksum) on a 16-byte boundary. */
static const void *acpi_scan_for_rsdp(acpi_map_fn map, u64 base, u32 size)
{
	const u8 *area = map(base, size);
	u32 off;

	if (!area)
		return NULL;
	for (off = 0; off + ACPI_RSDP_CHECKSUM_LENGTH <= size; off += 16)
		if (acpi_rsdp_v1_valid(area + off, size - off))
			return area + off;
	return NULL;
}

const void *acpi_find_rsdp(acpi_map_fn map)
{
	const u8 *seg = map(BIOS_EBDA_SEGMENT, 2);
	const void *rsdp = NULL;
	u64 ebda;

	/* Like Linux, trust an EBDA only between 1 KiB and 640 KiB. */
	if (seg) {
		ebda = (u64)get_u16(seg) << 4;
		if (ebda > 0x400 && ebda < 0xa0000)
			rsdp = acpi_scan_for_rsdp(map, ebda,
						  ACPI_EBDA_WINDOW_SIZE);
	}
	if (!rsdp)
		rsdp = acpi_scan_for_rsdp(map, ACPI_HI_RSDP_WINDOW_BASE,
					  ACPI_HI_RSDP_WINDOW_SIZE);
	return rsdp;
}
