/*
 * The ACPI table parser (kernel/acpi.c, built for the host) fed tables
 * built here in a fake physical memory: a good four-node machine (with
 * a FADT naming a PM timer), each
 * kind of damage the parser must refuse, the limits of its arrays, the
 * RSDP scan of the BIOS areas, and many random mutations of a good set.
 *
 * The map callback hands out a fresh heap copy of exactly the bytes
 * asked for, so AddressSanitizer reports any read past what the parser
 * mapped, not only past the fake memory.  The copies are freed when
 * acpi_parse() returns.  After every parse the invariants the kernel
 * relies on are checked (counts within the arrays, nodes below nr_nodes,
 * a refused table contributes nothing).
 *
 * The fake memory (1 MiB at physical address 0):
 *
 *	0x0040e		EBDA segment (the RSDP scan tests)
 *	0x10000...	RSDT, XSDT, MADT, SRAT, SLIT, MCFG, one 4 KiB page each
 *	0x16000...	spare pages for second tables and larger SLITs
 *	0x18000		the FADT
 *	0xf0000		the RSDP
 */
#include <stdlib.h>
#include <string.h>

#define acpi_parse kern_acpi_parse
#define acpi_find_rsdp kern_acpi_find_rsdp
#include <linux/acpi.h>
#include <linux/errno.h>

#include "ktap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define GiB		(1ULL << 30)

#define MEM_SIZE	0x100000
#define RSDT_ADDR	0x10000
#define XSDT_ADDR	0x11000
#define MADT_ADDR	0x12000
#define SRAT_ADDR	0x13000
#define SLIT_ADDR	0x14000
#define MCFG_ADDR	0x15000
#define SPARE_ADDR	0x16000
#define FADT_ADDR	0x18000
#define RSDP_ADDR	0xf0000
#define GOOD_END	0x19000		/* the good tables end below this */

static unsigned char mem[MEM_SIZE];

/* ---- the map callback: exact-size heap copies ---- */

struct mapping {
	void *copy;
	u64 phys;
	size_t len;
};

static struct mapping *maps;
static size_t nr_maps, max_maps;

static const void *fake_map(u64 phys, size_t len)
{
	struct mapping *m;

	if (len > MEM_SIZE || phys > MEM_SIZE - len)
		return NULL;
	if (nr_maps == max_maps) {
		max_maps = max_maps ? 2 * max_maps : 64;
		maps = realloc(maps, max_maps * sizeof(*maps));
	}
	m = &maps[nr_maps++];
	m->copy = malloc(len ? len : 1);
	memcpy(m->copy, mem + phys, len);
	m->phys = phys;
	m->len = len;
	return m->copy;
}

/* The physical address a pointer into a mapping stands for. */
static u64 phys_of(const void *p)
{
	const char *c = p;
	size_t i;

	for (i = 0; i < nr_maps; i++)
		if (c >= (char *)maps[i].copy &&
		    c < (char *)maps[i].copy + maps[i].len)
			return maps[i].phys + (c - (char *)maps[i].copy);
	return ~0ULL;
}

static void unmap_all(void)
{
	while (nr_maps)
		free(maps[--nr_maps].copy);
}

/* ---- little-endian writes and checksums ---- */

static void put16(unsigned char *p, u16 v) { memcpy(p, &v, 2); }
static void put32(unsigned char *p, u32 v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, u64 v) { memcpy(p, &v, 8); }

static u32 get32(const unsigned char *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

static u8 sum(const unsigned char *p, size_t len)
{
	u8 s = 0;

	while (len--)
		s += *p++;
	return s;
}

/* Make the table at phys sum to 0 over the length its header gives. */
static void fix_checksum(u64 phys)
{
	u32 len = get32(mem + phys + 4);

	if (len < 10 || len > MEM_SIZE - phys)
		return;
	mem[phys + 9] = 0;
	mem[phys + 9] = -sum(mem + phys, len);
}

/* ---- building tables ---- */

struct table {
	u64 phys;
	u32 len;
};

static unsigned char *tbl_begin(struct table *t, u64 phys, const char *sig,
				u32 fixed_len)
{
	unsigned char *p = mem + phys;

	memset(p, 0, fixed_len);
	memcpy(p, sig, 4);
	p[8] = 1;				/* revision */
	memcpy(p + 10, "FERRY ", 6);		/* OEM id */
	t->phys = phys;
	t->len = fixed_len;
	return p;
}

static unsigned char *tbl_grow(struct table *t, u32 n)
{
	unsigned char *p = mem + t->phys + t->len;

	memset(p, 0, n);
	t->len += n;
	return p;
}

static unsigned char *tbl_entry(struct table *t, u8 type, u8 len)
{
	unsigned char *e = tbl_grow(t, len);

	e[0] = type;
	e[1] = len;
	return e;
}

static void tbl_end(struct table *t)
{
	put32(mem + t->phys + 4, t->len);
	fix_checksum(t->phys);
}

static void madt_begin(struct table *t, u64 phys)
{
	unsigned char *p = tbl_begin(t, phys, "APIC", 44);

	put32(p + 36, 0xfee00000);
	put32(p + 40, 1);			/* PCAT_COMPAT */
}

static void madt_lapic(struct table *t, u8 uid, u8 id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 0, 8);

	e[2] = uid;
	e[3] = id;
	put32(e + 4, flags);
}

static void madt_x2apic(struct table *t, u32 id, u32 uid, u32 flags)
{
	unsigned char *e = tbl_entry(t, 9, 16);

	put32(e + 4, id);
	put32(e + 8, flags);
	put32(e + 12, uid);
}

static void madt_ioapic(struct table *t, u8 id, u32 address, u32 gsi_base)
{
	unsigned char *e = tbl_entry(t, 1, 12);

	e[2] = id;
	put32(e + 4, address);
	put32(e + 8, gsi_base);
}

