/*
 * What the kernel sources built for the host expect from the rest of the
 * kernel: lib/vsprintf.c prints %pS through sprint_symbol() (here the
 * only function is fake_fn, 0x100 bytes at 0x1000), and mm/buddy.c finds
 * pages through mem_section[] and node_data[] (weak here: a test that
 * sets up its own zones defines them itself).
 */
#include <stdio.h>

#include <linux/mmzone.h>

__attribute__((weak)) struct mem_section mem_section[NR_MEM_SECTIONS];
__attribute__((weak)) struct pglist_data node_data[MAX_NUMNODES];

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	if (addr >= 0x1000 && addr < 0x1100)
		return snprintf(buf, size, "fake_fn+0x%lx/0x100", addr - 0x1000);
	return snprintf(buf, size, "0x%lx", addr);
}
