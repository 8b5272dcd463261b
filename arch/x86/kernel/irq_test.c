/*
 * Tests of interrupt delivery and of the IRQ layer (suite "irq").
 *
 * Vectors: self-IPIs through the local APIC reach their handler and are
 * counted, an IPI to a vector without a handler is counted as an error
 * and the kernel goes on, taken vectors are refused.  IOAPIC lines: ISA
 * interrupts arrive (the serial port in loopback mode on IRQ 4, edge and
 * then level triggered; the PIT on IRQ 0 through its MADT override to
 * GSI 2), trigger types program the pin, and the 8259s stay masked.
 * request_irq()/free_irq(): Linux's rules for sharing and bad
 * arguments, every handler of a shared line called, unhandled
 * interrupts counted, the pin unmasked from the first action to the
 * last, a line nobody handles masked.  MSI: an IRQ with its own vector
 * and the message that raises it, delivered as that message would be
 * (an IPI with the same vector to the same APIC: a CPU cannot send a
 * real MSI, its writes to 0xFEE00000 reach its own APIC's registers;
 * the PCI tests deliver one from a device).  /proc/interrupts in
 * Linux's layout.
 *
 * The shared-line cases use TEST_IRQ, ISA IRQ 3 (COM2), which has no
 * device in any configuration here, and raise its vector by self-IPI,
 * so each interrupt is one the test sent.  Handlers and their data are
 * static, and the suite's exit frees whatever a failed case left
 * requested.  Waits halt until the next interrupt between checks and are
 * bounded by a number of interrupts (the tick brings one every 10 ms),
 * never by a time limit, so a slow or loaded host only makes them take
 * longer.  Interrupts are on while every case runs.
 */
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/i8253.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/msidef.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/msi.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#define WAIT_IRQS	1000		/* interrupts to wait at most */
#define SHOW_SIZE	8192		/* interrupts_show() text */
#define TEST_IRQ	3		/* COM2's line: no device on it */
#define NR_PROBES	3

/* Halt until cond holds, at most WAIT_IRQS interrupts; returns cond. */
#define WAIT_UNTIL(cond)					\
	({							\
		int __n;					\
		for (__n = 0; __n < WAIT_IRQS && !(cond); __n++)	\
			halt();					\
		(cond);						\
	})

/* A handler's record of its calls; ret is what it answers. */
struct irq_probe {
	volatile unsigned long hits;
	int cpu;
	int irq;
	unsigned long vector;
	irqreturn_t ret;
	int requested;			/* the IRQ it holds, or -1 */
};

static struct irq_probe probes[NR_PROBES];
static int test_msi[2];			/* MSIs a case holds, or -1 */

static void probe_vector(struct pt_regs *regs, void *data)
{
	struct irq_probe *p = data;

	p->cpu = smp_processor_id();
	p->vector = regs->vector;
	p->hits++;
}

static irqreturn_t probe_irq(int irq, void *dev_id)
{
	struct irq_probe *p = dev_id;

	p->cpu = smp_processor_id();
	p->irq = irq;
	p->hits++;
	return p->ret;
}

static const char *const probe_names[NR_PROBES] = {
	"kunit A", "kunit B", "kunit C"
};

/* request_irq() for probe i, remembered for the suite's exit. */
static int probe_request(int i, unsigned int irq, unsigned long flags)
{
	int ret = request_irq(irq, probe_irq, flags, probe_names[i],
			      &probes[i]);

	if (!ret)
		probes[i].requested = irq;
	return ret;
}

static const char *probe_free(int i)
{
	const char *name = free_irq(probes[i].requested, &probes[i]);

	probes[i].requested = -1;
	return name;
}

static int irq_test_init(struct kunit *test)
{
	int i;

	memset(probes, 0, sizeof(probes));
	for (i = 0; i < NR_PROBES; i++)
		probes[i].requested = -1;
	test_msi[0] = test_msi[1] = -1;
	irq_set_irq_type(TEST_IRQ, IRQ_TYPE_EDGE_RISING);
	return 0;
}

static void irq_test_exit(struct kunit *test)
{
	int i;

	for (i = 0; i < NR_PROBES; i++)
		if (probes[i].requested >= 0)
			probe_free(i);
	for (i = 0; i < 2; i++)
		if (test_msi[i] >= 0)
			irq_free_msi(test_msi[i]);
	irq_set_irq_type(TEST_IRQ, IRQ_TYPE_EDGE_RISING);
}

static int irq_vector(unsigned int irq)
{
	return READ_ONCE(irq_to_desc(irq)->vector);
}

static u32 test_irq_entry(void)
{
	bool level, active_low;

	return ioapic_read_entry(isa_irq_to_gsi(TEST_IRQ, &level,
						&active_low));
}

