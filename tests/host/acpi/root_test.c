/*
 * Cases of the RSDP and the root tables: the good machine through an RSDP
 * 2.0 with its XSDT and an RSDP 1.0 with its RSDT, the XSDT preferred and
 * a broken one falling back to the RSDT, a bad RSDP or root table leaving
 * no tables at all, and the scan of the BIOS areas for the RSDP.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

void test_good_machine_xsdt(void)
{
	EXPECT(parse(build_good(2)) == 0);
	EXPECT(info.revision == 2 && info.xsdt);
	check_good();
}

void test_rsdp_v0_rsdt(void)
{
	EXPECT(parse(build_good(0)) == 0);
	EXPECT(info.revision == 0 && !info.xsdt);
	check_good();
}

/* The XSDT wins over the RSDT: here they list different MADTs. */
void test_xsdt_preferred(void)
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

void test_corrupt_xsdt_falls_back(void)
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

void test_bad_rsdp(void)
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

void test_bad_rsdt(void)
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

void test_find_rsdp(void)
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