static void madt_override(struct table *t, u8 irq, u32 gsi, u16 flags)
{
	unsigned char *e = tbl_entry(t, 2, 10);

	e[3] = irq;
	put32(e + 4, gsi);
	put16(e + 8, flags);
}

static void srat_begin(struct table *t, u64 phys)
{
	put32(tbl_begin(t, phys, "SRAT", 48) + 36, 1);	/* reserved, 1 */
}

static void srat_cpu(struct table *t, u32 pxm, u8 apic_id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 0, 16);

	e[2] = pxm;
	e[3] = apic_id;
	put32(e + 4, flags);
	e[9] = pxm >> 8;
	e[10] = pxm >> 16;
	e[11] = pxm >> 24;
}

static void srat_x2apic(struct table *t, u32 pxm, u32 id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 2, 24);

	put32(e + 4, pxm);
	put32(e + 8, id);
	put32(e + 12, flags);
}

#define MEM_ENABLED	1
#define MEM_HOTPLUG	2

static void srat_mem(struct table *t, u32 pxm, u64 base, u64 len, u32 flags)
{
	unsigned char *e = tbl_entry(t, 1, 40);

	put32(e + 2, pxm);
	put64(e + 8, base);
	put64(e + 16, len);
	put32(e + 28, flags);
}

static void build_slit(u64 phys, u64 n, const u8 *matrix)
{
	struct table t;
	unsigned char *p = tbl_begin(&t, phys, "SLIT", 44);

	put64(p + 36, n);
	memcpy(tbl_grow(&t, n * n), matrix, n * n);
	tbl_end(&t);
}

static void mcfg_begin(struct table *t, u64 phys)
{
	tbl_begin(t, phys, "MCFG", 44);
}

static void mcfg_entry(struct table *t, u64 base, u16 seg, u8 start, u8 end)
{
	unsigned char *e = tbl_grow(t, 16);

	put64(e, base);
	put16(e + 8, seg);
	e[10] = start;
	e[11] = end;
}

/* FADT fields (ACPI 6.5, 5.2.9) */
#define FADT_V1_LEN	116		/* ACPI 1.0: up to the flags */
#define FADT_V3_LEN	244		/* ACPI 2.0: the X_ blocks too */
#define TMR_VAL_EXT	(1 << 8)
#define SPACE_MEMORY	0
#define SPACE_IO	1

/*
 * A FADT of len bytes with PM_TMR_BLK port and, when len holds it,
 * X_PM_TMR_BLK {space, 32 bits, address x_addr}.
 */
static void build_fadt(u32 len, u32 port, u8 x_space, u64 x_addr,
		       u32 flags)
{
	struct table t;
	unsigned char *p = tbl_begin(&t, FADT_ADDR, "FACP", len);

	p[8] = len >= FADT_V3_LEN ? 3 : 1;
	put32(p + 76, port);
	p[91] = 4;				/* PM_TMR_LEN */
	put32(p + 112, flags);
	if (len >= 208 + 12) {
		p[208] = x_space;
		p[209] = 32;
		put64(p + 212, x_addr);
	}
	tbl_end(&t);
}

/* An RSDT (entry_size 4) or XSDT (8) listing n tables. */
static void build_root(u64 phys, const u64 *addrs, int n, int entry_size)
{
	struct table t;
	int i;

	tbl_begin(&t, phys, entry_size == 4 ? "RSDT" : "XSDT", 36);
	for (i = 0; i < n; i++)
		memcpy(tbl_grow(&t, entry_size), &addrs[i], entry_size);
	tbl_end(&t);
}

/* An RSDP at RSDP_ADDR: 20 bytes for revision 0, 36 for 2. */
static size_t build_rsdp(u8 revision, u32 rsdt, u64 xsdt)
{
	unsigned char *p = mem + RSDP_ADDR;

	memset(p, 0, 36);
	memcpy(p, "RSD PTR ", 8);
	memcpy(p + 9, "FERRY ", 6);
	p[15] = revision;
	put32(p + 16, rsdt);
	p[8] = -sum(p, 20);
	if (revision < 2)
		return 20;
	put32(p + 20, 36);
	put64(p + 24, xsdt);
	p[32] = -sum(p, 36);
	return 36;
}

/* ---- the good machine: four nodes ---- */

/*
 * Proximity domains appear in the order 2, 0, 3, 1, so nodes 0-3 are
 * PXMs 2, 0, 3, 1:
 *	node 0 (PXM 2): CPU APIC 0; [0, 2G) and [4G, 5G) around a hole
 *	node 1 (PXM 0): CPU APIC 1; no memory
 *	node 2 (PXM 3): x2APIC CPUs 0x100, 0x101; [5G, 7G), and [16G, 32G)
 *			hot-pluggable
 *	node 3 (PXM 1): no CPU; [7G, 8G)
 */
static const u32 good_pxm[4] = { 2, 0, 3, 1 };

/* The SLIT, in proximity domains (row: from); not symmetric. */
static const u8 good_slit[4 * 4] = {
	10, 21, 32, 43,
	24, 10, 35, 46,
	37, 28, 10, 49,
	40, 31, 42, 10,
};

static void build_madt(void)
{
	struct table t;

	madt_begin(&t, MADT_ADDR);
	madt_lapic(&t, 0, 0, 1);
	madt_lapic(&t, 1, 1, 1);
	madt_lapic(&t, 2, 2, 0);		/* disabled: not a CPU */
	madt_lapic(&t, 9, 0xff, 1);		/* invalid APIC id */
	madt_x2apic(&t, 0x100, 3, 1);
	madt_x2apic(&t, 0x101, 4, 1);
	madt_x2apic(&t, 0x102, 5, 0);		/* disabled */
	madt_ioapic(&t, 0, 0xfec00000, 0);
	madt_ioapic(&t, 1, 0xfec01000, 24);
	madt_override(&t, 0, 2, 0);
	madt_override(&t, 9, 9, 0xd);		/* level, active high */
	tbl_entry(&t, 4, 6);			/* local APIC NMI: skipped */
	tbl_entry(&t, 0x7f, 3);			/* unknown type: skipped */
	tbl_end(&t);
}

