/*
 * The x86 MSI message: what a PCI device writes, and where, to interrupt
 * a CPU (Intel SDM vol. 3, 11.11 "Message Signalled Interrupts").
 *
 * The address selects the local APICs: bits 31-20 are 0xFEE, bits 19-12
 * the destination APIC id, bit 3 the redirection hint (0: deliver to
 * the destination named) and bit 2 the destination mode (0: physical
 * APIC id).  The data word is the interrupt: bits 7-0 the vector, bits
 * 10-8 the delivery mode (0: fixed), bit 14 the level for a level
 * message and bit 15 the trigger mode (0: edge).  The write never
 * reaches memory: the chipset turns it into an interrupt message, so a
 * CPU writing the same address only reaches its own local APIC's
 * registers.  Names as Linux's former asm/msidef.h.
 */
#ifndef _ASM_MSIDEF_H
#define _ASM_MSIDEF_H

/* Data word */
#define MSI_DATA_VECTOR_MASK		0x000000ff
#define MSI_DATA_VECTOR(v)		((v) & MSI_DATA_VECTOR_MASK)
#define MSI_DATA_DELIVERY_FIXED		(0 << 8)
#define MSI_DATA_LEVEL_ASSERT		(1 << 14)
#define MSI_DATA_TRIGGER_EDGE		(0 << 15)
#define MSI_DATA_TRIGGER_LEVEL		(1 << 15)

/* Address */
#define MSI_ADDR_BASE_HI		0
#define MSI_ADDR_BASE_LO		0xfee00000
#define MSI_ADDR_DEST_MODE_PHYSICAL	(0 << 2)
#define MSI_ADDR_DEST_MODE_LOGICAL	(1 << 2)
#define MSI_ADDR_REDIRECTION_CPU	(0 << 3)
#define MSI_ADDR_DEST_ID_SHIFT		12
#define MSI_ADDR_DEST_ID_MASK		0x000ff000
#define MSI_ADDR_DEST_ID(dest)		\
	(((dest) << MSI_ADDR_DEST_ID_SHIFT) & MSI_ADDR_DEST_ID_MASK)

#endif
