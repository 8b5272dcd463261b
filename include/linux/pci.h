/*
 * The PCI bus (drivers/pci/, arch/x86/pci/), with Linux's names and
 * semantics: configuration space access, the devices found at boot,
 * their BARs and capabilities, and PCI drivers.  docs/pci.md tells the
 * whole story.
 *
 * The bus is enumerated once, at boot (subsys_initcall), before any
 * driver registers: every struct pci_bus and struct pci_dev is made
 * then and lives for ever (there is no hot-plug), so the fields marked
 * (C) below are constant once enumeration is over and are read without
 * a lock.  The global device list is only written during enumeration
 * too.  A pci_dev's binding to a driver (driver, dev.driver, drvdata)
 * changes only under the driver core's mutex (drivers/pci/pci-driver.c),
 * with the driver's probe() and remove() called under it.
 *
 * Configuration space accessors return PCIBIOS_* codes, not errnos, as
 * in Linux (pcibios_err_to_errno() converts); on failure the value read
 * is all ones, which is also what an absent function reads as.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/pci_ids.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <uapi/linux/pci_regs.h>

/* devfn: device (slot) number in bits 7:3, function in bits 2:0 */
#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/*
 * resource[] of a pci_dev: BARs 0-5, then the expansion ROM.  (Linux
 * also keeps a bridge's forwarding windows there; not here.)
 */
#define PCI_ROM_RESOURCE	PCI_STD_NUM_BARS
#define PCI_NUM_RESOURCES	(PCI_ROM_RESOURCE + 1)

/* Capability-list walks stop after this many entries (a loop) */
#define PCI_FIND_CAP_TTL	48

/* What the config accessors return (the PCI BIOS codes Linux keeps) */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED	0x81
#define PCIBIOS_BAD_VENDOR_ID		0x83
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87
#define PCIBIOS_SET_FAILED		0x88
#define PCIBIOS_BUFFER_TOO_SMALL	0x89

static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;		/* already 0 or an errno */
	switch (err) {
	case PCIBIOS_FUNC_NOT_SUPPORTED:
		return -ENOENT;
	case PCIBIOS_BAD_VENDOR_ID:
		return -ENOTTY;
	case PCIBIOS_DEVICE_NOT_FOUND:
		return -ENODEV;
	case PCIBIOS_BAD_REGISTER_NUMBER:
		return -EFAULT;
	case PCIBIOS_SET_FAILED:
		return -EIO;
	case PCIBIOS_BUFFER_TOO_SMALL:
		return -ENOSPC;
	}
	return -ERANGE;
}

struct pci_bus;
struct pci_dev;
struct pci_driver;
struct proc_dir_entry;

/*
 * How a bus reaches the configuration space of its functions: size is
 * 1, 2 or 4 and where is aligned to it (the callers check).  They
 * return PCIBIOS_*; read stores all ones on failure.  The root buses'
 * ops go to the x86 mechanism chosen at boot (arch/x86/pci/common.c);
 * tests give a bus ops of their own to feed crafted config spaces.
 */
struct pci_ops {
	int (*read)(struct pci_bus *bus, unsigned int devfn, int where,
		    int size, u32 *val);
	int (*write)(struct pci_bus *bus, unsigned int devfn, int where,
		     int size, u32 val);
};

/* (C) constant after enumeration */
struct pci_bus {
	struct list_head node;		/* (C) in the parent's children */
	struct pci_bus *parent;		/* (C) NULL for a root bus */
	struct list_head children;	/* (C) the buses behind its bridges */
	struct list_head devices;	/* (C) its functions, by devfn */
	struct pci_dev *self;		/* (C) its bridge; NULL for a root bus */
	struct pci_ops *ops;		/* (C) configuration space access */
	void *sysdata;			/* (C) for ops */
	int domain_nr;			/* (C) PCI segment, always 0 here */
	unsigned char number;		/* (C) this bus's number */
	unsigned char primary;		/* (C) the number of its bridge's bus */
	unsigned char subordinate;	/* (C) the highest bus number below */
	struct proc_dir_entry *procdir;	/* /proc/bus/pci/BB, set once */
};

/*
 * A PCI function.  (C) constant after enumeration  (D) the driver
 * core's mutex  (B) the bound driver's own (it owns the device)
 */
