/*
 * PCI configuration space registers, with the names of Linux's
 * include/uapi/linux/pci_regs.h; the values are the specifications':
 * PCI Local Bus Specification 3.0 (chapter 6: the type 0 header,
 * capabilities, MSI), the PCI-to-PCI Bridge Architecture Specification
 * 1.2 (chapter 3: the type 1 header) and the PCI Express Base
 * Specification (7.5.3: the PCI Express capability).  Only what this
 * kernel uses is here.  User programs compile against it too (lspci).
 */
#ifndef _UAPI_LINUX_PCI_REGS_H
#define _UAPI_LINUX_PCI_REGS_H

/*
 * Sizes.  The first 64 bytes are the standard header; a conventional
 * function has 256 bytes of configuration space, a PCI Express function
 * 4096 (the part beyond 256 is reachable only through ECAM).
 */
#define PCI_STD_HEADER_SIZEOF	64
#define PCI_CFG_SPACE_SIZE	256
#define PCI_CFG_SPACE_EXP_SIZE	4096
#define PCI_STD_NUM_BARS	6	/* base address registers of type 0 */

/* The header common to every function (PCI 3.0, 6.1, 6.2) */
#define PCI_VENDOR_ID		0x00	/* 16 bits; 0xffff: no function */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits (6.2.2) */
#define  PCI_COMMAND_IO		0x0001	/* respond to I/O space accesses */
#define  PCI_COMMAND_MEMORY	0x0002	/* respond to memory space accesses */
#define  PCI_COMMAND_MASTER	0x0004	/* may start transactions (DMA, MSI) */
#define  PCI_COMMAND_SPECIAL	0x0008
#define  PCI_COMMAND_INVALIDATE	0x0010
#define  PCI_COMMAND_PARITY	0x0040
#define  PCI_COMMAND_SERR	0x0100
#define  PCI_COMMAND_INTX_DISABLE 0x0400	/* INTx# emulation off */
#define PCI_STATUS		0x06	/* 16 bits (6.2.3) */
#define  PCI_STATUS_INTERRUPT	0x0008	/* INTx# asserted */
#define  PCI_STATUS_CAP_LIST	0x0010	/* a capability list at 0x34 */
#define PCI_CLASS_REVISION	0x08	/* class code (24 bits) << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09	/* programming interface */
#define PCI_CLASS_DEVICE	0x0a	/* base class << 8 | sub-class */
#define PCI_CACHE_LINE_SIZE	0x0c	/* 8 bits */
#define PCI_LATENCY_TIMER	0x0d	/* 8 bits */
#define PCI_HEADER_TYPE		0x0e	/* 8 bits */
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define  PCI_HEADER_TYPE_MFD	0x80	/* functions 1-7 may exist */
#define PCI_BIST		0x0f	/* 8 bits */

/*
 * Base address registers (6.2.5.1): bit 0 tells I/O (1) from memory
 * (0).  A memory BAR's bits 2:1 give its width (0: 32 bits, 2: 64 bits,
 * the next register holding the upper half) and bit 3 says whether it
 * is prefetchable; its address bits start at bit 4.  An I/O BAR's
 * address starts at bit 2.  Writing all ones and reading back gives
 * the size: the address bits the device hard-wires to zero.
 */
#define PCI_BASE_ADDRESS_0	0x10	/* 32 bits */
#define PCI_BASE_ADDRESS_1	0x14
#define PCI_BASE_ADDRESS_2	0x18
#define PCI_BASE_ADDRESS_3	0x1c
#define PCI_BASE_ADDRESS_4	0x20
#define PCI_BASE_ADDRESS_5	0x24
#define  PCI_BASE_ADDRESS_SPACE		0x01
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_SPACE_MEMORY	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_1M	0x02	/* below 1 MiB (PCI 2.x) */
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)

/* The rest of the type 0 header (6.2.4, 6.2.5) */
#define PCI_CARDBUS_CIS		0x28
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c	/* 16 bits */
#define PCI_SUBSYSTEM_ID	0x2e	/* 16 bits */
#define PCI_ROM_ADDRESS		0x30	/* expansion ROM BAR (6.2.5.2) */
#define  PCI_ROM_ADDRESS_ENABLE	0x01
#define  PCI_ROM_ADDRESS_MASK	(~0x7ffU)
#define PCI_CAPABILITY_LIST	0x34	/* 8 bits: offset of the first one */
#define PCI_INTERRUPT_LINE	0x3c	/* 8 bits: the IRQ firmware routed */
#define PCI_INTERRUPT_PIN	0x3d	/* 8 bits: 0 none, 1-4 INTA#-INTD# */
#define PCI_MIN_GNT		0x3e
#define PCI_MAX_LAT		0x3f

/* The type 1 header of a PCI-to-PCI bridge (bridge spec 3.2) */
#define PCI_PRIMARY_BUS		0x18	/* the bus it sits on */
#define PCI_SECONDARY_BUS	0x19	/* the bus right behind it */
#define PCI_SUBORDINATE_BUS	0x1a	/* the highest bus behind it */
#define PCI_SEC_LATENCY_TIMER	0x1b
#define PCI_IO_BASE		0x1c	/* the windows it forwards: */
#define PCI_IO_LIMIT		0x1d
#define PCI_SEC_STATUS		0x1e
#define PCI_MEMORY_BASE		0x20
#define PCI_MEMORY_LIMIT	0x22
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32
#define PCI_ROM_ADDRESS1	0x38	/* a bridge's ROM BAR */
#define PCI_BRIDGE_CONTROL	0x3e

