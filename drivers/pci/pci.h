/*
 * What the files of drivers/pci/ share and nothing else needs (Linux's
 * drivers/pci/pci.h).  The tests (pci_test.c) use it to build devices
 * on a fake bus: pci_alloc_dev() and pci_setup_device() read a
 * function's header, BARs and capabilities through bus->ops, whatever
 * those are, without adding it anywhere.
 */
#ifndef _DRIVERS_PCI_PCI_H
#define _DRIVERS_PCI_PCI_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pci.h>

/*
 * Every device, in the order enumeration added them (search.c).
 * Written only by the enumeration at boot, before any reader exists;
 * constant after.  Likewise the root buses.
 */
extern struct list_head pci_devices;
extern struct list_head pci_root_buses;

/* A zeroed pci_dev on bus with one reference, or NULL (probe.c). */
struct pci_dev *pci_alloc_dev(struct pci_bus *bus);
/*
 * Fill a new dev (bus, devfn, vendor and device set) from its config
 * space: header type, class, interrupt pin, capabilities, config size
 * and BARs.  0, or -EIO when the device cannot be used (it vanished,
 * or has an unknown header type), reported.
 */
int pci_setup_device(struct pci_dev *dev);
/* Whether a function answers at bus/devfn; its vendor/device dword. */
bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, unsigned int devfn,
				u32 *l);

/*
 * BARs (bar.c): size the first howmany BARs and, when rom is not 0, the
 * ROM BAR at that offset, into dev->resource[], with decoding off while
 * sizing.  Problems are reported once each, after decoding is back on.
 */
void pci_read_bases(struct pci_dev *dev, unsigned int howmany, int rom);
/* " BAR0 mem 0xfea00000 (1 MiB)" for each BAR into buf; its length. */
size_t pci_describe_bars(const struct pci_dev *dev, char *buf, size_t size);

/* The bus numbered busnr in domain, or NULL (search.c). */
struct pci_bus *pci_find_bus(int domain, int busnr);

/*
 * The driver core (pci-driver.c).  pci_driver_mutex guards every
 * device's binding (driver, dev.driver, drvdata) and the driver list;
 * probe() and remove() run under it.
 */
extern struct mutex pci_driver_mutex;
/* Offer a newly added dev to the registered drivers. */
void pci_device_attach(struct pci_dev *dev);
/* Unbind dev from its driver, if it has one (Linux: device_release_driver). */
void pci_device_release_driver(struct pci_dev *dev);

/* /proc/bus/pci/BB/DD.F for dev, once /proc/bus/pci exists (proc.c). */
int pci_proc_attach_device(struct pci_dev *dev);

#endif
