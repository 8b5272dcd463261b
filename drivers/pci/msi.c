/*
 * Interrupts of PCI devices: MSI, MSI-X and the INTx fallback, behind
 * Linux's pci_alloc_irq_vectors() / pci_irq_vector() /
 * pci_free_irq_vectors().
 *
 * INTx is a wire: the device pulls its interrupt pin (A-D, config 0x3D)
 * low until its driver quiets it; boards route the pins to interrupt
 * controller inputs, and the firmware writes the input it chose into
 * config 0x3C.  The line may be shared, so it is level triggered and
 * every handler on it must check its own device.
 *
 * MSI makes an interrupt a memory write: the device writes a data word
 * to an address the kernel gave it, and on x86 that address (0xFEE.....)
 * is the local APICs', which turn the data into a vector (see
 * irq_compose_msi_msg()).  No wire, no sharing, no IOAPIC.  The MSI
 * capability holds one address/data pair; a device may ask for up to 32
 * vectors, but they must be consecutive and aligned, which x86 can only
 * give with interrupt remapping, so here (as in Linux without an IOMMU)
 * MSI means one vector.  With the capability's per-vector mask bits the
 * vector is masked while it is being set up or taken down.
 *
 * MSI-X keeps a table of address/data/mask entries in one of the
 * device's BARs, one per vector, each with its own irq.
 *
 * pci=nomsi on the command line makes every device use INTx.
 *
 * Invariants: dev->msi_enabled and dev->msix_enabled are never both set;
 * while either is, dev->irq is the first MSI irq and dev->intx_irq
 * keeps the line; INTx is disabled in the command register while MSI is
 * on.  Locking: the driver owning the device calls these from probe and
 * remove, never concurrently for one device.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

static bool pci_msi_disable;	/* pci=nomsi, set before any driver runs */

void pci_no_msi(void)
{
	pci_msi_disable = true;
}

bool pci_msi_enabled(void)
{
	return !pci_msi_disable;
}

/* Command register bit 10: the device must not assert INTx. */
static void pci_intx(struct pci_dev *dev, bool enable)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = enable ? cmd & ~PCI_COMMAND_INTX_DISABLE :
		       cmd | PCI_COMMAND_INTX_DISABLE;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/* ---- MSI ---- */

static bool msi_64bit(struct pci_dev *dev)
{
	u16 flags;

	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	return flags & PCI_MSI_FLAGS_64BIT;
}

static unsigned int msi_mask_reg(struct pci_dev *dev)
{
	return dev->msi_cap + (msi_64bit(dev) ? PCI_MSI_MASK_64 :
						PCI_MSI_MASK_32);
}

static bool msi_maskable(struct pci_dev *dev)
{
	u16 flags;

	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	return flags & PCI_MSI_FLAGS_MASKBIT;
}

/* Mask or unmask vector 0 when the capability can; no-op otherwise. */
void pci_msi_mask(struct pci_dev *dev, bool mask)
{
	if (dev->msi_cap && msi_maskable(dev))
		pci_write_config_dword(dev, msi_mask_reg(dev), mask ? 1 : 0);
}

static void msi_write_msg(struct pci_dev *dev, const struct msi_msg *msg)
{
	unsigned int cap = dev->msi_cap;

	pci_write_config_dword(dev, cap + PCI_MSI_ADDRESS_LO, msg->address_lo);
	if (msi_64bit(dev)) {
		pci_write_config_dword(dev, cap + PCI_MSI_ADDRESS_HI,
				       msg->address_hi);
		pci_write_config_word(dev, cap + PCI_MSI_DATA_64, msg->data);
	} else {
		pci_write_config_word(dev, cap + PCI_MSI_DATA_32, msg->data);
	}
}

static void msi_set_enable(struct pci_dev *dev, bool enable)
{
	u16 flags;

	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	flags &= ~(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE);
	if (enable)
		flags |= PCI_MSI_FLAGS_ENABLE;	/* QSIZE 0: one vector */
	pci_write_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, flags);
}

static int msi_capability_init(struct pci_dev *dev)
{
	struct msi_msg msg;
	u16 flags;
	int irq = irq_alloc_msi();

	if (irq < 0)
		return irq;
	if (irq_compose_msi_msg(irq, &msg)) {
		irq_free_msi(irq);
		return -EINVAL;
	}
	pci_msi_mask(dev, true);
	msi_write_msg(dev, &msg);
	msi_set_enable(dev, true);
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	if (!(flags & PCI_MSI_FLAGS_ENABLE)) {
		pci_warn(dev, "MSI enable bit does not stick; using INTx\n");
		irq_free_msi(irq);
		return -EIO;
	}
	pci_intx(dev, false);
	pci_msi_mask(dev, false);
	dev->intx_irq = dev->irq;
	dev->irq = irq;
	dev->msi_enabled = 1;
	return 1;
}

static void msi_shutdown(struct pci_dev *dev)
{
	pci_msi_mask(dev, true);
	msi_set_enable(dev, false);
	pci_intx(dev, true);
	irq_free_msi(dev->irq);
	dev->irq = dev->intx_irq;
	dev->msi_enabled = 0;
}

/* ---- MSI-X ---- */

static u16 msix_table_size(struct pci_dev *dev)
{
	u16 control;

	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &control);
	return (control & PCI_MSIX_FLAGS_QSIZE) + 1;
}

