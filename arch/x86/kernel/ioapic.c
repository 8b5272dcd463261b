/*
 * The I/O APICs, and the "IO-APIC" irq_chip for the IRQs of their pins.
 *
 * An IOAPIC has one input pin per interrupt line and a redirection entry
 * per pin that turns the line into a message to a local APIC: vector,
 * destination APIC id, edge or level trigger, active high or low, and a
 * mask bit.  Its registers sit behind a two-register window: write the
 * register number to IOREGSEL, then read or write IOWIN (82093AA data
 * sheet, section 3).  The ACPI MADT lists every IOAPIC with its address
 * and its first Global System Interrupt (GSI); pin p of an IOAPIC is GSI
 * gsi_base + p.
 *
 * Linux IRQ numbers for the pins: ISA IRQ n (0-15) arrives on GSI n,
 * edge triggered and active high, unless the MADT has an Interrupt
 * Source Override for it: on PCs and in QEMU the timer's IRQ 0 is wired
 * to pin 2 (pin 0 takes the 8259's output), and PCI-shared lines are
 * level triggered.  So GSI 2 is IRQ 0, and IRQ 2 and GSI 0 have no
 * partner.  Every other GSI is the IRQ of the same number, level
 * triggered and active high from 16 up (PCI's lines: QEMU's link
 * devices are active high; the ACPI _PRT, which this kernel does not
 * read, would say per line).  ioapic_init() sets up a descriptor for
 * each; the IRQs above the last GSI (gsi_top) are for MSI.
 *
 * Invariants: every pin is masked from ioapic_init() until its IRQ's
 * first action, and again after its last (the IRQ holds a vector in
 * between); a pin is unmasked only with a complete entry (the high
 * half, the destination, is written while the low half still says
 * masked).
 *
 * Locking: the chip's operations run under the IRQ's desc->lock.
 * ioapic_lock, taken inside it, makes each IOREGSEL/IOWIN pair (and
 * each read-modify-write of an entry) atomic against other CPUs and
 * other IRQs' operations.
 *
 * Modern Linux (arch/x86/kernel/apic/io_apic.c) builds an irq_domain
 * hierarchy: IRQ numbers map to IOAPIC pins, vectors are chosen per CPU
 * by a matrix allocator and can move between CPUs (affinity),
 * level-triggered interrupts get a careful EOI dance for old IOAPICs
 * (and a way to clear a Remote IRR bit left set), and with interrupt
 * remapping the entries hold indexes into the IOMMU's table rather than
 * raw vectors and APIC ids.
 */
#include <asm/i8259.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

#define IO_APIC_WINDOW_SIZE	0x20

/* MADT Interrupt Source Override flags (ACPI 6.x, table 5.50) */
#define ACPI_MADT_POLARITY_MASK		0x3
#define ACPI_MADT_POLARITY_ACTIVE_LOW	0x3
#define ACPI_MADT_TRIGGER_MASK		0xc
#define ACPI_MADT_TRIGGER_LEVEL		0xc

struct ioapic {
	volatile u32 *base;	/* IOREGSEL at +0x00, IOWIN at +0x10 */
	u8 id;
	u32 gsi_base;
	unsigned int nr_pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static int nr_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);
unsigned int gsi_top;

/* ---- register access; callers hold ioapic_lock ---- */

static u32 io_apic_read(struct ioapic *io, u32 reg)
{
	io->base[IO_APIC_REGSEL / 4] = reg;
	return io->base[IO_APIC_WIN / 4];
}

static void io_apic_write(struct ioapic *io, u32 reg, u32 value)
{
	io->base[IO_APIC_REGSEL / 4] = reg;
	io->base[IO_APIC_WIN / 4] = value;
}

/* The IOAPIC serving gsi, with *pin set; NULL if none does. */
static struct ioapic *gsi_to_ioapic(unsigned int gsi, unsigned int *pin)
{
	int i;

	for (i = 0; i < nr_ioapics; i++) {
		struct ioapic *io = &ioapics[i];

		if (gsi >= io->gsi_base && gsi - io->gsi_base < io->nr_pins) {
			*pin = gsi - io->gsi_base;
			return io;
		}
	}
	return NULL;
}

/* ---- ISA overrides and IRQ numbers ---- */

