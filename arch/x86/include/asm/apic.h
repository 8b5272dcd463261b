/*
 * The local APIC (arch/x86/kernel/apic.c): each CPU's own interrupt controller.
 * It accepts interrupts from the IOAPIC, from MSI devices and from other
 * CPUs (IPIs), orders them by vector priority, and has a timer of its
 * own (arch/x86/kernel/time.c drives it).  Register offsets and bits: Intel SDM
 * vol. 3, chapter 11 ("Advanced Programmable Interrupt Controller"),
 * table 11-1 (xAPIC memory map) and 11-6 (x2APIC MSRs); names as in
 * Linux's arch/x86/include/asm/apicdef.h.
 *
 * Two ways in: xAPIC mode reads and writes a 4 KiB page of registers
 * (physical 0xfee00000 by default, mapped uncached), x2APIC mode reads
 * and writes MSRs 0x800 + (offset >> 4), with a 32-bit APIC id and a
 * single 64-bit interrupt command register.  apic_read()/apic_write()
 * hide the difference; the choice is made once, on the boot CPU.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>

#define APIC_DEFAULT_PHYS_BASE	0xfee00000UL

/* IA32_APIC_BASE MSR (SDM vol. 3, 11.4.4 and 11.12.1) */
#define MSR_IA32_APICBASE	0x1b
#define MSR_IA32_APICBASE_BSP	(1UL << 8)	/* this is the boot CPU */
#define X2APIC_ENABLE		(1UL << 10)	/* EXTD: x2APIC mode */
#define MSR_IA32_APICBASE_ENABLE (1UL << 11)	/* global enable */
#define MSR_IA32_APICBASE_BASE	0xffffff000ULL	/* physical base, bits 12-35 */
#define APIC_BASE_MSR		0x800		/* x2APIC MSR of offset 0 */

#define X86_FEATURE_X2APIC_BIT	21		/* CPUID 1 ECX */

/* Register offsets in the xAPIC page */
#define APIC_ID		0x20	/* xAPIC: id in bits 24-31 */
#define APIC_LVR	0x30	/* version; bits 16-23 max LVT entry */
#define APIC_TASKPRI	0x80	/* task priority (TPR) */
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0	/* spurious interrupt vector */
#define APIC_ESR	0x280	/* error status */
#define APIC_ICR	0x300	/* interrupt command, low half */
#define APIC_ICR2	0x310	/* xAPIC: destination in bits 24-31 */
#define APIC_LVTT	0x320	/* local vector table: timer */
#define APIC_LVTTHMR	0x330	/* ... thermal sensor */
#define APIC_LVTPC	0x340	/* ... performance counters */
#define APIC_LVT0	0x350	/* ... LINT0 pin */
#define APIC_LVT1	0x360	/* ... LINT1 pin */
#define APIC_LVTERR	0x370	/* ... APIC errors */
#define APIC_TMICT	0x380	/* timer initial count */
#define APIC_TMCCT	0x390	/* timer current count */
#define APIC_TDCR	0x3e0	/* timer divide configuration */
#define APIC_SELF_IPI	0x3f0	/* x2APIC only */

#define GET_APIC_VERSION(x)	((x) & 0xff)
#define GET_APIC_MAXLVT(x)	(((x) >> 16) & 0xff)

/* Spurious-interrupt vector register */
#define APIC_SPIV_APIC_ENABLED	(1 << 8)	/* software enable */

/* Interrupt command register (SDM vol. 3, 11.6.1) */
#define APIC_DM_FIXED		0x00000
#define APIC_DM_NMI		0x00400
#define APIC_DM_INIT		0x00500
#define APIC_DM_STARTUP		0x00600
#define APIC_DM_EXTINT		0x00700
#define APIC_DEST_LOGICAL	0x00800	/* clear: physical destination */
#define APIC_ICR_BUSY		0x01000	/* delivery status: send pending */
#define APIC_INT_ASSERT		0x04000	/* level: assert */
#define APIC_INT_LEVELTRIG	0x08000	/* trigger mode: level */
#define APIC_DEST_SELF		0x40000	/* shorthand: to this CPU only */
#define APIC_VECTOR_MASK	0x000ff

/* Local vector table entries (SDM vol. 3, 11.5.1) */
#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_LEVEL_TRIGGER	(1 << 15)
#define APIC_LVT_TIMER_PERIODIC	(1 << 17)

/* Timer divide configuration: the timer counts bus clocks / 16. */
#define APIC_TDR_DIV_16		0x3
#define APIC_DIVISOR		16

/* Error status bits (SDM vol. 3, 11.5.3) */
#define APIC_ESR_SEND_CS	0x01
#define APIC_ESR_RECV_CS	0x02
#define APIC_ESR_SEND_ACC	0x04
#define APIC_ESR_RECV_ACC	0x08
#define APIC_ESR_REDIR_IPI	0x10
#define APIC_ESR_SEND_ILL	0x20
#define APIC_ESR_RECV_ILL	0x40
#define APIC_ESR_ILLREGA	0x80

/* True once the boot CPU chose x2APIC mode (then every CPU uses it). */
extern bool x2apic_mode;

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);

/*
 * Set up this CPU's local APIC: enable it, TPR 0, LINT0 masked, LINT1
 * NMI on the boot CPU only, errors on ERROR_APIC_VECTOR; record the
 * APIC id in this_cpu()->apic_id.  Every CPU calls it once, the boot
 * CPU first.
 */
void lapic_init(void);

/* Signal end of interrupt to this CPU's local APIC (the irq_eoi hook). */
void apic_eoi(void);

/* This CPU's APIC id (8 bits in xAPIC mode, 32 in x2APIC mode). */
u32 read_apic_id(void);

/*
 * Fixed interrupt on vector to one CPU, by APIC id, or to this CPU.
 * 0, -EINVAL for a vector below FIRST_EXTERNAL_VECTOR, or -ETIMEDOUT
 * when the xAPIC never reported the previous IPI sent.
 */
int apic_send_ipi(u32 apic_id, unsigned int vector);
int apic_send_ipi_self(unsigned int vector);

/*
 * A non-maskable interrupt to one CPU (delivery mode NMI, SDM vol. 3,
 * 11.6.1): it arrives even with interrupts off.  0 or -ETIMEDOUT.
 */
int apic_send_nmi(u32 apic_id);

/*
 * Starting another CPU (the INIT-SIPI-SIPI sequence, SDM vol. 3, 9.4.4):
 * apic_send_init() resets the target into wait-for-SIPI; after 10 ms
 * (which processors of the last twenty years do without: smpboot.c),
 * apic_send_startup() (usually twice, 200 us apart) starts it in real
 * mode at physical address page << 12, which must lie below 1 MiB.
 * 0, -EINVAL (page >= 0x100) or -ETIMEDOUT.
 */
int apic_send_init(u32 apic_id);
int apic_send_startup(u32 apic_id, unsigned int page);

/* APIC errors this CPU has reported so far. */
unsigned long apic_error_count(int cpu);

/*
 * The local APIC timer (arch/x86/kernel/time.c).  lapic_timer_period is the
 * number of timer counts (bus clock / APIC_DIVISOR) in one jiffy,
 * measured by time_init(); apic_timer_init() starts this CPU's timer
 * periodic on LOCAL_TIMER_VECTOR.
 */
extern u32 lapic_timer_period;
void apic_timer_init(void);

#endif
