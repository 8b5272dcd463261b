/*
 * Cases of the MADT: its arrays fill up to their capacities and drop the
 * rest, and a local APIC address override replaces the table's address.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- MADT: capacities and the address override ---- */

void test_madt_limits(void)
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
