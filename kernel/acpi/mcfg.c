/*
 * MCFG (PCI Firmware specification 3.2, 4.1.2): where each PCI segment's
 * memory-mapped configuration space (ECAM) lies, and which buses it
 * covers.
 *
 * Invariants: nr_mcfg stays within ACPI_MAX_MCFG (entries beyond are
 * dropped); every entry kept has start_bus <= end_bus; an MCFG with no
 * entry or a bad one leaves none.
 *
 * Locking: none; pure code, built on the host too.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "internal.h"

#define ACPI_SIG_MCFG		"MCFG"

/* The entries start after the header and 8 reserved bytes */
#define MCFG_ENTRIES		44
#define MCFG_ENTRY_SIZE		16

/* The entries {base u64, segment u16, start_bus u8, end_bus u8, u32}. */
static int mcfg_entries(const struct acpi_table *t, struct acpi_info *info,
			const char **reason)
{
	u32 i, count = (t->length - MCFG_ENTRIES) / MCFG_ENTRY_SIZE;
	struct acpi_mcfg *m;
	const u8 *e;

	if (count == 0) {
		*reason = "no entries";		/* Linux refuses it too */
		return -EINVAL;
	}
	for (i = 0; i < count; i++) {
		e = t->p + MCFG_ENTRIES + i * MCFG_ENTRY_SIZE;
		if (e[11] < e[10]) {
			*reason = "a bus range ends before it starts";
			return -EINVAL;
		}
		if (info->nr_mcfg == ACPI_MAX_MCFG)
			continue;
		m = &info->mcfg[info->nr_mcfg++];
		m->base = get_u64(e);
		m->segment = get_u16(e + 8);
		m->start_bus = e[10];
		m->end_bus = e[11];
	}
	return 0;
}

void acpi_parse_mcfg(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info)
{
	int ret = acpi_table_parse(root, map, ACPI_SIG_MCFG, MCFG_ENTRIES,
				   mcfg_entries, info, &info->mcfg_reason);

	if (ret)
		info->nr_mcfg = 0;
	info->mcfg_status = ret;
}