/* Raise irq's vector on this CPU and wait until handler p has run. */
static bool raise_and_wait(unsigned int irq, struct irq_probe *p)
{
	unsigned long hits = p->hits;

	if (apic_send_ipi_self(irq_vector(irq)))
		return false;
	return WAIT_UNTIL(p->hits > hits);
}

/* ---- /proc/interrupts text ---- */

static char *interrupts_text(struct kunit *test)
{
	char *text = kmalloc(SHOW_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, text);
	interrupts_show(text, SHOW_SIZE);
	return text;
}

/* The line whose first field is label ("4", "LOC"), copied; or "". */
static void show_line(const char *text, const char *label, char *line,
		      size_t size)
{
	size_t n = strlen(label);
	const char *p, *end;

	line[0] = 0;
	for (p = text; p && *p; p = end ? end + 1 : NULL) {
		end = strchr(p, '\n');
		while (*p == ' ')
			p++;
		if (strncmp(p, label, n) || p[n] != ':')
			continue;
		n = end ? (size_t)(end - p) : strlen(p);
		n = min(n, size - 1);
		memcpy(line, p, n);
		line[n] = 0;
		return;
	}
}

/* The count in column col of the line labelled label, or -1. */
static long show_count(struct kunit *test, const char *label, int col)
{
	char *text = interrupts_text(test);
	char line[160];
	const char *p;
	long value = -1;
	int i;

	show_line(text, label, line, sizeof(line));
	kfree(text);
	if (!line[0])
		return -1;
	p = line + strlen(label) + 1;
	for (i = 0; i <= col; i++) {
		while (*p == ' ')
			p++;
		for (value = 0; *p >= '0' && *p <= '9'; p++)
			value = value * 10 + *p - '0';
	}
	return value;
}

/* The part of irq's line after its counts: "IO-APIC   4-edge  ttyS0". */
static void show_irq_tail(struct kunit *test, unsigned int irq, char *tail,
			  size_t size)
{
	char *text = interrupts_text(test);
	char label[8], line[160];
	const char *p;
	int cpu;

	snprintf(label, sizeof(label), "%u", irq);
	show_line(text, label, line, sizeof(line));
	kfree(text);
	p = line[0] ? line + strlen(label) + 1 : line;
	for (cpu = 0; cpu < nr_cpu_ids && *p; cpu++) {
		while (*p == ' ')
			p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	while (*p == ' ')
		p++;
	strscpy(tail, p, size);
}

/* ---- vectors ---- */

static void irq_self_ipi_runs_handler(struct kunit *test)
{
	struct irq_probe *p = &probes[0];
	int cpu = smp_processor_id();
	unsigned long before;
	int v;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	v = alloc_vector(probe_vector, p, "kunit self-IPI");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_LT(test, v, FIRST_SYSTEM_VECTOR);
	before = vector_count(v, cpu);
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(v), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p->hits >= 1));
	/* The same through the ICR, naming this CPU by its APIC id. */
	KUNIT_EXPECT_EQ(test, apic_send_ipi(this_cpu()->apic_id, v), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p->hits >= 2));
	KUNIT_EXPECT_EQ(test, p->hits, 2);
	KUNIT_EXPECT_EQ(test, p->cpu, cpu);
	KUNIT_EXPECT_EQ(test, p->vector, v);
	KUNIT_EXPECT_EQ(test, vector_count(v, cpu), before + 2);
	free_vector(v);
}

static void irq_unexpected_vector_counted(struct kunit *test)
{
	int cpu = smp_processor_id();
	unsigned long before;
	long err_before;
	char expect[48];
	const char *out;
	int v;

	/* A vector that was just free: a handler came and went. */
	v = alloc_vector(probe_vector, &probes[0], "kunit gone");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	free_vector(v);
	err_before = show_count(test, "ERR", 0);
	KUNIT_ASSERT_GE(test, err_before, 0);
	before = vector_count(v, cpu);

	kunit_info(test, "an \"unexpected interrupt\" line follows; it is expected");
	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(v), 0);
	WAIT_UNTIL(vector_count(v, cpu) > before);
	out = kunit_capture_stop();

	KUNIT_EXPECT_EQ(test, vector_count(v, cpu), before + 1);
	KUNIT_EXPECT_EQ(test, show_count(test, "ERR", 0), err_before + 1);
	snprintf(expect, sizeof(expect),
		 "unexpected interrupt on vector %d", v);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, expect), "log: %s", out);
}

