/*
 * Finding devices and buses (Linux's drivers/pci/search.c), and the
 * reference counts that keep a found device alive.
 *
 * pci_devices holds every device in enumeration order (bus 0's, then
 * each bus behind a bridge in turn), and holds one reference on each.
 * Devices are never removed (no hot-plug), so the references taken by
 * pci_get_device() only matter for devices the tests make and free;
 * they are counted anyway so that driver code written against this
 * interface is correct on Linux too.
 *
 * Locking: none.  The device list and the bus tree are written only by
 * the enumeration, once, in the initcall thread before any driver or
 * test runs, and are constant after (the initcall and thread-start
 * paths order those writes before every later reader).  A lock taken
 * here would protect nothing.
 */
#include <linux/pci.h>
#include <linux/slab.h>

#include "pci.h"

LIST_HEAD(pci_devices);
LIST_HEAD(pci_root_buses);

struct pci_dev *pci_dev_get(struct pci_dev *dev)
{
	if (dev)
		refcount_inc(&dev->ref);
	return dev;
}

void pci_dev_put(struct pci_dev *dev)
{
	if (dev && refcount_dec_and_test(&dev->ref))
		kfree(dev);
}

static bool pci_id_matches(const struct pci_dev *dev, unsigned int vendor,
			   unsigned int device)
{
	return (vendor == PCI_ANY_ID || vendor == dev->vendor) &&
	       (device == PCI_ANY_ID || device == dev->device);
}

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct list_head *pos = from ? &from->global_list : &pci_devices;
	struct pci_dev *dev, *found = NULL;

	if (from && list_empty(&from->global_list))
		pos = pci_devices.prev;		/* not on the list: the end */
	for (pos = pos->next; pos != &pci_devices; pos = pos->next) {
		dev = list_entry(pos, struct pci_dev, global_list);
		if (pci_id_matches(dev, vendor, device)) {
			found = pci_dev_get(dev);
			break;
		}
	}
	pci_dev_put(from);
	return found;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int busnr,
					    unsigned int devfn)
{
	struct pci_dev *dev;

	list_for_each_entry(dev, &pci_devices, global_list)
		if (pci_domain_nr(dev->bus) == domain &&
		    dev->bus->number == busnr && dev->devfn == devfn)
			return pci_dev_get(dev);
	return NULL;
}

static struct pci_bus *pci_do_find_bus(struct pci_bus *bus, int busnr)
{
	struct pci_bus *child, *found;

	if (bus->number == busnr)
		return bus;
	list_for_each_entry(child, &bus->children, node) {
		found = pci_do_find_bus(child, busnr);
		if (found)
			return found;
	}
	return NULL;
}

struct pci_bus *pci_find_bus(int domain, int busnr)
{
	struct pci_bus *bus, *found;

	list_for_each_entry(bus, &pci_root_buses, node) {
		if (pci_domain_nr(bus) != domain)
			continue;
		found = pci_do_find_bus(bus, busnr);
		if (found)
			return found;
	}
	return NULL;
}
