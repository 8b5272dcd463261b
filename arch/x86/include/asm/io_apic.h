/*
 * The I/O APICs (arch/x86/kernel/ioapic.c): they turn device interrupt
 * lines into messages to a local APIC.  Each has a window of two registers
 * (IOREGSEL selects, IOWIN reads or writes) and one 64-bit redirection
 * entry per input pin, saying which vector, which CPU, which trigger
 * mode and polarity, and whether the pin is masked.  Pins are numbered
 * system-wide as Global System Interrupts (GSIs): an IOAPIC serves
 * gsi_base .. gsi_base + its pin count - 1 (ACPI MADT).  Drivers name a
 * pin by its Linux IRQ number (the ISA IRQ, or the GSI from 16 up) and
 * use request_irq(); this header is for the interrupt code and tests.
 *
 * Register layout: Intel 82093AA I/O APIC data sheet, section 3.
 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <linux/types.h>

/* Memory-mapped window, offsets from the IOAPIC's base address */
#define IO_APIC_REGSEL		0x00
#define IO_APIC_WIN		0x10

/* Registers reached through the window */
#define IO_APIC_ID		0x00
#define IO_APIC_VERSION		0x01	/* bits 16-23: highest pin number */
#define IO_APIC_REDTBL(pin)	(0x10 + 2 * (pin))	/* low half; +1 high */

/* Redirection entry, low 32 bits (data sheet 3.2.4) */
#define IO_APIC_REDIR_VECTOR_MASK	0x000ff
#define IO_APIC_REDIR_DEST_LOGICAL	0x00800	/* clear: physical APIC id */
#define IO_APIC_REDIR_PENDING		0x01000	/* delivery status */
#define IO_APIC_REDIR_ACTIVE_LOW	0x02000	/* polarity */
#define IO_APIC_REDIR_REMOTE_IRR	0x04000	/* level: awaiting EOI */
#define IO_APIC_REDIR_LEVEL_TRIGGER	0x08000
#define IO_APIC_REDIR_MASKED		0x10000
/* High 32 bits: destination APIC id in bits 24-31 */
#define IO_APIC_DEST_SHIFT		24

/*
 * Map every IOAPIC of acpi_info, mask all its pins, and set up an IRQ
 * descriptor of the "IO-APIC" chip for each pin that has an IRQ number
 * (boot CPU).  A pin is routed (vector, trigger, the boot CPU) and
 * unmasked when its IRQ gets its first action (request_irq()).
 */
void ioapic_init(void);

/*
 * One past the last GSI of any IOAPIC (0 without one); the IRQ numbers
 * from max(gsi_top, NR_IRQS_LEGACY) up are for MSI.
 */
extern unsigned int gsi_top;

/* The low half of gsi's redirection entry (for tests), or 0 if none. */
u32 ioapic_read_entry(unsigned int gsi);

/*
 * The GSI an ISA IRQ arrives on, and its trigger mode and polarity,
 * after the MADT's Interrupt Source Overrides.
 */
unsigned int isa_irq_to_gsi(unsigned int isa_irq, bool *level,
			    bool *active_low);

#endif
