/*
 * The two legacy 8259A programmable interrupt controllers
 * (arch/x86/kernel/i8259.c): the master at ports 0x20/0x21 handles ISA
 * IRQs 0-7, the slave at 0xa0/0xa1 IRQs 8-15 and is cascaded into the
 * master's IRQ 2.  This kernel uses the IOAPIC instead, so both are
 * remapped and masked.
 * Data sheet: Intel 8259A Programmable Interrupt Controller.
 */
#ifndef _ASM_I8259_H
#define _ASM_I8259_H

#include <asm/irq_vectors.h>
#include <linux/types.h>

#define PIC_MASTER_CMD		0x20
#define PIC_MASTER_IMR		0x21	/* interrupt mask register (OCW1) */
#define PIC_SLAVE_CMD		0xa0
#define PIC_SLAVE_IMR		0xa1
#define PIC_CASCADE_IR		2	/* master input the slave drives */

/* Remap both PICs to vectors 0x20-0x2f and mask every line. */
void init_8259A(void);

/* The two interrupt mask registers, slave << 8 | master. */
u16 i8259_read_imr(void);

#endif
