/*
 * COM1 (drivers/serial.c): output is polled, input arrives by interrupt
 * (ISA IRQ 4) into a ring buffer that serial_getc() empties.
 */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H

#include <linux/types.h>

/* Take ISA IRQ 4 and enable the receive interrupt; 0 or -errno. */
int serial_rx_init(void);

/* The next received byte, or -1 when none is waiting; never blocks. */
int serial_getc(void);

/* Send one byte as it is (no "\n" to "\r\n"). */
void serial_putc(char c);

/*
 * Loopback mode (16550 MCR bit 4): what the UART sends comes straight
 * back to its receiver, and nothing reaches the line.  For tests.
 */
void serial_set_loopback(bool on);

/*
 * Call notify() from the receive interrupt after new bytes were put in
 * the ring (not in loopback mode); it must not sleep.  NULL: none.
 */
void serial_set_rx_notify(void (*notify)(void));

/* Bytes dropped because the ring buffer was full. */
unsigned long serial_rx_overruns(void);

#endif
