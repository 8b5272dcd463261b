/*
 * Interrupt vector numbers (Linux's arch/x86/include/asm/irq_vectors.h,
 * simplified).  0-31 are CPU exceptions; devices get vectors from
 * FIRST_EXTERNAL_VECTOR up, handed out by alloc_vector(); the local APIC's
 * own interrupts sit at the top, where the APIC's priority is highest.
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

#endif
