/*
 * What printk (kernel/printk.c) shares with syslog(2) (kernel/syslog.c):
 * the kernel log's ring and its lock.
 *
 * Locking: logbuf_lock protects log_rb and the buffer it points to, and
 * syslog's cursors into it.  Take it with interrupts off
 * (spin_lock_irqsave()), since printk may run in an interrupt handler;
 * never sleep, allocate or touch user memory while holding it.
 */
#ifndef _KERNEL_PRINTK_INTERNAL_H
#define _KERNEL_PRINTK_INTERNAL_H

#include <linux/spinlock.h>

#include "printk_ringbuffer.h"

extern spinlock_t logbuf_lock;
extern struct printk_ringbuffer log_rb;

#endif