static void build_srat(void)
{
	struct table t;

	srat_begin(&t, SRAT_ADDR);
	srat_cpu(&t, 2, 0, 1);
	srat_cpu(&t, 0, 1, 1);
	srat_x2apic(&t, 3, 0x100, 1);
	srat_x2apic(&t, 3, 0x101, 1);
	srat_cpu(&t, 7, 2, 0);			/* disabled: no domain */
	srat_mem(&t, 2, 0, 2 * GiB, MEM_ENABLED);
	srat_mem(&t, 1, 7 * GiB, GiB, MEM_ENABLED);
	srat_mem(&t, 3, 5 * GiB, 2 * GiB, MEM_ENABLED);
	srat_mem(&t, 2, 4 * GiB, GiB, MEM_ENABLED);
	srat_mem(&t, 3, 16 * GiB, 16 * GiB, MEM_ENABLED | MEM_HOTPLUG);
	srat_mem(&t, 6, 8 * GiB, GiB, 0);	/* disabled */
	srat_mem(&t, 5, 9 * GiB, 0, MEM_ENABLED);	/* empty */
	tbl_entry(&t, 0x7f, 8);			/* unknown type */
	tbl_end(&t);
}

static void build_mcfg(void)
{
	struct table t;

	mcfg_begin(&t, MCFG_ADDR);
	mcfg_entry(&t, 0xb0000000, 0, 0, 0xff);
	mcfg_entry(&t, 0xc0000000, 1, 0x10, 0x1f);
	tbl_end(&t);
}

static void build_tables(void)
{
	memset(mem, 0, GOOD_END);
	build_madt();
	build_srat();
	build_slit(SLIT_ADDR, 4, good_slit);
	build_mcfg();
	build_fadt(FADT_V3_LEN, 0x608, SPACE_IO, 0x608, TMR_VAL_EXT);
}

/*
 * The root tables list the four tables, a page of zeros and an address
 * outside the fake memory; both of these are skipped.
 */
static void build_roots(void)
{
	u64 addrs[] = { SPARE_ADDR + 0x1000, MADT_ADDR, SRAT_ADDR, SLIT_ADDR,
			MCFG_ADDR, FADT_ADDR, 0xfffff000ULL };

	build_root(RSDT_ADDR, addrs, ARRAY_SIZE(addrs), 4);
	addrs[6] = 0x123456789000ULL;
	build_root(XSDT_ADDR, addrs, ARRAY_SIZE(addrs), 8);
}

/* The good machine; returns the RSDP's length. */
static size_t build_good(u8 revision)
{
	build_tables();
	build_roots();
	return build_rsdp(revision, RSDT_ADDR, revision >= 2 ? XSDT_ADDR : 0);
}

/* ---- parsing and the invariants ---- */

static struct acpi_info info;

static int status_valid(int status, const char *reason)
{
	if (status == 0)
		return reason == NULL;
	return (status == -ENOENT || status == -EINVAL) && reason != NULL;
}

static void check_madt_invariants(const struct acpi_info *i)
{
	EXPECT(status_valid(i->madt_status, i->madt_reason));
	EXPECT(i->nr_cpus >= 0 && i->nr_cpus <= ACPI_MAX_CPUS);
	EXPECT(i->nr_ioapics >= 0 && i->nr_ioapics <= ACPI_MAX_IOAPICS);
	EXPECT(i->nr_overrides >= 0 && i->nr_overrides <= ACPI_MAX_OVERRIDES);
	if (i->madt_status)
		EXPECT(i->nr_cpus == 0 && i->nr_ioapics == 0 &&
		       i->nr_overrides == 0 && i->lapic_address == 0);
}

static void check_numa_invariants(const struct acpi_info *i)
{
	int a, b;

	EXPECT(status_valid(i->srat_status, i->srat_reason));
	EXPECT(status_valid(i->slit_status, i->slit_reason));
	EXPECT(i->nr_nodes >= 0 && i->nr_nodes <= MAX_NUMNODES);
	EXPECT((i->srat_status == 0) == (i->nr_nodes > 0));
	EXPECT(i->nr_memblks >= 0 && i->nr_memblks <= ACPI_MAX_MEMBLKS);
	if (i->srat_status)
		EXPECT(i->nr_memblks == 0);
	for (a = 0; a < i->nr_memblks; a++)
		EXPECT(i->memblks[a].node >= 0 &&
		       i->memblks[a].node < i->nr_nodes &&
		       i->memblks[a].start < i->memblks[a].end);
	for (a = 0; a < i->nr_cpus && a < ACPI_MAX_CPUS; a++)
		EXPECT(i->cpus[a].node >= 0 &&
		       (i->cpus[a].node < i->nr_nodes || i->cpus[a].node == 0));
	if (i->slit_status == 0)
		EXPECT(i->srat_status == 0);
	for (a = 0; a < MAX_NUMNODES; a++)
		for (b = 0; b < MAX_NUMNODES; b++)
			EXPECT(a == b ? i->distance[a][b] == 10 :
					i->distance[a][b] > 10);
}

