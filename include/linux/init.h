/*
 * Boot-time entry points called from kernel_main, one per subsystem; and
 * the kernel command line's options, registered as Linux registers them.
 *
 * A file that takes an option says so next to its code:
 *
 *	static int setup_slab_debug(char *str) { ...; return 1; }
 *	__setup("slab_debug", setup_slab_debug);
 *
 *	static int loglevel(char *val) { ...; return 0; }
 *	early_param("loglevel", loglevel);
 *
 * cmdline_init() (kernel/cmdline.c) calls the handler of each option on
 * the line, in the order of the line.  Linux's conventions hold:
 *
 *  - __setup("name=", fn) takes "name=VALUE" and calls fn("VALUE");
 *    __setup("name", fn) takes the bare word "name" and calls fn(""),
 *    and "name=VALUE" with fn("=VALUE").  fn returns 1 when it took the
 *    option, 0 when it did not (the option is then unknown).
 *  - early_param("name", fn) calls fn("VALUE") for "name=VALUE" and
 *    fn(NULL) for a bare "name"; fn returns 0, or an error, which prints
 *    "Malformed early option".  The option counts as taken either way.
 *
 * Unlike Linux, a name matches whole ("nogbpages" is not taken by a
 * __setup("nogb")), and every handler runs in cmdline_init(), before
 * memory is set up (Linux runs __setup handlers after setup_arch()): a
 * handler only records the value for the code that uses it later.
 * Options no handler takes go to the first process (see
 * include/asm/cmdline.h).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

/* The table the linker gathers from every __setup() and early_param(). */
extern const struct obs_kernel_param __setup_start[], __setup_end[];

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
	__used __section(".init.setup") __aligned(sizeof(long)) =	\
		{ __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__setup_param(str, fn, fn, 1)

void serial_init(void);
void vga_init(void);
void trap_init(void);
void kernel_main(unsigned int magic, unsigned int mbi_phys);

#endif