static void irq_taken_vectors_refused(struct kunit *test)
{
	struct irq_probe *p = &probes[0];
	int v;

	KUNIT_EXPECT_EQ(test, request_vector(LOCAL_TIMER_VECTOR, probe_vector,
					     p, "kunit"), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_vector(ERROR_APIC_VECTOR, probe_vector,
					     p, "kunit"), -EBUSY);
	v = alloc_vector(probe_vector, p, "kunit");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_EQ(test, request_vector(v, probe_vector, p, "kunit"),
			-EBUSY);
	free_vector(v);
	KUNIT_EXPECT_EQ(test, request_vector(v, probe_vector, p, "kunit"), 0);
	free_vector(v);
	/* The serial port's IRQ holds a vector too. */
	KUNIT_EXPECT_EQ(test, request_vector(irq_vector(4), probe_vector, p,
					     "kunit"), -EBUSY);
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(3), -EINVAL);
	KUNIT_EXPECT_EQ(test, apic_send_startup(0, 0x100), -EINVAL);
	KUNIT_EXPECT_EQ(test, p->hits, 0);
}

/* ---- IOAPIC lines ---- */

/* The serial port's IOAPIC entry: unmasked, edge, its IRQ's vector. */
static void serial_entry_check(struct kunit *test)
{
	bool level, active_low;
	unsigned int gsi = isa_irq_to_gsi(4, &level, &active_low);
	u32 entry = ioapic_read_entry(gsi);

	KUNIT_EXPECT_FALSE(test, level);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	KUNIT_EXPECT_EQ(test, entry & IO_APIC_REDIR_VECTOR_MASK, irq_vector(4));
	KUNIT_EXPECT_GE(test, irq_vector(4), FIRST_EXTERNAL_VECTOR);
}

/*
 * Nothing may be printed while the UART loops back: it would land in the
 * receive buffer instead of the log.  So the expectations come after.
 */
static void irq_serial_loopback(struct kunit *test)
{
	static const u8 msg[] = { 'F', 'e', 'r', 'r', 'y', 0, '\n', 0xff };
	struct uart_icount ic, old_ic;
	unsigned long before;
	u8 got[sizeof(msg)];
	unsigned int n = 0, i;
	int c, waits;

	serial_entry_check(test);
	while (serial_getc() >= 0)
		;
	before = kstat_irqs_cpu(4, 0);
	serial_get_icount(&old_ic);

	serial_set_loopback(true);
	for (i = 0; i < sizeof(msg); i++)
		serial_putc(msg[i]);
	for (waits = 0; n < sizeof(msg) && waits < WAIT_IRQS; ) {
		c = serial_getc();
		if (c >= 0) {
			got[n++] = c;
		} else {
			halt();
			waits++;
		}
	}
	serial_set_loopback(false);
	serial_get_icount(&ic);

	KUNIT_EXPECT_EQ(test, n, sizeof(msg));
	KUNIT_EXPECT_MEMEQ(test, got, msg, n);
	KUNIT_EXPECT_GT(test, kstat_irqs_cpu(4, 0), before);
	KUNIT_EXPECT_EQ(test, ic.rx - old_ic.rx, sizeof(msg));
	KUNIT_EXPECT_EQ(test, ic.overrun, old_ic.overrun);
	KUNIT_EXPECT_EQ(test, serial_getc(), -1);
}

/* Wait out a run of irq's handlers on another CPU (they hold the lock). */
static void irq_wait_handlers(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	spin_lock_irqsave(&desc->lock, flags);
	spin_unlock_irqrestore(&desc->lock, flags);
}

/* Halt until the UART has received n bytes since start; false if not. */
static bool wait_received(const struct uart_icount *start, unsigned int n)
{
	struct uart_icount now;
	int waits;

	for (waits = 0;; waits++) {
		serial_get_icount(&now);
		if (now.rx - start->rx >= n)
			return true;
		if (waits == WAIT_IRQS)
			return false;
		halt();
	}
}

/*
 * Send each byte once the one before was received and its handler run
 * has ended: each byte needs an interrupt of its own.  The count of
 * bytes sent.
 */
static unsigned int loopback_one_by_one(unsigned int count)
{
	struct uart_icount start;
	unsigned int sent;

	serial_get_icount(&start);
	for (sent = 0; sent < count; sent++) {
		serial_putc('a' + sent);
		if (!wait_received(&start, sent + 1))
			break;
		irq_wait_handlers(4);
	}
	return sent;
}

/*
 * IRQ 4 switched to level triggered while the serial driver holds it:
 * the entry changes at once, and bytes sent one at a time, each needing
 * a new interrupt, all arrive.  With a level-triggered pin the IOAPIC
 * sends nothing more until the end of interrupt clears its Remote IRR
 * bit; had the EOI not reached it, the second byte would never come.
 */
