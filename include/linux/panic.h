/*
 * panic(): report a fatal error and stop the machine (kernel/panic.c).
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>

/* panic=N: reboot N seconds after a panic (N > 0), at once (N < 0), never (0). */
extern int panic_timeout;

void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

/* Stop this CPU for good: interrupts off, halt. */
void halt_forever(void) __noreturn;

#endif
