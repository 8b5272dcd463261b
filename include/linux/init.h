/*
 * Boot-time entry points, and initcalls (Linux's include/linux/init.h).
 *
 * kernel_main() calls the first stages by name, in the order each needs
 * the one before (kernel/main.c).  Everything else that must run once
 * at boot registers itself instead, with one of the macros below, so
 * the code that calls it need not know it exists: devfs does not know
 * which drivers make nodes in /dev, nor the VFS that an initrd exists.
 *
 *	static int chr_dev_init(void) { ... return 0; }
 *	device_initcall(chr_dev_init);
 *
 * do_initcalls() (kernel/initcall.c) runs them once, from the first
 * thread (pid 1) before the tests or /bin/init: the levels in the order
 * below, and within a level in link order (the Makefile's).  The
 * scheduler, interrupts, all CPUs, the VFS root and /proc are up by
 * then.  An initcall returns 0 or a negative errno; a failure is
 * reported ("initcall NAME returned ERR") and the boot goes on.
 *
 *	pure_initcall      0  data that needs no other initcall
 *	core_initcall      1  core kernel services
 *	postcore_initcall  2
 *	arch_initcall      3  what the architecture adds
 *	subsys_initcall    4  subsystems drivers use (buses, ...)
 *	fs_initcall        5  file systems: devfs on /dev
 *	rootfs_initcall       the initrd into the root (after level 5)
 *	device_initcall    6  drivers; module_init() is the same
 *	late_initcall      7  what needs all the rest
 *
 * Each level's entries are gathered by the linker into a section of
 * their own, .initcallN.init (arch/x86/kernel/vmlinux.lds).  Linux also
 * has early initcalls (before SMP), *_sync levels, and frees the init
 * code after boot (__init); none of that here.
 *
 * The kernel command line's options register themselves the same way,
 * as Linux's do: a file that takes an option says so next to its code:
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
 * asm/cmdline.h).
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

typedef int (*initcall_t)(void);

#define __define_initcall(fn, id)					\
	static initcall_t const __initcall_##fn##id			\
	__used __section(".initcall" #id ".init") = fn

#define pure_initcall(fn)		__define_initcall(fn, 0)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define rootfs_initcall(fn)		__define_initcall(fn, rootfs)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)

#define __initcall(fn)			device_initcall(fn)
/* A driver's entry point; built in, as everything here (linux/module.h). */
#define module_init(fn)			__initcall(fn)

/* The levels' bounds, from the linker script: level n is [n, n + 1). */
extern initcall_t const __initcall0_start[], __initcall1_start[],
	__initcall2_start[], __initcall3_start[], __initcall4_start[],
	__initcall5_start[], __initcall6_start[], __initcall7_start[],
	__initcall_end[];

/* Run every initcall, level by level (kernel/initcall.c); once, at boot. */
void do_initcalls(void);
/*
 * Run one; report a failure, and a preempt count or interrupt flag it
 * left changed (which it repairs).  Returns fn's result.
 */
int do_one_initcall(initcall_t fn);

void serial_init(void);
void vga_init(void);
void trap_init(void);
void kernel_main(unsigned int magic, unsigned int mbi_phys);

#endif