static void irq_level_triggered_serial(struct kunit *test)
{
	bool level, active_low;
	unsigned int gsi = isa_irq_to_gsi(4, &level, &active_low);
	unsigned long before;
	unsigned int sent, n = 0;
	u32 entry;

	while (serial_getc() >= 0)
		;
	KUNIT_ASSERT_EQ(test, irq_set_irq_type(4, IRQ_TYPE_LEVEL_HIGH), 0);
	entry = ioapic_read_entry(gsi);
	before = kstat_irqs_cpu(4, 0);

	serial_set_loopback(true);
	sent = loopback_one_by_one(8);
	serial_set_loopback(false);
	while (serial_getc() >= 0)
		n++;
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(!(ioapic_read_entry(gsi) &
					       IO_APIC_REDIR_REMOTE_IRR)));
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(4, IRQ_TYPE_EDGE_RISING), 0);

	KUNIT_EXPECT_TRUE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_ACTIVE_LOW);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_EQ(test, sent, 8);
	KUNIT_EXPECT_EQ(test, n, 8);
	KUNIT_EXPECT_GE(test, kstat_irqs_cpu(4, 0) - before, 8);
	serial_entry_check(test);
}

/* PIT channel 0 as a 100 Hz rate generator, then stopped (mode 0). */
static void pit_ch0_set(bool periodic)
{
	u16 count = periodic ? PIT_TICK_RATE / 100 : 0xffff;

	outb(PIT_SEL_CH0 | PIT_RW_LOHI |
	     (periodic ? PIT_MODE_RATE : PIT_MODE_TERMINAL), PIT_MODE);
	outb(count & 0xff, PIT_CH0);
	outb(count >> 8, PIT_CH0);
}

/* IRQ 0 (the PIT) arrives on GSI 2, as QEMU's MADT override says. */
static void irq_request_irq_follows_override(struct kunit *test)
{
	struct irq_probe *p = &probes[0];
	bool level, active_low;
	unsigned int gsi = isa_irq_to_gsi(0, &level, &active_low);
	char tail[64];
	u32 entry;

	KUNIT_EXPECT_EQ(test, gsi, 2);
	KUNIT_EXPECT_FALSE(test, level);
	KUNIT_EXPECT_FALSE(test, active_low);
	pit_ch0_set(true);
	KUNIT_ASSERT_EQ(test, probe_request(0, 0, 0), 0);
	entry = ioapic_read_entry(gsi);
	KUNIT_EXPECT_EQ(test, entry & IO_APIC_REDIR_VECTOR_MASK, irq_vector(0));
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p->hits >= 3));
	show_irq_tail(test, 0, tail, sizeof(tail));
	KUNIT_EXPECT_STREQ(test, tail, "IO-APIC   2-edge      kunit A");
	KUNIT_EXPECT_STREQ(test, probe_free(0), "kunit A");
	pit_ch0_set(false);
	KUNIT_EXPECT_TRUE(test, ioapic_read_entry(gsi) & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_EQ(test, p->cpu, 0);
	KUNIT_EXPECT_EQ(test, p->irq, 0);
	/* Free again: the IRQ can be requested anew. */
	KUNIT_EXPECT_EQ(test, probe_request(0, 0, 0), 0);
}

/*
 * The overrides' trigger modes and polarities are decoded and are the
 * initial types of their IRQs (unless a driver set another: the PCI
 * core makes its lines level, active high).
 */
static void irq_override_flags_decoded(struct kunit *test)
{
	bool level, active_low;
	unsigned int gsi, type;
	int i;

	for (i = 0; i < acpi_info.nr_overrides; i++) {
		const struct acpi_override *o = &acpi_info.overrides[i];

		if (o->bus != 0 || o->source >= NR_IRQS_LEGACY)
			continue;
		gsi = isa_irq_to_gsi(o->source, &level, &active_low);
		KUNIT_EXPECT_EQ_MSG(test, gsi, o->gsi, "IRQ %u", o->source);
		KUNIT_EXPECT_EQ_MSG(test, level, ((o->flags >> 2) & 3) == 3,
				    "IRQ %u flags %#x", o->source, o->flags);
		KUNIT_EXPECT_EQ_MSG(test, active_low, (o->flags & 3) == 3,
				    "IRQ %u flags %#x", o->source, o->flags);
		type = irq_to_desc(o->source)->trigger;
		KUNIT_EXPECT_EQ_MSG(test, !!(type & IRQ_TYPE_LEVEL_MASK), level,
				    "IRQ %u type %#x", o->source, type);
		if (!level)	/* a level line may be the PCI core's now */
			KUNIT_EXPECT_EQ_MSG(test, type, active_low ?
					    IRQ_TYPE_EDGE_FALLING :
					    IRQ_TYPE_EDGE_RISING,
					    "IRQ %u", o->source);
	}
}

static void irq_pics_masked(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, inb(PIC_MASTER_IMR), 0xff);
	KUNIT_EXPECT_EQ(test, inb(PIC_SLAVE_IMR), 0xff);
	KUNIT_EXPECT_EQ(test, i8259_read_imr(), 0xffff);
	/* And the path they would take, LINT0, is closed too. */
	KUNIT_EXPECT_TRUE(test, apic_read(APIC_LVT0) & APIC_LVT_MASKED);
}

