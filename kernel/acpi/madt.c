/*
 * MADT (ACPI 6.5, 5.2.12): the enabled CPUs' local APIC and x2APIC ids,
 * the IOAPICs, the ISA interrupt overrides and the local APIC address,
 * into struct acpi_info.
 *
 * Invariants: nr_cpus, nr_ioapics and nr_overrides stay within their
 * arrays (entries beyond are dropped); every CPU starts on node 0 until
 * the SRAT (srat.c, parsed after this table) says otherwise; a MADT with
 * a bad entry leaves none of its fields set.
 *
 * Locking: none; pure code, built on the host too.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "internal.h"

#define ACPI_SIG_MADT		"APIC"

/* Where the fixed fields and the entries start */
#define MADT_LAPIC_ADDRESS	36
#define MADT_FLAGS		40
#define MADT_ENTRIES		44

/* MADT entry types (5.2.12) and flags */
#define ACPI_MADT_TYPE_LOCAL_APIC		0
#define ACPI_MADT_TYPE_IO_APIC			1
#define ACPI_MADT_TYPE_INTERRUPT_OVERRIDE	2
#define ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE	5
#define ACPI_MADT_TYPE_LOCAL_X2APIC		9
#define ACPI_MADT_PCAT_COMPAT	(1 << 0)	/* MADT flags */
#define ACPI_MADT_ENABLED	(1 << 0)	/* local (x2)APIC flags */
#define ACPI_APIC_ID_INVALID	0xff		/* Linux skips these too */

/* The shortest valid entry of each MADT type read here (0: skipped). */
static u8 madt_entry_min_length(u8 type)
{
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:		return 8;
	case ACPI_MADT_TYPE_IO_APIC:		return 12;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:	return 10;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: return 12;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:	return 16;
	default:				return 0;
	}
}

static void madt_add_cpu(struct acpi_info *info, u32 apic_id, u32 uid)
{
	struct acpi_cpu *cpu;

	if (info->nr_cpus == ACPI_MAX_CPUS)
		return;
	cpu = &info->cpus[info->nr_cpus++];
	cpu->apic_id = apic_id;
	cpu->uid = uid;
	cpu->node = 0;		/* until the SRAT says otherwise */
}

static void madt_add_ioapic(struct acpi_info *info, const u8 *e)
{
	struct acpi_ioapic *ioapic;

	if (info->nr_ioapics == ACPI_MAX_IOAPICS)
		return;
	ioapic = &info->ioapics[info->nr_ioapics++];
	ioapic->id = e[2];
	ioapic->address = get_u32(e + 4);
	ioapic->gsi_base = get_u32(e + 8);
}

static void madt_add_override(struct acpi_info *info, const u8 *e)
{
	struct acpi_override *ovr;

	if (info->nr_overrides == ACPI_MAX_OVERRIDES)
		return;
	ovr = &info->overrides[info->nr_overrides++];
	ovr->bus = e[2];
	ovr->source = e[3];
	ovr->gsi = get_u32(e + 4);
	ovr->flags = get_u16(e + 8);
}

static int madt_entry(const u8 *e, u8 type, u8 length,
		      struct acpi_info *info, const char **reason)
{
	if (length < madt_entry_min_length(type)) {
		*reason = "an entry is too short for its type";
		return -EINVAL;
	}
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		if ((get_u32(e + 4) & ACPI_MADT_ENABLED) &&
		    e[3] != ACPI_APIC_ID_INVALID)
			madt_add_cpu(info, e[3], e[2]);
		break;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:
		if (get_u32(e + 8) & ACPI_MADT_ENABLED)
			madt_add_cpu(info, get_u32(e + 4), get_u32(e + 12));
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		madt_add_ioapic(info, e);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		madt_add_override(info, e);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		info->lapic_address = get_u64(e + 4);
		break;
	}
	return 0;
}

static void madt_clear(struct acpi_info *info)
{
	info->lapic_address = 0;
	info->pcat_compat = false;
	info->nr_cpus = 0;
	info->nr_ioapics = 0;
	info->nr_overrides = 0;
}

static int madt_parse(const struct acpi_table *t, struct acpi_info *info,
		      const char **reason)
{
	info->lapic_address = get_u32(t->p + MADT_LAPIC_ADDRESS);
	info->pcat_compat = get_u32(t->p + MADT_FLAGS) & ACPI_MADT_PCAT_COMPAT;
	return acpi_walk_entries(t, MADT_ENTRIES, madt_entry, info, reason);
}

void acpi_parse_madt(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info)
{
	int ret = acpi_table_parse(root, map, ACPI_SIG_MADT, MADT_ENTRIES,
				   madt_parse, info, &info->madt_reason);

	if (ret)
		madt_clear(info);
	info->madt_status = ret;
}
