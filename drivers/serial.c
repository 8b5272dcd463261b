/*
 * COM1, a 16550 UART, as the kernel's main console: 115200 baud, 8 data
 * bits, no parity, 1 stop bit (8N1).  Register names from the PC16550D
 * data sheet.  "\n" is sent as "\r\n" for terminals.
 *
 * Output is polled: serial_putc() waits for the transmit holding
 * register to empty, so printk works from the first line of boot, with
 * interrupts off, and from any handler.  Input arrives by interrupt once
 * serial_rx_init() has run: the UART raises ISA IRQ 4 when a byte is
 * received (IER bit 0, ERBFI), the IOAPIC delivers it (request_irq),
 * and the handler moves the waiting bytes into a ring buffer that
 * serial_getc() empties without ever blocking, then calls the receive
 * notifier, if one is set (the console terminal: it wakes the thread
 * that feeds the bytes to the line discipline).  In loopback mode the
 * notifier is not called: the bytes belong to the test that turned
 * loopback on.
 *
 * Flow control (Linux's throttle): no byte is read from the UART that
 * the ring has no room for.  When the ring fills, the handler masks the
 * receive interrupt and leaves further bytes in the UART, whose 16-byte
 * FIFO then fills; QEMU stops reading its character device while the
 * FIFO is full, so the rest of a paste waits on the host side.  Once
 * serial_getc() has emptied the ring to half, it moves what the UART
 * holds into the ring and unmasks the interrupt.  The console terminal
 * in turn takes no byte from the ring while its line discipline is full
 * (drivers/tty/console.c), so a reader that stops reading stops the
 * sender, and nothing is dropped on the way.  What a real UART still
 * loses, a byte arriving at a full FIFO, shows as the overrun bit of
 * the line status (LSR.OE); it is counted wherever LSR is read, with
 * the bytes received and sent, and /proc/tty/driver/serial shows the
 * counts in Linux's format.
 *
 * Invariants: rx_head - rx_tail is the number of bytes waiting, at most
 * SERIAL_RX_SIZE (both only grow; the buffer index is their value modulo
 * the size).  The receive interrupt is enabled exactly when
 * serial_rx_init() has run and the ring is not throttled; the ring is
 * throttled only after it was full, and unthrottled at half.
 *
 * Loopback mode (tests only) would turn console output from other CPUs,
 * or from an interrupt, into received bytes.  So while it is on, the
 * console and the console terminal stand aside without waiting: their
 * bytes go into a hold buffer, sent when loopback ends (what does not
 * fit is counted and reported then).  Only serial_putc() reaches the
 * looped-back UART.  Nobody spins on the loopback owner, so neither a
 * printk on its own CPU nor one with interrupts off on the CPU that
 * takes IRQ 4 can stall the test or deadlock.
 *
 * Locking: rx_lock protects the ring, the throttle state and IER; the
 * handler takes it with interrupts already off, the others with
 * spin_lock_irqsave().  The counters are atomic.  The output path takes
 * no lock: a handler's printk may land in the middle of another line,
 * which is harmless.  It counts itself in tx_writers while it writes
 * to the UART, and checks rx_loopback after (full barriers on both
 * sides), so serial_set_loopback(true) sees every writer that did not
 * see the flag and waits for it to finish.  hold_lock protects the
 * hold buffer and, with rx_loopback read under it, orders the flush at
 * the end of loopback before any later direct write.
 *
 * Modern Linux's 8250 driver sits under the serial core and the tty
 * layer: it also uses the transmit interrupt and FIFO for output, and a
 * tty's flip buffers (up to 64 KiB) and line discipline take the input;
 * it throttles with RTS/CTS or XON/XOFF when the terminal asks for it,
 * and otherwise lets the UART overrun.  The console write path is still
 * polled, for the same reason as here.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/spinlock.h>

#define COM1_BASE	0x3f8
#define COM1_IRQ	4	/* ISA IRQ 4, Linux IRQ 4 */
#define UART_CLOCK	115200	/* divisor 1 gives 115200 baud */
#define BAUD		115200

