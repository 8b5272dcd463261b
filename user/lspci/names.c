/*
 * The names lspci knows without a pci.ids file: the standard class and
 * subclass names (as pci.ids spells them) and the vendors QEMU's
 * devices carry.  No device names: a function shows as "VENDOR Device
 * DDDD", or "Device VVVV:DDDD" for an unknown vendor, as pciutils'
 * lspci does for IDs its database lacks.
 */
#include <stddef.h>

#include "lspci.h"

struct name {
	unsigned int id;
	const char *name;
};

static const struct name base_classes[] = {
	{ 0x00, "Unclassified device" },
	{ 0x01, "Mass storage controller" },
	{ 0x02, "Network controller" },
	{ 0x03, "Display controller" },
	{ 0x04, "Multimedia controller" },
	{ 0x05, "Memory controller" },
	{ 0x06, "Bridge" },
	{ 0x07, "Communication controller" },
	{ 0x08, "Generic system peripheral" },
	{ 0x09, "Input device controller" },
	{ 0x0a, "Docking station" },
	{ 0x0b, "Processor" },
	{ 0x0c, "Serial bus controller" },
	{ 0x0d, "Wireless controller" },
	{ 0x0e, "Intelligent controller" },
	{ 0x0f, "Satellite communications controller" },
	{ 0x10, "Encryption controller" },
	{ 0x11, "Signal processing controller" },
	{ 0x12, "Processing accelerators" },
	{ 0x13, "Non-Essential Instrumentation" },
	{ 0x40, "Coprocessor" },
	{ 0xff, "Unassigned class" },
};

static const struct name classes[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0001, "VGA compatible unclassified device" },
	{ 0x0005, "Image coprocessor" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0102, "Floppy disk controller" },
	{ 0x0104, "RAID bus controller" },
	{ 0x0105, "ATA controller" },
	{ 0x0106, "SATA controller" },
	{ 0x0107, "Serial Attached SCSI controller" },
	{ 0x0108, "Non-Volatile memory controller" },
	{ 0x0180, "Mass storage controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0301, "XGA compatible controller" },
	{ 0x0302, "3D controller" },
	{ 0x0380, "Display controller" },
	{ 0x0400, "Multimedia video controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0403, "Audio device" },
	{ 0x0480, "Multimedia controller" },
	{ 0x0500, "RAM memory" },
	{ 0x0501, "FLASH memory" },
	{ 0x0580, "Memory controller" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0602, "EISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0605, "PCMCIA bridge" },
	{ 0x0607, "CardBus bridge" },
	{ 0x0609, "Semi-transparent PCI-to-PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0700, "Serial controller" },
	{ 0x0701, "Parallel controller" },
	{ 0x0702, "Multiport serial controller" },
	{ 0x0703, "Modem" },
	{ 0x0780, "Communication controller" },
	{ 0x0800, "PIC" },
	{ 0x0801, "DMA controller" },
	{ 0x0802, "Timer" },
	{ 0x0803, "RTC" },
	{ 0x0805, "SD Host controller" },
	{ 0x0806, "IOMMU" },
	{ 0x0880, "System peripheral" },
	{ 0x0900, "Keyboard controller" },
	{ 0x0902, "Mouse controller" },
	{ 0x0980, "Input device controller" },
	{ 0x0c00, "FireWire (IEEE 1394)" },
	{ 0x0c03, "USB controller" },
	{ 0x0c04, "Fibre Channel" },
	{ 0x0c05, "SMBus" },
	{ 0x0c07, "IPMI Interface" },
	{ 0x1000, "Network and computing encryption device" },
	{ 0x1080, "Encryption controller" },
};

static const struct name vendors[] = {
	{ 0x1013, "Cirrus Logic" },
	{ 0x10ec, "Realtek Semiconductor Co., Ltd." },
	{ 0x1af4, "Red Hat, Inc." },
	{ 0x1b36, "Red Hat, Inc." },
	{ 0x8086, "Intel Corporation" },
};

static const char *lookup(const struct name *t, size_t n, unsigned int id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].id == id)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, id)	lookup(t, sizeof(t) / sizeof(t[0]), id)

const char *pci_class_name(unsigned int cls)
{
	return LOOKUP(classes, cls);
}

const char *pci_base_class_name(unsigned int base)
{
	return LOOKUP(base_classes, base);
}

const char *pci_vendor_name(unsigned int vendor)
{
	return LOOKUP(vendors, vendor);
}
