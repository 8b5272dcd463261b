/*
 * Restarting the machine (arch/x86/kernel/reboot.c), as Linux's
 * include/linux/reboot.h names it.
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* Reset the machine now, without tidying up (panic with panic=N). */
void machine_emergency_restart(void) __noreturn;

#endif