/* ---- request_irq() and free_irq() ---- */

/* TEST_IRQ is free, masked and without a vector. */
static void test_irq_idle_check(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, irq_to_desc(TEST_IRQ)->action);
	KUNIT_EXPECT_EQ(test, irq_vector(TEST_IRQ), 0);
	KUNIT_EXPECT_TRUE(test, test_irq_entry() & IO_APIC_REDIR_MASKED);
}

static void irq_request_irq_bad_args(struct kunit *test)
{
	struct irq_probe *p = &probes[0];
	bool level, active_low;

	test_irq_idle_check(test);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, NULL, 0, "kunit", p),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, probe_irq, IRQF_SHARED,
					  "kunit", NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS, probe_irq, 0, "kunit", p),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(-1, probe_irq, 0, "kunit", p),
			-EINVAL);
	/* An MSI number nobody allocated (they go lowest first). */
	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS - 1, probe_irq, 0, "kunit",
					  p), -EINVAL);
	/* A line cannot be both level high and level low. */
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, probe_irq,
					  IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW,
					  "kunit", p), -EINVAL);
	/* With IRQ 0 on GSI 2, IRQ 2 (the cascade) has no pin. */
	if (isa_irq_to_gsi(0, &level, &active_low) == 2)
		KUNIT_EXPECT_EQ(test, request_irq(2, probe_irq, 0, "kunit", p),
				-EINVAL);
	test_irq_idle_check(test);
	KUNIT_EXPECT_EQ(test, p->hits, 0);
}

/* Either side not IRQF_SHARED, or another trigger type: -EBUSY. */
static void irq_request_irq_shared_rules(struct kunit *test)
{
	const char *out;

	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, probe_request(0, TEST_IRQ, 0), 0);
	KUNIT_EXPECT_EQ(test, probe_request(1, TEST_IRQ, IRQF_SHARED), -EBUSY);
	KUNIT_EXPECT_EQ(test, probe_request(1, TEST_IRQ, 0), -EBUSY);
	KUNIT_EXPECT_STREQ(test, probe_free(0), "kunit A");

	KUNIT_EXPECT_EQ(test, probe_request(0, TEST_IRQ, IRQF_SHARED), 0);
	KUNIT_EXPECT_EQ(test, probe_request(1, TEST_IRQ, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, probe_request(1, TEST_IRQ,
					    IRQF_SHARED | IRQF_TRIGGER_LOW),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, probe_request(1, TEST_IRQ, IRQF_SHARED), 0);
	/* Naming the line's own type is fine. */
	KUNIT_EXPECT_EQ(test, probe_request(2, TEST_IRQ,
					    IRQF_SHARED | IRQF_TRIGGER_RISING),
			0);
	/* The serial driver did not share IRQ 4. */
	KUNIT_EXPECT_EQ(test, request_irq(4, probe_irq, IRQF_SHARED, "kunit",
					  &probes[0]), -EBUSY);
	out = kunit_capture_stop();

	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "Flags mismatch irq 3. "
					       "00000081 (kunit B) vs. "
					       "00000001 (kunit A)"),
				  "log: %s", out);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "Flags mismatch irq 4. "),
				  "log: %s", out);
	KUNIT_EXPECT_STREQ(test, probe_free(2), "kunit C");
	KUNIT_EXPECT_STREQ(test, probe_free(0), "kunit A");
	KUNIT_EXPECT_STREQ(test, probe_free(1), "kunit B");
	test_irq_idle_check(test);
}

/* A dev_id not on the line: a warning, and nothing freed. */
static void irq_free_irq_unknown_dev_id_warns(struct kunit *test)
{
	struct irq_probe *a = &probes[0];
	int other;
	const void *name;
	const char *out;

	KUNIT_ASSERT_EQ(test, probe_request(0, TEST_IRQ, IRQF_SHARED), 0);
	kunit_info(test, "two \"already-free\" warnings follow; they are expected");
	kunit_capture_start();
	name = free_irq(TEST_IRQ, &other);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, name);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "Trying to free "
					       "already-free IRQ 3"),
				  "log: %s", out);
	KUNIT_EXPECT_FALSE(test, test_irq_entry() & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_TRUE(test, raise_and_wait(TEST_IRQ, a));
	KUNIT_EXPECT_EQ(test, a->hits, 1);

	KUNIT_EXPECT_STREQ(test, probe_free(0), "kunit A");
	kunit_capture_start();
	name = free_irq(TEST_IRQ, a);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NULL(test, name);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "already-free IRQ 3"));
	test_irq_idle_check(test);
}

