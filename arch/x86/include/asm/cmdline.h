/*
 * The kernel command line (kernel/cmdline.c): a copy of what the boot
 * loader passed, and Linux's x86 helpers to look options up in it.
 */
#ifndef _ASM_CMDLINE_H
#define _ASM_CMDLINE_H

#define COMMAND_LINE_SIZE	2048

extern char boot_command_line[COMMAND_LINE_SIZE];

/* Copy the loader's line and apply loglevel=, quiet, debug and panic=. */
void cmdline_init(const char *from);

/*
 * Value of the last "option=value" on cmdline, copied (quotes removed,
 * NUL-terminated, truncated to bufsize) into buf; returns the value's
 * full length, or -1 when the option is absent.
 */
int cmdline_find_option(const char *cmdline, const char *option,
			char *buf, int bufsize);

/* 1-based word position of the last bare "option", or 0. */
int cmdline_find_option_bool(const char *cmdline, const char *option);

#endif
