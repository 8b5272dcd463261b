/*
 * ACPI tables the kernel reads at boot (kernel/acpi/): the RSDP, the
 * RSDT/XSDT, and from them MADT (CPUs and interrupt controllers), SRAT
 * (which node each CPU and memory range belongs to), SLIT (distances
 * between nodes), MCFG (PCI configuration space) and the FADT (where the
 * power-management timer is).  Layouts: ACPI 6.x specification, chapter
 * 5.2; ../shared/REFERENCE.md section 4.
 *
 * acpi_parse() is pure: it reads tables only through the map callback
 * and writes only struct acpi_info, so host tests can feed it crafted
 * and corrupt tables.  A table with a bad checksum or a bad length is
 * ignored (and recorded in the *_status fields); nothing in the tables
 * can make it read outside what the callback mapped.
 *
 * A table is used whole or not at all: when its status is not 0,
 * struct acpi_info holds nothing from it (the SRAT and SLIT also need
 * each other, see below), and *_reason says in a few words what was
 * wrong.  Entries beyond the capacities below (ACPI_MAX_*) are dropped.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/numa.h>
#include <linux/types.h>

#define ACPI_MAX_CPUS		NR_CPUS
#define ACPI_MAX_IOAPICS	8
#define ACPI_MAX_OVERRIDES	16
#define ACPI_MAX_MEMBLKS	32
#define ACPI_MAX_MCFG		4

struct acpi_cpu {
	u32 apic_id;		/* local APIC or x2APIC id */
	u32 uid;		/* ACPI processor UID */
	int node;		/* NUMA node from SRAT, or 0 */
};

struct acpi_ioapic {
	u8 id;
	u32 address;
	u32 gsi_base;
};

/* An ISA interrupt routed elsewhere (MADT Interrupt Source Override). */
struct acpi_override {
	u8 bus;
	u8 source;		/* ISA IRQ */
	u32 gsi;
	u16 flags;		/* polarity bits 0-1, trigger mode bits 2-3 */
};

/* A memory range of a node (SRAT Memory Affinity, enabled ones only). */
struct acpi_memblk {
	u64 start;
	u64 end;		/* exclusive */
	int node;
	bool hotpluggable;
};

struct acpi_mcfg {
	u64 base;
	u16 segment;
	u8 start_bus;
	u8 end_bus;
};

/* What the tables say, with Linux node numbers (not proximity domains). */
struct acpi_info {
	/* RSDP and root table */
	u8 revision;			/* RSDP revision: 0 = ACPI 1.0 */
	bool xsdt;			/* tables came from the XSDT */
	int root_status;		/* 0, or -ENOENT / -EINVAL */
	const char *root_reason;	/* why root_status is not 0 */

	/* MADT */
	int madt_status;		/* 0, -ENOENT, -EINVAL */
	const char *madt_reason;	/* why madt_status is not 0 */
	u64 lapic_address;
	bool pcat_compat;		/* dual 8259s present */
	int nr_cpus;			/* enabled CPUs */
	struct acpi_cpu cpus[ACPI_MAX_CPUS];
	int nr_ioapics;
	struct acpi_ioapic ioapics[ACPI_MAX_IOAPICS];
	int nr_overrides;
	struct acpi_override overrides[ACPI_MAX_OVERRIDES];

	/* SRAT: proximity domains are numbered 0.. in order of appearance */
	int srat_status;		/* 0, -ENOENT, -EINVAL */
	const char *srat_reason;	/* why srat_status is not 0 */
	int nr_nodes;			/* 0 when there is no usable SRAT */
	u32 node_to_pxm[MAX_NUMNODES];
	int nr_memblks;
	struct acpi_memblk memblks[ACPI_MAX_MEMBLKS];

	/*
	 * SLIT, in node numbers; 10 local, 20 remote when absent.  A SLIT
	 * is only usable with a usable SRAT (slit_status -EINVAL otherwise).
	 */
	int slit_status;		/* 0, -ENOENT, -EINVAL */
	const char *slit_reason;	/* why slit_status is not 0 */
	u8 distance[MAX_NUMNODES][MAX_NUMNODES];

	/* MCFG */
	int mcfg_status;		/* 0, -ENOENT, -EINVAL */
	const char *mcfg_reason;	/* why mcfg_status is not 0 */
	int nr_mcfg;
	struct acpi_mcfg mcfg[ACPI_MAX_MCFG];

	/*
	 * FADT: only the ACPI PM timer, a counter at 3.579545 MHz in I/O
	 * space (ACPI 6.5, 4.8.3.3), is read from it.
	 */
	int fadt_status;		/* 0, -ENOENT, -EINVAL */
	const char *fadt_reason;	/* why fadt_status is not 0 */
	u8 fadt_revision;
	u16 pm_timer_port;		/* 0: the FADT names none */
	u8 pm_timer_bits;		/* 24 or 32 (TMR_VAL_EXT); 0 without */
};

/*
 * Returns a pointer to len readable bytes at physical address phys, or
 * NULL when that range cannot be read.
 */
typedef const void *(*acpi_map_fn)(u64 phys, size_t len);

/*
 * Parse everything reachable from the RSDP copy at rsdp (rsdp_len bytes;
 * the multiboot2 tag holds a copy).  Fills *info; returns 0, or
 * -EINVAL / -ENOENT when the RSDP or the root table is unusable (then
 * every table is reported missing).  Never fails halfway: a bad table is
 * skipped and its status says why.
 */
int acpi_parse(const void *rsdp, size_t rsdp_len, acpi_map_fn map,
	       struct acpi_info *info);

/*
 * Find the RSDP in the BIOS areas (the first KiB of the EBDA, then
 * 0xe0000-0xfffff, on 16-byte boundaries) for boot loaders that pass no
 * copy; NULL when there is none.
 */
const void *acpi_find_rsdp(acpi_map_fn map);

/* The kernel's copy, filled by acpi_init() (kernel/acpi/init.c). */
extern struct acpi_info acpi_info;
void acpi_init(void);

#endif