/*
 * Each interrupt on a shared line calls every action with its dev_id;
 * when none took it, the line counts one unhandled interrupt.
 */
static void irq_shared_handlers_all_called(struct kunit *test)
{
	struct irq_probe *a = &probes[0], *b = &probes[1];
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	int cpu = smp_processor_id();
	unsigned long count;
	unsigned int unhandled;
	char tail[64];

	a->ret = b->ret = IRQ_NONE;
	KUNIT_ASSERT_EQ(test, probe_request(0, TEST_IRQ, IRQF_SHARED), 0);
	KUNIT_ASSERT_EQ(test, probe_request(1, TEST_IRQ, IRQF_SHARED), 0);
	count = kstat_irqs_cpu(TEST_IRQ, cpu);
	unhandled = desc->irqs_unhandled;

	KUNIT_EXPECT_TRUE(test, raise_and_wait(TEST_IRQ, b));
	KUNIT_EXPECT_EQ(test, a->hits, 1);
	KUNIT_EXPECT_EQ(test, b->hits, 1);
	KUNIT_EXPECT_EQ(test, desc->irqs_unhandled, unhandled + 1);

	a->ret = IRQ_HANDLED;
	KUNIT_EXPECT_TRUE(test, raise_and_wait(TEST_IRQ, b));
	KUNIT_EXPECT_EQ(test, a->hits, 2);
	KUNIT_EXPECT_EQ(test, b->hits, 2);
	KUNIT_EXPECT_EQ(test, desc->irqs_unhandled, unhandled + 1);

	KUNIT_EXPECT_EQ(test, a->irq, TEST_IRQ);
	KUNIT_EXPECT_EQ(test, b->irq, TEST_IRQ);
	KUNIT_EXPECT_EQ(test, a->cpu, cpu);
	KUNIT_EXPECT_EQ(test, kstat_irqs_cpu(TEST_IRQ, cpu), count + 2);
	show_irq_tail(test, TEST_IRQ, tail, sizeof(tail));
	KUNIT_EXPECT_STREQ(test, tail, "IO-APIC   3-edge      kunit A, kunit B");
}

/* The pin is unmasked from the first action to the last. */
static void irq_pin_masked_after_last_free(struct kunit *test)
{
	u32 entry;

	test_irq_idle_check(test);
	KUNIT_ASSERT_EQ(test, probe_request(0, TEST_IRQ, IRQF_SHARED), 0);
	entry = test_irq_entry();
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_GE(test, irq_vector(TEST_IRQ), FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_LT(test, irq_vector(TEST_IRQ), FIRST_SYSTEM_VECTOR);
	KUNIT_EXPECT_EQ(test, entry & IO_APIC_REDIR_VECTOR_MASK,
			irq_vector(TEST_IRQ));
	KUNIT_ASSERT_EQ(test, probe_request(1, TEST_IRQ, IRQF_SHARED), 0);
	KUNIT_EXPECT_EQ(test, test_irq_entry(), entry);
	probe_free(0);
	KUNIT_EXPECT_EQ(test, test_irq_entry(), entry);
	probe_free(1);
	test_irq_idle_check(test);
}

/* ---- trigger types ---- */

static void irq_set_irq_type_programs_pin(struct kunit *test)
{
	char tail[64];
	u32 entry;

	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, IRQ_TYPE_LEVEL_HIGH),
			0);
	test_irq_idle_check(test);		/* kept for the first action */
	KUNIT_ASSERT_EQ(test, probe_request(0, TEST_IRQ, 0), 0);
	entry = test_irq_entry();
	KUNIT_EXPECT_TRUE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_ACTIVE_LOW);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	show_irq_tail(test, TEST_IRQ, tail, sizeof(tail));
	KUNIT_EXPECT_STREQ(test, tail, "IO-APIC   3-fasteoi   kunit A");

	/* A started line changes at once. */
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, IRQ_TYPE_LEVEL_LOW),
			0);
	entry = test_irq_entry();
	KUNIT_EXPECT_TRUE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	KUNIT_EXPECT_TRUE(test, entry & IO_APIC_REDIR_ACTIVE_LOW);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, IRQ_TYPE_EDGE_FALLING),
			0);
	entry = test_irq_entry();
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	KUNIT_EXPECT_TRUE(test, entry & IO_APIC_REDIR_ACTIVE_LOW);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);

	/* Bad types and IRQs change nothing. */
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, IRQ_TYPE_EDGE_BOTH),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, 0x10), -EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(TEST_IRQ, IRQ_TYPE_NONE), 0);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(NR_IRQS, IRQ_TYPE_LEVEL_HIGH),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(NR_IRQS - 1,
					       IRQ_TYPE_LEVEL_HIGH), -EINVAL);
	KUNIT_EXPECT_EQ(test, test_irq_entry(), entry);
	KUNIT_EXPECT_EQ(test, irq_to_desc(TEST_IRQ)->trigger,
			IRQ_TYPE_EDGE_FALLING);
	probe_free(0);
}

