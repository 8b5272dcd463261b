/*
 * panic(): the kernel cannot go on.  Print the message, the registers
 * and a backtrace, then stop: reboot at once when panic=N (N != 0) is on
 * the command line (under QEMU -no-reboot that ends QEMU, which is what
 * the test harness wants), otherwise halt.  Only the boot CPU runs so
 * far; stopping the others comes with the SMP work.
 *
 * Linux waits N seconds before rebooting for N > 0; there is no timer
 * yet, so this kernel reboots at once for any non-zero N.
 *
 * Also the reports of WARN_ON() and WARN() (linux/bug.h): a line, the
 * registers and a backtrace, after which the kernel goes on.
 */
#include <asm/processor.h>
#include <asm/traps.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/reboot.h>

int panic_timeout;

void halt_forever(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

void __warn(const char *file, int line, const char *cond)
{
	if (cond)
		pr_warn("WARNING: at %s:%d: %s\n", file, line, cond);
	else
		pr_warn("WARNING: at %s:%d\n", file, line);
	dump_stack();
}

void __warn_printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);	/* no level: the default, KERN_WARNING */
	vprintk(fmt, args);
	va_end(args);
}

void panic(const char *fmt, ...)
{
	static bool in_panic;
	char msg[256];
	va_list args;

	local_irq_disable();
	if (in_panic)
		halt_forever();		/* panic inside panic: just stop */
	in_panic = true;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	if (panic_timeout != 0) {
		pr_emerg("Rebooting.\n");
		machine_emergency_restart();
	}
	halt_forever();
}
