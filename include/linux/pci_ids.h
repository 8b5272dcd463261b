/*
 * PCI class codes this kernel names (Linux's include/linux/pci_ids.h,
 * values from the PCI Code and ID Assignment Specification): base
 * class << 8 | sub-class, that is struct pci_dev's class >> 8.
 */
#ifndef _LINUX_PCI_IDS_H
#define _LINUX_PCI_IDS_H

#define PCI_CLASS_NOT_DEFINED		0x0000
#define PCI_CLASS_STORAGE_IDE		0x0101
#define PCI_CLASS_STORAGE_SATA		0x0106
#define PCI_CLASS_NETWORK_ETHERNET	0x0200
#define PCI_CLASS_DISPLAY_VGA		0x0300
#define PCI_CLASS_BRIDGE_HOST		0x0600
#define PCI_CLASS_BRIDGE_ISA		0x0601
#define PCI_CLASS_BRIDGE_PCI		0x0604
#define PCI_CLASS_BRIDGE_CARDBUS	0x0607
#define PCI_CLASS_BRIDGE_OTHER		0x0680
#define PCI_CLASS_SERIAL_SMBUS		0x0c05
#define PCI_CLASS_OTHERS		0xff	/* a base class alone */

#endif
