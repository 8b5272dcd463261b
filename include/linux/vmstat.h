/*
 * Memory statistics as text (mm/vmstat.c): the boot report and the
 * contents of /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo in
 * Linux's format, for
 * the file system to show once it exists.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/types.h>

/* Write the text into buf (at most size bytes); return its length. */
size_t buddyinfo_show(char *buf, size_t size);
size_t zoneinfo_show(char *buf, size_t size);
size_t meminfo_show(char *buf, size_t size);

/* Free pages in all zones (buddy and per-CPU lists). */
unsigned long nr_free_pages(void);

/* Boot log: each zone's span, present, managed and free pages. */
void mem_report(void);

#endif
