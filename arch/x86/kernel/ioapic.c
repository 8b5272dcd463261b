/*
 * The I/O APICs, and request_irq()/free_irq() for ISA interrupts.
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
 * ISA IRQ n arrives on GSI n, edge triggered and active high, unless the
 * MADT has an Interrupt Source Override for it: on PCs and in QEMU the
 * timer's IRQ 0 is wired to pin 2 (pin 0 takes the 8259's output), and
 * PCI-shared lines are level triggered.  request_irq() applies those
 * overrides, so drivers only name the ISA IRQ.
 *
 * Invariants: every pin is masked from ioapic_init() until someone
 * routes it; a pin is unmasked only with a complete entry (the high half,
 * the destination, is written while the low half still says masked).
 * isa_irq_vector[i] is 0 (free), ISA_IRQ_CLAIMED while request_irq()
 * sets the IRQ up or free_irq() takes it down, or the vector it got.
 *
 * Locking: ioapic_lock makes each IOREGSEL/IOWIN pair (and each
 * read-modify-write of an entry) atomic against other CPUs and against
 * interrupt handlers on this one.  isa_irq_lock protects isa_irq_vector[];
 * it is never held while ioapic_lock or vector_lock is taken.
 *
 * Modern Linux (arch/x86/kernel/apic/io_apic.c) builds an irq_domain
 * hierarchy: Linux IRQ numbers map to IOAPIC pins, vectors are chosen
 * per CPU by a matrix allocator and can move between CPUs (affinity),
 * level-triggered interrupts get a careful EOI dance for old IOAPICs,
 * and with interrupt remapping the entries hold indexes into the
 * IOMMU's table rather than raw vectors and APIC ids.
 */
#include <asm/i8259.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
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

#define ISA_IRQ_CLAIMED		(-1)

struct ioapic {
	volatile u32 *base;	/* IOREGSEL at +0x00, IOWIN at +0x10 */
	u8 id;
	u32 gsi_base;
	unsigned int nr_pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static int nr_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);

static int isa_irq_vector[NR_IRQS_LEGACY];
static DEFINE_SPINLOCK(isa_irq_lock);

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
	pr_info("IOAPIC[%d]: id %u, version %#x, at %#x, GSI %u-%u, all "
		"pins masked\n", nr_ioapics - 1, io->id, version & 0xff,
		a->address, io->gsi_base, io->gsi_base + io->nr_pins - 1);
	return 0;
}

void ioapic_init(void)
{
	int i;

	if (acpi_info.madt_status || !acpi_info.nr_ioapics) {
		pr_warn("IOAPIC: none in the ACPI tables: no device interrupts\n");
		return;
	}
	for (i = 0; i < acpi_info.nr_ioapics; i++)
		if (ioapic_setup_one(&acpi_info.ioapics[i]))
			pr_err("IOAPIC: cannot map the one at %#x\n",
			       acpi_info.ioapics[i].address);
}

/* ---- routing ---- */

int ioapic_route(unsigned int gsi, unsigned int vector, u32 dest_apic_id,
		 bool level, bool active_low)
{
	unsigned long flags;
	unsigned int pin;
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);
	u32 low;

	if (!io)
		return -ENODEV;
	if (vector < FIRST_EXTERNAL_VECTOR || vector >= NR_VECTORS ||
	    dest_apic_id > 0xff)
		return -EINVAL;
	low = vector | (level ? IO_APIC_REDIR_LEVEL_TRIGGER : 0) |
	      (active_low ? IO_APIC_REDIR_ACTIVE_LOW : 0);
	spin_lock_irqsave(&ioapic_lock, flags);
	io_apic_write(io, IO_APIC_REDTBL(pin), low | IO_APIC_REDIR_MASKED);
	io_apic_write(io, IO_APIC_REDTBL(pin) + 1,
		      dest_apic_id << IO_APIC_DEST_SHIFT);
	io_apic_write(io, IO_APIC_REDTBL(pin), low);	/* unmasks */
	spin_unlock_irqrestore(&ioapic_lock, flags);
	return 0;
}

static void ioapic_modify_mask(unsigned int gsi, bool masked)
{
	unsigned long flags;
	unsigned int pin;
	struct ioapic *io = gsi_to_ioapic(gsi, &pin);
	u32 low;

	if (!io)
		return;
	spin_lock_irqsave(&ioapic_lock, flags);
	low = io_apic_read(io, IO_APIC_REDTBL(pin)) & ~IO_APIC_REDIR_MASKED;
	io_apic_write(io, IO_APIC_REDTBL(pin),
		      low | (masked ? IO_APIC_REDIR_MASKED : 0));
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

void ioapic_mask(unsigned int gsi)
{
	ioapic_modify_mask(gsi, true);
}

void ioapic_unmask(unsigned int gsi)
{
	ioapic_modify_mask(gsi, false);
}

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

/* ---- ISA IRQs ---- */

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

/* Mark isa_irq as being set up; false if someone has it already. */
static bool isa_irq_claim(unsigned int isa_irq)
{
	unsigned long flags;
	bool free;

	spin_lock_irqsave(&isa_irq_lock, flags);
	free = isa_irq_vector[isa_irq] == 0;
	if (free)
		isa_irq_vector[isa_irq] = ISA_IRQ_CLAIMED;
	spin_unlock_irqrestore(&isa_irq_lock, flags);
	return free;
}

static void isa_irq_set(unsigned int isa_irq, int vector)
{
	unsigned long flags;

	spin_lock_irqsave(&isa_irq_lock, flags);
	isa_irq_vector[isa_irq] = vector;
	spin_unlock_irqrestore(&isa_irq_lock, flags);
}

int request_irq(unsigned int isa_irq, irq_handler_t handler, void *data,
		const char *name)
{
	bool level, active_low;
	unsigned int gsi;
	int vector, ret;

	if (isa_irq >= NR_IRQS_LEGACY || !handler)
		return -EINVAL;
	if (!isa_irq_claim(isa_irq))
		return -EBUSY;
	vector = alloc_vector(handler, data, name);
	if (vector < 0) {
		ret = vector;
		goto out_release;
	}
	gsi = isa_irq_to_gsi(isa_irq, &level, &active_low);
	ret = ioapic_route(gsi, vector, cpu_data[0].apic_id, level, active_low);
	if (ret)
		goto out_free_vector;
	isa_irq_set(isa_irq, vector);
	return vector;

out_free_vector:
	free_vector(vector);
out_release:
	isa_irq_set(isa_irq, 0);
	return ret;
}

/*
 * An interrupt already accepted by the local APIC when the pin is masked
 * still arrives, and finds the vector free: it is counted as unexpected.
 */
void free_irq(unsigned int isa_irq)
{
	bool level, active_low;
	unsigned long flags;
	int vector;

	if (isa_irq >= NR_IRQS_LEGACY)
		return;
	spin_lock_irqsave(&isa_irq_lock, flags);
	vector = isa_irq_vector[isa_irq];
	if (vector > 0)
		isa_irq_vector[isa_irq] = ISA_IRQ_CLAIMED;  /* going */
	spin_unlock_irqrestore(&isa_irq_lock, flags);
	if (vector <= 0) {
		pr_warn("free_irq(%u): IRQ not requested\n", isa_irq);
		return;
	}
	ioapic_mask(isa_irq_to_gsi(isa_irq, &level, &active_low));
	free_vector(vector);
	isa_irq_set(isa_irq, 0);
}