static const struct acpi_override *isa_irq_override(unsigned int isa_irq)
{
	int i;

	for (i = 0; i < acpi_info.nr_overrides; i++)
		if (acpi_info.overrides[i].bus == 0 &&
		    acpi_info.overrides[i].source == isa_irq)
			return &acpi_info.overrides[i];
	return NULL;
}

/*
 * "Conforms to the bus" (flag value 0) means ISA's own rules: edge
 * triggered, active high.
 */
unsigned int isa_irq_to_gsi(unsigned int isa_irq, bool *level,
			    bool *active_low)
{
	const struct acpi_override *ovr = isa_irq_override(isa_irq);

	*level = ovr && (ovr->flags & ACPI_MADT_TRIGGER_MASK) ==
			ACPI_MADT_TRIGGER_LEVEL;
	*active_low = ovr && (ovr->flags & ACPI_MADT_POLARITY_MASK) ==
			     ACPI_MADT_POLARITY_ACTIVE_LOW;
	return ovr ? ovr->gsi : isa_irq;
}

/* The ISA IRQ an override sends to gsi, or -1. */
static int gsi_override_source(unsigned int gsi)
{
	int i;

	for (i = 0; i < acpi_info.nr_overrides; i++) {
		const struct acpi_override *o = &acpi_info.overrides[i];

		if (o->bus == 0 && o->source < NR_IRQS_LEGACY && o->gsi == gsi)
			return o->source;
	}
	return -1;
}

/* The Linux IRQ of gsi, or -1 when the pin has none (GSI 0 on a PC). */
static int gsi_to_irq(unsigned int gsi)
{
	int isa = gsi_override_source(gsi);

	if (isa >= 0)
		return isa;
	if (gsi < NR_IRQS_LEGACY && isa_irq_override(gsi))
		return -1;		/* ISA IRQ gsi arrives elsewhere */
	return gsi;
}

static unsigned int irq_default_type(unsigned int irq)
{
	bool level, active_low;

	if (irq >= NR_IRQS_LEGACY)
		return IRQ_TYPE_LEVEL_HIGH;
	isa_irq_to_gsi(irq, &level, &active_low);
	if (level)
		return active_low ? IRQ_TYPE_LEVEL_LOW : IRQ_TYPE_LEVEL_HIGH;
	return active_low ? IRQ_TYPE_EDGE_FALLING : IRQ_TYPE_EDGE_RISING;
}

/* ---- the IO-APIC chip; desc->lock held in each ---- */

static u32 ioapic_entry_low(unsigned int vector, unsigned int type)
{
	u32 low = vector;

	if (type & IRQ_TYPE_LEVEL_MASK)
		low |= IO_APIC_REDIR_LEVEL_TRIGGER;
	if (type & (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_EDGE_FALLING))
		low |= IO_APIC_REDIR_ACTIVE_LOW;
	return low;
}

/*
 * Write desc's entry for type: fixed delivery, physical destination,
 * the boot CPU; unmasked unless masked.
 */