static void check_invariants(const struct acpi_info *i, int ret)
{
	int a;

	EXPECT(ret == i->root_status);
	EXPECT(status_valid(i->root_status, i->root_reason));
	check_madt_invariants(i);
	check_numa_invariants(i);
	EXPECT(status_valid(i->mcfg_status, i->mcfg_reason));
	EXPECT(status_valid(i->fadt_status, i->fadt_reason));
	if (i->fadt_status)
		EXPECT(i->pm_timer_port == 0 && i->fadt_revision == 0);
	EXPECT(i->pm_timer_port ? i->pm_timer_bits == 24 ||
				  i->pm_timer_bits == 32 :
				  i->pm_timer_bits == 0);
	EXPECT(i->nr_mcfg >= 0 && i->nr_mcfg <= ACPI_MAX_MCFG);
	EXPECT(i->mcfg_status == 0 ? i->nr_mcfg > 0 : i->nr_mcfg == 0);
	for (a = 0; a < i->nr_mcfg; a++)
		EXPECT(i->mcfg[a].start_bus <= i->mcfg[a].end_bus);
	if (ret)
		EXPECT(i->madt_status == -ENOENT && i->srat_status == -ENOENT &&
		       i->slit_status == -ENOENT && i->mcfg_status == -ENOENT &&
		       i->fadt_status == -ENOENT);
}

/* Parse with the RSDP at RSDP_ADDR given as a heap copy of len bytes. */
static int parse(size_t rsdp_len)
{
	unsigned char *rsdp = malloc(rsdp_len ? rsdp_len : 1);
	int ret;

	memcpy(rsdp, mem + RSDP_ADDR, rsdp_len);
	ret = kern_acpi_parse(rsdp, rsdp_len, fake_map, &info);
	free(rsdp);
	unmap_all();
	check_invariants(&info, ret);
	return ret;
}

/* Is the table s's status -EINVAL with the given reason? */
#define REFUSED(status, reason, why) \
	((status) == -EINVAL && (reason) && !strcmp((reason), (why)))

/* ---- the good machine, through each kind of root table ---- */

static u64 node_bytes(int node)
{
	u64 total = 0;
	int i;

	for (i = 0; i < info.nr_memblks; i++)
		if (info.memblks[i].node == node &&
		    !info.memblks[i].hotpluggable)
			total += info.memblks[i].end - info.memblks[i].start;
	return total;
}

static void check_good_madt(void)
{
	EXPECT(info.madt_status == 0 && info.madt_reason == NULL);
	EXPECT(info.lapic_address == 0xfee00000 && info.pcat_compat);
	EXPECT(info.nr_cpus == 4);
	EXPECT(info.cpus[0].apic_id == 0 && info.cpus[0].uid == 0);
	EXPECT(info.cpus[1].apic_id == 1 && info.cpus[1].uid == 1);
	EXPECT(info.cpus[2].apic_id == 0x100 && info.cpus[2].uid == 3);
	EXPECT(info.cpus[3].apic_id == 0x101 && info.cpus[3].uid == 4);
	EXPECT(info.nr_ioapics == 2);
	EXPECT(info.ioapics[1].id == 1 &&
	       info.ioapics[1].address == 0xfec01000 &&
	       info.ioapics[1].gsi_base == 24);
	EXPECT(info.nr_overrides == 2);
	EXPECT(info.overrides[0].source == 0 && info.overrides[0].gsi == 2);
	EXPECT(info.overrides[1].source == 9 && info.overrides[1].flags == 0xd);
}

static void check_good_numa(void)
{
	int i, j;

	EXPECT(info.srat_status == 0 && info.nr_nodes == 4);
	for (i = 0; i < 4; i++)
		EXPECT_MSG(info.node_to_pxm[i] == good_pxm[i], "node %d", i);
	EXPECT(info.cpus[0].node == 0 && info.cpus[1].node == 1);
	EXPECT(info.cpus[2].node == 2 && info.cpus[3].node == 2);
	EXPECT(info.nr_memblks == 5);
	EXPECT(info.memblks[3].start == 4 * GiB &&
	       info.memblks[3].end == 5 * GiB);
	EXPECT(info.memblks[3].node == 0 && !info.memblks[3].hotpluggable);
	EXPECT(info.memblks[4].node == 2 && info.memblks[4].hotpluggable);
	EXPECT(node_bytes(0) == 3 * GiB && node_bytes(1) == 0);
	EXPECT(node_bytes(2) == 2 * GiB && node_bytes(3) == GiB);
	EXPECT(info.slit_status == 0);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 4; j++)
			EXPECT_MSG(info.distance[i][j] ==
				   good_slit[good_pxm[i] * 4 + good_pxm[j]],
				   "from node %d to node %d", i, j);
	EXPECT(info.distance[4][5] == 20 && info.distance[7][7] == 10);
}

static void check_good_mcfg(void)
{
	EXPECT(info.mcfg_status == 0 && info.nr_mcfg == 2);
	EXPECT(info.mcfg[0].base == 0xb0000000 && info.mcfg[0].end_bus == 0xff);
	EXPECT(info.mcfg[1].segment == 1 && info.mcfg[1].start_bus == 0x10 &&
	       info.mcfg[1].end_bus == 0x1f);
}

static void check_good_fadt(void)
{
	EXPECT(info.fadt_status == 0 && info.fadt_reason == NULL);
	EXPECT(info.fadt_revision == 3);
	EXPECT(info.pm_timer_port == 0x608 && info.pm_timer_bits == 32);
}

static void check_good(void)
{
	EXPECT(info.root_status == 0 && info.root_reason == NULL);
	check_good_madt();
	check_good_numa();
	check_good_mcfg();
	check_good_fadt();
}

static void test_good_machine_xsdt(void)
{
	EXPECT(parse(build_good(2)) == 0);
	EXPECT(info.revision == 2 && info.xsdt);
	check_good();
}

static void test_rsdp_v0_rsdt(void)
{
	EXPECT(parse(build_good(0)) == 0);
	EXPECT(info.revision == 0 && !info.xsdt);
	check_good();
}

