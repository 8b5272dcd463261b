/*
 * Enumeration (Linux's drivers/pci/probe.c): find every function on
 * bus 0 and on every bus behind a bridge, once, at boot.
 *
 * A bus has 32 slots of up to 8 functions.  A function is there when
 * its vendor id reads as something other than all ones (or zero); a
 * slot's functions 1-7 are only looked at when function 0's header type
 * has the multi-function bit.  Below a PCIe root port or downstream
 * port there is one link, so only device 0 is scanned.  Each function
 * found gets a struct pci_dev, filled from its header (class, interrupt
 * pin, capabilities, BARs: see bar.c).
 *
 * A PCI-to-PCI bridge (header type 1: a PCI bridge or a PCIe port)
 * leads to another bus.  Its primary, secondary and subordinate bus
 * numbers say which: firmware (SeaBIOS) has numbered every bridge, so
 * those are read and trusted when they make sense (primary is this bus,
 * secondary..subordinate lies inside this bus's own range and is not
 * taken).  As in Linux, bridges are handled in two passes: first those
 * firmware numbered, then any it did not (or numbered wrongly), which
 * get the next free number and a temporary subordinate of 0xff while
 * the bus behind them is scanned, then the highest number found.
 *
 * Invariants: bus numbers only grow going down the tree, so the walk
 * ends; at most PCI_MAX_BRIDGE_DEPTH buses deep (a bound on the
 * recursion).  A pci_dev is on its bus's list once set up, and on the
 * global list and in the boot log once the whole tree is scanned
 * (pci_bus_add_devices), in bus order.
 *
 * Locking: none.  The scan runs once, in the initcall thread, before
 * anything else looks at PCI; what it builds is constant after.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/numa.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "pci.h"

#define PCI_MAX_BRIDGE_DEPTH	32
#define PCI_DMA_MASK_32		0xffffffffULL	/* DMA_BIT_MASK(32) */

static unsigned int pci_scan_child_bus(struct pci_bus *bus);

static struct pci_bus *pci_alloc_bus(struct pci_bus *parent)
{
	struct pci_bus *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	INIT_LIST_HEAD(&b->node);
	INIT_LIST_HEAD(&b->children);
	INIT_LIST_HEAD(&b->devices);
	b->parent = parent;
	if (parent) {
		b->ops = parent->ops;
		b->sysdata = parent->sysdata;
		b->domain_nr = parent->domain_nr;
	}
	return b;
}

struct pci_dev *pci_alloc_dev(struct pci_bus *bus)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	INIT_LIST_HEAD(&dev->bus_list);
	INIT_LIST_HEAD(&dev->global_list);
	dev->bus = bus;
	refcount_set(&dev->ref, 1);
	atomic_set(&dev->enable_cnt, 0);
	dev->dma_mask = PCI_DMA_MASK_32;
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = PCI_DMA_MASK_32;
	dev->dev.numa_node = NUMA_NO_NODE;
	return dev;
}

bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, unsigned int devfn,
				u32 *l)
{
	if (pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, l))
		return false;
	/* All ones: nothing answered; zeros or a half of ones: broken */
	return *l != 0xffffffff && *l != 0 && *l != 0x0000ffff &&
	       *l != 0xffff0000;
}

/* Interrupt pin, and the line firmware routed it to when it has one. */
static void pci_read_irq(struct pci_dev *dev)
{
	u8 v;

	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &v);
	dev->pin = v;
	v = 0;
	if (dev->pin)
		pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &v);
	dev->irq = v;
}

/*
 * 4096 for a PCIe function whose extended space answers (only ECAM
 * reaches it; type 1 refuses offsets from 256), 256 otherwise.  Linux's
 * rule (pci_cfg_space_size()), less its PCI-X 2.0 case.
 */
static int pci_cfg_space_size(struct pci_dev *dev)
{
	u32 status;

	if (!pci_is_pcie(dev))
		return PCI_CFG_SPACE_SIZE;
	if (pci_read_config_dword(dev, PCI_CFG_SPACE_SIZE, &status) ||
	    status == 0xffffffff)
		return PCI_CFG_SPACE_SIZE;
	return PCI_CFG_SPACE_EXP_SIZE;
}

static void pci_read_header(struct pci_dev *dev)
{
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_irq(dev);
		pci_read_bases(dev, PCI_STD_NUM_BARS, PCI_ROM_ADDRESS);
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID,
				     &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID,
				     &dev->subsystem_device);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		pci_read_irq(dev);
		pci_read_bases(dev, 2, PCI_ROM_ADDRESS1);
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		pci_read_irq(dev);
		pci_read_bases(dev, 1, 0);
		break;
	}
}

