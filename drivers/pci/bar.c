/*
 * Base address registers: how big each of a device's windows is, and
 * where firmware put it (Linux's __pci_read_base() in probe.c).
 *
 * Sizing a BAR (PCI 3.0, 6.2.5.1): save it, write all ones, read back,
 * restore.  The device keeps the address bits it decodes and hard-wires
 * the others to zero, so the lowest address bit that reads back as one
 * is the size: 0xfff00000 from a 32-bit memory BAR means 1 MiB.  The
 * low bits are not address: bit 0 says I/O or memory, a memory BAR's
 * bits 2:1 its width (a 64-bit BAR takes the next register for the
 * upper half, sized the same way) and bit 3 prefetchable.  The ROM BAR
 * has its enable bit at bit 0, so it is sized with PCI_ROM_ADDRESS_MASK
 * to keep the ROM off.
 *
 * While its BARs hold all ones the device would answer at addresses it
 * does not own, so I/O and memory decoding are off during sizing (not
 * for host bridges, which some chipsets stop answering; as Linux).
 *
 * Invariants: an unused resource has flags 0; a used one has start
 * (the BAR's address, 0 when firmware left it unassigned) and end =
 * start + size - 1, and flags with IORESOURCE_IO or IORESOURCE_MEM plus
 * the BAR's own low bits (IORESOURCE_BITS).  A BAR reading back all
 * zeros is unimplemented and silently unused; one that claims to be
 * there but sizes to nothing, a 64-bit BAR with no register left for
 * its upper half, or all ones (a device gone) are unused and reported,
 * once, when the device is set up.
 *
 * Locking: none; only the enumeration (or a test on its own fake
 * device) sizes a device's BARs, before any driver owns it.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/printk.h>

#include "pci.h"

#define PCI_IO_SPACE_LIMIT	0xffffUL	/* x86 I/O ports */
#define PCI_COMMAND_DECODE_ENABLE (PCI_COMMAND_IO | PCI_COMMAND_MEMORY)

/* What was wrong with each BAR (or NULL), reported after sizing. */
struct pci_bar_problems {
	const char *why[PCI_NUM_RESOURCES];
};

/* The resource flags for the low bits of a BAR's value l. */
static unsigned long pci_decode_bar(u32 l)
{
	unsigned long flags;

	if ((l & PCI_BASE_ADDRESS_SPACE) == PCI_BASE_ADDRESS_SPACE_IO)
		return (l & ~PCI_BASE_ADDRESS_IO_MASK) | IORESOURCE_IO;
	flags = (l & ~PCI_BASE_ADDRESS_MEM_MASK) | IORESOURCE_MEM;
	if (l & PCI_BASE_ADDRESS_MEM_PREFETCH)
		flags |= IORESOURCE_PREFETCH;
	if ((l & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64)
		flags |= IORESOURCE_MEM_64;
	return flags;
}

/*
 * Write ones under mask into the register at pos and restore it: its
 * value in *l, what it read with the ones in *sz.
 */
static void pci_size_reg(struct pci_dev *dev, int pos, u32 mask, u32 *l,
			 u32 *sz)
{
	pci_read_config_dword(dev, pos, l);
	pci_write_config_dword(dev, pos, *l | mask);
	pci_read_config_dword(dev, pos, sz);
	pci_write_config_dword(dev, pos, *l);
}

/*
 * The size a BAR decodes, from its sized value maxbase under mask (the
 * address bits): the lowest address bit that stuck.  0 when none did.
 */
static u64 pci_size(u64 maxbase, u64 mask)
{
	u64 size = maxbase & mask;

	return size & ~(size - 1);
}

/*
 * Size the BAR at pos into res.  last: no register follows for a
 * 64-bit BAR's upper half.  Returns the registers it took (1 or 2, a
 * 64-bit BAR's upper half counted even when the BAR is unusable) and
 * sets *why when the BAR is unusable for a reason worth reporting.
 */
static int pci_read_base(struct pci_dev *dev, int pos, bool rom, bool last,
			 struct resource *res, const char **why)
{
	u32 l, sz, raw, mask = rom ? PCI_ROM_ADDRESS_MASK : ~0U;
	u64 l64, sz64, mask64;
	int regs = 1;

	pci_size_reg(dev, pos, mask, &l, &sz);
	if (sz == ~0U) {
		*why = "reads all ones";
		goto fail;
	}
	if (rom) {
		res->flags = IORESOURCE_MEM | IORESOURCE_PREFETCH |
			     IORESOURCE_READONLY | (l & IORESOURCE_ROM_ENABLE);
		mask64 = PCI_ROM_ADDRESS_MASK;
	} else {
		res->flags = pci_decode_bar(l);
		mask64 = res->flags & IORESOURCE_IO ?
			 PCI_BASE_ADDRESS_IO_MASK & PCI_IO_SPACE_LIMIT :
			 (u32)PCI_BASE_ADDRESS_MEM_MASK;
	}
	res->flags |= IORESOURCE_SIZEALIGN;
	raw = sz;
	l64 = l & mask64;
	sz64 = sz & mask64;
	if (res->flags & IORESOURCE_MEM_64) {
		if (last) {
			*why = "is 64-bit with no register for its upper half";
			goto fail;
		}
		regs = 2;
		pci_size_reg(dev, pos + 4, ~0U, &l, &sz);
		l64 |= (u64)l << 32;
		sz64 |= (u64)sz << 32;
		mask64 |= ~0ULL << 32;
	}
	if (!sz64) {
		if (raw)	/* type bits but no address bits */
			*why = "sizes to 0";
		goto fail;	/* else unimplemented: all zeros */
	}
	sz64 = pci_size(sz64, mask64);
	res->start = l64;
	res->end = l64 + sz64 - 1;
	res->name = pci_name(dev);
	if (!l64)
		res->flags |= IORESOURCE_UNSET;
	return regs;
fail:
	res->flags = 0;
	return regs;
}

static void pci_report_bars(struct pci_dev *dev,
			    const struct pci_bar_problems *p)
{
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		if (!p->why[i])
			continue;
		if (i == PCI_ROM_RESOURCE)
			pr_warn("%s ROM BAR %s, ignored\n", pci_name(dev),
				p->why[i]);
		else
			pr_warn("%s BAR%d %s, ignored\n", pci_name(dev), i,
				p->why[i]);
	}
}

