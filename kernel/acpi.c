/*
 * ACPI table parser: from the RSDP through the RSDT or XSDT to the MADT,
 * SRAT, SLIT, MCFG and FADT (ACPI 6.5 specification, section 5.2), into
 * struct acpi_info (include/linux/acpi.h).
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

/* Table signatures (ACPI 6.5 tables 5.5 and 5.6) */
#define ACPI_SIG_RSDP		"RSD PTR "
#define ACPI_SIG_RSDT		"RSDT"
#define ACPI_SIG_XSDT		"XSDT"
#define ACPI_SIG_MADT		"APIC"
#define ACPI_SIG_SRAT		"SRAT"
#define ACPI_SIG_SLIT		"SLIT"
#define ACPI_SIG_MCFG		"MCFG"
#define ACPI_SIG_FADT		"FACP"

/* RSDP (5.2.5.3): offsets and sizes */
#define ACPI_RSDP_CHECKSUM_LENGTH	20	/* the ACPI 1.0 part */
#define ACPI_RSDP_XCHECKSUM_LENGTH	36	/* the ACPI 2.0+ RSDP */
#define RSDP_REVISION			15
#define RSDP_RSDT_ADDRESS		16
#define RSDP_LENGTH			20
#define RSDP_XSDT_ADDRESS		24

/* The header every other table starts with (5.2.6) */
#define ACPI_TABLE_HEADER_SIZE	36
#define ACPI_HDR_LENGTH		4
#define ACPI_HDR_REVISION	8
#define ACPI_MAX_TABLE_LENGTH	(1U << 20)	/* a sanity limit of ours */

/* Where the entries start: the header plus each table's fixed fields */
#define MADT_LAPIC_ADDRESS	36
#define MADT_FLAGS		40
#define MADT_ENTRIES		44
#define SRAT_ENTRIES		48	/* 4 + 8 reserved bytes */
#define SLIT_LOCALITY_COUNT	36
#define SLIT_ENTRIES		44
#define MCFG_ENTRIES		44	/* 8 reserved bytes */
#define MCFG_ENTRY_SIZE		16
#define SLIT_MAX_LOCALITIES	1024	/* 1024^2 bytes exceed any table */

/* FADT (5.2.9): the fields read here */
#define FADT_PM_TMR_BLK		76	/* u32: the PM timer's I/O port */
#define FADT_FLAGS		112
#define FADT_V1_LENGTH		116	/* the ACPI 1.0 FADT ends here */
#define FADT_X_PM_TMR_BLK	208	/* ACPI 2.0+: a Generic Address */
#define ACPI_GAS_SIZE		12	/* {space, bits, offset, size, u64} */
#define ACPI_GAS_ADDRESS	4
#define ACPI_ADR_SPACE_SYSTEM_IO 1
#define ACPI_FADT_TMR_VAL_EXT	(1 << 8)	/* a 32-bit PM timer */
#define ACPI_MAX_IO_PORT	0xffff

/* MADT entry types (5.2.12) and flags */
#define ACPI_MADT_TYPE_LOCAL_APIC		0
#define ACPI_MADT_TYPE_IO_APIC			1
#define ACPI_MADT_TYPE_INTERRUPT_OVERRIDE	2
#define ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE	5
#define ACPI_MADT_TYPE_LOCAL_X2APIC		9
#define ACPI_MADT_PCAT_COMPAT	(1 << 0)	/* MADT flags */
#define ACPI_MADT_ENABLED	(1 << 0)	/* local (x2)APIC flags */
#define ACPI_APIC_ID_INVALID	0xff		/* Linux skips these too */

/* SRAT entry types (5.2.16) and flags */
#define ACPI_SRAT_TYPE_CPU_AFFINITY		0
#define ACPI_SRAT_TYPE_MEMORY_AFFINITY		1
#define ACPI_SRAT_TYPE_X2APIC_CPU_AFFINITY	2
#define ACPI_SRAT_CPU_ENABLED		(1 << 0)
#define ACPI_SRAT_MEM_ENABLED		(1 << 0)
#define ACPI_SRAT_MEM_HOT_PLUGGABLE	(1 << 1)

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