struct pci_dev {
	struct list_head bus_list;	/* (C) in bus->devices */
	struct list_head global_list;	/* (C) in the list of every device */
	struct pci_bus *bus;		/* (C) the bus it sits on */
	struct pci_bus *subordinate;	/* (C) a bridge's secondary bus */
	unsigned int devfn;		/* (C) PCI_DEVFN(slot, function) */
	unsigned short vendor;		/* (C) */
	unsigned short device;		/* (C) */
	unsigned short subsystem_vendor; /* (C) */
	unsigned short subsystem_device; /* (C) */
	unsigned int class;		/* (C) base, sub-class, prog-if: 0xBBSSPP */
	u8 revision;			/* (C) */
	u8 hdr_type;			/* (C) PCI_HEADER_TYPE_*, without MFD */
	u8 pin;				/* (C) interrupt pin, 0 none, 1 INTA# */
	u8 msi_cap;			/* (C) MSI capability offset, or 0 */
	u8 msix_cap;			/* (C) MSI-X capability offset, or 0 */
	u8 pcie_cap;			/* (C) PCIe capability offset, or 0 */
	u16 pcie_flags_reg;		/* (C) its PCI_EXP_FLAGS */
	int cfg_size;			/* (C) 256, or 4096 for PCIe on ECAM */
	unsigned int irq;		/* (B) INTx line (0x3c), or the first MSI irq */
	unsigned int intx_irq;		/* (B) the line, while MSI(-X) is on */
	u64 dma_mask;			/* (B) what it can address; dev.dma_mask */
	struct device dev;		/* name "0000:BB:DD.F" */
	struct resource resource[PCI_NUM_RESOURCES];	/* (C) BARs, ROM */
	struct pci_driver *driver;	/* (D) bound driver, NULL if none */
	atomic_t enable_cnt;		/* pci_enable_device() calls in force */
	refcount_t ref;			/* pci_dev_get()/pci_dev_put() */
	unsigned int multifunction:1;	/* (C) its slot has functions 1-7 */
	unsigned int is_busmaster:1;	/* (B) pci_set_master() in force */
	unsigned int msi_enabled:1;	/* (B) MSI on (drivers/pci/msi.c) */
	unsigned int msix_enabled:1;	/* (B) MSI-X on */
	unsigned int msix_nr;		/* (B) MSI-X vectors in use */
	unsigned int *msix_irqs;	/* (B) their irqs */
	void __iomem *msix_table;	/* (B) the vector table, mapped */
	bool cap_list_reported;		/* its broken capability list was */
};

static inline struct pci_dev *to_pci_dev(struct device *dev)
{
	return container_of(dev, struct pci_dev, dev);
}

/* "0000:00:04.0" */
static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline int pci_domain_nr(const struct pci_bus *bus)
{
	return bus->domain_nr;
}

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
/* Bytes the BAR decodes; 0 for an unimplemented BAR. */
#define pci_resource_len(dev, bar)					\
	(pci_resource_end((dev), (bar)) ?				\
	 resource_size(&(dev)->resource[(bar)]) : 0)

/* ---- Enumeration (drivers/pci/probe.c), for the architecture ---- */

/*
 * Make root bus busnr with ops, scan it and every bus behind it, and
 * add the devices found (the global list, the boot log, drivers
 * already registered): the bus, or NULL on ENOMEM.  Once, at boot.
 */
struct pci_bus *pci_scan_bus(int busnr, struct pci_ops *ops, void *sysdata);
/* The architecture's words of pci=...: NULL when taken, else str. */
char *pcibios_setup(char *str);

/* ---- Configuration space (drivers/pci/access.c) ---- */

/*
 * By bus and devfn, for enumeration: where must be aligned to the size
 * (PCIBIOS_BAD_REGISTER_NUMBER otherwise) and below what the mechanism
 * reaches (256 bytes with type 1, 4096 with ECAM).
 */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn,
			     int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn,
			     int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn,
			      int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn,
			      int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn,
			      int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int where, u32 val);

/* The same on a device found by enumeration. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* ---- Capabilities, enabling, bus mastering (drivers/pci/pci.c) ---- */

/*
 * The offset of capability cap (PCI_CAP_ID_*) in dev's list, or 0.
 * The walk starts at PCI_CAPABILITY_LIST (when the status register says
 * there is a list) and stops at the end, at a pointer into the standard
 * header (< 0x40) or after PCI_FIND_CAP_TTL entries (a loop); the last
 * two are reported once per device.
 */
u8 pci_find_capability(struct pci_dev *dev, int cap);
/* The next capability cap after the one at pos, or 0. */
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);

static inline bool pci_is_pcie(const struct pci_dev *dev)
{
	return dev->pcie_cap != 0;
}

/* PCI_EXP_TYPE_* of a PCIe function (meaningless otherwise). */
static inline int pci_pcie_type(const struct pci_dev *dev)
{
	return (dev->pcie_flags_reg & PCI_EXP_FLAGS_TYPE) >> 4;
}

