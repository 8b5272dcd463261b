/*
 * How the x86 PC reaches PCI configuration space (arch/x86/pci/), as
 * Linux's arch/x86/include/asm/pci_x86.h: two "raw" mechanisms that
 * address a function by (segment, bus, devfn, register), and the one
 * chosen at boot behind every root bus's struct pci_ops.
 *
 *   type 1 (direct.c): write the address to port 0xCF8, then move the
 *     data through port 0xCFC-0xCFF.  Every PC has it; it reaches the
 *     first 256 bytes of each function.
 *   ECAM (mmconfig.c): each function's 4 KiB of configuration space is
 *     memory at base + (bus << 20 | devfn << 12 | register), the area
 *     the ACPI MCFG table gives.  q35 has it, the pc machine does not.
 *
 * raw_pci_ops is chosen once, by pci_arch_init() (an arch_initcall),
 * before the bus is scanned, and never changes after.
 */
#ifndef _ASM_X86_PCI_X86_H
#define _ASM_X86_PCI_X86_H

#include <linux/types.h>

/* Return PCIBIOS_*; read stores all ones on failure. */
struct pci_raw_ops {
	const char *name;		/* for the boot log: "type 1", "ECAM" */
	int (*read)(unsigned int domain, unsigned int bus, unsigned int devfn,
		    int reg, int len, u32 *val);
	int (*write)(unsigned int domain, unsigned int bus, unsigned int devfn,
		     int reg, int len, u32 val);
};

/*
 * Whether a raw access of len bytes at reg is well formed for a
 * mechanism reaching limit bytes per function: len 1, 2 or 4, reg
 * aligned to it and inside the limit.
 */
static inline bool pci_raw_reg_ok(int reg, int len, int limit)
{
	if (len != 1 && len != 2 && len != 4)
		return false;
	return reg >= 0 && reg <= limit - len && !(reg & (len - 1));
}

/* The mechanism in use, or NULL when there is none (no PCI). */
extern const struct pci_raw_ops *raw_pci_ops;
int raw_pci_read(unsigned int domain, unsigned int bus, unsigned int devfn,
		 int reg, int len, u32 *val);
int raw_pci_write(unsigned int domain, unsigned int bus, unsigned int devfn,
		  int reg, int len, u32 val);

/* Type 1 (direct.c): usable once pci_direct_probe() said true. */
extern const struct pci_raw_ops pci_direct_conf1;
bool pci_direct_probe(void);

/*
 * ECAM (mmconfig.c): pci_mmcfg_init() maps segment 0's area from the
 * MCFG table; true when it is usable.  When check is not NULL (type 1
 * works), both must read the same identification from the first
 * function of the first bus, or ECAM is refused.  pci_mmcfg_base is
 * the area's physical address (that of bus 0) and
 * pci_mmcfg_start_bus..end_bus the buses it covers.
 */
extern const struct pci_raw_ops pci_mmcfg;
extern phys_addr_t pci_mmcfg_base;
extern unsigned int pci_mmcfg_start_bus, pci_mmcfg_end_bus;
bool pci_mmcfg_init(const struct pci_raw_ops *check);

/* What the root buses use (common.c): the raw mechanism, as pci_ops. */
struct pci_ops;
extern struct pci_ops pci_root_ops;

/* pci=nommconf on the command line: type 1 even when ECAM exists. */
extern bool pci_mmcfg_disabled;

#endif