/* Reads a little-endian field at any alignment. */
static u16 get_u16(const u8 *p)
{
	u16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static u32 get_u32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static u64 get_u64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

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

/* ---- entries of the MADT and the SRAT ---- */

typedef int (*acpi_entry_fn)(const u8 *entry, u8 type, u8 length,
			     struct acpi_info *info, const char **reason);

/* Calls fn on each entry {type u8, length u8, ...} from offset start. */
static int acpi_walk_entries(const struct acpi_table *table, u32 start,
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

/* ---- MADT: CPUs and interrupt controllers ---- */

/* The shortest valid entry of each MADT type read here (0: skipped). */
static u8 madt_entry_min_length(u8 type)
{
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:		return 8;
	case ACPI_MADT_TYPE_IO_APIC:		return 12;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:	return 10;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: return 12;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:	return 16;
	default:				return 0;
	}
}

static void madt_add_cpu(struct acpi_info *info, u32 apic_id, u32 uid)
{
	struct acpi_cpu *cpu;

	if (info->nr_cpus == ACPI_MAX_CPUS)
		return;
	cpu = &info->cpus[info->nr_cpus++];
	cpu->apic_id = apic_id;
	cpu->uid = uid;
	cpu->node = 0;		/* until the SRAT says otherwise */
}

static void madt_add_ioapic(struct acpi_info *info, const u8 *e)
{
	struct acpi_ioapic *ioapic;

	if (info->nr_ioapics == ACPI_MAX_IOAPICS)
		return;
	ioapic = &info->ioapics[info->nr_ioapics++];
	ioapic->id = e[2];
	ioapic->address = get_u32(e + 4);
	ioapic->gsi_base = get_u32(e + 8);
}

static void madt_add_override(struct acpi_info *info, const u8 *e)
{
	struct acpi_override *ovr;

	if (info->nr_overrides == ACPI_MAX_OVERRIDES)
		return;
	ovr = &info->overrides[info->nr_overrides++];
	ovr->bus = e[2];
	ovr->source = e[3];
	ovr->gsi = get_u32(e + 4);
	ovr->flags = get_u16(e + 8);
}

static int madt_entry(const u8 *e, u8 type, u8 length,
		      struct acpi_info *info, const char **reason)
{
	if (length < madt_entry_min_length(type)) {
		*reason = "an entry is too short for its type";
		return -EINVAL;
	}
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		if ((get_u32(e + 4) & ACPI_MADT_ENABLED) &&
		    e[3] != ACPI_APIC_ID_INVALID)
			madt_add_cpu(info, e[3], e[2]);
		break;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:
		if (get_u32(e + 8) & ACPI_MADT_ENABLED)
			madt_add_cpu(info, get_u32(e + 4), get_u32(e + 12));
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		madt_add_ioapic(info, e);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		madt_add_override(info, e);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		info->lapic_address = get_u64(e + 4);
		break;
	}
	return 0;
}

static void madt_clear(struct acpi_info *info)
{
	info->lapic_address = 0;
	info->pcat_compat = false;
	info->nr_cpus = 0;
	info->nr_ioapics = 0;
	info->nr_overrides = 0;
}

static void acpi_parse_madt(const struct acpi_root *root, acpi_map_fn map,
			    struct acpi_info *info)
{
	struct acpi_table t;
	int ret;

	ret = acpi_find_table(root, map, ACPI_SIG_MADT, MADT_ENTRIES, &t,
			      &info->madt_reason);
	if (!ret) {
		info->lapic_address = get_u32(t.p + MADT_LAPIC_ADDRESS);
		info->pcat_compat = get_u32(t.p + MADT_FLAGS) &
				    ACPI_MADT_PCAT_COMPAT;
		ret = acpi_walk_entries(&t, MADT_ENTRIES, madt_entry, info,
					&info->madt_reason);
		if (ret)
			madt_clear(info);
	}
	info->madt_status = ret;
}

/* ---- SRAT: nodes of CPUs and memory ---- */

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

/* After the MADT: CPU affinity entries set the node of its CPUs. */
static void acpi_parse_srat(const struct acpi_root *root, acpi_map_fn map,
			    struct acpi_info *info)
{
	struct acpi_table t;
	int ret;

	ret = acpi_find_table(root, map, ACPI_SIG_SRAT, SRAT_ENTRIES, &t,
			      &info->srat_reason);
	if (!ret)
		ret = acpi_walk_entries(&t, SRAT_ENTRIES, srat_entry, info,
					&info->srat_reason);
	if (!ret)
		ret = srat_check(info, &info->srat_reason);
	if (ret)
		srat_clear(info);
	info->srat_status = ret;
}

/* ---- SLIT: distances between nodes ---- */

static void acpi_default_distances(struct acpi_info *info)
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

