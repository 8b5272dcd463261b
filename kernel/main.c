/*
 * kernel_main: the first C code, entered from boot/head.asm in long mode
 * on the boot stack, with the boot page tables (identity map, direct map
 * of the first 4 GiB, kernel image) and interrupts off.
 *
 * It brings the kernel up one stage at a time, each stage printing one
 * line so the boot log reads like a table of contents (docs/boot.md,
 * section 5).  The first thread it creates, pid 1, then finishes the job in
 * kernel_init(): it runs the initcalls (linux/init.h: devfs, drivers,
 * the initrd), then with ktest=... on the command line it runs the tests
 * (the in-kernel suites, then /bin/usertests) and leaves QEMU through
 * the isa-debug-exit device; otherwise it becomes the first process by
 * executing /bin/init (with the command line's words no kernel option
 * took as its arguments and environment), which starts the shell.  The
 * boot task itself (pid 0) ends up asleep for good.
 */
#include <asm/cmdline.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/pvh.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/fdtable.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/bench.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/smp.h>

/* QEMU's isa-debug-exit device: writing v exits QEMU with (v << 1) | 1. */
#define QEMU_DEBUG_EXIT_PORT	0xf4
#define QEMU_EXIT_PASS		0x10	/* QEMU exit status 33 */
#define QEMU_EXIT_FAIL		0x11	/* QEMU exit status 35 */

enum boot_protocol boot_protocol;
struct multiboot_info boot_info;
phys_addr_t boot_mbi_phys;

static const char *const boot_protocol_names[] = {
	[BOOT_MULTIBOOT2] = "multiboot2",
	[BOOT_PVH] = "PVH",
};

static void parse_multiboot2(u32 mbi_phys)
{
	u32 total;
	int ret;

	if (mbi_phys + 8UL > EARLY_DIRECT_MAP_SIZE)
		panic("boot information at %#x is outside the early map", mbi_phys);
	total = *(u32 *)phys_to_virt(mbi_phys);
	if (mbi_phys + (u64)total > EARLY_DIRECT_MAP_SIZE)
		panic("boot information (%u bytes) runs past the early map", total);
	ret = multiboot_parse(phys_to_virt(mbi_phys), total, &boot_info);
	if (ret)
		panic("malformed multiboot2 boot information (error %d)", ret);
}

/* Everything PVH points at must lie in the early direct map. */
static void parse_pvh(u32 start_info_phys)
{
	int ret;

	ret = pvh_parse(phys_to_virt(0), EARLY_DIRECT_MAP_SIZE,
			start_info_phys, &boot_info);
	if (ret)
		panic("malformed PVH start info at %#x (error %d)",
		      start_info_phys, ret);
}

/* magic and info_phys: what the loader left in EAX and EBX (boot/head.asm). */
static void parse_boot_info(u32 magic, u32 info_phys)
{
	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
		boot_protocol = BOOT_MULTIBOOT2;
		parse_multiboot2(info_phys);
	} else if (magic == XEN_HVM_START_MAGIC_VALUE) {
		boot_protocol = BOOT_PVH;
		parse_pvh(info_phys);
	} else {
		panic("not started by a multiboot2 or PVH boot loader (magic %#x)",
		      magic);
	}
	boot_mbi_phys = info_phys;
}

static void print_memory_map(void)
{
	const char *proto = boot_protocol_names[boot_protocol];
	const struct multiboot_mmap_entry *e;
	unsigned int i;

	pr_info("%s: loader \"%s\", %u bytes of boot information\n", proto,
		boot_info.loader_name ? boot_info.loader_name : "unknown",
		boot_info.total_size);
	pr_info("%s: physical RAM map:\n", proto);
	for (i = 0; i < boot_info.nr_mmap; i++) {
		e = &boot_info.mmap[i];
		pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n", proto,
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1),
			multiboot_mmap_type_name(e->type));
	}
	pr_info("Memory: %lluK usable\n",
		(unsigned long long)multiboot_usable_bytes(&boot_info) >> 10);
}

static void __noreturn qemu_exit(bool passed)
{
	outl(passed ? QEMU_EXIT_PASS : QEMU_EXIT_FAIL, QEMU_DEBUG_EXIT_PORT);
	/* Not under QEMU (or no isa-debug-exit device): just stop. */
	pr_info("Tests done: %s. Halting.\n", passed ? "all passed" : "FAILED");
	halt_forever();
}

/*
 * ktest=FILTER: run the tests it selects instead of init; bench=GLOB: the
 * benchmarks (tools/bench.py).  The filters point into the command
 * line's words, so they are as long as the line lets them be.
 */
static const char *test_filter;
static const char *bench_filter;

static int ktest_setup(char *str)
{
	test_filter = str;
	return 1;
}
__setup("ktest=", ktest_setup);

static int bench_setup(char *str)
{
	bench_filter = str;
	return 1;
}
__setup("bench=", bench_setup);

/*
 * Run /bin/init (or /bin/sh) as pid 1, adopting orphans; never returns.
 * It gets the command line's words no kernel option took (init_args,
 * kernel/cmdline.c): "name=value" in its environment, the others as
 * arguments.
 */
static void __noreturn run_init_process(void)
{
	const char **argv = init_args.argv;
	int err;

	child_reaper = current;
	set_bit(SIGNAL_UNKILLABLE, &current->signal_flags);	/* kernel/signal.c */
	current->is_process = true;
	err = setup_process_files();
	if (err)
		panic("init: no memory for its files (error %d)", err);
	argv[0] = "init";
	err = kernel_execve("/bin/init", argv, init_args.envp);
	if (err) {
		pr_err("Cannot run /bin/init (error %d); trying /bin/sh\n", err);
		argv[0] = "sh";
		err = kernel_execve("/bin/sh", argv, init_args.envp);
	}
	if (err)
		panic("No working init found (error %d).", err);
	ret_to_user(task_pt_regs(current));
}

static int kernel_init(void *unused)
{
	/*
	 * A descriptor table from the start, as Linux's init_files: drivers
	 * may read a file while they probe (drivers/misc/edu.c).
	 */
	current->files = alloc_files();
	if (!current->files)
		panic("init: no memory for its descriptor table");
	do_initcalls();
	if (test_filter)
		qemu_exit(kunit_run_tests(test_filter));
	if (bench_filter)
		qemu_exit(bench_run(bench_filter) > 0);
	run_init_process();
}

void kernel_main(u32 magic, u32 info_phys)
{
	struct task_struct *init;

	cpu_early_init();
	serial_init();
	vga_init();
	pr_info("Ferry version " FERRY_VERSION " (x86_64), compiler " __VERSION__ "\n");
	trap_init();
	cpu_init(0);
	pr_info("Exceptions: IDT with %d exception handlers, interrupts on vectors %d-255\n",
		NR_EXCEPTION_VECTORS, NR_EXCEPTION_VECTORS);

	parse_boot_info(magic, info_phys);
	cmdline_init(boot_info.cmdline);
	print_memory_map();
	setup_memory();
	sched_init();
	init = kthread_create(kernel_init, NULL, "init");	/* pid 1 */
	if (!init)
		panic("cannot create the init thread");
	kthread_init();
	interrupts_init();
	smp_prepare_ipis();
	smp_init();
	vfs_init();
	proc_root_init();

	wake_up_process(init);
	for (;;) {		/* sleep; the CPUs halt in their idle tasks */
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
}
