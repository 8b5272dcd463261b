/*
 * Cases of the FADT's PM timer: ACPI 1.0 and 2.0 layouts, X_PM_TMR_BLK
 * preferred, zero or cut off by the length, no timer at all, and a timer
 * in memory space or beyond port 0xffff, which refuses the table.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_fadt_pm_timer(void)
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