#define UART_RX		0	/* receive buffer (DLAB=0, read) */
#define UART_TX		0	/* transmit holding register (DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_IIR	2	/* interrupt identification (read) */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_MSR	6	/* modem status */

#define UART_IER_RDI	0x01	/* ERBFI: interrupt when data is received */
#define UART_IIR_FIFO	0xc0	/* both set: the FIFOs work (16550A) */
#define UART_LCR_WLEN8	0x03	/* 8 data bits, 1 stop bit, no parity */
#define UART_LCR_DLAB	0x80	/* divisor latch access */
#define UART_FCR_ENABLE	0x07	/* FIFOs on, cleared; RX at 1 byte */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on PCs, gates the UART's IRQ line */
#define UART_MCR_LOOP	0x10	/* loopback: output goes to input */
#define UART_LSR_DR	0x01	/* receive data ready */
#define UART_LSR_OE	0x02	/* overrun: a byte was lost */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter completely idle */
#define UART_MSR_CTS	0x10	/* clear to send */
#define UART_MSR_DSR	0x20	/* data set ready */
#define UART_MSR_RI	0x40	/* ring indicator */
#define UART_MSR_DCD	0x80	/* data carrier detect */

#define UART_MCR_NORMAL	(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2)

static u8 rx_buf[SERIAL_RX_SIZE];
static unsigned int rx_head;	/* rx_lock; next byte goes at rx_head */
static unsigned int rx_tail;	/* rx_lock; next byte read at rx_tail */
static bool rx_enabled;		/* rx_lock; serial_rx_init() has run */
static bool rx_throttled;	/* rx_lock; ring was full: ERBFI masked */
static DEFINE_SPINLOCK(rx_lock);
static void (*rx_notify)(void);		/* set once, before input matters */
static bool rx_loopback;		/* serial_set_loopback() */
static atomic_t tx_writers;		/* writing to the UART directly */
#define SERIAL_HOLD_SIZE	8192
static char hold_buf[SERIAL_HOLD_SIZE];	/* hold_lock; output in loopback */
static unsigned int hold_len;		/* hold_lock */
static unsigned int hold_lost;		/* hold_lock; bytes that did not fit */
static DEFINE_SPINLOCK(hold_lock);
static struct uart_icount icount;	/* atomic */
static const char *uart_type = "unknown";	/* serial_init() */

static void icount_inc(unsigned int *counter)
{
	__atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
}

/* Read the line status; reading clears its overrun bit, so count it. */
static u8 serial_lsr_in(void)
{
	u8 lsr = inb(COM1_BASE + UART_LSR);

	if (lsr & UART_LSR_OE)
		icount_inc(&icount.overrun);
	return lsr;
}

void serial_putc(char c)
{
	while (!(serial_lsr_in() & UART_LSR_THRE))
		;
	outb(c, COM1_BASE + UART_TX);
}

/* Send or hold one byte of console output; hold_lock held to hold. */
static void serial_out_byte(char c, bool hold)
{
	if (!hold)
		serial_putc(c);
	else if (hold_len < SERIAL_HOLD_SIZE)
		hold_buf[hold_len++] = c;
	else
		hold_lost++;
}

static void serial_out_bytes(const char *s, size_t len, bool crlf, bool hold)
{
	while (len--) {
		if (crlf && *s == '\n')
			serial_out_byte('\r', hold);
		serial_out_byte(*s++, hold);
	}
}

/* Hold the bytes if loopback is on; false: it is off, send them. */
static bool serial_hold(const char *s, size_t len, bool crlf)
{
	unsigned long flags;
	bool on;

	spin_lock_irqsave(&hold_lock, flags);
	on = READ_ONCE(rx_loopback);
	if (on)
		serial_out_bytes(s, len, crlf, true);
	spin_unlock_irqrestore(&hold_lock, flags);
	return on;
}