/*
 * A line whose every interrupt goes unhandled is masked after Linux's
 * 99900 of 100000 ("nobody cared"); the next request unmasks it.
 */
static void irq_nobody_cared_masks_line(struct kunit *test)
{
	struct irq_probe *a = &probes[0];
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	unsigned long n, hits;
	const char *out;
	int vector;

	a->ret = IRQ_NONE;
	KUNIT_ASSERT_EQ(test, probe_request(0, TEST_IRQ, IRQF_SHARED), 0);
	vector = irq_vector(TEST_IRQ);
	kunit_info(test, "a \"nobody cared\" report follows; it is expected");
	kunit_capture_start();
	/* One at a time: a second IPI while one is pending would merge. */
	for (n = 0; n < 2 * 100000 && !READ_ONCE(desc->spurious_disabled);
	     n++) {
		hits = a->hits;
		apic_send_ipi_self(vector);
		WAIT_UNTIL(a->hits > hits || READ_ONCE(desc->spurious_disabled));
	}
	out = kunit_capture_stop();
	hits = a->hits;
	KUNIT_EXPECT_TRUE(test, desc->spurious_disabled);
	KUNIT_EXPECT_EQ(test, hits, 100000);
	KUNIT_EXPECT_TRUE(test, test_irq_entry() & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "irq 3: nobody cared"),
				  "log: %s", out);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "kunit A"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Disabling IRQ #3"));
	/* Still delivered to the vector, no longer to the handler. */
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(vector), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(kstat_irqs_cpu(TEST_IRQ,
					smp_processor_id()) > hits));
	KUNIT_EXPECT_EQ(test, a->hits, hits);

	KUNIT_ASSERT_EQ(test, probe_request(1, TEST_IRQ, IRQF_SHARED), 0);
	KUNIT_EXPECT_FALSE(test, desc->spurious_disabled);
	KUNIT_EXPECT_FALSE(test, test_irq_entry() & IO_APIC_REDIR_MASKED);
}

/* ---- MSI ---- */

static int test_msi_alloc(struct kunit *test, int slot)
{
	int irq = irq_alloc_msi();

	KUNIT_ASSERT_GE(test, irq, (int)max(gsi_top, NR_IRQS_LEGACY));
	KUNIT_ASSERT_LT(test, irq, NR_IRQS);
	test_msi[slot] = irq;
	return irq;
}

static void test_msi_free(int slot)
{
	irq_free_msi(test_msi[slot]);
	test_msi[slot] = -1;
}