static void ioapic_write_route(struct irq_desc *desc, unsigned int type,
			       bool masked)
{
	struct ioapic *io = desc->chip_data;
	unsigned int pin = desc->hwirq;
	u32 low = ioapic_entry_low(desc->vector, type);
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	io_apic_write(io, IO_APIC_REDTBL(pin), low | IO_APIC_REDIR_MASKED);
	io_apic_write(io, IO_APIC_REDTBL(pin) + 1,
		      cpu_data[0].apic_id << IO_APIC_DEST_SHIFT);
	if (!masked)
		io_apic_write(io, IO_APIC_REDTBL(pin), low);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void ioapic_modify_mask(struct irq_desc *desc, bool masked)
{
	struct ioapic *io = desc->chip_data;
	unsigned int pin = desc->hwirq;
	unsigned long flags;
	u32 low;

	spin_lock_irqsave(&ioapic_lock, flags);
	low = io_apic_read(io, IO_APIC_REDTBL(pin)) & ~IO_APIC_REDIR_MASKED;
	io_apic_write(io, IO_APIC_REDTBL(pin),
		      low | (masked ? IO_APIC_REDIR_MASKED : 0));
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static int ioapic_startup(struct irq_desc *desc)
{
	int ret;

	if (cpu_data[0].apic_id > 0xff)		/* 8 bits in the entry */
		return -EINVAL;
	ret = irq_assign_vector(desc);
	if (ret)
		return ret;
	ioapic_write_route(desc, desc->trigger, false);
	return 0;
}

static void ioapic_shutdown(struct irq_desc *desc)
{
	ioapic_modify_mask(desc, true);
	irq_release_vector(desc);
}

static void ioapic_mask(struct irq_desc *desc)
{
	ioapic_modify_mask(desc, true);
}

static void ioapic_unmask(struct irq_desc *desc)
{
	ioapic_modify_mask(desc, false);
}

/* A started line takes the new type at once, keeping its mask. */
static int ioapic_set_type(struct irq_desc *desc, unsigned int type)
{
	if (desc->vector)
		ioapic_write_route(desc, type, desc->spurious_disabled);
	return 0;
}

static const struct irq_chip ioapic_chip = {
	.name = "IO-APIC",
	.irq_startup = ioapic_startup,
	.irq_shutdown = ioapic_shutdown,
	.irq_mask = ioapic_mask,
	.irq_unmask = ioapic_unmask,
	.irq_set_type = ioapic_set_type,
};

u32 ioapic_read_entry(unsigned int gsi)
{
	unsigned long flags;
	unsigned int pin;
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);
	u32 low;

	if (!io)
		return 0;
	spin_lock_irqsave(&ioapic_lock, flags);
	low = io_apic_read(io, IO_APIC_REDTBL(pin));
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return low;
}

/* ---- boot ---- */

static void ioapic_mask_all(struct ioapic *io)
{
	unsigned long flags;
	unsigned int pin;

	spin_lock_irqsave(&ioapic_lock, flags);
	for (pin = 0; pin < io->nr_pins; pin++) {
		io_apic_write(io, IO_APIC_REDTBL(pin), IO_APIC_REDIR_MASKED);
		io_apic_write(io, IO_APIC_REDTBL(pin) + 1, 0);
	}
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static int ioapic_setup_one(const struct acpi_ioapic *a)
{
	struct ioapic *io = &ioapics[nr_ioapics];
	u32 version;

	io->base = ioremap(a->address, IO_APIC_WINDOW_SIZE);
	if (!io->base)
		return -ENOMEM;
	io->id = a->id;
	io->gsi_base = a->gsi_base;
	/* No lock: no other CPU or interrupt can reach it yet. */
	version = io_apic_read(io, IO_APIC_VERSION);
	io->nr_pins = ((version >> 16) & 0xff) + 1;
	ioapic_mask_all(io);
	nr_ioapics++;
	gsi_top = max(gsi_top, io->gsi_base + io->nr_pins);
	pr_info("IOAPIC[%d]: id %u, version %#x, at %#x, GSI %u-%u, all "
		"pins masked\n", nr_ioapics - 1, io->id, version & 0xff,
		a->address, io->gsi_base, io->gsi_base + io->nr_pins - 1);
	return 0;
}

/* A descriptor for each pin that has an IRQ number; how many. */
static unsigned int ioapic_setup_irqs(struct ioapic *io)
{
	unsigned int pin, n = 0;
	int irq;

	for (pin = 0; pin < io->nr_pins; pin++) {
		irq = gsi_to_irq(io->gsi_base + pin);
		if (irq < 0)
			continue;
		if (irq_desc_setup(irq, &ioapic_chip, io, pin,
				   irq_default_type(irq)) == 0)
			n++;
		else
			pr_warn("IOAPIC: no IRQ %d for GSI %u\n", irq,
				io->gsi_base + pin);
	}
	return n;
}

void ioapic_init(void)
{
	unsigned int n = 0;
	int i;

	if (acpi_info.madt_status || !acpi_info.nr_ioapics) {
		pr_warn("IOAPIC: none in the ACPI tables: no device interrupts\n");
		return;
	}
	for (i = 0; i < acpi_info.nr_ioapics; i++)
		if (ioapic_setup_one(&acpi_info.ioapics[i]))
			pr_err("IOAPIC: cannot map the one at %#x\n",
			       acpi_info.ioapics[i].address);
	for (i = 0; i < nr_ioapics; i++)
		n += ioapic_setup_irqs(&ioapics[i]);
	pr_info("IOAPIC: IRQ numbers for %u pins of GSIs 0-%u; MSIs from "
		"IRQ %u\n", n, gsi_top - 1, max(gsi_top, NR_IRQS_LEGACY));
}
