/*
 * uaccess cases of the protections around user memory: SMAP stops a plain
 * kernel access to a user page and SMEP a jump to user code, while the
 * user-access routines still work; every exception-table entry points
 * into the kernel text, is found and applied, and the assembly routines'
 * entries stay inside them; the stac/clac sites are patched as SMAP says.
 */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <kunit/capture.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "uaccess_test.h"

/* ---- SMAP and SMEP ---- */

static void read_address(void *addr)
{
	(void)*(volatile unsigned long *)addr;
}

static void write_address(void *addr)
{
	*(volatile unsigned long *)addr = 0x1122334455667788UL;
}

static void call_address(void *addr)
{
	((void (*)(void))addr)();
}

void smap_blocks_plain_access(struct kunit *test)
{
	unsigned long addr = 0;
	const char *out;
	char msg[80];
	u64 v = 0;
	int vec;

	if (!smap_enabled)
		kunit_skip(test, "SMAP is off on this CPU");
	KUNIT_EXPECT_TRUE(test, read_cr4() & X86_CR4_SMAP);
	map(test, BASE, 1, RW);
	KUNIT_EXPECT_EQ(test, put_user(0x5aULL, (u64 __user *)BASE), 0);
	snprintf(msg, sizeof(msg), "SMAP: kernel access to user address %lx", BASE);

	kunit_info(test, "a SMAP fault on a read follows; it is expected");
	kunit_capture_start();
	vec = kunit_expect_fault(read_address, (void *)BASE, &addr);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, vec, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, addr, BASE);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, msg), "report:\n%s", out);

	kunit_info(test, "a SMAP fault on a write follows; it is expected");
	kunit_capture_start();
	vec = kunit_expect_fault(write_address, (void *)(BASE + 8), &addr);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, vec, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, addr, BASE + 8);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "SMAP"));
	/* Not written. */
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 8, 0, 8), -1L);

	/* The user-access routines still reach the page. */
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)BASE), 0);
	KUNIT_EXPECT_EQ(test, v, 0x5aULL);
	KUNIT_EXPECT_EQ(test, read_cr4() & X86_CR4_SMAP, X86_CR4_SMAP);
}

void smep_blocks_user_code(struct kunit *test)
{
	unsigned long addr = 0;
	const char *out;
	char msg[80];
	int vec;

	if (!smep_enabled)
		kunit_skip(test, "SMEP is off on this CPU");
	KUNIT_EXPECT_TRUE(test, read_cr4() & X86_CR4_SMEP);
	map(test, BASE, 1, VM_READ | VM_WRITE | VM_EXEC);
	KUNIT_ASSERT_EQ(test, copy_to_user(U(BASE), "\xc3", 1), 0UL);	/* ret */
	KUNIT_ASSERT_FALSE(test, *user_pte(current->mm, BASE, false, NULL) & _PAGE_NX);
	snprintf(msg, sizeof(msg), "SMEP: kernel tried to execute a user page at %lx",
		 BASE);

	kunit_info(test, "a SMEP fault follows; it is expected");
	kunit_capture_start();
	vec = kunit_expect_fault(call_address, (void *)BASE, &addr);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, vec, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, addr, BASE);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, msg), "report:\n%s", out);
}

/* ---- the exception table ---- */

/* The routines of arch/x86/lib/usercopy.asm and their extable entries. */
static const struct {
	const char *name;
	int entries;		/* one per instruction that touches user memory */
} asm_routines[] = {
	{ "__copy_user_erms", 1 },
	{ "__copy_user_string", 3 },	/* words, tail bytes, byte redo */
	{ "__clear_user_asm", 1 },
	{ "__strnlen_user_asm", 1 },
	{ "__strncpy_from_user_asm", 1 },
};
#define NR_ASM_ROUTINES	ARRAY_SIZE(asm_routines)

/*
 * Where the routine starting at start ends: the next routine's start or
 * the next symbol whose name has no dot (NASM's local labels,
 * "__strnlen_user_asm.load", and macro labels, "..@7.site", have one),
 * whichever comes first.
 */
static unsigned long routine_end(const unsigned long *starts, unsigned long start)
{
	unsigned long addr, offset, end = start + 256;
	const char *name;
	unsigned int i;

	for (i = 0; i < NR_ASM_ROUTINES; i++)
		if (starts[i] > start && starts[i] < end)
			end = starts[i];
	for (addr = start + 1; addr < end; addr++) {
		name = kallsyms_lookup(addr, NULL, &offset);
		if (name && !offset && !strchr(name, '.'))
			return addr;
	}
	return end;
}

/* Index of the routine holding addr, or -1. */
static int routine_of(const unsigned long *start, const unsigned long *end,
		      unsigned long addr)
{
	unsigned int i;

	for (i = 0; i < NR_ASM_ROUTINES; i++)
		if (start[i] && addr >= start[i] && addr < end[i])
			return i;
	return -1;
}

/* Is addr inside the function named name? */
static bool in_function(unsigned long addr, const char *name)
{
	const char *found = kallsyms_lookup(addr, NULL, NULL);

	return found && !strcmp(found, name);
}

/*
 * Every entry: instruction and fixup in the kernel text, found by the
 * search, applied by fixup_exception(); the table sorted (at build
 * time).  The assembly routines' fixups stay inside their routine; the
 * inline get_user/put_user of C code (good_range_get_put()'s included)
 * have entries too.
 */
