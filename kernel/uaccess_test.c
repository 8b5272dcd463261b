/*
 * Tests of the user-access layer (suite "uaccess"): kernel/uaccess.c,
 * arch/x86/lib/usercopy.asm, the exception table and the page-fault paths they
 * rely on.
 *
 * Each case runs in a kernel thread that borrows a fresh address space
 * (mm_alloc + kthread_use_mm) and maps the regions it needs itself, so
 * every address it uses is known to be mapped, read-only, not yet
 * faulted in, or unmapped.  User memory is inspected through the direct
 * map (the page behind the pte), never through the routines under test,
 * so "nothing was written" is checked independently of them.
 *
 * What is checked, for every routine: the Linux return conventions
 * (bytes not copied; 0/-EFAULT; lengths), the exact split between
 * copied and uncopied bytes at an unmapped page (with both copy loops,
 * rep movsb and words-then-bytes, and the inline path of constant-size
 * copies), copy_from_user's zero fill, refusal of kernel addresses, of
 * ranges past the address limit and of wrapping sizes, the unchecked
 * "__" forms, verify_area's page walk, the set_fs() address limit and
 * its leak check, the reports for user accesses from atomic context,
 * SMAP/SMEP, and the exception table.
 *
 * Invariants the cases keep: the thread's address limit is USER_DS and
 * cpu_has_erms is as booted when a case ends (uaccess_test_exit restores
 * both whatever happened); no assertion can end a case while a lock is
 * held or interrupts are off; a routine that might write far past its
 * buffer on a bug writes towards a vmalloc guard page (inside
 * kunit_expect_fault() where no fixup applies), so the bug fails the
 * case instead of corrupting the kernel.  uat_lock is taken only to put
 * the thread in atomic context; it protects nothing.
 *
 * This file holds the suite: each case's environment (init and exit),
 * the helpers every case uses, and the list of cases, which live by
 * topic in kernel/uaccess_*_test.c (declared in kernel/uaccess_test.h).
 */
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "uaccess_test.h"

static int uaccess_test_init(struct kunit *test)
{
	struct uat_env *env = kzalloc(sizeof(*env), GFP_KERNEL);

	if (!env)
		return -ENOMEM;
	env->mm = mm_alloc();
	if (!env->mm) {
		kfree(env);
		return -ENOMEM;
	}
	env->old_fs = get_fs();
	kthread_use_mm(env->mm);
	test->priv = env;
	return 0;
}

static void uaccess_test_exit(struct kunit *test)
{
	struct uat_env *env = test->priv;

	if (!env)
		return;
	set_fs(env->old_fs);
	if (env->erms_changed)
		cpu_has_erms = env->old_erms;
	if (env->own_files) {
		if (current->files)
			put_files_struct(current->files);
		current->files = env->old_files;
		if (current->fs)
			free_fs_struct(current->fs);
		current->fs = env->old_fs_struct;
	}
	kthread_unuse_mm(env->mm);
	mmput(env->mm);
	kfree(env);
	test->priv = NULL;
}

/* ---- helpers ---- */

/* Map pages pages at start in the test's mm with vm_flags. */
void map(struct kunit *test, unsigned long start, unsigned long pages,
	 unsigned long vm_flags)
{
	struct mm_struct *mm = current->mm;
	int err;

	mutex_lock(&mm->mmap_lock);
	err = insert_vm_region(mm, start, start + pages * PAGE_SIZE, vm_flags,
			       NULL);
	mutex_unlock(&mm->mmap_lock);
	KUNIT_ASSERT_EQ(test, err, 0);
}

/* The struct page mapped at user address addr, or NULL. */
struct page *mapped_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned long *pte = user_pte(mm, addr, false, NULL);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(PHYS_PFN(*pte & PTE_PFN_MASK));
}

/* The kernel's (direct-map) view of user byte addr, or NULL if not present. */
u8 *user_kaddr(unsigned long addr)
{
	struct page *page = mapped_page(current->mm, addr);

	if (!page)
		return NULL;
	return (u8 *)page_address(page) + (addr & ~PAGE_MASK);
}

/* Write user memory without the routines under test (faults it in). */
void user_write(struct kunit *test, unsigned long addr, const void *buf,
		size_t len)
{
	KUNIT_ASSERT_EQ(test, copy_to_mm(current->mm, addr, buf, len), 0);
}

void user_fill(struct kunit *test, unsigned long addr, int c, size_t len)
{
	u8 chunk[64];

	memset(chunk, c, sizeof(chunk));
	while (len) {
		size_t n = min(len, sizeof(chunk));

		user_write(test, addr, chunk, n);
		addr += n;
		len -= n;
	}
}

/*
 * -1 when the len user bytes at addr equal buf; otherwise the index of
 * the first byte that differs or is not mapped.
 */
long user_cmp(unsigned long addr, const void *buf, size_t len)
{
	const u8 *want = buf;
	size_t i;

	for (i = 0; i < len; i++) {
		u8 *p = user_kaddr(addr + i);

		if (!p || *p != want[i])
			return i;
	}
	return -1;
}

/* -1 when the len user bytes at addr all equal c, else the first other. */
long user_first_not(unsigned long addr, int c, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		u8 *p = user_kaddr(addr + i);

		if (!p || *p != (u8)c)
			return i;
	}
	return -1;
}

/* -1 when the len kernel bytes at p all equal c, else the first other. */
long first_not(const void *p, int c, size_t len)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] != (u8)c)
			return i;
	return -1;
}

/* A recognisable pattern: byte i is (i * 7 + seed) & 0xff. */
void pattern(void *buf, size_t len, int seed)
{
	u8 *b = buf;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (u8)(i * 7 + seed);
}

static struct kunit_case uaccess_cases[] = {
	KUNIT_CASE(good_range_copies),
	KUNIT_CASE(good_range_get_put),
	KUNIT_CASE(get_put_user_evaluate_once),
	KUNIT_CASE(good_range_strings),
	KUNIT_CASE(end_in_unmapped_page),
	KUNIT_CASE(copy_variants_at_unmapped_page),
	KUNIT_CASE(small_constant_copies),
	KUNIT_CASE(read_only_page),
	KUNIT_CASE(straddle_task_size),
	KUNIT_CASE(kernel_addresses_refused),
	KUNIT_CASE(null_pointer),
	KUNIT_CASE(size_zero),
	KUNIT_CASE(wrapping_sizes_refused),
	KUNIT_CASE(strings_at_task_size),
	KUNIT_CASE(strings_at_lowered_limit),
	KUNIT_CASE(strings_around_unmapped_page),
	KUNIT_CASE(strings_counts),
	KUNIT_CASE(get_put_user_page_boundary),
	KUNIT_CASE(unchecked_variants),
	KUNIT_CASE(verify_area_pages),
	KUNIT_CASE(kernel_ds_reaches_kernel),
	KUNIT_CASE(sys_open_kernel_path),
	KUNIT_CASE(set_fs_leak_reported),
	KUNIT_CASE(might_fault_atomic),
	KUNIT_CASE(smap_blocks_plain_access),
	KUNIT_CASE(smep_blocks_user_code),
	KUNIT_CASE(exception_table_entries),
	KUNIT_CASE(smap_sites_patched),
	{}
};

static struct kunit_suite uaccess_suite = {
	.name = "uaccess",
	.init = uaccess_test_init,
	.exit = uaccess_test_exit,
	.test_cases = uaccess_cases,
};
kunit_test_suite(uaccess_suite);
