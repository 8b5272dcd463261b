/*
 * Boot-time entry points called from kernel_main, one per subsystem.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

void serial_init(void);
void vga_init(void);
void trap_init(void);
void kernel_main(unsigned int magic, unsigned int mbi_phys);

#endif
