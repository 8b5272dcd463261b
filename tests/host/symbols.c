/*
 * What the kernel sources built for the host expect from the rest of the
 * kernel: lib/vsprintf.c prints %pS through sprint_symbol() (here the
 * only function is fake_fn, 0x100 bytes at 0x1000), mm/buddy.c finds
 * pages through mem_section[] and node_data[] (weak here: a test that
 * sets up its own zones defines them itself), and mm/slab_obj.c reports
 * through printk(), whose messages are kept for the tests to read
 * (printk_capture.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <linux/mmzone.h>

#include "printk_capture.h"

__attribute__((weak)) struct mem_section mem_section[NR_MEM_SECTIONS];
__attribute__((weak)) struct pglist_data node_data[MAX_NUMNODES];

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	if (addr >= 0x1000 && addr < 0x1100)
		return snprintf(buf, size, "fake_fn+0x%lx/0x100", addr - 0x1000);
	return snprintf(buf, size, "0x%lx", addr);
}

/* ---- printk ---- */

int kern_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

char host_printk_log[HOST_PRINTK_LOG_SIZE];
size_t host_printk_len;
unsigned long host_printk_calls;

int printk(const char *fmt, ...)
{
	char buf[1024];
	const char *text = buf, *line, *nl;
	size_t len, room;
	va_list args;

	/* Format with the kernel's vsnprintf, so %pS and friends work. */
	va_start(args, fmt);
	kern_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	host_printk_calls++;

	/* KERN_<LEVEL> or KERN_CONT: SOH and one character. */
	if (text[0] == '\001' && text[1])
		text += 2;

	/* Keep the text, as much as still fits. */
	len = strlen(text);
	room = sizeof(host_printk_log) - 1 - host_printk_len;
	if (len > room)
		len = room;
	memcpy(host_printk_log + host_printk_len, text, len);
	host_printk_len += len;
	host_printk_log[host_printk_len] = '\0';

	/* Show it as KTAP diagnostics: every line starts with "# ". */
	for (line = text; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl) {
			printf("# %s\n", line);
			break;
		}
		printf("# %.*s\n", (int)(nl - line), line);
	}
	return (int)strlen(text);
}