/* The XSDT wins over the RSDT: here they list different MADTs. */
static void test_xsdt_preferred(void)
{
	u64 rsdt_tables[] = { SPARE_ADDR };
	size_t len = build_good(2);
	struct table t;

	madt_begin(&t, SPARE_ADDR);
	madt_lapic(&t, 0, 7, 1);
	tbl_end(&t);
	build_root(RSDT_ADDR, rsdt_tables, 1, 4);
	EXPECT(parse(len) == 0 && info.xsdt);
	check_good();
}

static void corrupt_xsdt_checksum(void)
{
	mem[XSDT_ADDR + 20]++;
}

static void corrupt_xsdt_signature(void)
{
	mem[XSDT_ADDR] = 'Y';
	fix_checksum(XSDT_ADDR);
}

static void corrupt_xsdt_length(void)
{
	put32(mem + XSDT_ADDR + 4, 35);
}

static void test_corrupt_xsdt_falls_back(void)
{
	void (*corrupt[])(void) = {
		corrupt_xsdt_checksum, corrupt_xsdt_signature,
		corrupt_xsdt_length,
	};
	unsigned int i;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(corrupt); i++) {
		len = build_good(2);
		corrupt[i]();
		EXPECT_MSG(parse(len) == 0 && !info.xsdt, "corruption %u", i);
		check_good();
	}
	/* An XSDT address outside memory, or 0: the RSDT. */
	build_tables();
	build_roots();
	EXPECT(parse(build_rsdp(2, RSDT_ADDR, 0x7ffffffff000ULL)) == 0);
	EXPECT(!info.xsdt && info.nr_cpus == 4);
	EXPECT(parse(build_rsdp(2, RSDT_ADDR, 0)) == 0 && !info.xsdt);
}

/* ---- a bad RSDP or root table: no tables at all ---- */

static int parse_bad_root(size_t len, const char *why)
{
	int ret = parse(len);

	EXPECT_MSG(ret == -EINVAL && !strcmp(info.root_reason, why),
		   "ret %d, reason \"%s\", expected \"%s\"", ret,
		   info.root_reason, why);
	EXPECT(info.nr_cpus == 0 && info.nr_nodes == 0);
	return ret;
}

static void test_bad_rsdp(void)
{
	size_t len = build_good(2);

	mem[RSDP_ADDR + 1] = 'X';		/* signature */
	parse_bad_root(len, "bad RSDP signature or checksum");
	build_good(2);
	mem[RSDP_ADDR + 10]++;			/* 20-byte checksum */
	parse_bad_root(len, "bad RSDP signature or checksum");
	parse_bad_root(19, "bad RSDP signature or checksum");
	build_good(2);
	mem[RSDP_ADDR + 33]++;			/* extended checksum only */
	parse_bad_root(len, "bad RSDP extended checksum");
	build_good(2);
	parse_bad_root(35, "bad RSDP length");	/* copy shorter than length */
	put32(mem + RSDP_ADDR + 20, 30);	/* length < 36 */
	mem[RSDP_ADDR + 32] = 0;
	mem[RSDP_ADDR + 32] = -sum(mem + RSDP_ADDR, 36);
	parse_bad_root(len, "bad RSDP length");

	EXPECT(kern_acpi_parse(NULL, 36, fake_map, &info) == -ENOENT);
	check_invariants(&info, -ENOENT);
	EXPECT(!strcmp(info.root_reason, "no RSDP"));
}

static void test_bad_rsdt(void)
{
	size_t len = build_good(0);

	mem[RSDT_ADDR + 20]++;
	parse_bad_root(len, "bad checksum");
	build_good(0);
	put32(mem + RSDT_ADDR + 4, 2 * MEM_SIZE);
	fix_checksum(RSDT_ADDR);
	parse_bad_root(len, "bad length");
	build_good(0);
	mem[RSDT_ADDR + 3] = 'X';
	fix_checksum(RSDT_ADDR);
	parse_bad_root(len, "no RSDT where the RSDP points");
	parse_bad_root(build_rsdp(0, MEM_SIZE - 8, 0),
		       "no RSDT where the RSDP points");
	/* An RSDT that lists nothing: a valid root, every table missing. */
	build_root(RSDT_ADDR, NULL, 0, 4);
	EXPECT(parse(build_rsdp(0, RSDT_ADDR, 0)) == 0);
	EXPECT(info.madt_status == -ENOENT && info.mcfg_status == -ENOENT);
}

/* ---- bad tables: each refused on its own ---- */

static const u64 table_addr[] = {
	MADT_ADDR, SRAT_ADDR, SLIT_ADDR, MCFG_ADDR, FADT_ADDR,
};
static const u32 table_fixed[] = { 44, 48, 44, 44, FADT_V1_LEN };

static int table_status(int which, const char **reason)
{
	switch (which) {
	case 0: *reason = info.madt_reason; return info.madt_status;
	case 1: *reason = info.srat_reason; return info.srat_status;
	case 2: *reason = info.slit_reason; return info.slit_status;
	case 3: *reason = info.mcfg_reason; return info.mcfg_status;
	default: *reason = info.fadt_reason; return info.fadt_status;
	}
}

/* Table `which` (after damage) must be refused for `why`, MADT/MCFG kept. */
static void expect_refused(int which, const char *why, const char *what)
{
	const char *reason;
	int status = table_status(which, &reason);

	EXPECT_MSG(REFUSED(status, reason, why),
		   "table %d, %s: status %d, reason \"%s\"", which, what,
		   status, reason);
	if (which != 0)
		check_good_madt();
	if (which != 3)
		check_good_mcfg();
	if (which != 4)
		check_good_fadt();
	if (which >= 1 && which <= 2)	/* the SLIT needs the SRAT */
		EXPECT(info.slit_status == -EINVAL &&
		       info.distance[0][1] == 20);
}

static void set_length(u64 phys, u32 len)
{
	put32(mem + phys + 4, len);
	fix_checksum(phys);
}

