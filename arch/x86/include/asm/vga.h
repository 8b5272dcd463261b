/*
 * The VGA text screen (drivers/vga.c), a console of printk and of the
 * console terminal.
 */
#ifndef _ASM_VGA_H
#define _ASM_VGA_H

/* Show len bytes; "\n", "\r" and "\b" move the cursor as on a terminal. */
void vga_write(const char *s, unsigned int len);

#endif
