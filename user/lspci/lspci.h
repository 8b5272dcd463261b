/*
 * lspci: the shared declarations of its files (user/lspci/).
 *
 * main.c reads /proc/bus/pci (Linux's format: the devices file, one line
 * per function, and each function's configuration space in BB/DD.F),
 * filters and sorts the functions; show.c prints them as pciutils'
 * lspci does; names.c holds the few class and vendor names it knows.
 */
#ifndef LSPCI_H
#define LSPCI_H

#include <stddef.h>

#define CONFIG_SIZE	256	/* the conventional configuration space */
#define CONFIG_HEADER	64	/* the standard header every function has */
#define NR_RESOURCES	7	/* six BARs and the expansion ROM */

/* Configuration space registers (PCI Local Bus Specification 3.0, 6.1). */
#define PCI_VENDOR_ID		0x00
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define  PCI_COMMAND_VGA_PALETTE 0x20
#define  PCI_COMMAND_WAIT	0x80
#define  PCI_COMMAND_FAST_BACK	0x200
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x10
#define  PCI_STATUS_66MHZ	0x20
#define  PCI_STATUS_UDF		0x40
#define  PCI_STATUS_DEVSEL_SHIFT 9
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define PCI_BIST		0x0f
#define  PCI_BIST_CODE_MASK	0x0f
#define  PCI_BIST_START		0x40
#define  PCI_BIST_CAPABLE	0x80
#define PCI_BASE_ADDRESS_0	0x10
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_1M	0x02
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fULL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03ULL)
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define  PCI_ROM_ADDRESS_ENABLE	0x01
#define  PCI_ROM_ADDRESS_MASK	(~0x7ffULL)
#define PCI_CAPABILITY_LIST	0x34
/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_SEC_LATENCY_TIMER	0x1b
#define PCI_IO_BASE		0x1c
#define PCI_IO_LIMIT		0x1d
#define  PCI_IO_RANGE_TYPE_MASK	0x0f
#define  PCI_IO_RANGE_TYPE_16	0x00
#define  PCI_IO_RANGE_TYPE_32	0x01
#define PCI_MEMORY_BASE		0x20
#define PCI_MEMORY_LIMIT	0x22
#define  PCI_MEMORY_RANGE_TYPE_MASK 0x0f
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define  PCI_PREF_RANGE_TYPE_MASK 0x0f
#define  PCI_PREF_RANGE_TYPE_32	0x00
#define  PCI_PREF_RANGE_TYPE_64	0x01
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32
#define PCI_ROM_ADDRESS1	0x38
/* Capabilities (PCI 3.0, 6.7; each starts with an ID and a next pointer). */
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_EXP		0x10
#define PCI_CAP_ID_MSIX		0x11
#define PCI_MSI_FLAGS_ENABLE	0x0001
#define PCI_MSI_FLAGS_QMASK	0x000e
#define PCI_MSI_FLAGS_QSIZE	0x0070
#define PCI_MSI_FLAGS_64BIT	0x0080
#define PCI_MSI_FLAGS_MASK_BIT	0x0100
#define PCI_MSIX_TABSIZE	0x07ff
#define PCI_MSIX_MASK		0x4000
#define PCI_MSIX_ENABLE		0x8000
#define PCI_EXP_FLAGS_TYPE	0x00f0
#define PCI_EXP_FLAGS_SLOT	0x0100
#define PCI_EXP_FLAGS_IRQ	0x3e00

/* One function, from the devices file and its configuration file. */
struct pci_func {
	unsigned int bus, dev, func;
	unsigned int vendor, device;
	unsigned int irq;
	unsigned long long base[NR_RESOURCES];	/* address | flag bits */
	unsigned long long size[NR_RESOURCES];
	char driver[64];			/* "": none bound */
	unsigned char config[CONFIG_SIZE];
	size_t config_len;			/* bytes the file gave */
};

/* How to print (main.c's options). */
struct lspci_opts {
	int verbose;		/* -v */
	int numeric;		/* -n: 1 numbers, 2 names and numbers */
	int kernel;		/* -k */
};

/* show.c */
void show_func(const struct pci_func *f, const struct lspci_opts *o);

/* names.c: NULL when unknown. */
const char *pci_class_name(unsigned int cls);		/* 0xCCSS */
const char *pci_base_class_name(unsigned int base);	/* 0xCC */
const char *pci_vendor_name(unsigned int vendor);

/* Little-endian reads of the configuration space (0 past what was read). */
static inline unsigned int cfg_byte(const struct pci_func *f, size_t pos)
{
	return pos < f->config_len ? f->config[pos] : 0;
}

static inline unsigned int cfg_word(const struct pci_func *f, size_t pos)
{
	return cfg_byte(f, pos) | cfg_byte(f, pos + 1) << 8;
}

static inline unsigned int cfg_long(const struct pci_func *f, size_t pos)
{
	return cfg_word(f, pos) | (unsigned int)cfg_word(f, pos + 2) << 16;
}

#endif
