/*
 * The process file system, mounted at /proc (fs/proc/): Linux-format
 * text files about memory, interrupts and CPUs, and one directory per
 * process.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

/* /proc/cpuinfo's text into buf (at most size bytes); its length. */
size_t cpuinfo_show(char *buf, size_t size);

#endif
