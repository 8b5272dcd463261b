/*
 * The legacy 8259A PICs: remapped and masked, never used.
 *
 * Since the IBM PC/AT, ISA IRQs 0-7 go to the master 8259A and 8-15 to
 * the slave, whose output is wired to the master's IRQ 2.  The BIOS
 * leaves the master on vectors 0x08-0x0f, which in protected mode are
 * CPU exceptions (0x08 is #DF): a timer interrupt would look like a
 * double fault.  This kernel has IOAPICs (the ACPI MADT lists them), and
 * the IOAPIC does the PICs' job better: any vector, any CPU, per-line
 * polarity and trigger.  So init_8259A() does what Linux's does: it
 * reprograms both chips (ICW1-ICW4) to vectors 0x20-0x2f, where a stray
 * interrupt cannot pass for an exception, and masks all sixteen lines in
 * the interrupt mask registers, so they never deliver.  Even a spurious
 * IRQ 7 or 15 (what an 8259A answers when a request vanishes before the
 * CPU acknowledges it, as can happen at the moment a line is masked)
 * cannot reach the CPU: the local APIC's LINT0, where the PIC's output
 * arrives, is masked too (arch/x86/kernel/apic.c).
 *
 * Invariant: after init_8259A() both IMRs hold 0xff for good.  Locking:
 * none; only the boot CPU touches the PICs, once, with interrupts off.
 *
 * Modern Linux does the same when it finds an IOAPIC, and goes further:
 * it probes whether an 8259A is there at all (many new machines have
 * none, the MADT's PCAT_COMPAT flag says so), and keeps a "legacy_pic"
 * structure so that machines without one skip it entirely.
 */
#define pr_fmt(fmt) "i8259: " fmt

#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <linux/acpi.h>
#include <linux/printk.h>

/* Initialization command words (8259A data sheet, "Programming") */
#define ICW1_INIT		0x10	/* start initialization */
#define ICW1_ICW4		0x01	/* ICW4 follows */
#define ICW4_8086		0x01	/* 8086 mode, normal EOI */

#define PIC_MASTER_VECTOR	FIRST_EXTERNAL_VECTOR		/* 0x20 */
#define PIC_SLAVE_VECTOR	(FIRST_EXTERNAL_VECTOR + 8)	/* 0x28 */

/*
 * An old 8259A needs a little time between commands; a write to the
 * unused POST port 0x80 takes about a microsecond on an ISA bus.
 */
static void outb_pic(u8 value, u16 port)
{
	outb(value, port);
	outb(0, 0x80);
}

static void init_one_8259A(u16 cmd, u16 imr, u8 vector, u8 icw3)
{
	outb_pic(ICW1_INIT | ICW1_ICW4, cmd);	/* edge, cascade mode */
	outb_pic(vector, imr);			/* ICW2: line 0's vector */
	outb_pic(icw3, imr);			/* ICW3: cascade wiring */
	outb_pic(ICW4_8086, imr);		/* ICW4 */
}

void init_8259A(void)
{
	if (acpi_info.madt_status == 0 && !acpi_info.pcat_compat) {
		pr_info("the MADT says there are no 8259s: left alone\n");
		return;
	}
	outb(0xff, PIC_MASTER_IMR);		/* quiet while we work */
	outb(0xff, PIC_SLAVE_IMR);
	/* Master: the slave hangs on line 2; slave: "I am on line 2". */
	init_one_8259A(PIC_MASTER_CMD, PIC_MASTER_IMR, PIC_MASTER_VECTOR,
		       1U << PIC_CASCADE_IR);
	init_one_8259A(PIC_SLAVE_CMD, PIC_SLAVE_IMR, PIC_SLAVE_VECTOR,
		       PIC_CASCADE_IR);
	outb(0xff, PIC_MASTER_IMR);		/* OCW1: mask every line */
	outb(0xff, PIC_SLAVE_IMR);
	pr_info("8259A PICs remapped to vectors %#x-%#x and all 16 lines "
		"masked: the IOAPIC delivers ISA interrupts\n",
		PIC_MASTER_VECTOR, PIC_SLAVE_VECTOR + 7);
}

u16 i8259_read_imr(void)
{
	return inb(PIC_SLAVE_IMR) << 8 | inb(PIC_MASTER_IMR);
}
