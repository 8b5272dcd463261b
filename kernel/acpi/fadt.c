/*
 * FADT (ACPI 6.5, 5.2.9): only the power-management timer's I/O port and
 * width are read from it, and its revision.
 *
 * Invariants: pm_timer_port fits an I/O port (<= 0xffff); pm_timer_bits
 * is 24 or 32 when there is a port, 0 otherwise; an unusable FADT leaves
 * all three fields 0.
 *
 * Locking: none; pure code, built on the host too.
 */
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include "internal.h"

#define ACPI_SIG_FADT		"FACP"

/* FADT (5.2.9): the fields read here */
#define FADT_PM_TMR_BLK		76	/* u32: the PM timer's I/O port */
#define FADT_FLAGS		112
#define FADT_V1_LENGTH		116	/* the ACPI 1.0 FADT ends here */
#define FADT_X_PM_TMR_BLK	208	/* ACPI 2.0+: a Generic Address */
#define ACPI_GAS_SIZE		12	/* {space, bits, offset, size, u64} */
#define ACPI_GAS_ADDRESS	4
#define ACPI_ADR_SPACE_SYSTEM_IO 1
#define ACPI_FADT_TMR_VAL_EXT	(1 << 8)	/* a 32-bit PM timer */
#define ACPI_MAX_IO_PORT	0xffff

/*
 * The PM timer's port: X_PM_TMR_BLK when the table is long enough to
 * hold it and it is set (Linux prefers it too), else PM_TMR_BLK; 0 when
 * neither is set (a hardware-reduced machine has no PM timer).  Linux's
 * acpi_pm driver only handles a timer in I/O space, and so does this.
 */
static int fadt_pm_timer(const struct acpi_table *t, struct acpi_info *info,
			 const char **reason)
{
	const u8 *gas = t->p + FADT_X_PM_TMR_BLK;
	u64 port = get_u32(t->p + FADT_PM_TMR_BLK);

	if (t->length >= FADT_X_PM_TMR_BLK + ACPI_GAS_SIZE &&
	    get_u64(gas + ACPI_GAS_ADDRESS)) {
		if (gas[0] != ACPI_ADR_SPACE_SYSTEM_IO) {
			*reason = "the PM timer is not in I/O space";
			return -EINVAL;
		}
		port = get_u64(gas + ACPI_GAS_ADDRESS);
	}
	if (port > ACPI_MAX_IO_PORT) {
		*reason = "the PM timer's port is beyond 0xffff";
		return -EINVAL;
	}
	info->pm_timer_port = port;
	if (port)
		info->pm_timer_bits = get_u32(t->p + FADT_FLAGS) &
				      ACPI_FADT_TMR_VAL_EXT ? 32 : 24;
	return 0;
}

static int fadt_parse(const struct acpi_table *t, struct acpi_info *info,
		      const char **reason)
{
	info->fadt_revision = t->p[ACPI_HDR_REVISION];
	return fadt_pm_timer(t, info, reason);
}

void acpi_parse_fadt(const struct acpi_root *root, acpi_map_fn map,
		     struct acpi_info *info)
{
	int ret = acpi_table_parse(root, map, ACPI_SIG_FADT, FADT_V1_LENGTH,
				   fadt_parse, info, &info->fadt_reason);

	if (ret) {
		info->fadt_revision = 0;
		info->pm_timer_port = 0;
		info->pm_timer_bits = 0;
	}
	info->fadt_status = ret;
}
