/*
 * PCI configuration mechanism #1, "type 1" (PCI Local Bus
 * Specification 3.0, 3.2.2.3.2): the host bridge decodes a 32-bit
 * CONFIG_ADDRESS register at I/O port 0xCF8,
 *
 *   bit 31 enable | bits 23:16 bus | 15:8 devfn | 7:2 dword register
 *
 * and forwards accesses to CONFIG_DATA, ports 0xCFC-0xCFF, to that
 * dword of that function; a byte or word goes through 0xCFC + (reg & 3).
 * Only the first 256 bytes of a function are reachable this way.
 *
 * Locking: pci_config_lock, irqsave, around each address write and the
 * data access after it.  The two are separate instructions and
 * CONFIG_ADDRESS is one register for the whole machine: without the
 * lock, another CPU (or an interrupt handler on this one) could write
 * its own address in between and this access would hit the wrong
 * function.  It is the innermost lock of the PCI code.
 */
#include <asm/io.h>
#include <asm/pci_x86.h>
#include <linux/pci.h>
#include <linux/spinlock.h>

#define PCI_CONF1_ADDRESS_PORT	0xcf8
#define PCI_CONF1_DATA_PORT	0xcfc
#define PCI_CONF1_ENABLE	0x80000000U

#define PCI_CONF1_ADDRESS(bus, devfn, reg)				\
	(PCI_CONF1_ENABLE | (bus) << 16 | (devfn) << 8 | ((reg) & 0xfc))

static DEFINE_SPINLOCK(pci_config_lock);

static bool pci_conf1_args_ok(unsigned int domain, unsigned int bus,
			      unsigned int devfn, int reg, int len)
{
	return !domain && bus <= 255 && devfn <= 255 &&
	       pci_raw_reg_ok(reg, len, PCI_CFG_SPACE_SIZE);
}

static int pci_conf1_read(unsigned int domain, unsigned int bus,
			  unsigned int devfn, int reg, int len, u32 *value)
{
	u16 port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (!pci_conf1_args_ok(domain, bus, devfn, reg, len)) {
		*value = ~0U;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	if (len == 1)
		*value = inb(port);
	else if (len == 2)
		*value = inw(port);
	else
		*value = inl(port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return PCIBIOS_SUCCESSFUL;
}

static int pci_conf1_write(unsigned int domain, unsigned int bus,
			   unsigned int devfn, int reg, int len, u32 value)
{
	u16 port = PCI_CONF1_DATA_PORT + (reg & 3);
	unsigned long flags;

	if (!pci_conf1_args_ok(domain, bus, devfn, reg, len))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	if (len == 1)
		outb(value, port);
	else if (len == 2)
		outw(value, port);
	else
		outl(value, port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return PCIBIOS_SUCCESSFUL;
}

const struct pci_raw_ops pci_direct_conf1 = {
	.name = "type 1",
	.read = pci_conf1_read,
	.write = pci_conf1_write,
};

/*
 * Whether CONFIG_ADDRESS is there: it holds the enable bit written to
 * it, where nothing at port 0xCF8 would read back all ones.  The byte
 * written to 0xCFB first selects mechanism #1 on old chipsets that also
 * had mechanism #2 (Linux's pci_check_type1() does the same).
 */
bool pci_direct_probe(void)
{
	unsigned long flags;
	u32 saved;
	bool works;

	spin_lock_irqsave(&pci_config_lock, flags);
	outb(0x01, PCI_CONF1_ADDRESS_PORT + 3);
	saved = inl(PCI_CONF1_ADDRESS_PORT);
	outl(PCI_CONF1_ENABLE, PCI_CONF1_ADDRESS_PORT);
	works = inl(PCI_CONF1_ADDRESS_PORT) == PCI_CONF1_ENABLE;
	outl(saved, PCI_CONF1_ADDRESS_PORT);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return works;
}
