/*
 * panic(): the kernel cannot go on.  Stop the other CPUs, print the
 * message, the registers and a backtrace, then end as panic=N on the
 * command line says, with Linux's meaning: N > 0 reboots after N
 * seconds ("Rebooting in N seconds.."), N < 0 reboots at once, 0 (the
 * default) halts for ever.  Under QEMU -no-reboot a reboot ends QEMU
 * (exit status 0), which is how the test harness sees a panic: it boots
 * with panic=-1.
 *
 * One CPU panics: the first to get here owns the panic (panic_cpu);
 * another CPU that panics meanwhile stops itself, as the owner is about
 * to ask it to, and a panic inside the panic halts.  The other CPUs are
 * stopped before the message is printed, so that nothing they print
 * (a shell prompt, another oops) runs into it or follows it: printk
 * takes no lock.  Linux prints first and stops the CPUs after the
 * backtrace; its printk writes to a ring buffer that one CPU flushes.
 *
 * The wait before a reboot counts milliseconds with mdelay(), with
 * interrupts off: no timer runs any more.
 *
 * Also the reports of WARN_ON() and WARN() (linux/bug.h): a line, the
 * registers and a backtrace, after which the kernel goes on.
 */
#include <asm/processor.h>
#include <asm/traps.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/smp.h>

#define PANIC_CPU_INVALID	-1

int panic_timeout;
static int panic_cpu = PANIC_CPU_INVALID;

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

/*
 * Make this CPU the one that panics; returns only if it is.  Another
 * CPU's panic stops this one; this CPU's own, a second time, halts it.
 */
static void panic_enter(void)
{
	int this_cpu = smp_processor_id();
	int old = cmpxchg(&panic_cpu, PANIC_CPU_INVALID, this_cpu);

	if (old == PANIC_CPU_INVALID)
		return;
	if (old != this_cpu)
		stop_this_cpu();	/* Linux's panic_smp_self_stop() */
	halt_forever();			/* panic inside panic: just stop */
}

/* What panic=N asks once the message is out. */
static void __noreturn panic_end(void)
{
	int i;

	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		for (i = 0; i < panic_timeout; i++)
			mdelay(1000);
	}
	if (panic_timeout != 0)
		machine_emergency_restart();
	halt_forever();
}

void panic(const char *fmt, ...)
{
	char msg[256];
	va_list args;

	local_irq_disable();
	panic_enter();
	smp_send_stop();

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	dump_stack();
	if (panic_timeout == 0)
		pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	panic_end();
}
