/*
 * COM1 (drivers/serial.c): output is polled, input arrives by interrupt
 * (ISA IRQ 4, taken by an initcall) into a ring buffer that
 * serial_getc() empties.  A full ring throttles the UART instead of
 * losing bytes.
 */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H

#include <linux/types.h>

#define SERIAL_RX_SIZE	256	/* the receive ring's bytes; a power of two */
#define UART_FIFO_SIZE	16	/* a 16550A's receive FIFO */

/* Counts since boot, named as in Linux's struct uart_icount. */
struct uart_icount {
	unsigned int rx;	/* bytes read from the UART */
	unsigned int tx;	/* bytes the terminal sent (not printk's) */
	unsigned int overrun;	/* LSR.OE seen: bytes the UART lost */
};

/*
 * The next received byte, or -1 when none is waiting; never blocks.
 * Taking bytes from a throttled ring unthrottles it at half full.
 */
int serial_getc(void);

/* Whether the ring filled and the receive interrupt is masked. */
bool serial_rx_throttled(void);

/* Send one byte as it is (no "\n" to "\r\n"), not counted in tx. */
void serial_putc(char c);

/* The console terminal's output, byte for byte; counted in tx. */
void serial_tty_write(const unsigned char *buf, size_t len);

/*
 * Loopback mode (16550 MCR bit 4): what the UART sends comes straight
 * back to its receiver, and nothing reaches the line.  For tests; while
 * it is on, console and terminal output is held and sent when it ends.
 */
void serial_set_loopback(bool on);

/*
 * Call notify() from the receive interrupt after new bytes were put in
 * the ring (not in loopback mode); it must not sleep.  NULL: none.
 */
void serial_set_rx_notify(void (*notify)(void));

void serial_get_icount(struct uart_icount *icount);

/* /proc/tty/driver/serial's text (Linux's format) into buf; its length. */
size_t serial_proc_show(char *buf, size_t size);

#endif
