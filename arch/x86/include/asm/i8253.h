/*
 * The 8253/8254 programmable interval timer (PIT): three 16-bit
 * counters fed by a 1.193182 MHz clock, the PC's oldest time base.
 * Channel 0 drives ISA IRQ 0; channel 2's gate and output are wired to
 * port 0x61 (it was the speaker's tone generator), which makes it the
 * one software can start and watch by polling.  arch/x86/kernel/time.c
 * uses it to calibrate the TSC and the local APIC timer.  Data sheet:
 * Intel 82C54.
 */
#ifndef _ASM_I8253_H
#define _ASM_I8253_H

#define PIT_TICK_RATE		1193182		/* Hz */

#define PIT_CH0			0x40		/* counter 0 data port */
#define PIT_CH2			0x42		/* counter 2 data port */
#define PIT_MODE		0x43		/* control word register */

/* Control word: counter (bits 6-7), low then high byte, mode (bits 1-3) */
#define PIT_SEL_CH0		0x00
#define PIT_SEL_CH2		0x80
#define PIT_RW_LOHI		0x30
#define PIT_MODE_TERMINAL	0x00	/* mode 0: OUT rises at count 0 */
#define PIT_MODE_RATE		0x04	/* mode 2: a pulse every count */

/* Port 0x61, NMI status and control (PC/AT system control port B) */
#define PORT_B			0x61
#define PORT_B_GATE2		0x01	/* channel 2 gate */
#define PORT_B_SPEAKER		0x02	/* channel 2 output to the speaker */
#define PORT_B_OUT2		0x20	/* channel 2 output, read only */

#endif
