/*
 * Builders of ACPI tables in the fake memory (a table grows entry by
 * entry, and tbl_end() sets its length and checksum), and the good
 * four-node machine every case starts from.
 *
 * Invariants: build_good() rewrites everything below GOOD_END and the
 * RSDP, so a case may damage any of it and build again.
 */
#include <string.h>

#include "fixture.h"

/* ---- building tables ---- */

unsigned char *tbl_begin(struct table *t, u64 phys, const char *sig,
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

unsigned char *tbl_grow(struct table *t, u32 n)
{
	unsigned char *p = mem + t->phys + t->len;

	memset(p, 0, n);
	t->len += n;
	return p;
}

unsigned char *tbl_entry(struct table *t, u8 type, u8 len)
{
	unsigned char *e = tbl_grow(t, len);

	e[0] = type;
	e[1] = len;
	return e;
}

void tbl_end(struct table *t)
{
	put32(mem + t->phys + 4, t->len);
	fix_checksum(t->phys);
}

void madt_begin(struct table *t, u64 phys)
{
	unsigned char *p = tbl_begin(t, phys, "APIC", 44);

	put32(p + 36, 0xfee00000);
	put32(p + 40, 1);			/* PCAT_COMPAT */
}

void madt_lapic(struct table *t, u8 uid, u8 id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 0, 8);

	e[2] = uid;
	e[3] = id;
	put32(e + 4, flags);
}

void madt_x2apic(struct table *t, u32 id, u32 uid, u32 flags)
{
	unsigned char *e = tbl_entry(t, 9, 16);

	put32(e + 4, id);
	put32(e + 8, flags);
	put32(e + 12, uid);
}

void madt_ioapic(struct table *t, u8 id, u32 address, u32 gsi_base)
{
	unsigned char *e = tbl_entry(t, 1, 12);

	e[2] = id;
	put32(e + 4, address);
	put32(e + 8, gsi_base);
}

void madt_override(struct table *t, u8 irq, u32 gsi, u16 flags)
{
	unsigned char *e = tbl_entry(t, 2, 10);

	e[3] = irq;
	put32(e + 4, gsi);
	put16(e + 8, flags);
}

void srat_begin(struct table *t, u64 phys)
{
	put32(tbl_begin(t, phys, "SRAT", 48) + 36, 1);	/* reserved, 1 */
}

void srat_cpu(struct table *t, u32 pxm, u8 apic_id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 0, 16);

	e[2] = pxm;
	e[3] = apic_id;
	put32(e + 4, flags);
	e[9] = pxm >> 8;
	e[10] = pxm >> 16;
	e[11] = pxm >> 24;
}

void srat_x2apic(struct table *t, u32 pxm, u32 id, u32 flags)
{
	unsigned char *e = tbl_entry(t, 2, 24);

	put32(e + 4, pxm);
	put32(e + 8, id);
	put32(e + 12, flags);
}

void srat_mem(struct table *t, u32 pxm, u64 base, u64 len, u32 flags)
{
	unsigned char *e = tbl_entry(t, 1, 40);

	put32(e + 2, pxm);
	put64(e + 8, base);
	put64(e + 16, len);
	put32(e + 28, flags);
}

void build_slit(u64 phys, u64 n, const u8 *matrix)
{
	struct table t;
	unsigned char *p = tbl_begin(&t, phys, "SLIT", 44);

	put64(p + 36, n);
	memcpy(tbl_grow(&t, n * n), matrix, n * n);
	tbl_end(&t);
}

void mcfg_begin(struct table *t, u64 phys)
{
	tbl_begin(t, phys, "MCFG", 44);
}

void mcfg_entry(struct table *t, u64 base, u16 seg, u8 start, u8 end)
{
	unsigned char *e = tbl_grow(t, 16);

	put64(e, base);
	put16(e + 8, seg);
	e[10] = start;
	e[11] = end;
}

/*
 * A FADT of len bytes with PM_TMR_BLK port and, when len holds it,
 * X_PM_TMR_BLK {space, 32 bits, address x_addr}.
 */
void build_fadt(u32 len, u32 port, u8 x_space, u64 x_addr,
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
void build_root(u64 phys, const u64 *addrs, int n, int entry_size)
{
	struct table t;
	int i;

	tbl_begin(&t, phys, entry_size == 4 ? "RSDT" : "XSDT", 36);
	for (i = 0; i < n; i++)
		memcpy(tbl_grow(&t, entry_size), &addrs[i], entry_size);
	tbl_end(&t);
}

/* An RSDP at RSDP_ADDR: 20 bytes for revision 0, 36 for 2. */
size_t build_rsdp(u8 revision, u32 rsdt, u64 xsdt)
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
const u32 good_pxm[4] = { 2, 0, 3, 1 };

/* The SLIT, in proximity domains (row: from); not symmetric. */
const u8 good_slit[4 * 4] = {
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

void build_tables(void)
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
void build_roots(void)
{
	u64 addrs[] = { SPARE_ADDR + 0x1000, MADT_ADDR, SRAT_ADDR, SLIT_ADDR,
			MCFG_ADDR, FADT_ADDR, 0xfffff000ULL };

	build_root(RSDT_ADDR, addrs, ARRAY_SIZE(addrs), 4);
	addrs[6] = 0x123456789000ULL;
	build_root(XSDT_ADDR, addrs, ARRAY_SIZE(addrs), 8);
}

/* The good machine; returns the RSDP's length. */
size_t build_good(u8 revision)
{
	build_tables();
	build_roots();
	return build_rsdp(revision, RSDT_ADDR, revision >= 2 ? XSDT_ADDR : 0);
}