static void test_bad_tables(void)
{
	size_t len;
	int t;

	for (t = 0; t < (int)ARRAY_SIZE(table_addr); t++) {
		u64 a = table_addr[t];

		len = build_good(2);
		mem[a + 30]++;
		EXPECT(parse(len) == 0);
		expect_refused(t, "bad checksum", "checksum");
		build_good(2);
		set_length(a, 35);
		EXPECT(parse(len) == 0);
		expect_refused(t, "bad length", "length 35");
		build_good(2);
		set_length(a, table_fixed[t] - 1);
		EXPECT(parse(len) == 0);
		expect_refused(t, "bad length", "shorter than its fixed part");
		build_good(2);
		set_length(a, (1 << 20) + 1);
		EXPECT(parse(len) == 0);
		expect_refused(t, "bad length", "longer than 1 MiB");
		build_good(2);
		set_length(a, MEM_SIZE - a + 16);
		EXPECT(parse(len) == 0);
		expect_refused(t, "runs past readable memory", "past memory");
	}
}

/* Two tables with one signature: the first valid one wins. */
static void test_first_valid_table_wins(void)
{
	u64 addrs[] = {
		SPARE_ADDR, MADT_ADDR, SRAT_ADDR, SLIT_ADDR, MCFG_ADDR,
		FADT_ADDR,
	};
	struct table t;

	build_tables();
	madt_begin(&t, SPARE_ADDR);
	madt_lapic(&t, 0, 7, 1);
	tbl_end(&t);
	build_root(RSDT_ADDR, addrs, ARRAY_SIZE(addrs), 4);
	EXPECT(parse(build_rsdp(0, RSDT_ADDR, 0)) == 0);
	EXPECT(info.nr_cpus == 1 && info.cpus[0].apic_id == 7);
	/* The SRAT's CPU entries name APIC ids this MADT lacks. */
	EXPECT(info.nr_nodes == 4 && info.cpus[0].node == 0);

	mem[SPARE_ADDR + 40]++;			/* now it is bad */
	EXPECT(parse(20) == 0);
	check_good();
}

/* ---- bad entries in the MADT and SRAT ---- */

static void test_bad_entries(void)
{
	static const u32 first[] = { 44, 48 };	/* offset of entry 0 */
	static const u32 last[] = { 3, 8 };	/* length of the last entry */
	size_t len;
	u32 tlen;
	int t;

	for (t = 0; t < 2; t++) {
		u64 a = table_addr[t];

		len = build_good(2);
		mem[a + first[t] + 1] = 0;
		fix_checksum(a);
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry is shorter than 2 bytes", "0");
		build_good(2);
		mem[a + first[t] + 1] = 1;
		fix_checksum(a);
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry is shorter than 2 bytes", "1");
		build_good(2);
		mem[a + first[t] + 1] = 6;	/* CPU entries need 8 and 16 */
		fix_checksum(a);
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry is too short for its type", "6");
		build_good(2);
		tlen = get32(mem + a + 4);
		set_length(a, tlen - 1);	/* the last entry is cut */
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry runs past the end", "cut");
		build_good(2);
		set_length(a, tlen + 1);	/* one byte after the last */
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry runs past the end", "1 more");
		build_good(2);
		mem[a + tlen - last[t] + 1]++;	/* the last entry's length */
		fix_checksum(a);
		EXPECT(parse(len) == 0);
		expect_refused(t, "an entry runs past the end", "one too long");
	}
}

/* ---- MADT: capacities and the address override ---- */

static void test_madt_limits(void)
{
	struct table t;
	int i;

	build_good(0);
	madt_begin(&t, MADT_ADDR);
	for (i = 0; i < 20; i++) {
		madt_lapic(&t, i, i, 1);
		madt_ioapic(&t, i, 0xfec00000 + 0x1000 * i, 24 * i);
		madt_override(&t, i, 100 + i, 0);
	}
	put64(tbl_entry(&t, 5, 12) + 4, 0x1fee00000ULL);
	tbl_end(&t);
	EXPECT(parse(20) == 0 && info.madt_status == 0);
	EXPECT(info.nr_cpus == ACPI_MAX_CPUS);
	EXPECT(info.cpus[ACPI_MAX_CPUS - 1].apic_id == ACPI_MAX_CPUS - 1);
	EXPECT(info.nr_ioapics == ACPI_MAX_IOAPICS);
	EXPECT(info.nr_overrides == ACPI_MAX_OVERRIDES);
	EXPECT(info.overrides[15].gsi == 115);
	EXPECT(info.lapic_address == 0x1fee00000ULL);
	/* The SRAT's CPU entries still find APIC ids 0 and 1. */
	EXPECT(info.cpus[1].node == 1 && info.cpus[5].node == 0);
}

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

static void test_srat_limits(void)
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

/* ---- SLIT ---- */

static void expect_slit_refused(const char *why)
{
	EXPECT_MSG(REFUSED(info.slit_status, info.slit_reason, why),
		   "reason \"%s\", expected \"%s\"", info.slit_reason, why);
	EXPECT(info.distance[0][1] == 20 && info.distance[3][3] == 10);
	EXPECT(info.srat_status == 0 && info.nr_nodes == 4);
}