/* Capability lists (6.7): each entry is an id byte and a next byte */
#define PCI_CAP_LIST_ID		0	/* capability id */
#define PCI_CAP_LIST_NEXT	1	/* next entry, 0 at the end */
#define PCI_CAP_FLAGS		2	/* 16 bits: what the capability has */
#define PCI_CAP_SIZEOF		4
#define  PCI_CAP_ID_PM		0x01	/* power management */
#define  PCI_CAP_ID_AGP		0x02
#define  PCI_CAP_ID_VPD		0x03	/* vital product data */
#define  PCI_CAP_ID_SLOTID	0x04
#define  PCI_CAP_ID_MSI		0x05	/* message signalled interrupts */
#define  PCI_CAP_ID_CHSWP	0x06
#define  PCI_CAP_ID_PCIX	0x07
#define  PCI_CAP_ID_HT		0x08
#define  PCI_CAP_ID_VNDR	0x09	/* vendor specific */
#define  PCI_CAP_ID_DBG		0x0a
#define  PCI_CAP_ID_CCRC	0x0b
#define  PCI_CAP_ID_SHPC	0x0c	/* standard hot-plug controller */
#define  PCI_CAP_ID_SSVID	0x0d	/* a bridge's subsystem ids */
#define  PCI_CAP_ID_AGP3	0x0e
#define  PCI_CAP_ID_SECDEV	0x0f
#define  PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define  PCI_CAP_ID_MSIX	0x11	/* MSI-X */
#define  PCI_CAP_ID_SATA	0x12
#define  PCI_CAP_ID_AF		0x13
#define  PCI_CAP_ID_EA		0x14
#define  PCI_CAP_ID_MAX		PCI_CAP_ID_EA

/* The MSI capability (6.8.1): what the MSI code will program */
#define PCI_MSI_FLAGS		0x02	/* 16 bits: message control */
#define  PCI_MSI_FLAGS_ENABLE	0x0001
#define  PCI_MSI_FLAGS_QMASK	0x000e	/* vectors the function asks for */
#define  PCI_MSI_FLAGS_QSIZE	0x0070	/* vectors enabled */
#define  PCI_MSI_FLAGS_64BIT	0x0080	/* a 64-bit message address */
#define  PCI_MSI_FLAGS_MASKBIT	0x0100	/* per-vector masking */
#define PCI_MSI_ADDRESS_LO	0x04
#define PCI_MSI_ADDRESS_HI	0x08	/* 64-bit only */
#define PCI_MSI_DATA_32		0x08	/* 16 bits, 32-bit address */
#define PCI_MSI_DATA_64		0x0c	/* 16 bits, 64-bit address */
#define PCI_MSI_MASK_32		0x0c	/* mask bits, 32-bit address */
#define PCI_MSI_MASK_64		0x10	/* mask bits, 64-bit address */

/* The MSI-X capability (6.8.2) */
#define PCI_MSIX_FLAGS		0x02	/* 16 bits: message control */
#define  PCI_MSIX_FLAGS_QSIZE	0x07ff	/* table size - 1 */
#define  PCI_MSIX_FLAGS_MASKALL	0x4000
#define  PCI_MSIX_FLAGS_ENABLE	0x8000
#define PCI_MSIX_TABLE		0x04	/* BAR indicator and table offset */
#define  PCI_MSIX_TABLE_BIR	0x00000007	/* the BAR holding it */
#define  PCI_MSIX_TABLE_OFFSET	0xfffffff8	/* where in that BAR */
#define PCI_MSIX_PBA		0x08	/* pending bit array */

/* An MSI-X table entry (in the BAR, not in configuration space) */
#define PCI_MSIX_ENTRY_SIZE		16
#define PCI_MSIX_ENTRY_LOWER_ADDR	0x0
#define PCI_MSIX_ENTRY_UPPER_ADDR	0x4
#define PCI_MSIX_ENTRY_DATA		0x8
#define PCI_MSIX_ENTRY_VECTOR_CTRL	0xc
#define  PCI_MSIX_ENTRY_CTRL_MASKBIT	0x1

/* The PCI Express capability (PCIe Base 7.5.3) */
#define PCI_EXP_FLAGS		0x02	/* 16 bits: capabilities register */
#define  PCI_EXP_FLAGS_VERS	0x000f	/* capability version */
#define  PCI_EXP_FLAGS_TYPE	0x00f0	/* device/port type: */
#define   PCI_EXP_TYPE_ENDPOINT	0x0	/* express endpoint */
#define   PCI_EXP_TYPE_LEG_END	0x1	/* legacy endpoint */
#define   PCI_EXP_TYPE_ROOT_PORT 0x4	/* root port */
#define   PCI_EXP_TYPE_UPSTREAM	0x5	/* switch upstream port */
#define   PCI_EXP_TYPE_DOWNSTREAM 0x6	/* switch downstream port */
#define   PCI_EXP_TYPE_PCI_BRIDGE 0x7	/* PCIe to PCI/PCI-X bridge */
#define   PCI_EXP_TYPE_PCIE_BRIDGE 0x8	/* PCI/PCI-X to PCIe bridge */
#define   PCI_EXP_TYPE_RC_END	0x9	/* root complex integrated endpoint */
#define   PCI_EXP_TYPE_RC_EC	0xa	/* root complex event collector */

#endif
