/*
 * Cases of the SLIT: bad distances, too few localities, a count larger
 * than the table, a matrix with a domain no node uses, and a SLIT without
 * the SRAT that names its nodes.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- SLIT ---- */

static void expect_slit_refused(const char *why)
{
	EXPECT_MSG(REFUSED(info.slit_status, info.slit_reason, why),
		   "reason \"%s\", expected \"%s\"", info.slit_reason, why);
	EXPECT(info.distance[0][1] == 20 && info.distance[3][3] == 10);
	EXPECT(info.srat_status == 0 && info.nr_nodes == 4);
}

void test_bad_slit(void)
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

void test_slit_without_srat(void)
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
