/*
 * Interrupt vector numbers (Linux's arch/x86/include/asm/irq_vectors.h,
 * simplified).  0-31 are CPU exceptions; devices get vectors from
 * FIRST_EXTERNAL_VECTOR up, handed out by alloc_vector() as their IRQs
 * need them; the local APIC's own interrupts sit at the top, where the
 * APIC's priority is highest.
 *
 * Vectors are the CPU's numbers; drivers never see them.  They use
 * Linux IRQ numbers (linux/interrupt.h): NR_IRQS of them, the ISA IRQs,
 * then the GSIs, then MSIs.
 */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

#define NR_VECTORS		256
#define FIRST_EXTERNAL_VECTOR	0x20
#define FIRST_SYSTEM_VECTOR	0xec	/* fixed vectors from here up */

#define LOCAL_TIMER_VECTOR	0xec
#define REBOOT_VECTOR		0xf8	/* smp_send_stop(): stop for good */
#define CALL_FUNCTION_VECTOR	0xfb
#define RESCHEDULE_VECTOR	0xfc
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff

#define NR_IRQS_LEGACY		16	/* ISA IRQs 0-15 */
#define NR_IRQS			256	/* Linux IRQ numbers 0..NR_IRQS-1 */

#endif
