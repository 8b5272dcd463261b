/*
 * Tests of interrupt delivery (suite "irq"): self-IPIs through the local
 * APIC reach their handler and are counted, an IPI to a vector without a
 * handler is counted as unexpected and the kernel goes on, taken vectors
 * are refused, ISA interrupts arrive through the IOAPIC (the serial port
 * in loopback mode on IRQ 4, the PIT on IRQ 0 through its MADT override
 * to GSI 2), and the 8259s stay masked.
 *
 * Waits halt until the next interrupt between checks and are bounded by
 * a number of interrupts (the tick brings one every 10 ms), never by a
 * time limit, so a slow or loaded host only makes them take longer.
 * Interrupts are on while every case runs.
 */
#include <asm/apic.h>
#include <asm/i8253.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#define WAIT_IRQS	1000		/* interrupts to wait at most */
#define SHOW_SIZE	8192		/* interrupts_show() text */

/* Halt until cond holds, at most WAIT_IRQS interrupts; returns cond. */
#define WAIT_UNTIL(cond)					\
	({							\
		int __n;					\
		for (__n = 0; __n < WAIT_IRQS && !(cond); __n++)	\
			halt();					\
		(cond);						\
	})

struct irq_probe {
	volatile unsigned long hits;
	int cpu;
	unsigned long vector;
};

static void probe_handler(struct pt_regs *regs, void *data)
{
	struct irq_probe *p = data;

	p->cpu = smp_processor_id();
	p->vector = regs->vector;
	p->hits++;
}

/*
 * The count in CPU column cpu of the interrupts_show() line labelled
 * label ("32", "ERR"), or -1 if there is no such line.
 */
static long show_count(const char *text, const char *label, int cpu)
{
	char head[8];
	const char *p;
	long value = -1;
	int col;

	snprintf(head, sizeof(head), "%4s:", label);
	for (p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, head, strlen(head)))
			continue;
		p += strlen(head);
		for (col = 0; col <= cpu; col++) {
			while (*p == ' ')
				p++;
			for (value = 0; *p >= '0' && *p <= '9'; p++)
				value = value * 10 + *p - '0';
		}
		return value;
	}
	return -1;
}

static long interrupts_show_count(struct kunit *test, const char *label,
				  int cpu)
{
	char *text = kmalloc(SHOW_SIZE, GFP_KERNEL);
	long n;

	KUNIT_ASSERT_NOT_NULL(test, text);
	interrupts_show(text, SHOW_SIZE);
	n = show_count(text, label, cpu);
	kfree(text);
	return n;
}

static void irq_self_ipi_runs_handler(struct kunit *test)
{
	struct irq_probe p = { 0 };
	int cpu = smp_processor_id();
	unsigned long before;
	char label[8];
	int v;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	v = alloc_vector(probe_handler, &p, "kunit self-IPI");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_LT(test, v, FIRST_SYSTEM_VECTOR);
	before = irq_count(v, cpu);
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(v), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p.hits >= 1));
	/* The same through the ICR, naming this CPU by its APIC id. */
	KUNIT_EXPECT_EQ(test, apic_send_ipi(this_cpu()->apic_id, v), 0);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p.hits >= 2));
	KUNIT_EXPECT_EQ(test, p.hits, 2);
	KUNIT_EXPECT_EQ(test, p.cpu, cpu);
	KUNIT_EXPECT_EQ(test, p.vector, v);
	KUNIT_EXPECT_EQ(test, irq_count(v, cpu), before + 2);
	snprintf(label, sizeof(label), "%d", v);
	KUNIT_EXPECT_EQ(test, interrupts_show_count(test, label, cpu),
			(long)(before + 2));
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
	v = alloc_vector(probe_handler, NULL, "kunit gone");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	free_vector(v);
	err_before = interrupts_show_count(test, "ERR", cpu);
	KUNIT_ASSERT_GE(test, err_before, 0);
	before = irq_count(v, cpu);

	kunit_info(test, "an \"unexpected interrupt\" line follows; it is expected");
	kunit_capture_start();
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(v), 0);
	WAIT_UNTIL(irq_count(v, cpu) > before);
	out = kunit_capture_stop();

	KUNIT_EXPECT_EQ(test, irq_count(v, cpu), before + 1);
	KUNIT_EXPECT_EQ(test, interrupts_show_count(test, "ERR", cpu),
			err_before + 1);
	snprintf(expect, sizeof(expect),
		 "unexpected interrupt on vector %d", v);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, expect), "log: %s", out);
}

