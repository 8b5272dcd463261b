/*
 * Cases of damaged tables: each bad checksum and length refuses its table
 * alone, the first valid table of a signature wins, bad entries of the
 * MADT and SRAT refuse their table, and 30,000 random mutations of the
 * good machine keep the invariants parse() checks.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_bad_tables(void)
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
void test_first_valid_table_wins(void)
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

void test_bad_entries(void)
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

void test_random_mutations(void)
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