/* Console output: to the UART, or to the hold buffer during loopback. */
static void serial_out(const char *s, size_t len, bool crlf)
{
	for (;;) {
		atomic_inc(&tx_writers);
		smp_mb();	/* pairs with serial_set_loopback(true) */
		if (!READ_ONCE(rx_loopback)) {
			serial_out_bytes(s, len, crlf, false);
			atomic_dec(&tx_writers);
			return;
		}
		atomic_dec(&tx_writers);
		if (serial_hold(s, len, crlf))
			return;
	}
}

static void serial_write(const char *s, unsigned int len)
{
	serial_out(s, len, true);
}

void serial_tty_write(const unsigned char *buf, size_t len)
{
	serial_out((const char *)buf, len, false);
	__atomic_add_fetch(&icount.tx, len, __ATOMIC_RELAXED);
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
	if ((inb(COM1_BASE + UART_IIR) & UART_IIR_FIFO) == UART_IIR_FIFO)
		uart_type = "16550A";
	register_console(&serial_console);
}

/* ---- input ---- */

/* Caller holds rx_lock: the receive interrupt on or off, as it must be. */
static void serial_update_ier(void)
{
	outb(rx_enabled && !rx_throttled ? UART_IER_RDI : 0,
	     COM1_BASE + UART_IER);
}

/*
 * Caller holds rx_lock.  Move the bytes the UART holds into the ring
 * while it has room; a full ring throttles: the rest stays in the UART.
 */
static void serial_rx_chars(void)
{
	while (rx_head - rx_tail < SERIAL_RX_SIZE) {
		if (!(serial_lsr_in() & UART_LSR_DR))
			return;
		rx_buf[rx_head++ % SERIAL_RX_SIZE] = inb(COM1_BASE + UART_RX);
		icount_inc(&icount.rx);
	}
	if (!rx_throttled) {
		rx_throttled = true;
		serial_update_ier();
	}
}

/* Caller holds rx_lock; the ring is half empty: take input again. */
static void serial_unthrottle(void)
{
	rx_throttled = false;
	serial_rx_chars();
	if (!rx_throttled)
		serial_update_ier();
}

/*
 * IRQ 4.  Reading the receive buffer until the line status says it is
 * empty, or masking the interrupt when the ring is full, drops the
 * UART's interrupt request, so the next byte (or the unmasking, with
 * bytes waiting) makes a new edge for the edge-triggered IOAPIC pin;
 * and were the pin level triggered, the line is low again before the
 * end of interrupt.  Only the receive interrupt is ever enabled, so the
 * interrupt is always ours.
 */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	void (*notify)(void) = READ_ONCE(rx_notify);

	spin_lock(&rx_lock);
	serial_rx_chars();
	spin_unlock(&rx_lock);
	if (notify && !READ_ONCE(rx_loopback))
		notify();
	return IRQ_HANDLED;
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
	if (rx_throttled && rx_head - rx_tail <= SERIAL_RX_SIZE / 2)
		serial_unthrottle();
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

bool serial_rx_throttled(void)
{
	unsigned long flags;
	bool throttled;

	spin_lock_irqsave(&rx_lock, flags);
	throttled = rx_throttled;
	spin_unlock_irqrestore(&rx_lock, flags);
	return throttled;
}

void serial_get_icount(struct uart_icount *ic)
{
	ic->rx = __atomic_load_n(&icount.rx, __ATOMIC_RELAXED);
	ic->tx = __atomic_load_n(&icount.tx, __ATOMIC_RELAXED);
	ic->overrun = __atomic_load_n(&icount.overrun, __ATOMIC_RELAXED);
}

/*
 * Bytes typed before this point wait in the UART (QEMU holds the rest):
 * they go into the ring, not away, once the handler is in place.
 *
 * An initcall: it needs request_irq(), so the IOAPIC, which
 * interrupts_init() set up before any initcall runs.  It runs at the
 * subsys level, before the console terminal (a device_initcall) sets
 * the receive notifier and takes what waited in the ring.
 */
