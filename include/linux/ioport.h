/*
 * Resources: ranges of an address space a device decodes (Linux's
 * include/linux/ioport.h), here only as PCI fills them in for its BARs
 * (drivers/pci/probe.c).  start and end are inclusive; an unused slot
 * has flags 0.  The low byte of flags holds bus-specific bits: for a PCI
 * BAR, the BAR's own low bits (I/O space, memory type, prefetchable),
 * which /proc/bus/pci/devices prints beside each start.
 *
 * Linux also arranges resources in trees (iomem_resource, with
 * request_mem_region() marking a range busy); none of that is built.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end;		/* inclusive */
	const char *name;
	unsigned long flags;		/* IORESOURCE_* */
};

#define IORESOURCE_BITS		0x000000ff	/* bus-specific bits */

#define IORESOURCE_TYPE_BITS	0x00001f00	/* the address space: */
#define IORESOURCE_IO		0x00000100	/* I/O ports */
#define IORESOURCE_MEM		0x00000200	/* memory */
#define IORESOURCE_REG		0x00000300
#define IORESOURCE_IRQ		0x00000400
#define IORESOURCE_DMA		0x00000800
#define IORESOURCE_BUS		0x00001000

#define IORESOURCE_PREFETCH	0x00002000	/* reads have no side effects */
#define IORESOURCE_READONLY	0x00004000
#define IORESOURCE_SIZEALIGN	0x00040000	/* size is also the alignment */
#define IORESOURCE_MEM_64	0x00100000	/* a 64-bit BAR */
#define IORESOURCE_UNSET	0x20000000	/* no address assigned yet */

/* PCI ROM control bits (IORESOURCE_BITS) */
#define IORESOURCE_ROM_ENABLE	(1 << 0)	/* as PCI_ROM_ADDRESS_ENABLE */

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & IORESOURCE_TYPE_BITS;
}

#endif
