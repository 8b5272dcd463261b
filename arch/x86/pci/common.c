/*
 * The x86 side of PCI (Linux's arch/x86/pci/common.c, init.c and
 * legacy.c in one): choose the configuration mechanism at boot, give
 * the root bus pci_ops that use it, and scan from bus 0.
 *
 * ECAM is preferred when the MCFG table describes it and it agrees with
 * type 1 on the first function; type 1 otherwise (the pc machine, or
 * pci=nommconf).  Linux on x86 keeps type 1 for the first 256 bytes
 * even with ECAM, because some old chipsets' ECAM was unreliable; here
 * every access goes through the one mechanism chosen, so the boot log's
 * choice is the whole story.
 *
 * Invariants: raw_pci_ops is written once, by pci_arch_init() (an
 * arch_initcall), before pci_subsys_init() (a subsys_initcall) scans;
 * the accessors run only after.  Locking: none here; type 1 locks
 * itself (direct.c).
 */
#define pr_fmt(fmt) "pci: " fmt

#include <asm/pci_x86.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/string.h>

const struct pci_raw_ops *raw_pci_ops;
bool pci_mmcfg_disabled;

int raw_pci_read(unsigned int domain, unsigned int bus, unsigned int devfn,
		 int reg, int len, u32 *val)
{
	if (!raw_pci_ops) {
		*val = ~0U;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return raw_pci_ops->read(domain, bus, devfn, reg, len, val);
}

int raw_pci_write(unsigned int domain, unsigned int bus, unsigned int devfn,
		  int reg, int len, u32 val)
{
	if (!raw_pci_ops)
		return PCIBIOS_DEVICE_NOT_FOUND;
	return raw_pci_ops->write(domain, bus, devfn, reg, len, val);
}

static int pci_read(struct pci_bus *bus, unsigned int devfn, int where,
		    int size, u32 *value)
{
	return raw_pci_read(pci_domain_nr(bus), bus->number, devfn, where,
			    size, value);
}

static int pci_write(struct pci_bus *bus, unsigned int devfn, int where,
		     int size, u32 value)
{
	return raw_pci_write(pci_domain_nr(bus), bus->number, devfn, where,
			     size, value);
}

struct pci_ops pci_root_ops = {
	.read = pci_read,
	.write = pci_write,
};

/* The x86 words of pci=...: NULL when taken, else str (unknown). */
char *pcibios_setup(char *str)
{
	if (!strcmp(str, "nommconf")) {
		pci_mmcfg_disabled = true;
		return NULL;
	}
	return str;
}

static int pci_arch_init(void)
{
	bool type1 = pci_direct_probe();

	if (pci_mmcfg_init(type1 ? &pci_direct_conf1 : NULL)) {
		raw_pci_ops = &pci_mmcfg;
		pr_info("configuration space through ECAM at %#llx (buses "
			"%02x-%02x)\n", (unsigned long long)pci_mmcfg_base,
			pci_mmcfg_start_bus, pci_mmcfg_end_bus);
	} else if (type1) {
		raw_pci_ops = &pci_direct_conf1;
		pr_info("configuration space through ports 0xcf8/0xcfc "
			"(type 1)\n");
	} else {
		pr_info("no configuration mechanism found: no PCI\n");
		return -ENODEV;
	}
	return 0;
}
arch_initcall(pci_arch_init);

static int pci_subsys_init(void)
{
	struct pci_dev *dev = NULL;
	unsigned int devices = 0, buses = 1;

	if (!raw_pci_ops)
		return 0;
	if (!pci_scan_bus(0, &pci_root_ops, NULL))
		return -ENOMEM;
	for_each_pci_dev(dev) {
		devices++;
		buses += dev->subordinate != NULL;
	}
	pr_info("%u devices on %u bus%s (%s)\n", devices, buses,
		buses == 1 ? "" : "es", raw_pci_ops->name);
	return 0;
}
subsys_initcall(pci_subsys_init);