/* Map the vector table from the BAR the capability names. */
static void __iomem *msix_map_table(struct pci_dev *dev, unsigned int nr)
{
	u32 table;
	unsigned int bar;
	resource_size_t start;

	pci_read_config_dword(dev, dev->msix_cap + PCI_MSIX_TABLE, &table);
	bar = table & PCI_MSIX_TABLE_BIR;
	table &= PCI_MSIX_TABLE_OFFSET;
	if (bar >= PCI_STD_NUM_BARS ||
	    !(pci_resource_flags(dev, bar) & IORESOURCE_MEM) ||
	    table + nr * PCI_MSIX_ENTRY_SIZE > pci_resource_len(dev, bar)) {
		pci_warn(dev, "MSI-X table outside BAR %u\n", bar);
		return NULL;
	}
	start = pci_resource_start(dev, bar);
	return ioremap(start + table, nr * PCI_MSIX_ENTRY_SIZE);
}

static void msix_set_control(struct pci_dev *dev, u16 clear, u16 set)
{
	u16 control;

	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &control);
	control = (control & ~clear) | set;
	pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, control);
}

static void msix_write_entry(void __iomem *entry, const struct msi_msg *msg,
			     bool masked)
{
	iowrite32(msg->address_lo, entry + PCI_MSIX_ENTRY_LOWER_ADDR);
	iowrite32(msg->address_hi, entry + PCI_MSIX_ENTRY_UPPER_ADDR);
	iowrite32(msg->data, entry + PCI_MSIX_ENTRY_DATA);
	iowrite32(masked ? PCI_MSIX_ENTRY_CTRL_MASKBIT : 0,
		  entry + PCI_MSIX_ENTRY_VECTOR_CTRL);
}

static void msix_free_irqs(struct pci_dev *dev, unsigned int n)
{
	while (n--) {
		iowrite32(PCI_MSIX_ENTRY_CTRL_MASKBIT, dev->msix_table +
			  n * PCI_MSIX_ENTRY_SIZE + PCI_MSIX_ENTRY_VECTOR_CTRL);
		irq_free_msi(dev->msix_irqs[n]);
	}
}

/* n vectors, each its own irq; the function masked while it is set up. */
static int msix_capability_init(struct pci_dev *dev, unsigned int n)
{
	unsigned int i;

	dev->msix_irqs = kcalloc(n, sizeof(*dev->msix_irqs), GFP_KERNEL);
	dev->msix_table = msix_map_table(dev, n);
	if (!dev->msix_irqs || !dev->msix_table)
		goto fail;
	msix_set_control(dev, 0, PCI_MSIX_FLAGS_MASKALL | PCI_MSIX_FLAGS_ENABLE);
	for (i = 0; i < n; i++) {
		struct msi_msg msg;
		int irq = irq_alloc_msi();

		if (irq < 0) {
			msix_free_irqs(dev, i);
			msix_set_control(dev, PCI_MSIX_FLAGS_ENABLE, 0);
			goto fail;
		}
		dev->msix_irqs[i] = irq;
		irq_compose_msi_msg(irq, &msg);	/* cannot fail: irq is MSI */
		msix_write_entry(dev->msix_table + i * PCI_MSIX_ENTRY_SIZE,
				 &msg, false);
	}
	pci_intx(dev, false);
	msix_set_control(dev, PCI_MSIX_FLAGS_MASKALL, 0);
	dev->msix_nr = n;
	dev->intx_irq = dev->irq;
	dev->irq = dev->msix_irqs[0];
	dev->msix_enabled = 1;
	return n;

fail:
	if (dev->msix_table)
		iounmap(dev->msix_table);
	kfree(dev->msix_irqs);
	dev->msix_table = NULL;
	dev->msix_irqs = NULL;
	return -ENOMEM;
}

static void msix_shutdown(struct pci_dev *dev)
{
	msix_set_control(dev, 0, PCI_MSIX_FLAGS_MASKALL);
	msix_free_irqs(dev, dev->msix_nr);
	msix_set_control(dev, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL, 0);
	pci_intx(dev, true);
	iounmap(dev->msix_table);
	kfree(dev->msix_irqs);
	dev->msix_table = NULL;
	dev->msix_irqs = NULL;
	dev->msix_nr = 0;
	dev->irq = dev->intx_irq;
	dev->msix_enabled = 0;
}

/* ---- The interface drivers use ---- */

/* The firmware gave the function a usable line (0 and 0xff mean none). */
static bool pci_has_intx(struct pci_dev *dev)
{
	return dev->pin && dev->irq && dev->irq != 0xff;
}

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags)
{
	if (!min_vecs || min_vecs > max_vecs)
		return -EINVAL;
	if (dev->msi_enabled || dev->msix_enabled)
		return -EBUSY;
	if (pci_msi_enabled() && (flags & PCI_IRQ_MSIX) && dev->msix_cap) {
		unsigned int n = min(max_vecs,
				     (unsigned int)msix_table_size(dev));

		if (n >= min_vecs && msix_capability_init(dev, n) > 0)
			return n;
	}
	if (pci_msi_enabled() && (flags & PCI_IRQ_MSI) && dev->msi_cap &&
	    min_vecs == 1 && msi_capability_init(dev) > 0)
		return 1;
	if ((flags & PCI_IRQ_LEGACY) && min_vecs == 1 && pci_has_intx(dev)) {
		/* QEMU's PCI links are level, active high (their _CRS). */
		if (irq_set_irq_type(dev->irq, IRQ_TYPE_LEVEL_HIGH))
			return -ENOSPC;
		pci_intx(dev, true);
		return 1;
	}
	return -ENOSPC;
}

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	if (dev->msix_enabled)
		return nr < dev->msix_nr ? (int)dev->msix_irqs[nr] : -EINVAL;
	return nr == 0 ? (int)dev->irq : -EINVAL;
}

void pci_free_irq_vectors(struct pci_dev *dev)
{
	if (dev->msix_enabled)
		msix_shutdown(dev);
	else if (dev->msi_enabled)
		msi_shutdown(dev);
}
