/*
 * Which CPU is running.  Only the boot CPU runs until the SMP work starts
 * the others; then this reads the per-CPU area through GS.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

static inline int smp_processor_id(void)
{
	return 0;
}

#endif
