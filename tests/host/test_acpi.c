/*
 * The ACPI table parser (kernel/acpi/, built for the host) fed tables
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
 * The fixture (the fake memory's layout is in fixture.h) and the cases,
 * one file per table, live in tests/host/acpi/.
 */
#include <stdlib.h>

#include "acpi/fixture.h"

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
	free_maps();
	return ret;
}