int pci_setup_device(struct pci_dev *dev)
{
	u32 class;
	u8 hdr_type;

	snprintf(dev->dev.name, sizeof(dev->dev.name), "%04x:%02x:%02x.%d",
		 pci_domain_nr(dev->bus), dev->bus->number,
		 PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr_type);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	if (hdr_type == 0xff || class == 0xffffffff) {
		pr_warn("%s [%04x:%04x] reads all ones after its vendor id, "
			"ignored\n", pci_name(dev), dev->vendor, dev->device);
		return -EIO;
	}
	dev->hdr_type = hdr_type & PCI_HEADER_TYPE_MASK;
	dev->multifunction = !!(hdr_type & PCI_HEADER_TYPE_MFD);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	if (dev->hdr_type > PCI_HEADER_TYPE_CARDBUS) {
		pr_warn("%s [%04x:%04x] unknown header type %02x, ignored\n",
			pci_name(dev), dev->vendor, dev->device, dev->hdr_type);
		return -EIO;
	}
	dev->pcie_cap = pci_find_capability(dev, PCI_CAP_ID_EXP);
	if (dev->pcie_cap)
		pci_read_config_word(dev, dev->pcie_cap + PCI_EXP_FLAGS,
				     &dev->pcie_flags_reg);
	dev->cfg_size = pci_cfg_space_size(dev);
	pci_read_header(dev);
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	return 0;
}

/* The function at devfn set up and on bus's list, or NULL. */
static struct pci_dev *pci_scan_single_device(struct pci_bus *bus,
					      unsigned int devfn)
{
	struct pci_dev *dev;
	u32 l;

	if (!pci_bus_read_dev_vendor_id(bus, devfn, &l))
		return NULL;
	dev = pci_alloc_dev(bus);
	if (!dev) {
		pr_err("no memory for %02x:%02x.%d\n", bus->number,
		       PCI_SLOT(devfn), PCI_FUNC(devfn));
		return NULL;
	}
	dev->devfn = devfn;
	dev->vendor = l & 0xffff;
	dev->device = l >> 16;
	if (pci_setup_device(dev)) {
		pci_dev_put(dev);
		return NULL;
	}
	list_add_tail(&dev->bus_list, &bus->devices);
	return dev;
}

/* Function 0 of the slot at devfn, and 1-7 if it is multi-function. */
static void pci_scan_slot(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev = pci_scan_single_device(bus, devfn);
	unsigned int fn;

	if (!dev || !dev->multifunction)
		return;
	for (fn = 1; fn < 8; fn++)
		pci_scan_single_device(bus, devfn + fn);
}

/* Below a PCIe root or downstream port only device 0 can exist. */
static bool pci_only_one_child(struct pci_bus *bus)
{
	struct pci_dev *bridge = bus->self;

	if (!bridge || !pci_is_pcie(bridge))
		return false;
	return pci_pcie_type(bridge) == PCI_EXP_TYPE_ROOT_PORT ||
	       pci_pcie_type(bridge) == PCI_EXP_TYPE_DOWNSTREAM;
}

static unsigned int pci_bus_depth(const struct pci_bus *bus)
{
	unsigned int depth = 0;

	for (; bus->parent; bus = bus->parent)
		depth++;
	return depth;
}

/* The bus behind bridge dev, numbered secondary..subordinate. */
static struct pci_bus *pci_add_new_bus(struct pci_bus *parent,
				       struct pci_dev *dev,
				       unsigned int secondary,
				       unsigned int subordinate)
{
	struct pci_bus *child = pci_alloc_bus(parent);

	if (!child) {
		pr_err("%s: no memory for bus %02x\n", pci_name(dev), secondary);
		return NULL;
	}
	child->self = dev;
	child->number = secondary;
	child->primary = parent->number;
	child->subordinate = subordinate;
	dev->subordinate = child;
	list_add_tail(&child->node, &parent->children);
	return child;
}

/* Whether the numbers bridge dev holds (buses) can be used as they are. */
static bool pci_bridge_numbered(struct pci_bus *bus, u32 buses)
{
	unsigned int primary = buses & 0xff, secondary = (buses >> 8) & 0xff;
	unsigned int subordinate = (buses >> 16) & 0xff;

	return primary == bus->number && secondary > bus->number &&
	       subordinate >= secondary && subordinate <= bus->subordinate &&
	       !pci_find_bus(pci_domain_nr(bus), secondary);
}

/* Pass 0: a bridge firmware numbered; scan behind it. */
static unsigned int pci_scan_numbered_bridge(struct pci_bus *bus,
					     struct pci_dev *dev, u32 buses,
					     unsigned int max)
{
	unsigned int secondary = (buses >> 8) & 0xff;
	unsigned int subordinate = (buses >> 16) & 0xff;
	struct pci_bus *child;
	unsigned int found;

	child = pci_add_new_bus(bus, dev, secondary, subordinate);
	if (!child)
		return max;
	found = pci_scan_child_bus(child);
	if (found > subordinate)
		pr_warn("%s: bus %02x found behind a bridge ending at %02x\n",
			pci_name(dev), found, subordinate);
	return max(max, max(found, subordinate));
}

