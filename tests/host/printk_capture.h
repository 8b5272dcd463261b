/*
 * printk() for the host tests (tests/host/symbols.c): kernel code built
 * for the host reports through printk, and a test reads what it said.
 *
 * Each message is formatted with the kernel's own vsnprintf, loses its
 * KERN_<LEVEL> prefix, is appended to host_printk_log (NUL-terminated,
 * cut short when the buffer is full) and is printed on stdout as KTAP
 * diagnostic lines ("# ...").  A test clears the log before the call it
 * checks and then searches it, e.g. with strstr().
 */
#ifndef HOST_PRINTK_CAPTURE_H
#define HOST_PRINTK_CAPTURE_H

#include <stddef.h>

#define HOST_PRINTK_LOG_SIZE	16384

extern char host_printk_log[HOST_PRINTK_LOG_SIZE];
extern size_t host_printk_len;		/* bytes in host_printk_log */
extern unsigned long host_printk_calls;	/* printk() calls since the start */

static inline void host_printk_clear(void)
{
	host_printk_len = 0;
	host_printk_log[0] = '\0';
}

#endif