void pci_read_bases(struct pci_dev *dev, unsigned int howmany, int rom)
{
	struct pci_bar_problems problems = { };
	bool host = dev->class >> 8 == PCI_CLASS_BRIDGE_HOST;
	unsigned int i;
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (!host && (cmd & PCI_COMMAND_DECODE_ENABLE))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~PCI_COMMAND_DECODE_ENABLE);
	for (i = 0; i < howmany; )
		i += pci_read_base(dev, PCI_BASE_ADDRESS_0 + 4 * i, false,
				   i + 1 == howmany, &dev->resource[i],
				   &problems.why[i]);
	if (rom)
		pci_read_base(dev, rom, true, true,
			      &dev->resource[PCI_ROM_RESOURCE],
			      &problems.why[PCI_ROM_RESOURCE]);
	if (!host && (cmd & PCI_COMMAND_DECODE_ENABLE))
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	pci_report_bars(dev, &problems);
}

/* "4 KiB", "1 MiB": size in the largest unit that divides it. */
static size_t pci_format_size(char *buf, size_t size, u64 bytes)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned int u = 0;

	while (u + 1 < ARRAY_SIZE(units) && bytes >= 1024 && !(bytes % 1024)) {
		bytes /= 1024;
		u++;
	}
	return scnprintf(buf, size, "%llu %s", bytes, units[u]);
}

size_t pci_describe_bars(const struct pci_dev *dev, char *buf, size_t size)
{
	const struct resource *res;
	size_t len = 0;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		res = &dev->resource[i];
		if (!res->flags)
			continue;
		if (i == PCI_ROM_RESOURCE)
			len += scnprintf(buf + len, size - len, " ROM");
		else
			len += scnprintf(buf + len, size - len, " BAR%d", i);
		len += scnprintf(buf + len, size - len, " %s%s%s %#llx (",
				 res->flags & IORESOURCE_IO ? "io" : "mem",
				 res->flags & IORESOURCE_MEM_64 ? "64" : "",
				 res->flags & IORESOURCE_PREFETCH ? " pref" : "",
				 (unsigned long long)res->start);
		len += pci_format_size(buf + len, size - len,
				       resource_size(res));
		len += scnprintf(buf + len, size - len, ")");
	}
	return len;
}
