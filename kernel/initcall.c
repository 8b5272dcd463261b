/*
 * Initcalls: the functions that registered themselves with
 * core_initcall() ... late_initcall() (linux/init.h), run once at boot
 * by do_initcalls(), level by level, as Linux's init/main.c does.
 *
 * The linker script puts each level's entries (pointers to the
 * functions) in a section of their own, one after the other, and marks
 * where each level starts; so the entries of level n are those from
 * __initcallN_start up to the next level's start, in link order.
 *
 * A failing initcall does not stop the boot: it is reported with its
 * name and error, and the next one runs.  One that returns with the
 * preempt count changed or interrupts off would break everything after
 * it, so that is reported and repaired, as Linux does.
 * initcall_debug on the command line prints each call and its result.
 *
 * Locking: none; only the first thread runs initcalls, once.
 */
#include <asm/cmdline.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/printk.h>

static initcall_t const *const initcall_levels[] = {
	__initcall0_start, __initcall1_start, __initcall2_start,
	__initcall3_start, __initcall4_start, __initcall5_start,
	__initcall6_start, __initcall7_start, __initcall_end,
};

static const char *const initcall_level_names[] = {
	"pure", "core", "postcore", "arch", "subsys", "fs", "device", "late",
};

static bool initcall_debug;

/* Report and put back what fn must not change. */
static void initcall_repair(initcall_t fn, int preempt_before)
{
	if (preempt_count() != preempt_before) {
		pr_err("initcall %pS returned with preemption imbalance "
		       "(count %d, was %d)\n", fn, preempt_count(), preempt_before);
		preempt_count_sub(preempt_count() - preempt_before);
	}
	if (irqs_disabled()) {
		pr_err("initcall %pS returned with interrupts disabled\n", fn);
		local_irq_enable();
	}
}

int do_one_initcall(initcall_t fn)
{
	int count = preempt_count();
	int ret;

	if (initcall_debug)
		pr_info("calling  %pS\n", fn);
	ret = fn();
	initcall_repair(fn, count);
	if (ret)
		pr_warn("initcall %pS returned %d\n", fn, ret);
	else if (initcall_debug)
		pr_info("initcall %pS returned 0\n", fn);
	return ret;
}

static void do_initcall_level(int level)
{
	initcall_t const *fn;

	if (initcall_debug)
		pr_info("initcall level %d (%s)\n", level,
			initcall_level_names[level]);
	for (fn = initcall_levels[level]; fn < initcall_levels[level + 1]; fn++)
		do_one_initcall(*fn);
}

void do_initcalls(void)
{
	int level;

	initcall_debug = cmdline_find_option_bool(boot_command_line,
						  "initcall_debug");
	for (level = 0; level < ARRAY_SIZE(initcall_level_names); level++)
		do_initcall_level(level);
}