static void test_bad_slit(void)
{
	u8 m[5 * 5];
	int i;

	memcpy(m, good_slit, 16);
	build_good(0);
	m[5] = 11;				/* [1][1] */
	build_slit(SLIT_ADDR, 4, m);
	EXPECT(parse(20) == 0);
	expect_slit_refused("invalid distances or too few localities");
	m[5] = 10;
	m[6] = 10;				/* [1][2]: remote, yet 10 */
	build_slit(SLIT_ADDR, 4, m);
	EXPECT(parse(20) == 0);
	expect_slit_refused("invalid distances or too few localities");

	/* N = 3 leaves out PXM 3, which the SRAT uses. */
	build_slit(SLIT_ADDR, 3, (const u8 []){ 10, 20, 20, 20, 10, 20,
						20, 20, 10 });
	EXPECT(parse(20) == 0);
	expect_slit_refused("invalid distances or too few localities");
	build_slit(SLIT_ADDR, 0, m);
	EXPECT(parse(20) == 0);
	expect_slit_refused("invalid distances or too few localities");

	/* The count says more than the table holds. */
	build_slit(SLIT_ADDR, 4, good_slit);
	set_length(SLIT_ADDR, 44 + 15);
	EXPECT(parse(20) == 0);
	expect_slit_refused("locality count larger than the table");
	build_slit(SLIT_ADDR, 4, good_slit);
	put64(mem + SLIT_ADDR + 36, 1ULL << 32);	/* N*N wraps to 0 */
	fix_checksum(SLIT_ADDR);
	EXPECT(parse(20) == 0);
	expect_slit_refused("locality count larger than the table");

	/* N = 5: a domain no node uses is fine. */
	for (i = 0; i < 25; i++)
		m[i] = i % 6 ? 30 + i : 10;
	build_slit(SLIT_ADDR, 5, m);
	EXPECT(parse(20) == 0 && info.slit_status == 0);
	EXPECT(info.distance[0][1] == m[2 * 5 + 0]);	/* PXM 2 to PXM 0 */
	EXPECT(info.distance[3][2] == m[1 * 5 + 3]);	/* PXM 1 to PXM 3 */
}

static void test_slit_without_srat(void)
{
	u64 addrs[] = { MADT_ADDR, SLIT_ADDR };

	build_good(0);
	build_root(RSDT_ADDR, addrs, 2, 4);
	EXPECT(parse(20) == 0);
	EXPECT(info.srat_status == -ENOENT && info.nr_nodes == 0);
	EXPECT(REFUSED(info.slit_status, info.slit_reason,
		       "no usable SRAT to name its nodes"));
	EXPECT(info.distance[0][1] == 20 && info.mcfg_status == -ENOENT);
}

/* ---- MCFG ---- */

static void test_mcfg(void)
{
	struct table t;
	int i;

	build_good(0);
	mcfg_begin(&t, MCFG_ADDR);
	mcfg_entry(&t, 0xb0000000, 0, 0, 0xff);
	mcfg_entry(&t, 0xc0000000, 1, 0x20, 0x1f);	/* ends before start */
	tbl_end(&t);
	EXPECT(parse(20) == 0);
	EXPECT(REFUSED(info.mcfg_status, info.mcfg_reason,
		       "a bus range ends before it starts"));

	mcfg_begin(&t, MCFG_ADDR);
	tbl_end(&t);
	EXPECT(parse(20) == 0);
	EXPECT(REFUSED(info.mcfg_status, info.mcfg_reason, "no entries"));

	mcfg_begin(&t, MCFG_ADDR);
	for (i = 0; i < 6; i++)
		mcfg_entry(&t, 0xb0000000 + (u64)i * 0x10000000, i, i, i);
	tbl_grow(&t, 8);			/* a partial entry: ignored */
	tbl_end(&t);
	EXPECT(parse(20) == 0 && info.mcfg_status == 0);
	EXPECT(info.nr_mcfg == ACPI_MAX_MCFG && info.mcfg[3].segment == 3);
}

/* ---- FADT: the PM timer ---- */

/* Parse the good machine with the FADT build_fadt() makes of the rest. */
static void parse_fadt(u32 len, u32 port, u8 x_space, u64 x_addr,
		       u32 flags)
{
	size_t rsdp_len = build_good(2);

	build_fadt(len, port, x_space, x_addr, flags);
	EXPECT(parse(rsdp_len) == 0);
	check_good_madt();
	check_good_mcfg();
}

static void test_fadt_pm_timer(void)
{
	/* ACPI 1.0: PM_TMR_BLK only, a 24-bit timer. */
	parse_fadt(FADT_V1_LEN, 0xb008, 0, 0, 0);
	EXPECT(info.fadt_status == 0 && info.fadt_revision == 1);
	EXPECT(info.pm_timer_port == 0xb008 && info.pm_timer_bits == 24);
	/* X_PM_TMR_BLK wins over PM_TMR_BLK, as in Linux. */
	parse_fadt(FADT_V3_LEN, 0x408, SPACE_IO, 0x608, 0);
	EXPECT(info.pm_timer_port == 0x608 && info.pm_timer_bits == 24);
	/* An X_PM_TMR_BLK of 0, or cut off by the length: PM_TMR_BLK. */
	parse_fadt(FADT_V3_LEN, 0x408, SPACE_IO, 0, TMR_VAL_EXT);
	EXPECT(info.pm_timer_port == 0x408 && info.pm_timer_bits == 32);
	parse_fadt(219, 0x408, 0, 0, 0);
	put64(mem + FADT_ADDR + 212, 0x608);	/* beyond the length */
	fix_checksum(FADT_ADDR);
	EXPECT(parse(36) == 0 && info.pm_timer_port == 0x408);
	/* No timer at all (a hardware-reduced machine): a usable FADT. */
	parse_fadt(FADT_V3_LEN, 0, SPACE_IO, 0, TMR_VAL_EXT);
	EXPECT(info.fadt_status == 0 && info.pm_timer_port == 0);
	EXPECT(info.pm_timer_bits == 0);

	/* A timer this kernel cannot read: the FADT is refused. */
	parse_fadt(FADT_V3_LEN, 0x408, SPACE_MEMORY, 0xfed00000, 0);
	EXPECT(REFUSED(info.fadt_status, info.fadt_reason,
		       "the PM timer is not in I/O space"));
	parse_fadt(FADT_V3_LEN, 0, SPACE_IO, 0x10008, 0);
	EXPECT(REFUSED(info.fadt_status, info.fadt_reason,
		       "the PM timer's port is beyond 0xffff"));
	parse_fadt(FADT_V1_LEN, 0x12345, 0, 0, 0);
	EXPECT(REFUSED(info.fadt_status, info.fadt_reason,
		       "the PM timer's port is beyond 0xffff"));
	EXPECT(info.pm_timer_port == 0 && info.fadt_revision == 0);
}

