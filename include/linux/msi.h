/*
 * Message Signalled Interrupts: the part below the PCI layer
 * (arch/x86/kernel/msi.c).
 *
 * A device with MSI interrupts by writing a data word to an address,
 * both programmed into its MSI capability by the PCI layer; the
 * chipset turns the write into an interrupt message to a local APIC,
 * with no IOAPIC and no shared line.  This layer hands out the IRQ
 * number and the vector, and says what message makes that vector: the
 * PCI layer writes msi_msg into the capability (address_lo at offset 4,
 * address_hi at 8 for a 64-bit capability, data at 8 or 12), then
 * enables MSI and calls request_irq() on the IRQ as usual.
 *
 *	irq = irq_alloc_msi();			IRQ 24, vector 0x21
 *	irq_compose_msi_msg(irq, &msg);		0xfee00000, 0, 0x0021
 *	(write msg into the capability, set its MSI enable bit)
 *	request_irq(irq, edu_irq, 0, "edu", edu);
 *	...
 *	free_irq(irq, edu);
 *	(clear MSI enable)
 *	irq_free_msi(irq);
 *
 * An MSI is edge triggered, never shared by two devices, and cannot be
 * masked here: a device's own per-vector mask bits (if its capability
 * has them) or its MSI enable bit are the PCI layer's.  An MSI IRQ
 * keeps its vector from allocation to release, delivered to the boot
 * CPU like the IOAPIC's lines.  Linux allocates MSIs per device through
 * an irq_domain (pci_alloc_irq_vectors()) and can move them between
 * CPUs by rewriting the message.
 */
#ifndef _LINUX_MSI_H
#define _LINUX_MSI_H

#include <linux/types.h>

struct msi_msg {
	u32 address_lo;		/* low 32 bits of the address */
	u32 address_hi;		/* high 32 bits (0 on x86 without remapping) */
	u32 data;		/* the data word (16 bits used) */
};

/*
 * A new IRQ number above the IOAPIC's (chip "PCI-MSI"), with a vector
 * of its own; or -ENOSPC when no IRQ number or no vector is free.
 */
int irq_alloc_msi(void);

/*
 * Give an MSI IRQ back, vector and number; the device must no longer
 * send it.  An IRQ that is not an MSI, or still has actions (free_irq()
 * them first), gets a warning and is left as it is.
 */
void irq_free_msi(unsigned int irq);

/*
 * The message that raises irq: address 0xFEE00000 | the boot CPU's APIC
 * id << 12 (physical destination mode), address_hi 0, data the IRQ's
 * vector (fixed delivery, edge).  0, or -EINVAL (msg untouched) for an
 * IRQ that is not an allocated MSI, or a destination that does not fit
 * the address's 8 bits.
 */
int irq_compose_msi_msg(unsigned int irq, struct msi_msg *msg);

#endif
