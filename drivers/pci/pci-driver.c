/*
 * PCI drivers (Linux's drivers/pci/pci-driver.c with the parts of the
 * driver core it relies on): matching devices against a driver's id
 * table, calling probe() and remove(), and keeping who is bound to whom.
 *
 * A device is bound to at most one driver.  pci_register_driver()
 * offers every device that has none to the new driver; a device added
 * later (there are none after boot, but the order of initcalls does not
 * matter this way) is offered to every registered driver in turn.  As
 * in Linux, dev->driver is set before probe() runs and cleared again if
 * it fails, and a failing probe() is logged once per device and attempt
 * and leaves the device unbound for another driver.
 * pci_unregister_driver() calls remove() on each device the driver has
 * and unbinds it.
 *
 * Invariants: dev->driver is NULL or a registered driver, and
 * dev->dev.driver is &dev->driver->driver or NULL accordingly; a
 * device's drvdata is NULL whenever it has no driver.
 *
 * Locking: pci_driver_mutex protects the driver list and every
 * device's binding, and is held across probe() and remove(), so that a
 * device is never probed by two drivers at once nor removed while
 * being probed (Linux holds the device's lock for the same reason).
 * It is taken outside everything else in drivers/pci/.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/bug.h>
#include <linux/dma-mapping.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/printk.h>

#include "pci.h"

DEFINE_MUTEX(pci_driver_mutex);
static LIST_HEAD(pci_drivers);		/* pci_driver_mutex */

static bool pci_match_one_device(const struct pci_device_id *id,
				 const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID ||
		id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID ||
		id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	if (!ids)
		return NULL;
	for (; ids->vendor || ids->subvendor || ids->class_mask; ids++)
		if (pci_match_one_device(ids, dev))
			return ids;
	return NULL;
}

static void pci_set_driver(struct pci_dev *dev, struct pci_driver *drv)
{
	dev->driver = drv;
	dev->dev.driver = drv ? &drv->driver : NULL;
	if (!drv)
		pci_set_drvdata(dev, NULL);
}

/* Offer dev to drv (dev has no driver): true when drv took it. */
static bool pci_try_bind(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, dev);
	int ret;

	WARN_ON_ONCE(!mutex_is_locked(&pci_driver_mutex));
	if (!id || !drv->probe)
		return false;
	pci_set_driver(dev, drv);
	ret = drv->probe(dev, id);
	if (!ret)
		return true;
	pci_set_driver(dev, NULL);
	pr_warn("%s: probe of %s failed with error %d\n", drv->name,
		pci_name(dev), ret);
	return false;
}

static void pci_unbind(struct pci_dev *dev)
{
	struct pci_driver *drv = dev->driver;

	if (drv->remove)
		drv->remove(dev);
	dma_debug_device_release(&dev->dev);	/* mappings left: a report */
	pci_set_driver(dev, NULL);
}

int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	drv->driver.name = drv->name;
	mutex_lock(&pci_driver_mutex);
	list_add_tail(&drv->node, &pci_drivers);
	for_each_pci_dev(dev)
		if (!dev->driver)
			pci_try_bind(drv, dev);
	mutex_unlock(&pci_driver_mutex);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	mutex_lock(&pci_driver_mutex);
	for_each_pci_dev(dev)
		if (dev->driver == drv)
			pci_unbind(dev);
	list_del(&drv->node);
	mutex_unlock(&pci_driver_mutex);
}

void pci_device_release_driver(struct pci_dev *dev)
{
	mutex_lock(&pci_driver_mutex);
	if (dev->driver)
		pci_unbind(dev);
	mutex_unlock(&pci_driver_mutex);
}

void pci_device_attach(struct pci_dev *dev)
{
	struct pci_driver *drv;

	mutex_lock(&pci_driver_mutex);
	list_for_each_entry(drv, &pci_drivers, node)
		if (pci_try_bind(drv, dev))
			break;
	mutex_unlock(&pci_driver_mutex);
}
