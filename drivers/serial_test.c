/*
 * Tests of the serial port's receive path (suite "serial"), in loopback
 * mode, where each byte sent lands in the UART's own receive FIFO: a
 * ring that fills throttles the UART (the receive interrupt masked, the
 * next bytes left in the FIFO) and reading it empty unthrottles and
 * loses nothing; a byte arriving at a full FIFO is a real overrun and
 * is counted once; /proc/tty/driver/serial's line counts what passed.
 *
 * Each byte of the ring's worth is sent only after the previous one was
 * received (the receive count moved), so which bytes end up in the
 * ring, in the FIFO or lost does not depend on how fast the interrupt
 * is taken.  Waits halt until the next interrupt and are bounded by a
 * number of interrupts, never by a time limit.  Console output during
 * loopback is held back and sent after (it would be received
 * otherwise), so expectations come after, to be printed in order.
 */
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/string.h>

#define WAIT_IRQS	1000	/* interrupts to wait at most */
#define TEST_BYTES	(SERIAL_RX_SIZE + UART_FIFO_SIZE)

struct loopback_run {
	struct uart_icount before, full, after;
	unsigned int sent;		/* bytes the ring took one by one */
	bool throttled;			/* after the ring filled */
	bool unthrottled;		/* after it was read empty */
	unsigned int got;
	u8 buf[TEST_BYTES + 1];
};

static u8 pattern(unsigned int i)
{
	return 'A' + i % 53;
}

static unsigned int received_since(const struct uart_icount *before)
{
	struct uart_icount now;

	serial_get_icount(&now);
	return now.rx - before->rx;
}

/* Send bytes until the ring is full, each after the last one arrived. */
static void fill_ring(struct loopback_run *run)
{
	int waits = 0;

	for (run->sent = 0; run->sent < SERIAL_RX_SIZE; run->sent++) {
		serial_putc(pattern(run->sent));
		while (received_since(&run->before) <= run->sent &&
		       waits++ < WAIT_IRQS)
			halt();
		if (received_since(&run->before) <= run->sent)
			return;
	}
	run->throttled = serial_rx_throttled();
}

static void read_back(struct loopback_run *run, unsigned int count)
{
	int c, waits = 0;

	while (run->got < count && waits < WAIT_IRQS) {
		c = serial_getc();
		if (c >= 0) {
			run->buf[run->got++] = c;
		} else {
			halt();
			waits++;
		}
	}
	run->unthrottled = !serial_rx_throttled();
}

/*
 * Fill the ring, then send extra more bytes (left in the FIFO or lost),
 * then read back up to TEST_BYTES.
 */
static void loopback_run(struct loopback_run *run, unsigned int extra)
{
	unsigned int i;

	memset(run, 0, sizeof(*run));
	while (serial_getc() >= 0)
		;
	serial_get_icount(&run->before);
	serial_set_loopback(true);
	fill_ring(run);
	for (i = 0; run->sent == SERIAL_RX_SIZE && i < extra; i++)
		serial_putc(pattern(SERIAL_RX_SIZE + i));
	serial_get_icount(&run->full);
	read_back(run, TEST_BYTES);
	serial_set_loopback(false);
	serial_get_icount(&run->after);
}

static void check_bytes(struct kunit *test, struct loopback_run *run)
{
	unsigned int i;

	for (i = 0; i < run->got; i++)
		if (run->buf[i] != pattern(i))
			break;
	KUNIT_EXPECT_EQ_MSG(test, i, run->got, "byte %u differs", i);
	KUNIT_EXPECT_EQ(test, serial_getc(), -1);
}

/*
 * The ring fills and throttles; the FIFO's worth sent then stays in the
 * UART (nothing more is read from it) and arrives once the ring is
 * read: every byte, in order, no overrun.
 */
static void serial_full_ring_throttles_and_loses_nothing(struct kunit *test)
{
	struct loopback_run *run = kmalloc(sizeof(*run), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, run);
	loopback_run(run, UART_FIFO_SIZE);
	KUNIT_EXPECT_EQ(test, run->sent, SERIAL_RX_SIZE);
	KUNIT_EXPECT_TRUE(test, run->throttled);
	KUNIT_EXPECT_EQ(test, run->full.rx - run->before.rx, SERIAL_RX_SIZE);
	KUNIT_EXPECT_EQ(test, run->got, TEST_BYTES);
	KUNIT_EXPECT_TRUE(test, run->unthrottled);
	KUNIT_EXPECT_EQ(test, run->after.rx - run->before.rx, TEST_BYTES);
	KUNIT_EXPECT_EQ(test, run->after.overrun, run->before.overrun);
	check_bytes(test, run);
	kfree(run);
}

