/*
 * COM1, a 16550 UART, as the kernel's main console: 115200 baud, 8 data
 * bits, no parity, 1 stop bit (8N1), polled output.  Register names from
 * the PC16550D data sheet.  "\n" is sent as "\r\n" for terminals.
 *
 * No lock yet: until other CPUs run, printk is the only caller and runs
 * with interrupts off.
 */
#include <asm/io.h>
#include <linux/init.h>
#include <linux/printk.h>

#define COM1_BASE	0x3f8
#define UART_CLOCK	115200	/* divisor 1 gives 115200 baud */
#define BAUD		115200

#define UART_TX		0	/* transmit holding register (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_LCR_WLEN8	0x03	/* 8 data bits, 1 stop bit, no parity */
#define UART_LCR_DLAB	0x80	/* divisor latch access */
#define UART_FCR_ENABLE	0x07	/* enable FIFOs and clear both */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

static void serial_putc(char c)
{
	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1_BASE + UART_TX);
}

static void serial_write(const char *s, unsigned int len)
{
	while (len--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};

void serial_init(void)
{
	unsigned int divisor = UART_CLOCK / BAUD;

	outb(0, COM1_BASE + UART_IER);			/* polled */
	outb(UART_LCR_DLAB, COM1_BASE + UART_LCR);
	outb(divisor & 0xff, COM1_BASE + UART_DLL);
	outb(divisor >> 8, COM1_BASE + UART_DLM);
	outb(UART_LCR_WLEN8, COM1_BASE + UART_LCR);
	outb(UART_FCR_ENABLE, COM1_BASE + UART_FCR);
	outb(UART_MCR_DTR | UART_MCR_RTS, COM1_BASE + UART_MCR);
	register_console(&serial_console);
}