/* After the SRAT, whose proximity domains index the matrix. */
static void acpi_parse_slit(const struct acpi_root *root, acpi_map_fn map,
			    struct acpi_info *info)
{
	struct acpi_table t;
	const u8 *matrix;
	u32 n;
	int ret;

	ret = acpi_find_table(root, map, ACPI_SIG_SLIT, SLIT_ENTRIES, &t,
			      &info->slit_reason);
	if (!ret && info->nr_nodes == 0) {
		info->slit_reason = "no usable SRAT to name its nodes";
		ret = -EINVAL;
	}
	if (!ret)
		ret = slit_matrix(&t, info, &matrix, &n, &info->slit_reason);
	if (!ret)
		slit_fill(info, matrix, n);
	info->slit_status = ret;
}

/* ---- MCFG: PCI Express configuration space (ECAM) ---- */

/* The entries {base u64, segment u16, start_bus u8, end_bus u8, u32}. */
static int mcfg_entries(const struct acpi_table *t, struct acpi_info *info,
			const char **reason)
{
	u32 i, count = (t->length - MCFG_ENTRIES) / MCFG_ENTRY_SIZE;
	struct acpi_mcfg *m;
	const u8 *e;

	if (count == 0) {
		*reason = "no entries";		/* Linux refuses it too */
		return -EINVAL;
	}
	for (i = 0; i < count; i++) {
		e = t->p + MCFG_ENTRIES + i * MCFG_ENTRY_SIZE;
		if (e[11] < e[10]) {
			*reason = "a bus range ends before it starts";
			return -EINVAL;
		}
		if (info->nr_mcfg == ACPI_MAX_MCFG)
			continue;
		m = &info->mcfg[info->nr_mcfg++];
		m->base = get_u64(e);
		m->segment = get_u16(e + 8);
		m->start_bus = e[10];
		m->end_bus = e[11];
	}
	return 0;
}

static void acpi_parse_mcfg(const struct acpi_root *root, acpi_map_fn map,
			    struct acpi_info *info)
{
	struct acpi_table t;
	int ret;

	ret = acpi_find_table(root, map, ACPI_SIG_MCFG, MCFG_ENTRIES, &t,
			      &info->mcfg_reason);
	if (!ret)
		ret = mcfg_entries(&t, info, &info->mcfg_reason);
	if (ret)
		info->nr_mcfg = 0;
	info->mcfg_status = ret;
}

/* ---- FADT: the power-management timer ---- */

/*
 * The PM timer's port: X_PM_TMR_BLK when the table is long enough to
 * hold it and it is set (Linux prefers it too), else PM_TMR_BLK; 0 when
 * neither is set (a hardware-reduced machine has no PM timer).  Linux's
 * acpi_pm driver only handles a timer in I/O space, and so does this.
 */
static int fadt_pm_timer(const struct acpi_table *t, struct acpi_info *info,
			 const char **reason)
{
	const u8 *gas = t->p + FADT_X_PM_TMR_BLK;
	u64 port = get_u32(t->p + FADT_PM_TMR_BLK);

	if (t->length >= FADT_X_PM_TMR_BLK + ACPI_GAS_SIZE &&
	    get_u64(gas + ACPI_GAS_ADDRESS)) {
		if (gas[0] != ACPI_ADR_SPACE_SYSTEM_IO) {
			*reason = "the PM timer is not in I/O space";
			return -EINVAL;
		}
		port = get_u64(gas + ACPI_GAS_ADDRESS);
	}
	if (port > ACPI_MAX_IO_PORT) {
		*reason = "the PM timer's port is beyond 0xffff";
		return -EINVAL;
	}
	info->pm_timer_port = port;
	if (port)
		info->pm_timer_bits = get_u32(t->p + FADT_FLAGS) &
				      ACPI_FADT_TMR_VAL_EXT ? 32 : 24;
	return 0;
}

static void acpi_parse_fadt(const struct acpi_root *root, acpi_map_fn map,
			    struct acpi_info *info)
{
	struct acpi_table t;
	int ret;

	ret = acpi_find_table(root, map, ACPI_SIG_FADT, FADT_V1_LENGTH, &t,
			      &info->fadt_reason);
	if (!ret) {
		info->fadt_revision = t.p[ACPI_HDR_REVISION];
		ret = fadt_pm_timer(&t, info, &info->fadt_reason);
	}
	if (ret) {
		info->fadt_revision = 0;
		info->pm_timer_port = 0;
		info->pm_timer_bits = 0;
	}
	info->fadt_status = ret;
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