static int serial_rx_init(void)
{
	int ret = request_irq(COM1_IRQ, serial_interrupt, 0, "ttyS0", NULL);
	unsigned long flags;

	if (ret) {
		pr_warn("serial: no input interrupt for ttyS0 (error %d)\n",
			ret);
		return ret;
	}
	outb(UART_MCR_NORMAL, COM1_BASE + UART_MCR);
	spin_lock_irqsave(&rx_lock, flags);
	rx_enabled = true;
	serial_rx_chars();
	serial_update_ier();
	spin_unlock_irqrestore(&rx_lock, flags);
	pr_info("serial: ttyS0 input by interrupt: IRQ %d\n", COM1_IRQ);
	return 0;
}
subsys_initcall(serial_rx_init);

/* Let the bytes being sent leave the transmitter first. */
static void serial_wait_idle(void)
{
	while (!(serial_lsr_in() & UART_LSR_TEMT))
		;
}

/* Send what console output was held during loopback, then stop holding. */
static void serial_flush_held(void)
{
	unsigned long flags;
	unsigned int lost;

	spin_lock_irqsave(&hold_lock, flags);
	serial_out_bytes(hold_buf, hold_len, false, false);
	hold_len = 0;
	lost = hold_lost;
	hold_lost = 0;
	WRITE_ONCE(rx_loopback, false);
	spin_unlock_irqrestore(&hold_lock, flags);
	if (lost)
		pr_warn("serial: %u bytes of console output lost in loopback\n",
			lost);
}

/*
 * QEMU's 16550 raises the receive interrupt in loopback mode, which is
 * what the tests want.  (On a PC board the IRQ line is gated by the OUT2
 * pin, which loopback mode disconnects, so real hardware may stay quiet.)
 * Console output is held from the moment loopback is asked for; the
 * writers already past the check finish before the UART turns around.
 */
void serial_set_loopback(bool on)
{
	if (on) {
		WRITE_ONCE(rx_loopback, true);
		smp_mb();	/* pairs with serial_out() */
		while (atomic_read(&tx_writers))
			cpu_relax();
		serial_wait_idle();
		outb(UART_MCR_NORMAL | UART_MCR_LOOP, COM1_BASE + UART_MCR);
	} else {
		serial_wait_idle();
		outb(UART_MCR_NORMAL, COM1_BASE + UART_MCR);
		serial_flush_held();
	}
}

/* ---- /proc/tty/driver/serial ---- */

/* Linux's modem line names: RTS and DTR ours (MCR), the rest the peer's. */
static size_t serial_mctrl_show(char *buf, size_t size)
{
	static const struct {
		u8 bit;
		bool msr;
		const char *name;
	} lines[] = {
		{ UART_MCR_RTS, false, "RTS" }, { UART_MSR_CTS, true, "CTS" },
		{ UART_MCR_DTR, false, "DTR" }, { UART_MSR_DSR, true, "DSR" },
		{ UART_MSR_DCD, true, "CD" }, { UART_MSR_RI, true, "RI" },
	};
	u8 mcr = inb(COM1_BASE + UART_MCR), msr = inb(COM1_BASE + UART_MSR);
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		if ((lines[i].msr ? msr : mcr) & lines[i].bit)
			len += scnprintf(buf + len, size - len, "%c%s",
					 len ? '|' : ' ', lines[i].name);
	return len;
}

size_t serial_proc_show(char *buf, size_t size)
{
	struct uart_icount ic;
	size_t len;

	serial_get_icount(&ic);
	len = scnprintf(buf, size, "serinfo:1.0 driver revision:\n");
	len += scnprintf(buf + len, size - len,
			 "0: uart:%s port:%08X irq:%d tx:%u rx:%u", uart_type,
			 COM1_BASE, COM1_IRQ, ic.tx, ic.rx);
	if (ic.overrun)
		len += scnprintf(buf + len, size - len, " oe:%u", ic.overrun);
	len += serial_mctrl_show(buf + len, size - len);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}
