/*
 * The I/O APICs (arch/x86/kernel/ioapic.c): they turn device interrupt
 * lines into messages to a local APIC.  Each has a window of two registers
 * (IOREGSEL selects, IOWIN reads or writes) and one 64-bit redirection
 * entry per input pin, saying which vector, which CPU, which trigger
 * mode and polarity, and whether the pin is masked.  Pins are numbered
 * system-wide as Global System Interrupts (GSIs): an IOAPIC serves
 * gsi_base .. gsi_base + its pin count - 1 (ACPI MADT).
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

/* Map every IOAPIC of acpi_info and mask all its pins (boot CPU). */
void ioapic_init(void);

/*
 * Deliver gsi as vector to the CPU with APIC id dest_apic_id (fixed
 * delivery, physical destination), edge or level triggered, active high
 * or low, and unmask it.  0, -ENODEV (no IOAPIC serves gsi) or -EINVAL
 * (a vector or APIC id that does not fit).
 */
int ioapic_route(unsigned int gsi, unsigned int vector, u32 dest_apic_id,
		 bool level, bool active_low);

/* Stop / resume delivery of gsi, keeping its route. */
void ioapic_mask(unsigned int gsi);
void ioapic_unmask(unsigned int gsi);

/* The low half of gsi's redirection entry (for tests), or 0 if none. */
u32 ioapic_read_entry(unsigned int gsi);

/*
 * The GSI an ISA IRQ arrives on, and its trigger mode and polarity,
 * after the MADT's Interrupt Source Overrides.
 */
unsigned int isa_irq_to_gsi(unsigned int isa_irq, bool *level,
			    bool *active_low);

#endif
