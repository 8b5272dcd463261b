/*
 * COM1, a 16550 UART, as the kernel's main console: 115200 baud, 8 data
 * bits, no parity, 1 stop bit (8N1).  Register names from the PC16550D
 * data sheet.  "\n" is sent as "\r\n" for terminals.
 *
 * Output is polled: serial_putc() waits for the transmit holding
 * register to empty, so printk works from the first line of boot, with
 * interrupts off, and from any handler.  Input arrives by interrupt once
 * serial_rx_init() has run: the UART raises ISA IRQ 4 when a byte is
 * received (IER bit 0), the IOAPIC delivers it (request_irq), and the
 * handler moves every waiting byte into a ring buffer that
 * serial_getc() empties without ever blocking, then calls the receive
 * notifier, if one is set (the console terminal: it wakes the thread
 * that feeds the bytes to the line discipline).  In loopback mode the
 * notifier is not called: the bytes belong to the test that turned
 * loopback on.
 *
 * Invariants: rx_head - rx_tail is the number of bytes waiting, at most
 * SERIAL_RX_SIZE (both only grow; the buffer index is their value modulo
 * the size).  A byte that finds the ring full is dropped and counted.
 *
 * Locking: rx_lock protects the ring; the handler takes it with
 * interrupts already off, serial_getc() with spin_lock_irqsave().  The
 * output path takes no lock: until other CPUs run, lines from different
 * CPUs cannot interleave, and a handler's printk may land in the middle
 * of another line, which is harmless.
 *
 * Modern Linux's 8250 driver sits under the serial core and the tty
 * layer: it also uses the transmit interrupt and FIFO for output, and a
 * tty's flip buffers and line discipline take the input; the console
 * write path is still polled, for the same reason as here.
 */
#include <asm/io.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/spinlock.h>

#define COM1_BASE	0x3f8
#define COM1_IRQ	4	/* ISA IRQ */
#define UART_CLOCK	115200	/* divisor 1 gives 115200 baud */
#define BAUD		115200

#define UART_RX		0	/* receive buffer (DLAB=0, read) */
#define UART_TX		0	/* transmit holding register (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_IER_RDI	0x01	/* interrupt when data is received */
#define UART_LCR_WLEN8	0x03	/* 8 data bits, 1 stop bit, no parity */
#define UART_LCR_DLAB	0x80	/* divisor latch access */
#define UART_FCR_ENABLE	0x07	/* FIFOs on, cleared; RX at 1 byte */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on PCs, gates the UART's IRQ line */
#define UART_MCR_LOOP	0x10	/* loopback: output goes to input */
#define UART_LSR_DR	0x01	/* receive data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter completely idle */

#define UART_MCR_NORMAL	(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2)

#define SERIAL_RX_SIZE	256	/* a power of two */

static u8 rx_buf[SERIAL_RX_SIZE];
static unsigned int rx_head;	/* rx_lock; next byte goes at rx_head */
static unsigned int rx_tail;	/* rx_lock; next byte read at rx_tail */
static unsigned long rx_overruns;	/* rx_lock */
static DEFINE_SPINLOCK(rx_lock);
static void (*rx_notify)(void);		/* set once, before input matters */
static bool rx_loopback;		/* serial_set_loopback() */

void serial_putc(char c)
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

/* ---- input ---- */

/* Caller holds rx_lock. */
static void rx_put(u8 c)
{
	if (rx_head - rx_tail == SERIAL_RX_SIZE) {
		rx_overruns++;
		return;
	}
	rx_buf[rx_head++ % SERIAL_RX_SIZE] = c;
}

/*
 * ISA IRQ 4.  Reading the receive buffer until the line status says it
 * is empty also drops the UART's interrupt request, so the next byte
 * makes a new edge for the edge-triggered IOAPIC pin.
 */
static void serial_interrupt(struct pt_regs *regs, void *data)
{
	void (*notify)(void) = READ_ONCE(rx_notify);

	spin_lock(&rx_lock);
	while (inb(COM1_BASE + UART_LSR) & UART_LSR_DR)
		rx_put(inb(COM1_BASE + UART_RX));
	spin_unlock(&rx_lock);
	if (notify && !READ_ONCE(rx_loopback))
		notify();
}

void serial_set_rx_notify(void (*notify)(void))
{
	WRITE_ONCE(rx_notify, notify);
}

int serial_getc(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&rx_lock, flags);
	if (rx_head != rx_tail)
		c = rx_buf[rx_tail++ % SERIAL_RX_SIZE];
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

unsigned long serial_rx_overruns(void)
{
	return READ_ONCE(rx_overruns);
}

int serial_rx_init(void)
{
	int vector = request_irq(COM1_IRQ, serial_interrupt, NULL, "ttyS0");

	if (vector < 0) {
		pr_warn("serial: no input interrupt for ttyS0 (error %d)\n",
			vector);
		return vector;
	}
	while (inb(COM1_BASE + UART_LSR) & UART_LSR_DR)	/* stale input */
		inb(COM1_BASE + UART_RX);
	outb(UART_MCR_NORMAL, COM1_BASE + UART_MCR);
	outb(UART_IER_RDI, COM1_BASE + UART_IER);
	pr_info("serial: ttyS0 input by interrupt: ISA IRQ %d on vector %#x\n",
		COM1_IRQ, vector);
	return 0;
}

/*
 * QEMU's 16550 raises the receive interrupt in loopback mode, which is
 * what the tests want.  (On a PC board the IRQ line is gated by the OUT2
 * pin, which loopback mode disconnects, so real hardware may stay quiet.)
 */
void serial_set_loopback(bool on)
{
	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_TEMT))
		;	/* let the bytes being sent reach the line first */
	if (on)
		WRITE_ONCE(rx_loopback, true);
	outb(UART_MCR_NORMAL | (on ? UART_MCR_LOOP : 0), COM1_BASE + UART_MCR);
	if (!on)
		WRITE_ONCE(rx_loopback, false);
}
