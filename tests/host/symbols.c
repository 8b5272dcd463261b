/*
 * The host tests' stand-in for the kernel's symbol table: lib/vsprintf.c
 * prints %pS through sprint_symbol(), and here the only function is
 * fake_fn, 0x100 bytes at 0x1000.
 */
#include <stdio.h>

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	if (addr >= 0x1000 && addr < 0x1100)
		return snprintf(buf, size, "fake_fn+0x%lx/0x100", addr - 0x1000);
	return snprintf(buf, size, "0x%lx", addr);
}