/* Pass 1: a bridge with no usable numbers; give it max + 1 and on. */
static unsigned int pci_scan_unnumbered_bridge(struct pci_bus *bus,
					       struct pci_dev *dev, u32 buses,
					       unsigned int max)
{
	unsigned int secondary = max + 1;
	struct pci_bus *child;

	if (secondary > bus->subordinate) {
		pr_warn("%s: bridge unnumbered and no bus number left below "
			"%02x, not scanned\n", pci_name(dev), bus->subordinate);
		return max;
	}
	pr_info("%s: bridge numbers %06x unusable, numbering bus %02x\n",
		pci_name(dev), buses & 0xffffff, secondary);
	child = pci_add_new_bus(bus, dev, secondary, bus->subordinate);
	if (!child)
		return max;
	buses = (buses & 0xff000000) | bus->subordinate << 16 |
		secondary << 8 | bus->number;
	pci_write_config_dword(dev, PCI_PRIMARY_BUS, buses);
	max = pci_scan_child_bus(child);
	child->subordinate = max;
	pci_write_config_byte(dev, PCI_SUBORDINATE_BUS, max);
	return max;
}

static unsigned int pci_scan_bridge(struct pci_bus *bus, struct pci_dev *dev,
				    unsigned int max, int pass)
{
	u32 buses;

	if (dev->subordinate)
		return max;		/* done in pass 0 */
	if (pci_bus_depth(bus) >= PCI_MAX_BRIDGE_DEPTH) {
		if (pass)
			pr_warn("%s: bridge %u buses deep, not scanned\n",
				pci_name(dev), PCI_MAX_BRIDGE_DEPTH);
		return max;
	}
	pci_read_config_dword(dev, PCI_PRIMARY_BUS, &buses);
	if (pci_bridge_numbered(bus, buses))
		return pass ? max : pci_scan_numbered_bridge(bus, dev, buses,
							     max);
	return pass ? pci_scan_unnumbered_bridge(bus, dev, buses, max) : max;
}

/* Scan bus and below; the highest bus number found. */
static unsigned int pci_scan_child_bus(struct pci_bus *bus)
{
	unsigned int devfn, max = bus->number;
	struct pci_dev *dev;
	int pass;

	for (devfn = 0; devfn < 256; devfn += 8) {
		if (devfn && pci_only_one_child(bus))
			break;
		pci_scan_slot(bus, devfn);
	}
	for (pass = 0; pass < 2; pass++)
		list_for_each_entry(dev, &bus->devices, bus_list)
			if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
				max = pci_scan_bridge(bus, dev, max, pass);
	return max;
}

/* The boot log's line for dev, made whole before it is printed. */
static void pci_print_device(const struct pci_dev *dev)
{
	const struct pci_bus *sub = dev->subordinate;
	char line[384];
	size_t len;

	len = scnprintf(line, sizeof(line), "%s [%04x:%04x] class %06x rev %02x",
			pci_name(dev), dev->vendor, dev->device, dev->class,
			dev->revision);
	len += pci_describe_bars(dev, line + len, sizeof(line) - len);
	if (sub && sub->number == sub->subordinate)
		scnprintf(line + len, sizeof(line) - len, " bridge to [bus %02x]",
			  sub->number);
	else if (sub)
		scnprintf(line + len, sizeof(line) - len,
			  " bridge to [bus %02x-%02x]", sub->number,
			  sub->subordinate);
	pr_info("%s\n", line);
}

static void pci_bus_add_device(struct pci_dev *dev)
{
	list_add_tail(&dev->global_list, &pci_devices);
	pci_print_device(dev);
	pci_proc_attach_device(dev);
	pci_device_attach(dev);
}

/* Add bus's devices, then those of the buses behind them. */
static void pci_bus_add_devices(struct pci_bus *bus)
{
	struct pci_dev *dev;

	list_for_each_entry(dev, &bus->devices, bus_list)
		pci_bus_add_device(dev);
	list_for_each_entry(dev, &bus->devices, bus_list)
		if (dev->subordinate)
			pci_bus_add_devices(dev->subordinate);
}

struct pci_bus *pci_scan_bus(int busnr, struct pci_ops *ops, void *sysdata)
{
	struct pci_bus *b = pci_alloc_bus(NULL);

	if (!b)
		return NULL;
	b->ops = ops;
	b->sysdata = sysdata;
	b->number = busnr;
	b->primary = busnr;
	b->subordinate = 0xff;
	list_add_tail(&b->node, &pci_root_buses);
	b->subordinate = pci_scan_child_bus(b);
	pci_bus_add_devices(b);
	return b;
}
