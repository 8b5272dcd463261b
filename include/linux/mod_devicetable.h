/*
 * Device id tables drivers match devices against (Linux's
 * include/linux/mod_devicetable.h), here only PCI's.  A table ends with
 * an all-zero entry.
 */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID	(~0U)

/*
 * One line of a PCI driver's id table: a field equal to PCI_ANY_ID
 * matches anything; class is compared under class_mask (24-bit class
 * codes, as struct pci_dev's class).  driver_data is the driver's own.
 */
struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
	unsigned long driver_data;
};

#endif