/*
 * Turn on I/O and memory decoding for the BARs dev has (COMMAND bits
 * 0 and 1), counting calls: 0, or a PCIBIOS error as an errno.
 * pci_disable_device() undoes one call; the last one clears bus
 * mastering (decoding stays on, as in Linux).
 */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);

static inline bool pci_is_enabled(struct pci_dev *dev)
{
	return atomic_read(&dev->enable_cnt) > 0;
}

/*
 * Let dev start transactions of its own: DMA to memory, and MSI (which
 * is a memory write).  COMMAND bit 2.  Before it, the device only
 * answers the CPU's accesses to its BARs.
 */
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);

/* ---- Mapping BARs (drivers/pci/iomap.c) ---- */

/*
 * A cookie for ioread32() and friends covering BAR bar of dev (at most
 * maxlen bytes; 0: all of it): a memory BAR is ioremap()ed uncached, an
 * I/O BAR becomes a port cookie.  NULL (with a message) for a bad bar,
 * an unimplemented or unassigned BAR, or no address space left.
 * Memory BARs also work with readl()/writel().
 */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

/* ---- Finding devices (drivers/pci/search.c) ---- */

/*
 * The next device after from (NULL: the first) matching vendor and
 * device (PCI_ANY_ID matches all), in enumeration order, with a
 * reference taken; the reference on from is dropped.  NULL at the end.
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
/* The device at bus number busnr, devfn (domain 0), referenced; or NULL. */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int busnr,
					    unsigned int devfn);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
/* Drop a reference (NULL is allowed); the last one frees dev. */
void pci_dev_put(struct pci_dev *dev);

/* Every device, with a reference held on the current one. */
#define for_each_pci_dev(d) \
	while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

/* ---- Drivers (drivers/pci/pci-driver.c) ---- */

/* An id table entry for one vendor and device, any subsystem. */
#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
/* An entry matching a class code under a mask. */
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)			\
	.class = (dev_class), .class_mask = (dev_class_mask),		\
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,			\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

/*
 * probe() is called for each matching device that has no driver, with
 * the id table entry it matched: 0 binds the device, an error leaves it
 * unbound.  remove() undoes a successful probe.  Both run under the
 * driver core's mutex, so they may sleep but must not register or
 * unregister a PCI driver.
 */
struct pci_driver {
	struct list_head node;		/* in the driver list (D) */
	const char *name;
	const struct pci_device_id *id_table;	/* ends with a zero entry */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;	/* its name, for dev_printk */
};

/* Register drv and probe every matching unbound device: 0. */
int pci_register_driver(struct pci_driver *drv);
/* Call remove() on every device drv is bound to, and forget drv. */
void pci_unregister_driver(struct pci_driver *drv);
/* The entry of ids that dev matches, or NULL. */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

static inline struct pci_driver *pci_dev_driver(const struct pci_dev *dev)
{
	return dev->driver;
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* ---- Interrupts: MSI, MSI-X, INTx (drivers/pci/msi.c) ---- */

#define PCI_IRQ_LEGACY	(1 << 0)	/* INTx, through the IOAPIC */
#define PCI_IRQ_MSI	(1 << 1)
#define PCI_IRQ_MSIX	(1 << 2)
#define PCI_IRQ_ALL_TYPES (PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

/*
 * Between min_vecs and max_vecs interrupts for dev, of the first kind
 * flags allows that works, tried in the order MSI-X, MSI, INTx: the
 * number given, or -EINVAL (bad counts), -EBUSY (it has some already),
 * -ENOSPC (none of the kinds can give min_vecs).  MSI gives one vector
 * (no interrupt remapping); INTx one, level triggered and perhaps
 * shared.  pci_irq_vector() is the irq of vector nr, for request_irq().
 */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
/* Back to INTx; the driver has freed the irqs first. */
void pci_free_irq_vectors(struct pci_dev *dev);
/* Mask or unmask MSI vector 0, where the capability has mask bits. */
void pci_msi_mask(struct pci_dev *dev, bool mask);
/* False after pci=nomsi: every device uses INTx. */
bool pci_msi_enabled(void);
void pci_no_msi(void);

#define pci_err(pdev, fmt, ...)	dev_err(&(pdev)->dev, fmt, ##__VA_ARGS__)
#define pci_warn(pdev, fmt, ...) dev_warn(&(pdev)->dev, fmt, ##__VA_ARGS__)
#define pci_info(pdev, fmt, ...) dev_info(&(pdev)->dev, fmt, ##__VA_ARGS__)

#endif
