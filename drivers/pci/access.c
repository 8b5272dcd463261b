/*
 * Configuration space accessors (Linux's drivers/pci/access.c): by bus
 * and devfn for enumeration, by struct pci_dev for everything else.
 * They check the register's alignment, then call the bus's pci_ops,
 * which for a root bus is the x86 mechanism chosen at boot
 * (arch/x86/pci/common.c).
 *
 * Invariants: a failed read stores all ones (PCI_SET_ERROR_RESPONSE in
 * Linux), the value an absent function reads as, so a caller that
 * ignores the return value still sees "nothing there"; a misaligned
 * access never reaches the ops.
 *
 * Locking: none here.  As on Linux/x86 (PCI_LOCKLESS_CONFIG), the
 * mechanism serialises itself where it must: type 1 under
 * pci_config_lock, ECAM needs none.  Callers doing a read-modify-write
 * of one register (the command register, a BAR while sizing it) must
 * own the device: its driver, or the enumeration at boot.
 */
#include <linux/pci.h>

#define PCI_byte_BAD	0
#define PCI_word_BAD	(where & 1)
#define PCI_dword_BAD	(where & 3)

#define PCI_OP_READ(size, type, len)					\
int pci_bus_read_config_##size(struct pci_bus *bus, unsigned int devfn,	\
			       int where, type *value)			\
{									\
	u32 data = ~0U;							\
	int res = PCIBIOS_BAD_REGISTER_NUMBER;				\
									\
	if (!PCI_##size##_BAD)						\
		res = bus->ops->read(bus, devfn, where, len, &data);	\
	*value = res ? (type)~0U : (type)data;				\
	return res;							\
}

#define PCI_OP_WRITE(size, type, len)					\
int pci_bus_write_config_##size(struct pci_bus *bus, unsigned int devfn, \
				int where, type value)			\
{									\
	if (PCI_##size##_BAD)						\
		return PCIBIOS_BAD_REGISTER_NUMBER;			\
	return bus->ops->write(bus, devfn, where, len, value);		\
}

PCI_OP_READ(byte, u8, 1)
PCI_OP_READ(word, u16, 2)
PCI_OP_READ(dword, u32, 4)
PCI_OP_WRITE(byte, u8, 1)
PCI_OP_WRITE(word, u16, 2)
PCI_OP_WRITE(dword, u32, 4)

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	return pci_bus_read_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	return pci_bus_read_config_word(dev->bus, dev->devfn, where, val);
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return pci_bus_read_config_dword(dev->bus, dev->devfn, where, val);
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return pci_bus_write_config_byte(dev->bus, dev->devfn, where, val);
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return pci_bus_write_config_word(dev->bus, dev->devfn, where, val);
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return pci_bus_write_config_dword(dev->bus, dev->devfn, where, val);
}
