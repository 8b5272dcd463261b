/*
 * The process file system, mounted at /proc (fs/proc/): Linux-format
 * text files about memory, interrupts and CPUs, and one directory per
 * process.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

/*
 * Mount procfs on /proc (after vfs_init()).  Its files: buddyinfo,
 * cpuinfo, interrupts, meminfo, slabinfo, uptime, zoneinfo, and
 * PID/{stat,status,maps} for every task.
 */
void proc_root_init(void);

/* /proc/cpuinfo's text into buf (at most size bytes); its length. */
size_t cpuinfo_show(char *buf, size_t size);

#endif