/* ---- finding the RSDP in the BIOS areas ---- */

/* acpi_find_rsdp() on the fake memory, as a physical address (or ~0). */
static u64 find_rsdp(void)
{
	const void *p = kern_acpi_find_rsdp(fake_map);
	u64 phys = p ? phys_of(p) : ~0ULL;

	unmap_all();
	return phys;
}

static void place_rsdp(u64 phys)
{
	build_rsdp(0, RSDT_ADDR, 0);
	memmove(mem + phys, mem + RSDP_ADDR, 20);
	if (phys != RSDP_ADDR)
		memset(mem + RSDP_ADDR, 0, 20);
}

static void test_find_rsdp(void)
{
	memset(mem, 0, MEM_SIZE);
	EXPECT(find_rsdp() == ~0ULL);
	put16(mem + 0x40e, 0x9fc0);		/* EBDA at 0x9fc00 */
	place_rsdp(0xfffe0);			/* the last 16-byte slot */
	EXPECT(find_rsdp() == 0xfffe0);
	memset(mem + 0xfffe0, 0, 20);
	place_rsdp(0x9fc10);			/* in the EBDA: found first */
	place_rsdp(0xe0040);
	EXPECT(find_rsdp() == 0x9fc10);
	memset(mem + 0x9fc10, 0, 20);
	EXPECT(find_rsdp() == 0xe0040);
	mem[0xe0040 + 12]++;			/* bad checksum: skipped */
	place_rsdp(0xe0100);
	EXPECT(find_rsdp() == 0xe0100);
	memset(mem + 0xe0100, 0, 20);
	place_rsdp(0xe0108);			/* not on a 16-byte boundary */
	EXPECT(find_rsdp() == ~0ULL);
	/* An EBDA pointer outside 1 KiB..640 KiB is not followed. */
	put16(mem + 0x40e, 0xf000);
	place_rsdp(0xf0000);
	EXPECT(find_rsdp() == 0xf0000);
	put16(mem + 0x40e, 0x0010);
	place_rsdp(0x100);
	EXPECT(find_rsdp() == ~0ULL);
}

/* ---- random mutations ---- */

static const u64 mutation_targets[] = {
	RSDT_ADDR, XSDT_ADDR, MADT_ADDR, SRAT_ADDR, SLIT_ADDR, MCFG_ADDR,
	FADT_ADDR, RSDP_ADDR,
};

static void fix_all_checksums(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mutation_targets) - 1; i++)
		fix_checksum(mutation_targets[i]);
	mem[RSDP_ADDR + 8] = 0;
	mem[RSDP_ADDR + 8] = -sum(mem + RSDP_ADDR, 20);
	mem[RSDP_ADDR + 32] = 0;
	mem[RSDP_ADDR + 32] = -sum(mem + RSDP_ADDR, 36);
}

/* Change 1-4 random bytes of the tables (good_len[i] bytes at target i). */
static void mutate(unsigned int round, const u32 *good_len)
{
	unsigned int i, t;

	for (i = 0; i < 1 + round % 4; i++) {
		t = rand() % ARRAY_SIZE(mutation_targets);
		mem[mutation_targets[t] + rand() % good_len[t]] = rand();
	}
	/* Half the time make the checksums right, to reach the entries. */
	if (round % 2)
		fix_all_checksums();
}

static void test_random_mutations(void)
{
	static unsigned char good[GOOD_END], good_rsdp[36];
	u32 good_len[ARRAY_SIZE(mutation_targets)];
	unsigned int i, r, all_ok = 0, root_ok = 0;
	size_t len = build_good(2);

	memcpy(good, mem, GOOD_END);
	memcpy(good_rsdp, mem + RSDP_ADDR, 36);
	for (i = 0; i < ARRAY_SIZE(mutation_targets); i++)
		good_len[i] = mutation_targets[i] == RSDP_ADDR ? 36 :
			      get32(mem + mutation_targets[i] + 4);
	for (r = 0; r < 30000; r++) {
		memcpy(mem, good, GOOD_END);
		memcpy(mem + RSDP_ADDR, good_rsdp, 36);
		mutate(r, good_len);
		if (parse(len) != 0)
			continue;
		root_ok++;
		all_ok += !info.madt_status && !info.srat_status &&
			  !info.slit_status && !info.mcfg_status &&
			  !info.fadt_status;
	}
	printf("# 30000 mutated table sets: %u with a usable root, %u with "
	       "every table usable\n", root_ok, all_ok);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_good_machine_xsdt),
		HOST_CASE(test_rsdp_v0_rsdt),
		HOST_CASE(test_xsdt_preferred),
		HOST_CASE(test_corrupt_xsdt_falls_back),
		HOST_CASE(test_bad_rsdp),
		HOST_CASE(test_bad_rsdt),
		HOST_CASE(test_bad_tables),
		HOST_CASE(test_first_valid_table_wins),
		HOST_CASE(test_bad_entries),
		HOST_CASE(test_madt_limits),
		HOST_CASE(test_srat_limits),
		HOST_CASE(test_bad_slit),
		HOST_CASE(test_slit_without_srat),
		HOST_CASE(test_mcfg),
		HOST_CASE(test_fadt_pm_timer),
		HOST_CASE(test_find_rsdp),
		HOST_CASE(test_random_mutations),
	};
	int ret;

	srand(4242);
	ret = host_run(cases, ARRAY_SIZE(cases));
	free(maps);
	return ret;
}