void exception_table_entries(struct kunit *test)
{
	unsigned long text = (unsigned long)_text, etext = (unsigned long)_etext;
	unsigned long start[NR_ASM_ROUTINES], end[NR_ASM_ROUTINES];
	int covered[NR_ASM_ROUTINES] = { 0 }, in_c = 0, here = 0;
	const struct exception_table_entry *e;
	struct pt_regs regs;
	unsigned int i;
	int r;

	for (i = 0; i < NR_ASM_ROUTINES; i++) {
		start[i] = kallsyms_lookup_name(asm_routines[i].name);
		KUNIT_EXPECT_NE_MSG(test, start[i], 0UL, "%s", asm_routines[i].name);
	}
	for (i = 0; i < NR_ASM_ROUTINES; i++)
		end[i] = start[i] ? routine_end(start, start[i]) : 0;
	KUNIT_ASSERT_GT(test, __stop___ex_table - __start___ex_table,
			(long)NR_ASM_ROUTINES);
	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e > __start___ex_table)
			KUNIT_EXPECT_LT_MSG(test, e[-1].insn, e->insn, "not sorted");
		KUNIT_EXPECT_TRUE_MSG(test, e->insn >= text && e->insn < etext,
				      "insn %lx", e->insn);
		KUNIT_EXPECT_TRUE_MSG(test, e->fixup >= text && e->fixup < etext,
				      "fixup %lx", e->fixup);
		KUNIT_EXPECT_NE(test, e->insn, e->fixup);
		KUNIT_EXPECT_PTR_EQ(test, search_exception_tables(e->insn), e);
		KUNIT_EXPECT_NULL(test, search_exception_tables(e->insn + 1));
		memset(&regs, 0, sizeof(regs));
		regs.ip = e->insn;
		regs.ax = 0x1234;
		KUNIT_EXPECT_TRUE(test, fixup_exception(&regs));
		KUNIT_EXPECT_EQ(test, regs.ip, e->fixup);
		KUNIT_EXPECT_EQ(test, regs.ax, 0x1234UL);	/* only ip moves */

		r = routine_of(start, end, e->insn);
		if (r < 0) {
			in_c++;
			if (in_function(e->insn, "good_range_get_put"))
				here++;
			continue;
		}
		covered[r]++;
		KUNIT_EXPECT_GT_MSG(test, e->fixup, e->insn, "%s", asm_routines[r].name);
		KUNIT_EXPECT_EQ_MSG(test, routine_of(start, end, e->fixup), r,
				    "%s: fixup %pS outside it", asm_routines[r].name,
				    (void *)e->fixup);
	}
	for (i = 0; i < NR_ASM_ROUTINES; i++)
		KUNIT_EXPECT_EQ_MSG(test, covered[i], asm_routines[i].entries,
				    "entries for %s", asm_routines[i].name);
	/* good_range_get_put has 16 inline get_user/put_user forms. */
	KUNIT_EXPECT_GE(test, here, 16);
	KUNIT_EXPECT_GE(test, in_c, here);

	/* Addresses without an entry: not found, ip left alone. */
	KUNIT_EXPECT_NULL(test, search_exception_tables(0));
	KUNIT_EXPECT_NULL(test, search_exception_tables(~0UL));
	KUNIT_EXPECT_NULL(test, search_exception_tables(start[0]));
	memset(&regs, 0, sizeof(regs));
	regs.ip = (unsigned long)exception_table_entries;
	KUNIT_EXPECT_NULL(test, search_exception_tables(regs.ip));
	KUNIT_EXPECT_FALSE(test, fixup_exception(&regs));
	KUNIT_EXPECT_EQ(test, regs.ip, (unsigned long)exception_table_entries);
}

/* The stac/clac sites hold stac/clac with SMAP, 3-byte no-ops without. */
void smap_sites_patched(struct kunit *test)
{
	static const u8 stac[3] = { 0x0f, 0x01, 0xcb }, clac[3] = { 0x0f, 0x01, 0xca };
	static const u8 nop3[3] = { 0x0f, 0x1f, 0x00 };
	unsigned long *site;

	KUNIT_EXPECT_GE(test, __stop_smap_stac - __start_smap_stac, 12L);
	KUNIT_EXPECT_GE(test, __stop_smap_clac - __start_smap_clac,
			__stop_smap_stac - __start_smap_stac);
	for (site = __start_smap_stac; site < __stop_smap_stac; site++)
		KUNIT_EXPECT_EQ_MSG(test, memcmp((void *)*site,
						 smap_enabled ? stac : nop3, 3), 0,
				    "stac site %pS", (void *)*site);
	for (site = __start_smap_clac; site < __stop_smap_clac; site++)
		KUNIT_EXPECT_EQ_MSG(test, memcmp((void *)*site,
						 smap_enabled ? clac : nop3, 3), 0,
				    "clac site %pS", (void *)*site);
	KUNIT_EXPECT_EQ(test, !!(read_cr4() & X86_CR4_SMAP), smap_enabled);
	KUNIT_EXPECT_EQ(test, !!(read_cr4() & X86_CR4_SMEP), smep_enabled);
}
