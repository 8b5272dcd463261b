/*
 * Device registers as drivers reach them (Linux's include/linux/io.h
 * with asm-generic/iomap.h): ioremap() for memory-mapped ones, and one
 * family of accessors, ioread32()/iowrite32() and friends, that work on
 * both kinds of cookie:
 *
 *   - an address ioremap() returned: an MMIO access (readl());
 *   - a port cookie ioport_map() returned, PIO_OFFSET + port: an IN or
 *     OUT on that port.
 *
 * So a driver that got its registers from pci_iomap() need not care
 * whether the BAR was I/O or memory.  A cookie below PIO_OFFSET is
 * neither (a NULL pointer, or a port number passed as a pointer): the
 * access is refused with a message, reads giving all ones.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <asm/io.h>
#include <linux/types.h>
#include <linux/vmalloc.h>

/* The cookie space of lib/iomap.c (Linux's x86 values) */
#define PIO_OFFSET	0x10000UL	/* cookie = PIO_OFFSET + port */
#define PIO_MASK	0x0ffffUL	/* the 64 Ki ports */
#define PIO_RESERVED	0x40000UL	/* cookies below are never MMIO */

/* A cookie for nr ports from port: NULL when they are not ports. */
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *addr);

static inline bool iomap_is_port(const void __iomem *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PIO_OFFSET && a < PIO_RESERVED;
}

u8 ioread8(const void __iomem *addr);
u16 ioread16(const void __iomem *addr);
u32 ioread32(const void __iomem *addr);
void iowrite8(u8 v, void __iomem *addr);
void iowrite16(u16 v, void __iomem *addr);
void iowrite32(u32 v, void __iomem *addr);

#endif