static void irq_msi_alloc_compose(struct kunit *test)
{
	u32 apic_id = cpu_data[0].apic_id;
	struct msi_msg msg, msg2;
	int irq, irq2, vector;

	irq = test_msi_alloc(test, 0);
	irq2 = test_msi_alloc(test, 1);
	vector = irq_vector(irq);
	KUNIT_EXPECT_NE(test, irq, irq2);
	KUNIT_EXPECT_GE(test, vector, FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_LT(test, vector, FIRST_SYSTEM_VECTOR);
	KUNIT_EXPECT_NE(test, vector, irq_vector(irq2));
	KUNIT_EXPECT_STREQ(test, irq_to_desc(irq)->chip->name, "PCI-MSI");

	KUNIT_ASSERT_EQ(test, irq_compose_msi_msg(irq, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.address_lo, 0xfee00000 | apic_id << 12);
	/* The boot CPU's APIC id is 0 on QEMU: check the field's place too. */
	KUNIT_EXPECT_EQ(test, MSI_ADDR_DEST_ID(0xa5), 0xa5000);
	KUNIT_EXPECT_EQ(test, msg.address_hi, 0);
	KUNIT_EXPECT_EQ(test, msg.data, vector);

	/* Edge only. */
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(irq, IRQ_TYPE_LEVEL_HIGH),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, irq_set_irq_type(irq, IRQ_TYPE_EDGE_RISING), 0);

	/* A freed MSI, or an IOAPIC line, has no message. */
	test_msi_free(1);
	memset(&msg2, 0x5a, sizeof(msg2));
	KUNIT_EXPECT_EQ(test, irq_compose_msi_msg(irq2, &msg2), -EINVAL);
	KUNIT_EXPECT_EQ(test, irq_compose_msi_msg(4, &msg2), -EINVAL);
	KUNIT_EXPECT_EQ(test, irq_compose_msi_msg(NR_IRQS, &msg2), -EINVAL);
	KUNIT_EXPECT_EQ(test, msg2.data, 0x5a5a5a5a);
	KUNIT_EXPECT_EQ(test, request_irq(irq2, probe_irq, 0, "kunit",
					  &probes[0]), -EINVAL);
	test_msi_free(0);
	KUNIT_EXPECT_EQ(test, irq_vector(irq), 0);
}

/*
 * An MSI's message raises its IRQ's handler: the vector of msg.data
 * sent as a fixed IPI to the APIC id of msg.address_lo, which is what
 * the chipset makes of the device's write.
 */
static void irq_msi_delivered(struct kunit *test)
{
	struct irq_probe *p = &probes[0];
	unsigned long hits;
	struct msi_msg msg;
	const char *out;
	char tail[64];
	u32 dest;
	int irq;

	irq = test_msi_alloc(test, 0);
	KUNIT_ASSERT_EQ(test, irq_compose_msi_msg(irq, &msg), 0);
	KUNIT_ASSERT_EQ(test, probe_request(0, irq, 0), 0);
	dest = (msg.address_lo & MSI_ADDR_DEST_ID_MASK) >> MSI_ADDR_DEST_ID_SHIFT;
	KUNIT_EXPECT_EQ(test, apic_send_ipi(dest, msg.data &
					    MSI_DATA_VECTOR_MASK), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p->hits >= 1));
	KUNIT_EXPECT_EQ(test, p->hits, 1);
	KUNIT_EXPECT_EQ(test, p->irq, irq);
	KUNIT_EXPECT_EQ(test, p->cpu, 0);
	KUNIT_EXPECT_EQ(test, kstat_irqs_cpu(irq, 0), 1);
	show_irq_tail(test, irq, tail, sizeof(tail));
	KUNIT_EXPECT_STREQ(test, tail, "PCI-MSI   0-edge      kunit A");

	/* Not released while requested. */
	kunit_capture_start();
	irq_free_msi(irq);
	out = kunit_capture_stop();
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "still requested by "
					       "kunit A"), "log: %s", out);
	hits = p->hits;
	KUNIT_EXPECT_TRUE(test, raise_and_wait(irq, p));
	KUNIT_EXPECT_EQ(test, p->hits, hits + 1);
	KUNIT_EXPECT_STREQ(test, probe_free(0), "kunit A");
	test_msi_free(0);
}

/* ---- /proc/interrupts ---- */

static void irq_proc_interrupts_layout(struct kunit *test)
{
	char *text = interrupts_text(test);
	char line[160], expect[160];
	size_t len = 0;
	int cpu;

	/* The header: 11 spaces, then a column of 11 per CPU. */
	len = snprintf(expect, sizeof(expect), "%11s", "");
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		len += snprintf(expect + len, sizeof(expect) - len,
				"CPU%-8d", cpu);
	KUNIT_EXPECT_EQ(test, strncmp(text, expect, len), 0);
	KUNIT_EXPECT_EQ(test, text[len], '\n');

	show_line(text, "4", line, sizeof(line));
	KUNIT_EXPECT_EQ(test, strlen(line), 3 + 11 * nr_cpu_ids +
					    strlen("  IO-APIC   4-edge      ttyS0"));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(line, "   IO-APIC   4-edge      "
					       "ttyS0"), "line: %s", line);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\n  4: "));
	show_line(text, "LOC", line, sizeof(line));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(line, "  Local timer "
					       "interrupts"), "line: %s", line);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nLOC: "));
	show_line(text, "ERR", line, sizeof(line));
	KUNIT_EXPECT_EQ(test, strlen(line), 4 + 11);
	KUNIT_EXPECT_EQ(test, text[strlen(text) - 1], '\n');
	kfree(text);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(irq_self_ipi_runs_handler),
	KUNIT_CASE(irq_unexpected_vector_counted),
	KUNIT_CASE(irq_taken_vectors_refused),
	KUNIT_CASE(irq_serial_loopback),
	KUNIT_CASE(irq_level_triggered_serial),
	KUNIT_CASE(irq_request_irq_follows_override),
	KUNIT_CASE(irq_override_flags_decoded),
	KUNIT_CASE(irq_pics_masked),
	KUNIT_CASE(irq_request_irq_bad_args),
	KUNIT_CASE(irq_request_irq_shared_rules),
	KUNIT_CASE(irq_free_irq_unknown_dev_id_warns),
	KUNIT_CASE(irq_shared_handlers_all_called),
	KUNIT_CASE(irq_pin_masked_after_last_free),
	KUNIT_CASE(irq_set_irq_type_programs_pin),
	KUNIT_CASE(irq_nobody_cared_masks_line),
	KUNIT_CASE(irq_msi_alloc_compose),
	KUNIT_CASE(irq_msi_delivered),
	KUNIT_CASE(irq_proc_interrupts_layout),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.init = irq_test_init,
	.exit = irq_test_exit,
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
