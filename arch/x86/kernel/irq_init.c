/*
 * interrupts_init(): bring up interrupt delivery on the boot CPU, in the
 * order each step needs the previous one:
 *
 *   init_8259A()     the legacy PICs remapped and masked for good;
 *   lapic_init()     this CPU's local APIC on, irq_eoi set;
 *   ioapic_init()    every IOAPIC mapped, all its pins masked, an IRQ
 *                    descriptor for each pin;
 *   time_init()      TSC and APIC timer calibrated against the PIT
 *                    (needs the local APIC; interrupts still off);
 *   apic_timer_init() the tick, HZ times a second;
 *   sti              interrupts on, for good.
 *
 * It runs after setup_memory(), because ioremap() needs the page
 * allocator and the final page tables.  Other CPUs, when they start,
 * only need lapic_init() and apic_timer_init(): the PICs, IOAPICs and
 * clocks are shared and already set up.  Drivers take their interrupts
 * later, from their initcalls (COM1's input: drivers/serial.c).
 *
 * Locking: none; the boot CPU runs this alone with interrupts off.
 */
#include <asm/apic.h>
#include <asm/i8259.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/printk.h>

void interrupts_init(void)
{
	init_8259A();
	lapic_init();
	ioapic_init();
	time_init();
	apic_timer_init();
	local_irq_enable();
	pr_info("Interrupts: enabled on CPU 0; %s, tick %d Hz on vector %#x, "
		"clocksource %s\n", x2apic_mode ? "x2APIC" : "xAPIC", HZ,
		LOCAL_TIMER_VECTOR, clocksource_name());
}
