/*
 * The "PCI-MSI" irq_chip: IRQ numbers and vectors for message-signalled
 * interrupts, and the x86 message that raises each (linux/msi.h for the
 * interface, asm/msidef.h for the message's layout).
 *
 * MSI IRQs are numbered from the first above the IOAPICs' GSIs (and
 * above the ISA IRQs), lowest free first.  The chip has no startup,
 * shutdown or mask of its own: the vector is assigned at allocation
 * (the PCI layer needs the message before it enables the device) and
 * kept until irq_free_msi(), and masking is the device's business.
 *
 * Invariants: an IRQ of this chip has a vector from irq_alloc_msi() to
 * irq_free_msi(), and only an IRQ without actions is released.
 *
 * Locking: the descriptor's lock for everything here; vector_lock
 * nests inside it (irq_assign_vector()).
 */
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/msidef.h>
#include <asm/percpu.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/msi.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

/* Edge only: a message is an event, there is no line to stay asserted. */
static int msi_set_type(struct irq_desc *desc, unsigned int type)
{
	return type == IRQ_TYPE_EDGE_RISING ? 0 : -EINVAL;
}

static const struct irq_chip msi_chip = {
	.name = "PCI-MSI",
	.irq_set_type = msi_set_type,
};

/* desc->lock held: back to unused, without vector. */
static void msi_release(struct irq_desc *desc)
{
	irq_release_vector(desc);
	desc->chip = NULL;
}

static int msi_assign_vector(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&desc->lock, flags);
	ret = irq_assign_vector(desc);
	if (ret)
		msi_release(desc);
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

int irq_alloc_msi(void)
{
	unsigned int irq;

	for (irq = max(gsi_top, NR_IRQS_LEGACY); irq < NR_IRQS; irq++) {
		if (irq_desc_setup(irq, &msi_chip, NULL, 0,
				   IRQ_TYPE_EDGE_RISING))
			continue;	/* in use */
		if (msi_assign_vector(irq))
			return -ENOSPC;
		return irq;
	}
	return -ENOSPC;
}

void irq_free_msi(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	const char *why = NULL, *name = "";
	unsigned long flags;

	if (!desc) {
		WARN(1, "irq_free_msi: no IRQ %u\n", irq);
		return;
	}
	spin_lock_irqsave(&desc->lock, flags);
	if (desc->chip != &msi_chip) {
		why = "not an MSI";
	} else if (desc->action) {
		why = "still requested by ";
		name = desc->action->name;
	} else {
		msi_release(desc);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	WARN(why, "irq_free_msi: IRQ %u kept: %s%s\n", irq, why, name);
}

int irq_compose_msi_msg(unsigned int irq, struct msi_msg *msg)
{
	struct irq_desc *desc = irq_to_desc(irq);
	u32 dest = cpu_data[0].apic_id;
	unsigned long flags;
	int ret = 0;

	if (!desc || dest > 0xff)	/* 8 bits in the address */
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	if (desc->chip != &msi_chip || !desc->vector) {
		ret = -EINVAL;
	} else {
		msg->address_hi = MSI_ADDR_BASE_HI;
		msg->address_lo = MSI_ADDR_BASE_LO |
				  MSI_ADDR_DEST_MODE_PHYSICAL |
				  MSI_ADDR_REDIRECTION_CPU |
				  MSI_ADDR_DEST_ID(dest);
		msg->data = MSI_DATA_TRIGGER_EDGE | MSI_DATA_DELIVERY_FIXED |
			    MSI_DATA_VECTOR(desc->vector);
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}
