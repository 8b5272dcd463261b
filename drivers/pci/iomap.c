/*
 * pci_iomap(): a driver's way to its registers (Linux's
 * drivers/pci/iomap.c).  A memory BAR is mapped with ioremap(), which
 * maps device memory uncached (every access reaches the device, in
 * program order); an I/O BAR becomes a port cookie (lib/iomap.c).
 * Either way the driver then uses ioread32()/iowrite32(), or readl()/
 * writel() on a memory BAR.
 *
 * pci_iomap() does not enable the device: pci_enable_device() turns on
 * the decoding that makes the mapping answer.  Bad input (a BAR number
 * out of range, a BAR that is unimplemented or that firmware left
 * unassigned) gives NULL and a line saying which.
 *
 * Locking: none; ioremap() takes what it needs.
 */
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/printk.h>

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	resource_size_t start, len;
	unsigned long flags;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS) {
		dev_err(&dev->dev, "pci_iomap: no BAR %d\n", bar);
		return NULL;
	}
	start = pci_resource_start(dev, bar);
	len = pci_resource_len(dev, bar);
	flags = pci_resource_flags(dev, bar);
	if (!len || !start || (flags & IORESOURCE_UNSET)) {
		dev_err(&dev->dev, "pci_iomap: BAR %d is %s\n", bar,
			len ? "not assigned" : "not implemented");
		return NULL;
	}
	if (maxlen && len > maxlen)
		len = maxlen;
	if (flags & IORESOURCE_IO)
		return ioport_map(start, len);
	return ioremap(start, len);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	if (iomap_is_port(addr))
		ioport_unmap(addr);
	else if (addr)
		iounmap((void __force *)addr);
}
