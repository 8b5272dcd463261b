/*
 * Resetting a PC.  The keyboard controller (8042) can pulse the CPU's
 * reset line; where there is none, or it does not react, a triple
 * fault resets the CPU: an empty IDT turns the next exception into a
 * double fault and that into a shutdown, which the chipset (and QEMU)
 * treat as a reset.  Under QEMU -no-reboot a reset ends QEMU.
 *
 * Modern Linux (arch/x86/kernel/reboot.c) tries ACPI's reset register,
 * the 8042, a triple fault, the PCI reset port 0xcf9 and the EFI
 * runtime service, in an order chosen per machine.
 *
 * No state, no locking: it runs once, and does not return.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <linux/reboot.h>
#include <linux/types.h>

#define KBD_STATUS_PORT		0x64
#define KBD_CMD_PULSE_RESET	0xfe	/* 8042: pulse the CPU reset line */

struct idt_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

void machine_emergency_restart(void)
{
	static const struct idt_ptr no_idt = { 0, 0 };

	outb(KBD_CMD_PULSE_RESET, KBD_STATUS_PORT);
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	local_irq_disable();
	for (;;)		/* not reached: the CPU has reset */
		halt();
}