/*
 * One byte more than the throttled UART can hold is lost by the UART
 * itself (LSR.OE): it is counted as one overrun, and the bytes before
 * it still arrive.
 */
static void serial_overrun_is_counted(struct kunit *test)
{
	struct loopback_run *run = kmalloc(sizeof(*run), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, run);
	loopback_run(run, UART_FIFO_SIZE + 1);
	KUNIT_EXPECT_EQ(test, run->sent, SERIAL_RX_SIZE);
	KUNIT_EXPECT_TRUE(test, run->throttled);
	KUNIT_EXPECT_EQ(test, run->got, TEST_BYTES);
	KUNIT_EXPECT_EQ(test, run->after.overrun - run->before.overrun, 1);
	check_bytes(test, run);
	kfree(run);
}

/*
 * Console and terminal output while the UART loops back, here from the
 * test itself as from any CPU or interrupt, is held back: only the byte
 * sent with serial_putc() is received.
 */
static void serial_console_stands_aside_in_loopback(struct kunit *test)
{
	static const unsigned char tty_msg[] = "held\n";
	struct uart_icount before, after;
	int c, first, second = -1, waits = 0;

	while (serial_getc() >= 0)
		;
	serial_get_icount(&before);
	serial_set_loopback(true);
	pr_info("serial: this line waits for the end of loopback\n");
	serial_tty_write(tty_msg, sizeof(tty_msg) - 1);
	serial_putc('Z');
	while ((first = serial_getc()) < 0 && waits++ < WAIT_IRQS)
		halt();
	for (waits = 0; waits < 2; waits++) {	/* a stray byte arrives too */
		c = serial_getc();
		if (c >= 0 && second < 0)
			second = c;
		halt();
	}
	serial_set_loopback(false);
	serial_get_icount(&after);

	KUNIT_EXPECT_EQ(test, first, 'Z');
	KUNIT_EXPECT_EQ(test, second, -1);
	KUNIT_EXPECT_EQ(test, after.rx - before.rx, 1);
	KUNIT_EXPECT_EQ(test, after.tx - before.tx, sizeof(tty_msg) - 1);
}

/* Linux's serial core format, with the counts of what passed. */
static void serial_proc_show_format(struct kunit *test)
{
	char *text = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct uart_icount ic;
	char expect[80];
	const char *port;
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, text);
	len = serial_proc_show(text, PAGE_SIZE);
	serial_get_icount(&ic);
	KUNIT_EXPECT_EQ(test, len, strlen(text));
	KUNIT_ASSERT_EQ(test, text[len - 1], '\n');
	port = strchr(text, '\n') + 1;
	kunit_info(test, "%.*s", (int)(text + len - 1 - port), port);
	snprintf(expect, sizeof(expect), "serinfo:1.0 driver revision:\n"
		 "0: uart:16550A port:000003F8 irq:4 tx:%u rx:%u", ic.tx, ic.rx);
	KUNIT_EXPECT_EQ_MSG(test, strncmp(text, expect, strlen(expect)), 0,
			    "expected \"%s\"", expect);
	snprintf(expect, sizeof(expect), " oe:%u ", ic.overrun);
	KUNIT_EXPECT_EQ(test, !!strstr(text, expect), ic.overrun != 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " RTS|"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "|DTR"));
	kfree(text);
}

static struct kunit_case serial_cases[] = {
	KUNIT_CASE(serial_full_ring_throttles_and_loses_nothing),
	KUNIT_CASE(serial_overrun_is_counted),
	KUNIT_CASE(serial_console_stands_aside_in_loopback),
	KUNIT_CASE(serial_proc_show_format),
	{}
};

static struct kunit_suite serial_suite = {
	.name = "serial",
	.test_cases = serial_cases,
};
kunit_test_suite(serial_suite);
