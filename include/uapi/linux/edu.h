/*
 * The edu driver's user interface (drivers/misc/edu.c): /dev/edu0 ..
 * /dev/eduN, one per QEMU "edu" device (PCI 1234:11e8).
 *
 * read() and write() move bytes between the caller's buffer and the
 * device's 4 KiB buffer at the file position, through a kernel buffer
 * (copy_{to,from}_user, then DMA).  The ioctls below add the factorial
 * unit, zero-copy DMA straight to or from the caller's pages, and the
 * driver's counters.  Structures have fixed sizes and no padding holes,
 * so a 32-bit and a 64-bit program would see the same layout.
 */
#ifndef _UAPI_LINUX_EDU_H
#define _UAPI_LINUX_EDU_H

#include "../asm-generic/ioctl.h"
#include "types.h"

#define EDU_BUF_SIZE	4096	/* the device's buffer */

/*
 * The driver serves the first window_bytes of it (EDU_IOC_INFO; also
 * lseek(fd, 0, SEEK_END)): 4095 by default, because QEMU before 8.0
 * aborts on any DMA that includes the buffer's last byte (an off-by-one
 * in its range check, QEMU issue 1254).  /etc/edu.conf may say 4096.
 */

/* EDU_IOC_FACT: in: n; out: n! modulo 2^32, computed by the device. */
struct edu_fact {
	__u32 n;
	__u32 result;
};

/* EDU_IOC_DMA directions, as the device's command bit 1 names them. */
#define EDU_DMA_TO_DEVICE	0	/* user memory -> device buffer */
#define EDU_DMA_FROM_DEVICE	1	/* device buffer -> user memory */

/*
 * EDU_IOC_DMA: move len bytes between the user buffer at addr and the
 * device buffer at offset, with no copy in the kernel: the pages are
 * pinned and mapped for the device.  0 on success; bounced tells
 * whether any segment had to go through a bounce buffer.
 */
struct edu_dma {
	__u64 addr;		/* user virtual address */
	__u32 len;		/* bytes, offset + len <= window_bytes */
	__u32 offset;		/* in the device buffer */
	__u32 direction;	/* EDU_DMA_TO_DEVICE or EDU_DMA_FROM_DEVICE */
	__u32 bounced;		/* out: segments that were bounced */
};

/* Interrupt modes (EDU_IOC_INFO, and irq= in /etc/edu.conf). */
#define EDU_IRQ_MSI	0
#define EDU_IRQ_INTX	1
#define EDU_IRQ_POLL	2

/* EDU_IOC_INFO: what the driver knows and has done since probe. */
struct edu_info {
	__u16 vendor, device;
	__u8 revision, irq_mode;	/* EDU_IRQ_* */
	__u8 dma_bits;			/* DMA mask width in use */
	__u8 pad;
	__u32 id;			/* identification register */
	__u32 timeout_ms;		/* DMA timeout in use */
	__u32 window_bytes;		/* bytes of the buffer served */
	__u32 reserved;
	__u64 transfers_to_device, transfers_from_device;
	__u64 bytes_to_device, bytes_from_device;
	__u64 bounced, direct;		/* mappings, by what the DMA layer did */
	__u64 zero_copy, copied;	/* transfers, by path */
	__u64 timeouts;
	__u64 factorials;
};

#define EDU_IOC_MAGIC	'E'
#define EDU_IOC_FACT	_IOWR(EDU_IOC_MAGIC, 1, struct edu_fact)
#define EDU_IOC_DMA	_IOWR(EDU_IOC_MAGIC, 2, struct edu_dma)
#define EDU_IOC_INFO	_IOR(EDU_IOC_MAGIC, 3, struct edu_info)

#endif
