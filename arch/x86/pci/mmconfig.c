/*
 * ECAM, the PCI Express Enhanced Configuration Access Mechanism (PCIe
 * Base Specification 7.2.2), as Linux's arch/x86/pci/mmconfig_64.c: the
 * configuration space of every function is memory, 4 KiB per function,
 * at
 *
 *   base + (bus << 20 | device << 15 | function << 12 | register)
 *
 * (devfn << 12 covers device and function together).  The ACPI MCFG
 * table gives base and the bus range per PCI segment; only segment 0
 * is used.  The area for those buses is ioremap()ed once, uncached, at
 * boot (256 MiB of address space for buses 0-255; 64 page-table pages
 * of 4 KiB mappings).
 *
 * Invariants: pci_mmcfg_virt is NULL until pci_mmcfg_init() succeeds,
 * then constant; an access outside start_bus..end_bus, beyond 4 KiB or
 * misaligned is refused before any address is formed.
 *
 * Locking: none.  Each access is one load or store of its own width,
 * which the device sees as one configuration transaction: there is no
 * address register to share, unlike type 1.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <asm/io.h>
#include <asm/pci_x86.h>
#include <linux/acpi.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>

#define PCIE_ECAM_BUS_SHIFT	20
#define PCIE_ECAM_DEVFN_SHIFT	12
#define PCIE_ECAM_OFFSET(bus, devfn, reg)				\
	((unsigned long)(bus) << PCIE_ECAM_BUS_SHIFT |			\
	 (unsigned long)(devfn) << PCIE_ECAM_DEVFN_SHIFT | (reg))

phys_addr_t pci_mmcfg_base;
unsigned int pci_mmcfg_start_bus, pci_mmcfg_end_bus;
static void __iomem *pci_mmcfg_virt;	/* maps start_bus..end_bus */

/* The address of reg of bus/devfn, or NULL when ECAM does not reach it. */
static void __iomem *pci_mmcfg_addr(unsigned int domain, unsigned int bus,
				    unsigned int devfn, int reg, int len)
{
	if (!pci_mmcfg_virt || domain || bus < pci_mmcfg_start_bus ||
	    bus > pci_mmcfg_end_bus || devfn > 255 ||
	    !pci_raw_reg_ok(reg, len, PCI_CFG_SPACE_EXP_SIZE))
		return NULL;
	return pci_mmcfg_virt +
	       PCIE_ECAM_OFFSET(bus - pci_mmcfg_start_bus, devfn, reg);
}

static int pci_mmcfg_read(unsigned int domain, unsigned int bus,
			  unsigned int devfn, int reg, int len, u32 *value)
{
	void __iomem *addr = pci_mmcfg_addr(domain, bus, devfn, reg, len);

	if (!addr) {
		*value = ~0U;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	if (len == 1)
		*value = readb(addr);
	else if (len == 2)
		*value = readw(addr);
	else
		*value = readl(addr);
	return PCIBIOS_SUCCESSFUL;
}

static int pci_mmcfg_write(unsigned int domain, unsigned int bus,
			   unsigned int devfn, int reg, int len, u32 value)
{
	void __iomem *addr = pci_mmcfg_addr(domain, bus, devfn, reg, len);

	if (!addr)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (len == 1)
		writeb(value, addr);
	else if (len == 2)
		writew(value, addr);
	else
		writel(value, addr);
	return PCIBIOS_SUCCESSFUL;
}

const struct pci_raw_ops pci_mmcfg = {
	.name = "ECAM",
	.read = pci_mmcfg_read,
	.write = pci_mmcfg_write,
};

/* MCFG's entry for segment 0, or NULL (with the reason logged). */
static const struct acpi_mcfg *pci_mmcfg_entry(void)
{
	int i;

	if (acpi_info.mcfg_status == -ENOENT)
		return NULL;		/* no MCFG: a plain PCI machine */
	if (acpi_info.mcfg_status) {
		pr_info("MCFG unusable (%s), no ECAM\n", acpi_info.mcfg_reason);
		return NULL;
	}
	for (i = 0; i < acpi_info.nr_mcfg; i++)
		if (acpi_info.mcfg[i].segment == 0)
			return &acpi_info.mcfg[i];
	pr_info("MCFG has no entry for segment 0, no ECAM\n");
	return NULL;
}

/* Whether ECAM and check read the same dword 0 at the first bus. */
static bool pci_mmcfg_agrees(const struct pci_raw_ops *check)
{
	u32 ecam, other;

	if (!check)
		return true;
	pci_mmcfg_read(0, pci_mmcfg_start_bus, 0, PCI_VENDOR_ID, 4, &ecam);
	check->read(0, pci_mmcfg_start_bus, 0, PCI_VENDOR_ID, 4, &other);
	if (ecam == other)
		return true;
	pr_warn("ECAM at %#llx reads %08x at %02x:00.0, %s reads %08x; not "
		"using ECAM\n", (unsigned long long)pci_mmcfg_base, ecam,
		pci_mmcfg_start_bus, check->name, other);
	return false;
}

bool pci_mmcfg_init(const struct pci_raw_ops *check)
{
	const struct acpi_mcfg *m = pci_mmcfg_entry();
	unsigned long size;

	if (!m)
		return false;
	if (pci_mmcfg_disabled) {
		pr_info("ECAM at %#llx not used (pci=nommconf)\n",
			(unsigned long long)m->base);
		return false;
	}
	pci_mmcfg_base = m->base;
	pci_mmcfg_start_bus = m->start_bus;
	pci_mmcfg_end_bus = m->end_bus;
	size = (unsigned long)(m->end_bus - m->start_bus + 1) <<
	       PCIE_ECAM_BUS_SHIFT;
	pci_mmcfg_virt = ioremap(m->base + PCIE_ECAM_OFFSET(m->start_bus, 0, 0),
				 size);
	if (!pci_mmcfg_virt) {
		pr_warn("cannot map ECAM at %#llx (%lu MiB)\n",
			(unsigned long long)m->base, size >> 20);
		return false;
	}
	if (pci_mmcfg_agrees(check))
		return true;
	iounmap(pci_mmcfg_virt);
	pci_mmcfg_virt = NULL;
	return false;
}
