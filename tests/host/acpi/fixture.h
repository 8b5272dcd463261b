/*
 * The fixture of the host test of the ACPI table parser (test_acpi.c and
 * the files beside this one): a fake physical memory of 1 MiB, a map
 * callback that hands out exact-size heap copies of it, builders of each
 * table, the good four-node machine, and parse(), which checks the
 * invariants the kernel relies on after every parse.
 *
 * The fake memory (1 MiB at physical address 0):
 *
 *	0x0040e		EBDA segment (the RSDP scan tests)
 *	0x10000...	RSDT, XSDT, MADT, SRAT, SLIT, MCFG, one 4 KiB page each
 *	0x16000...	spare pages for second tables and larger SLITs
 *	0x18000		the FADT
 *	0xf0000		the RSDP
 *
 * One case runs at a time, and owns mem[] and info while it runs.
 */
#ifndef HOST_ACPI_FIXTURE_H
#define HOST_ACPI_FIXTURE_H

#include <stddef.h>

#define acpi_parse kern_acpi_parse
#define acpi_find_rsdp kern_acpi_find_rsdp
#include <linux/acpi.h>
#include <linux/errno.h>

#include "../ktap.h"

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

/* The fake memory and its map callback (memory.c) */
extern unsigned char mem[MEM_SIZE];
const void *fake_map(u64 phys, size_t len);
u64 phys_of(const void *p);
void unmap_all(void);
void free_maps(void);
void put16(unsigned char *p, u16 v);
void put32(unsigned char *p, u32 v);
void put64(unsigned char *p, u64 v);
u32 get32(const unsigned char *p);
u8 sum(const unsigned char *p, size_t len);
void fix_checksum(u64 phys);
void set_length(u64 phys, u32 len);

/* Building tables (build.c) */
struct table {
	u64 phys;
	u32 len;
};

unsigned char *tbl_begin(struct table *t, u64 phys, const char *sig,
			 u32 fixed_len);
unsigned char *tbl_grow(struct table *t, u32 n);
unsigned char *tbl_entry(struct table *t, u8 type, u8 len);
void tbl_end(struct table *t);
void madt_begin(struct table *t, u64 phys);
void madt_lapic(struct table *t, u8 uid, u8 id, u32 flags);
void madt_x2apic(struct table *t, u32 id, u32 uid, u32 flags);
void madt_ioapic(struct table *t, u8 id, u32 address, u32 gsi_base);
void madt_override(struct table *t, u8 irq, u32 gsi, u16 flags);
void srat_begin(struct table *t, u64 phys);
void srat_cpu(struct table *t, u32 pxm, u8 apic_id, u32 flags);
void srat_x2apic(struct table *t, u32 pxm, u32 id, u32 flags);
void srat_mem(struct table *t, u32 pxm, u64 base, u64 len, u32 flags);
void build_slit(u64 phys, u64 n, const u8 *matrix);
void mcfg_begin(struct table *t, u64 phys);
void mcfg_entry(struct table *t, u64 base, u16 seg, u8 start, u8 end);
void build_fadt(u32 len, u32 port, u8 x_space, u64 x_addr, u32 flags);
void build_root(u64 phys, const u64 *addrs, int n, int entry_size);
size_t build_rsdp(u8 revision, u32 rsdt, u64 xsdt);

/* SRAT memory affinity flags (ACPI 6.5, 5.2.16.2) */
#define MEM_ENABLED	1
#define MEM_HOTPLUG	2

/* FADT fields (ACPI 6.5, 5.2.9) */
#define FADT_V1_LEN	116		/* ACPI 1.0: up to the flags */
#define FADT_V3_LEN	244		/* ACPI 2.0: the X_ blocks too */
#define TMR_VAL_EXT	(1 << 8)
#define SPACE_MEMORY	0
#define SPACE_IO	1

/* The good machine (build.c) */
extern const u32 good_pxm[4];
extern const u8 good_slit[4 * 4];
void build_tables(void);
void build_roots(void);
size_t build_good(u8 revision);

/* Parsing, the invariants, and the good machine's values (check.c) */
extern struct acpi_info info;
void check_invariants(const struct acpi_info *i, int ret);
int parse(size_t rsdp_len);
void check_good_madt(void);
void check_good_mcfg(void);
void check_good_fadt(void);
void check_good(void);

/* Is the table s's status -EINVAL with the given reason? */
#define REFUSED(status, reason, why) \
	((status) == -EINVAL && (reason) && !strcmp((reason), (why)))

/* The cases, in the order test_acpi.c runs them */
void test_good_machine_xsdt(void);		/* root_test.c */
void test_rsdp_v0_rsdt(void);
void test_xsdt_preferred(void);
void test_corrupt_xsdt_falls_back(void);
void test_bad_rsdp(void);
void test_bad_rsdt(void);
void test_bad_tables(void);			/* tables_test.c */
void test_first_valid_table_wins(void);
void test_bad_entries(void);
void test_madt_limits(void);			/* madt_test.c */
void test_srat_limits(void);			/* srat_test.c */
void test_bad_slit(void);			/* slit_test.c */
void test_slit_without_srat(void);
void test_mcfg(void);				/* mcfg_test.c */
void test_fadt_pm_timer(void);			/* fadt_test.c */
void test_find_rsdp(void);			/* root_test.c */
void test_random_mutations(void);		/* tables_test.c */

#endif
