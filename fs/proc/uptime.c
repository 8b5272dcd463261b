/*
 * /proc/uptime: seconds since boot and seconds the CPUs spent idle, two
 * decimals each, as in Linux ("350735.47 234388.90").  The clock is
 * ktime (kernel/time.c), which starts when the TSC is calibrated at
 * boot.  This kernel does not account idle time, so the second number
 * is always 0.00.
 */
#include <linux/kernel.h>
#include <linux/ktime.h>

#include "internal.h"

#define NSEC_PER_CSEC	10000000ULL	/* hundredths of a second */

size_t uptime_show(char *buf, size_t size)
{
	unsigned long long cs = ktime_get_ns() / NSEC_PER_CSEC;

	return scnprintf(buf, size, "%llu.%02llu 0.00\n", cs / 100, cs % 100);
}
