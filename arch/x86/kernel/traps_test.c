/*
 * Tests for exception handling and oops reports (suite "exceptions").
 *
 * Each case raises a real CPU exception inside kunit_expect_fault(),
 * which catches it the way the runner catches an unexpected one, and
 * checks which vector arrived.  One case lets an exception through as an
 * oops (caught one level up) and checks what the report says.
 */
#include <asm/page.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

static void raise_ud(void *arg)
{
	__asm__ __volatile__("ud2");
}

static void read_address(void *addr)
{
	(void)*(volatile unsigned long *)addr;
}

static void raise_divide_error(void *arg)
{
	unsigned long zero = (unsigned long)arg;

	__asm__ __volatile__("xor %%edx, %%edx\n\tmov $1, %%eax\n\tdivq %0"
			     : : "r"(zero) : "rax", "rdx");
}

static void raise_breakpoint(void *arg)
{
	__asm__ __volatile__("int3");
}

static void do_nothing(void *arg)
{
}

static void exceptions_invalid_opcode(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(raise_ud, NULL, NULL),
			X86_TRAP_UD);
}

/*
 * The last GiB of the vmalloc area: areas are handed out first-fit from
 * its start (the APIC and IOAPIC mappings are there), so nothing is
 * mapped this high.
 */
#define UNMAPPED_VA	(VMALLOC_END + 1 - SZ_1G)

static void exceptions_unmapped_kernel_read(struct kunit *test)
{
	unsigned long addr = 0;

	KUNIT_EXPECT_EQ(test, kunit_expect_fault(read_address,
						 (void *)UNMAPPED_VA, &addr),
			X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, addr, UNMAPPED_VA);
}

static void exceptions_null_pointer(struct kunit *test)
{
	unsigned long addr = 1;

	/* kernel_main removed the identity map, so page 0 is not mapped. */
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(read_address, NULL, &addr),
			X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, addr, 0);
}

static void exceptions_non_canonical(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(read_address,
						 (void *)0x8000000000000000UL,
						 NULL),
			X86_TRAP_GP);
}

static void exceptions_divide_and_breakpoint(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(raise_divide_error, NULL, NULL),
			X86_TRAP_DE);
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(raise_breakpoint, NULL, NULL),
			X86_TRAP_BP);
}

static void exceptions_none_raised(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(do_nothing, NULL, NULL), -1);
	/* The machine still works after a caught fault. */
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(raise_ud, NULL, NULL),
			X86_TRAP_UD);
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(do_nothing, NULL, NULL), -1);
}

static void exceptions_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, trap_mnemonic(X86_TRAP_PF), "#PF");
	KUNIT_EXPECT_STREQ(test, trap_name(X86_TRAP_GP),
			   "general protection fault");
	KUNIT_EXPECT_STREQ(test, trap_name(X86_TRAP_UD), "invalid opcode");
	KUNIT_EXPECT_STREQ(test, trap_name(15), "reserved exception");
	KUNIT_EXPECT_STREQ(test, trap_mnemonic(200), "#??");
}

/* Lets the exception be reported as an oops; returns the report. */
static const char *oops_report(void (*fn)(void *), void *arg,
			       enum kunit_caught *caught)
{
	struct kunit_try_catch tc = { .expect_fault = false };

	kunit_capture_start();
	*caught = kunit_try_catch_run(&tc, fn, arg);
	return kunit_capture_stop();
}

static void exceptions_oops_report(struct kunit *test)
{
	enum kunit_caught caught;
	const char *out;

	kunit_info(test, "an oops report for ud2 follows; it is expected");
	out = oops_report(raise_ud, NULL, &caught);
	KUNIT_EXPECT_EQ(test, caught, KUNIT_CAUGHT_EXCEPTION);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "#UD invalid opcode: 0000"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "RIP: 0010:raise_ud+0x"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "RAX: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "CR2: "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "Call Trace:\n"));
	/* The backtrace names the functions that led here. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, " kunit_try_catch_run+0x"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, " kthread_start+0x"));

	kunit_info(test, "an oops report for a page fault follows; it is expected");
	out = oops_report(read_address, (void *)UNMAPPED_VA, &caught);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"BUG: unable to handle page fault for address: ffffe8ffc0000000"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"#PF: supervisor read access in kernel mode"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "not-present page"));

	out = oops_report(read_address, NULL, &caught);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"BUG: kernel NULL pointer dereference, address: 0000000000000000"));
}

static void exceptions_kallsyms(struct kunit *test)
{
	unsigned long size = 0, offset = 0;
	unsigned long addr = (unsigned long)exceptions_kallsyms;
	const char *name;

	name = kallsyms_lookup(addr + 3, &size, &offset);
	KUNIT_EXPECT_STREQ(test, name, "exceptions_kallsyms");
	KUNIT_EXPECT_EQ(test, offset, 3);
	KUNIT_EXPECT_GT(test, size, 3);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kernel_main"),
			(unsigned long)kernel_main);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("no_such_function"), 0);
	KUNIT_EXPECT_NULL(test, kallsyms_lookup(0x1000, NULL, NULL));
	KUNIT_EXPECT_NULL(test, kallsyms_lookup((unsigned long)_etext + 0x10000,
						NULL, NULL));
	KUNIT_EXPECT_NOT_NULL(test, kallsyms_lookup((unsigned long)_text,
						    NULL, NULL));
}

static struct kunit_case exceptions_cases[] = {
	KUNIT_CASE(exceptions_invalid_opcode),
	KUNIT_CASE(exceptions_unmapped_kernel_read),
	KUNIT_CASE(exceptions_null_pointer),
	KUNIT_CASE(exceptions_non_canonical),
	KUNIT_CASE(exceptions_divide_and_breakpoint),
	KUNIT_CASE(exceptions_none_raised),
	KUNIT_CASE(exceptions_names),
	KUNIT_CASE(exceptions_oops_report),
	KUNIT_CASE(exceptions_kallsyms),
	{}
};

static struct kunit_suite exceptions_suite = {
	.name = "exceptions",
	.test_cases = exceptions_cases,
};
kunit_test_suite(exceptions_suite);
