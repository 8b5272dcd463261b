/*
 * Cases of the MCFG: a bus range that ends before it starts, no entries,
 * more entries than ACPI_MAX_MCFG, and a partial entry at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- MCFG ---- */

void test_mcfg(void)
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