static void irq_taken_vectors_refused(struct kunit *test)
{
	struct irq_probe p = { 0 };
	int v;

	KUNIT_EXPECT_EQ(test, request_vector(LOCAL_TIMER_VECTOR, probe_handler,
					     &p, "kunit"), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_vector(ERROR_APIC_VECTOR, probe_handler,
					     &p, "kunit"), -EBUSY);
	v = alloc_vector(probe_handler, &p, "kunit");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	KUNIT_EXPECT_EQ(test, request_vector(v, probe_handler, &p, "kunit"),
			-EBUSY);
	free_vector(v);
	KUNIT_EXPECT_EQ(test, request_vector(v, probe_handler, &p, "kunit"), 0);
	free_vector(v);
	/* The serial port holds ISA IRQ 4; 16 is not an ISA IRQ. */
	KUNIT_EXPECT_EQ(test, request_irq(4, probe_handler, &p, "kunit"),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(16, probe_handler, &p, "kunit"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, apic_send_ipi_self(3), -EINVAL);
	KUNIT_EXPECT_EQ(test, apic_send_startup(0, 0x100), -EINVAL);
	KUNIT_EXPECT_EQ(test, p.hits, 0);
}

/* The serial port's IOAPIC entry: unmasked, edge, to the boot CPU. */
static unsigned int serial_vector(struct kunit *test)
{
	bool level, active_low;
	unsigned int gsi = isa_irq_to_gsi(4, &level, &active_low);
	u32 entry = ioapic_read_entry(gsi);

	KUNIT_EXPECT_FALSE(test, level);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_LEVEL_TRIGGER);
	return entry & IO_APIC_REDIR_VECTOR_MASK;
}

/*
 * Nothing may be printed while the UART loops back: it would land in the
 * receive buffer instead of the log.  So the expectations come after.
 */
static void irq_serial_loopback(struct kunit *test)
{
	static const u8 msg[] = { 'F', 'e', 'r', 'r', 'y', 0, '\n', 0xff };
	unsigned int v = serial_vector(test);
	struct uart_icount ic, old_ic;
	unsigned long before;
	u8 got[sizeof(msg)];
	unsigned int n = 0, i;
	int c, waits;

	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	while (serial_getc() >= 0)
		;
	before = irq_count(v, 0);
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
	KUNIT_EXPECT_GT(test, irq_count(v, 0), before);
	KUNIT_EXPECT_EQ(test, ic.rx - old_ic.rx, sizeof(msg));
	KUNIT_EXPECT_EQ(test, ic.overrun, old_ic.overrun);
	KUNIT_EXPECT_EQ(test, serial_getc(), -1);
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

/* ISA IRQ 0 (the PIT) arrives on GSI 2, as QEMU's MADT override says. */
static void irq_request_irq_follows_override(struct kunit *test)
{
	struct irq_probe p = { 0 };
	bool level, active_low;
	unsigned int gsi = isa_irq_to_gsi(0, &level, &active_low);
	u32 entry;
	int v;

	KUNIT_EXPECT_EQ(test, gsi, 2);
	KUNIT_EXPECT_FALSE(test, level);
	KUNIT_EXPECT_FALSE(test, active_low);
	pit_ch0_set(true);
	v = request_irq(0, probe_handler, &p, "kunit PIT");
	KUNIT_ASSERT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	entry = ioapic_read_entry(gsi);
	KUNIT_EXPECT_EQ(test, entry & IO_APIC_REDIR_VECTOR_MASK, v);
	KUNIT_EXPECT_FALSE(test, entry & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_TRUE(test, WAIT_UNTIL(p.hits >= 3));
	free_irq(0);
	pit_ch0_set(false);
	KUNIT_EXPECT_TRUE(test, ioapic_read_entry(gsi) & IO_APIC_REDIR_MASKED);
	KUNIT_EXPECT_EQ(test, p.cpu, 0);
	KUNIT_EXPECT_EQ(test, p.vector, v);
	/* Free again: the IRQ can be requested anew. */
	v = request_irq(0, probe_handler, &p, "kunit PIT");
	KUNIT_EXPECT_GE(test, v, FIRST_EXTERNAL_VECTOR);
	if (v >= 0)
		free_irq(0);
}

/* Level-triggered and active-low overrides are applied as the MADT says. */
static void irq_override_flags_decoded(struct kunit *test)
{
	bool level, active_low;
	unsigned int gsi;
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

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(irq_self_ipi_runs_handler),
	KUNIT_CASE(irq_unexpected_vector_counted),
	KUNIT_CASE(irq_taken_vectors_refused),
	KUNIT_CASE(irq_serial_loopback),
	KUNIT_CASE(irq_request_irq_follows_override),
	KUNIT_CASE(irq_override_flags_decoded),
	KUNIT_CASE(irq_pics_masked),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
