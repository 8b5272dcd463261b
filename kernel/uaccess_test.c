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
 */
#include <asm/extable.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/traps.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <uapi/linux/fcntl.h>

#define BASE		0x10000000UL	/* where the cases put their regions */
#define TOP_PAGE	(TASK_SIZE - PAGE_SIZE)	/* the highest user page */
#define NONCANONICAL	0x8000000000000000UL	/* #GP, not #PF */
#define RW		(VM_READ | VM_WRITE)

struct uat_env {
	struct mm_struct *mm;
	mm_segment_t old_fs;
	bool own_files;		/* the case gave the thread files and fs */
	struct files_struct *old_files;
	struct fs_struct *old_fs_struct;
	bool erms_changed;	/* the case switched the copy routine */
	bool old_erms;
};

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
static void map(struct kunit *test, unsigned long start, unsigned long pages,
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
static struct page *mapped_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned long *pte = user_pte(mm, addr, false, NULL);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(PHYS_PFN(*pte & PTE_PFN_MASK));
}

/* The kernel's (direct-map) view of user byte addr, or NULL if not present. */
static u8 *user_kaddr(unsigned long addr)
{
	struct page *page = mapped_page(current->mm, addr);

	if (!page)
		return NULL;
	return (u8 *)page_address(page) + (addr & ~PAGE_MASK);
}

/* Write user memory without the routines under test (faults it in). */
static void user_write(struct kunit *test, unsigned long addr, const void *buf,
		       size_t len)
{
	KUNIT_ASSERT_EQ(test, copy_to_mm(current->mm, addr, buf, len), 0);
}

static void user_fill(struct kunit *test, unsigned long addr, int c, size_t len)
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
static long user_cmp(unsigned long addr, const void *buf, size_t len)
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
static long user_first_not(unsigned long addr, int c, size_t len)
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
static long first_not(const void *p, int c, size_t len)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] != (u8)c)
			return i;
	return -1;
}

/* A recognisable pattern: byte i is (i * 7 + seed) & 0xff. */
static void pattern(void *buf, size_t len, int seed)
{
	u8 *b = buf;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (u8)(i * 7 + seed);
}

#define U(addr)		((void __user *)(unsigned long)(addr))
#define US(addr)	((const char __user *)(unsigned long)(addr))

/* ---- every routine on a good range ---- */

static void good_range_copies(struct kunit *test)
{
	size_t len = PAGE_SIZE + 500;	/* crosses a page boundary */
	u8 *src = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	u8 *dst = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	static const size_t sizes[] = { 1, 7, 8, 63, 64, PAGE_SIZE };
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	map(test, BASE, 3, RW);
	pattern(src, 2 * PAGE_SIZE, 3);

	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE + 100), src, len), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 100, src, len), -1L);
	memset(dst, 0x55, 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(BASE + 100), len), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, src, len), 0);
	KUNIT_EXPECT_EQ(test, first_not(dst + len, 0x55, 100), -1L);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		/* Odd addresses, the copy crossing into the third page. */
		unsigned long at = BASE + PAGE_SIZE + 4000 + i;
		size_t n = sizes[i];

		pattern(src, n, (int)i);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(at), src, n), 0UL,
				    "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, n), -1L, "size %d", (int)n);
		memset(dst, 0x55, n + 1);
		KUNIT_EXPECT_EQ_MSG(test, __copy_from_user(dst, U(at), n), 0UL,
				    "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, n), 0, "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, dst[n], 0x55, "size %d", (int)n);
	}

	/* clear_user clears exactly its range. */
	user_fill(test, BASE, 0x77, 400);
	KUNIT_EXPECT_EQ(test, clear_user(U(BASE + 10), 300), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 10, 0, 300), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE, 0x77, 10), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 310, 0x77, 90), -1L);
	user_fill(test, BASE, 0x77, 400);
	KUNIT_EXPECT_EQ(test, __clear_user(U(BASE + 1), 2), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 1, 0, 2), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 3, 0x77, 10), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE, 0x77, 1), -1L);

	kfree(src);
	kfree(dst);
}

static void good_range_get_put(struct kunit *test)
{
	u8 v8 = 0;
	u16 v16 = 0;
	u32 v32 = 0;
	u64 v64 = 0;
	int wide = -1;
	static const u8 le64[8] = { 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01 };

	map(test, BASE, 1, RW);
	/* Every size, at aligned and misaligned addresses. */
	KUNIT_EXPECT_EQ(test, put_user((u8)0xa5, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 1, 0xa5, 1), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v8, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, v8, 0xa5);
	KUNIT_EXPECT_EQ(test, put_user((u16)0xbeef, (u16 __user *)(BASE + 0x11)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x11, "\xef\xbe", 2), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v16, (u16 __user *)(BASE + 0x11)), 0);
	KUNIT_EXPECT_EQ(test, v16, 0xbeef);
	KUNIT_EXPECT_EQ(test, put_user(0xdeadbeefU, (u32 __user *)(BASE + 0x20)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x20, "\xef\xbe\xad\xde", 4), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v32, (u32 __user *)(BASE + 0x20)), 0);
	KUNIT_EXPECT_EQ(test, v32, 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, put_user(0x0123456789abcdefULL,
				       (u64 __user *)(BASE + 0x33)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x33, le64, 8), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v64, (u64 __user *)(BASE + 0x33)), 0);
	KUNIT_EXPECT_EQ(test, v64, 0x0123456789abcdefULL);
	/* The value is converted to the target's type: zero-extended here. */
	KUNIT_EXPECT_EQ(test, get_user(wide, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, wide, 0xa5);

	/* The unchecked forms on the same good addresses. */
	KUNIT_EXPECT_EQ(test, __put_user((u8)0x5a, (u8 __user *)(BASE + 0x40)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v8, (u8 __user *)(BASE + 0x40)), 0);
	KUNIT_EXPECT_EQ(test, v8, 0x5a);
	KUNIT_EXPECT_EQ(test, __put_user((u16)0x1234, (u16 __user *)(BASE + 0x41)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v16, (u16 __user *)(BASE + 0x41)), 0);
	KUNIT_EXPECT_EQ(test, v16, 0x1234);
	KUNIT_EXPECT_EQ(test, __put_user(0xcafef00dU, (u32 __user *)(BASE + 0x43)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v32, (u32 __user *)(BASE + 0x43)), 0);
	KUNIT_EXPECT_EQ(test, v32, 0xcafef00dU);
	KUNIT_EXPECT_EQ(test, __put_user(~0ULL - 1, (u64 __user *)(BASE + 0x47)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v64, (u64 __user *)(BASE + 0x47)), 0);
	KUNIT_EXPECT_EQ(test, v64, ~0ULL - 1);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x40,
				       "\x5a\x34\x12\x0d\xf0\xfe\xca", 7), -1L);
}

/* Each macro evaluates its pointer and value once, as Linux's do. */
static void get_put_user_evaluate_once(struct kunit *test)
{
	u16 __user *p = (u16 __user *)(BASE + 0x10);
	int evaluated = 0;
	u16 v = 0;

	map(test, BASE, 1, RW);
	KUNIT_EXPECT_EQ(test, put_user((u16)(0x1111 + evaluated++), p++), 0);
	KUNIT_EXPECT_EQ(test, __put_user((u16)(0x1111 + evaluated++), p++), 0);
	KUNIT_EXPECT_EQ(test, evaluated, 2);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(BASE + 0x14));
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x10, "\x11\x11\x12\x11", 4), -1L);
	p = (u16 __user *)(BASE + 0x10);
	KUNIT_EXPECT_EQ(test, get_user(v, p++), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1111);
	KUNIT_EXPECT_EQ(test, __get_user(v, p++), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1112);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(BASE + 0x14));
	/* A refused pointer is still stepped once. */
	p = (u16 __user *)(TASK_SIZE - 1);
	KUNIT_EXPECT_EQ(test, get_user(v, p++), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(v, p++), -EFAULT);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(TASK_SIZE + 3));
}

static void good_range_strings(struct kunit *test)
{
	char dst[32];

	map(test, BASE, 1, RW);
	user_write(test, BASE + 2000, "hello", 6);
	KUNIT_EXPECT_EQ(test, strlen_user(US(BASE + 2000)), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 2000), 100), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 2000), 6), 6L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE + 2000), sizeof(dst)), 5L);
	KUNIT_EXPECT_STREQ(test, dst, "hello");
	KUNIT_EXPECT_EQ(test, first_not(dst + 6, 0x55, sizeof(dst) - 6), -1L);
	/* The empty string. */
	user_write(test, BASE + 3000, "", 1);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 3000), 10), 1L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(BASE + 3000)), 1L);
	dst[0] = 'x';
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE + 3000), 10), 0L);
	KUNIT_EXPECT_EQ(test, dst[0], '\0');
}

/* ---- a range whose end runs into an unmapped page ---- */

static void end_in_unmapped_page(struct kunit *test)
{
	static const unsigned long before[] = { 1, 5, 64 };
	unsigned long end = BASE + PAGE_SIZE;	/* the first unmapped byte */
	u8 src[100], dst[128];
	unsigned int i;

	map(test, BASE, 1, RW);
	pattern(src, sizeof(src), 11);
	for (i = 0; i < ARRAY_SIZE(before); i++) {
		unsigned long k = before[i], at = end - k;

		/* copy_to_user: k bytes land, the rest is reported. */
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(at), src, 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at - 1, 0x77, 1), -1L,
				    "%lu", k);
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(at), src, 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, k), -1L, "%lu", k);

		/*
		 * copy_from_user: the k mapped bytes copied, the rest of the
		 * kernel buffer zeroed byte by byte, nothing past n touched.
		 */
		memset(dst, 0x55, sizeof(dst));
		KUNIT_EXPECT_EQ_MSG(test, copy_from_user(dst, U(at), 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, k), 0, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst + k, 0, 100 - k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst + 100, 0x55, 28), -1L, "%lu", k);
		memset(dst, 0x55, sizeof(dst));
		KUNIT_EXPECT_EQ_MSG(test, __copy_from_user(dst, U(at), 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, k), 0, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst + k, 0, 100 - k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst + 100, 0x55, 28), -1L, "%lu", k);

		/* clear_user: k bytes cleared. */
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(at), 100), 100 - k, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at, 0, k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at - 1, 0x77, 1), -1L,
				    "%lu", k);
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, __clear_user(U(at), 100), 100 - k, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at, 0, k), -1L, "%lu", k);
	}
	/* A whole page, then 10 bytes too many. */
	KUNIT_EXPECT_EQ(test, clear_user(U(BASE), PAGE_SIZE + 10), 10UL);
	/* Starting in the unmapped page: nothing at all. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(end), src, 8), 8UL);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(end), 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, first_not(dst + 8, 0x55, 8), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}

/*
 * One copy each way of n bytes starting k bytes before end, the first
 * unmapped byte: exactly min(k, n) bytes move, the rest is reported and
 * (copy_from_user) zeroed, nothing around is touched.
 */
static void copies_at_end(struct kunit *test, unsigned long end,
			  unsigned long k, unsigned long n, const char *how)
{
	unsigned long at = end - k, moved = min(k, n);
	u8 src[128], dst[136];

	pattern(src, sizeof(src), (int)(k + n));
	user_fill(test, end - 72, 0x77, 72);
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(at), src, n), n - moved,
			    "%s: %lu of %lu bytes mapped", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, moved), -1L,
			    "%s: %lu of %lu", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, user_first_not(end - 72, 0x77, 72 - k), -1L,
			    "%s: %lu of %lu: written before", how, k, n);
	if (k > n)
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at + n, 0x77, k - n), -1L,
				    "%s: %lu of %lu: written after", how, k, n);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(dst, U(at), n), n - moved,
			    "%s: %lu of %lu bytes mapped", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, moved), 0,
			    "%s: %lu of %lu", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + moved, 0, n - moved), -1L,
			    "%s: %lu of %lu: not zero-filled", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + n, 0x55, sizeof(dst) - n), -1L,
			    "%s: %lu of %lu: written past n", how, k, n);
}

/*
 * Both copy routines: rep movsb (CPUs with ERMS) and words then bytes
 * (others), whichever this CPU uses and the other one by switching
 * cpu_has_erms for the case (both are correct on every CPU, so other
 * CPUs copying meanwhile are unaffected).  Faults in the first word, in
 * a later word, in the tail bytes, and at every offset of a word.
 */
static void copy_variants_at_unmapped_page(struct kunit *test)
{
	static const unsigned long ks[] = { 0, 1, 3, 5, 7, 8, 9, 13, 16, 17, 64 };
	static const unsigned long ns[] = { 1, 3, 7, 8, 9, 13, 16, 17, 24, 100 };
	struct uat_env *env = test->priv;
	unsigned long end = BASE + PAGE_SIZE;
	unsigned int v, i, j;

	map(test, BASE, 1, RW);
	env->old_erms = cpu_has_erms;
	env->erms_changed = true;
	for (v = 0; v < 2; v++) {
		cpu_has_erms = v == 0;
		for (i = 0; i < ARRAY_SIZE(ks); i++)
			for (j = 0; j < ARRAY_SIZE(ns); j++)
				copies_at_end(test, end, ks[i], ns[j],
					      v == 0 ? "rep movsb" : "words");
	}
	cpu_has_erms = env->old_erms;
	env->erms_changed = false;
}

/*
 * Copies of a constant 1, 2, 4 or 8 bytes are inline movs; when one
 * faults the general routine redoes it, so the bytes before the
 * faulting one still move and the rest is still zero-filled.
 */
#define SMALL_COPIES(test, end, kbuf, n)					\
do {										\
	u8 __s[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, __d[16];			\
	unsigned long __at = (end) - (n) + 1;	/* n - 1 bytes mapped */	\
										\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(BASE + 1), __s, n), 0UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(BASE + 1, __s, n), -1L, "size %d", n); \
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(BASE + 1), n), 0UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, memcmp(__d, __s, n), 0, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d + (n), 0x55, 8), -1L, "size %d", n); \
	/* Straddling the unmapped page. */					\
	user_fill(test, __at - 1, 0x77, n);					\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(__at), __s, n), 1UL,		\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(__at, __s, (n) - 1), -1L,		\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_first_not(__at - 1, 0x77, 1), -1L,	\
			    "size %d", n);					\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(__at), n), 1UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, memcmp(__d, __s, (n) - 1), 0, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, __d[(n) - 1], 0, "size %d", n);		\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d + (n), 0x55, 8), -1L, "size %d", n); \
	/* Wholly unmapped, and a kernel address. */				\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(end), __s, n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(end), n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d, 0, n), -1L, "size %d", n);	\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(kbuf), n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d, 0, n), -1L, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(kbuf), __s, n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(kbuf, 0x3c, 8), -1L, "size %d", n);	\
} while (0)

static void small_constant_copies(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;
	u8 *kbuf = kmalloc(8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	memset(kbuf, 0x3c, 8);
	map(test, BASE, 1, RW);
	SMALL_COPIES(test, end, kbuf, 1);
	SMALL_COPIES(test, end, kbuf, 2);
	SMALL_COPIES(test, end, kbuf, 4);
	SMALL_COPIES(test, end, kbuf, 8);
	kfree(kbuf);
}

static void read_only_page(struct kunit *test)
{
	unsigned long ro = BASE + PAGE_SIZE;
	u8 src[16], dst[16];
	u32 v = 1;

	map(test, BASE, 1, RW);
	map(test, ro, 1, VM_READ);
	pattern(src, sizeof(src), 5);
	/* Reading a read-only page works (demand-zero). */
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(ro), 16), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)ro), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	/* Writing it fails and changes nothing. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(ro), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, clear_user(U(ro), 16), 16UL);
	KUNIT_EXPECT_EQ(test, put_user(7U, (u32 __user *)ro), -EFAULT);
	KUNIT_EXPECT_EQ(test, __put_user(7U, (u32 __user *)ro), -EFAULT);
	KUNIT_EXPECT_EQ(test, user_first_not(ro, 0, 16), -1L);
	/* A write from a writable page into it stops at the boundary. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(ro - 8), src, 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_cmp(ro - 8, src, 8), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(ro, 0, 8), -1L);
}

/* ---- ranges straddling TASK_SIZE ---- */

static void straddle_task_size(struct kunit *test)
{
	unsigned long top = TASK_SIZE;
	u8 src[16], dst[16];
	u64 v = 1;

	map(test, TOP_PAGE, 1, RW);
	user_fill(test, TOP_PAGE, 0x77, PAGE_SIZE);
	pattern(src, sizeof(src), 9);

	/* The checked routines refuse the whole range: no partial copy. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top - 8), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, clear_user(U(top - 8), 16), 16UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0x77, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(top - 8), 16), 16UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(top - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	KUNIT_EXPECT_EQ(test, put_user(1ULL, (u64 __user *)(top - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user((u16)1, (u16 __user *)(top - 1)), -EFAULT);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0x77, 8), -1L);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(top - 8), 16), -EFAULT);
	/* At the limit itself, even one byte is refused. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top), src, 1), 1UL);
	KUNIT_EXPECT_EQ(test, put_user((u8)1, (u8 __user *)top), -EFAULT);

	/* A range ending exactly at the limit is fine. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top - 8), src, 8), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(top - 8, src, 8), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(top - 8)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(&v, src, 8), 0);
	KUNIT_EXPECT_EQ(test, clear_user(U(top - 8), 8), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0, 8), -1L);

	/*
	 * The "__" forms do not look at the limit: they copy up to the
	 * first byte that faults (TASK_SIZE is not mapped).
	 */
	KUNIT_EXPECT_EQ(test, __copy_to_user(U(top - 8), src, 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_cmp(top - 8, src, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, U(top - 8), 16), 8UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, src, 8), 0);
	KUNIT_EXPECT_EQ(test, first_not(dst + 8, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, __clear_user(U(top - 8), 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0, 8), -1L);
}

/* ---- kernel addresses, NULL, size 0 ---- */

/* An expectation naming the kind of kernel address that failed it. */
#define EXPECT_WHAT(l, r)	KUNIT_EXPECT_EQ_MSG(test, l, r, "%s", what)

static void kernel_address_one(struct kunit *test, void *kaddr, const char *what)
{
	u8 dst[16], src[16], before[16];
	u8 v8 = 1;
	u16 v16 = 1;
	u32 v32 = 1;
	u64 v64 = 1;
	char s[8];

	memcpy(before, kaddr, 16);
	pattern(src, 16, 1);
	EXPECT_WHAT(copy_to_user(U(kaddr), src, 16), 16UL);
	EXPECT_WHAT(clear_user(U(kaddr), 16), 16UL);
	EXPECT_WHAT(put_user((u8)1, (u8 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user((u16)1, (u16 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user(1U, (u32 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user(1ULL, (u64 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(memcmp(kaddr, before, 16), 0);	/* not written */
	/* Nothing of the kernel's data reaches the buffer: zeroes. */
	memset(dst, 0x55, sizeof(dst));
	EXPECT_WHAT(copy_from_user(dst, U(kaddr), 16), 16UL);
	EXPECT_WHAT(first_not(dst, 0, 16), -1L);
	EXPECT_WHAT(get_user(v8, (u8 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v16, (u16 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v32, (u32 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v64, (u64 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(v8 | v16 | v32 | v64, 0ULL);	/* get_user zeroes */
	EXPECT_WHAT(strnlen_user(US(kaddr), 100), 0L);
	EXPECT_WHAT(strlen_user(US(kaddr)), 0L);
	EXPECT_WHAT(strncpy_from_user(s, US(kaddr), sizeof(s)), (long)-EFAULT);
	EXPECT_WHAT(verify_area(VERIFY_READ, U(kaddr), 16), -EFAULT);
	EXPECT_WHAT(access_ok(VERIFY_READ, kaddr, 1), false);
}
#undef EXPECT_WHAT

static void kernel_addresses_refused(struct kunit *test)
{
	u8 *kbuf = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid((unsigned long)kbuf));
	memset(kbuf, 0x3c, 64);
	strscpy((char *)kbuf, "kernel", 64);
	kernel_address_one(test, kbuf, "direct map");
	kernel_address_one(test, _text, "kernel text");
	kernel_address_one(test, (void *)kernel_address_one, "a function");
	kfree(kbuf);
}

static void null_pointer(struct kunit *test)
{
	u8 src[8] = "abcdefg", dst[8];
	u32 v = 1;
	char s[8];

	/* NULL is below the limit: the checks pass, the page fault fails. */
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, NULL, 8));
	KUNIT_EXPECT_EQ(test, copy_to_user(NULL, src, 8), 8UL);
	KUNIT_EXPECT_EQ(test, __copy_to_user(NULL, src, 8), 8UL);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, clear_user(NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, __clear_user(NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	v = 1;
	KUNIT_EXPECT_EQ(test, __get_user(v, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, put_user(1U, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, __put_user(1U, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(NULL, 10), 0L);
	KUNIT_EXPECT_EQ(test, strlen_user(NULL), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, NULL, sizeof(s)), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, NULL, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, current->mm->rss, 0UL);
}

static void size_zero(struct kunit *test)
{
	u8 src[8] = "abcdefg", dst[8];
	char s[8];
	u8 *kbuf = kmalloc(16, GFP_KERNEL);
	const unsigned long addrs[] = {
		BASE, BASE + 5, 0, TASK_SIZE, (unsigned long)kbuf, NONCANONICAL,
	};
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	memset(kbuf, 0x3c, 16);
	map(test, BASE, 1, RW);		/* mapped, never faulted in */
	for (i = 0; i < ARRAY_SIZE(addrs); i++) {
		unsigned long a = addrs[i];

		memset(dst, 0x55, sizeof(dst));
		memset(s, 0x55, sizeof(s));
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(a), src, 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, copy_from_user(dst, U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(a), src, 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __copy_from_user(dst, U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __clear_user(U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, strnlen_user(US(a), 0), 0L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, strncpy_from_user(s, US(a), 0), 0L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst, 0x55, 8), -1L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, first_not(s, 0x55, 8), -1L, "%lx", a);
	}
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(BASE), 0), 0);
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, TASK_SIZE, 0));
	/* Nothing was faulted in or written. */
	KUNIT_EXPECT_NULL(test, user_kaddr(BASE));
	KUNIT_EXPECT_EQ(test, current->mm->rss, 0UL);
	KUNIT_EXPECT_EQ(test, first_not(kbuf, 0x3c, 16), -1L);
	kfree(kbuf);
}

/* ---- sizes that wrap around the address space ---- */

struct copy_call {
	void *to;
	const void __user *from;
	unsigned long n;
	unsigned long ret;
};

static void call_copy_from_user(void *arg)
{
	struct copy_call *c = arg;

	c->ret = copy_from_user(c->to, c->from, c->n);
}

/*
 * copy_from_user(to, from, n) with a size so large that from + n wraps:
 * it must be refused without writing to the kernel buffer (there is no
 * buffer of that size to zero-fill).  to lies 16 bytes before a vmalloc
 * guard page, so a routine that writes on anyway faults there at once
 * (caught) instead of wiping kernel memory.
 */
static void wrapping_copy_from_user(struct kunit *test, unsigned long from,
				    unsigned long n)
{
	u8 *area = vmalloc(PAGE_SIZE);
	struct copy_call c;
	int fault;

	KUNIT_ASSERT_NOT_NULL(test, area);
	c.to = area + PAGE_SIZE - 16;
	c.from = U(from);
	c.n = n;
	c.ret = 0x5a5a;
	memset(c.to, 0x55, 16);
	fault = kunit_expect_fault(call_copy_from_user, &c, NULL);
	KUNIT_EXPECT_EQ_MSG(test, fault, -1, "from %lx size %lx: copy_from_user "
			    "wrote past its 16-byte buffer into the guard page",
			    from, n);
	if (fault == -1)
		KUNIT_EXPECT_EQ_MSG(test, c.ret, n, "from %lx size %lx", from, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(c.to, 0x55, 16), -1L,
			    "from %lx size %lx: buffer written", from, n);
	vfree(area);
}

static void wrapping_sizes_refused(struct kunit *test)
{
	/* BASE + n wraps to 0, to 1, and far past it. */
	const unsigned long sizes[] = { -BASE, -BASE + 1, ~0UL, ~0UL - 7 };
	u8 *src = kmalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, src);
	pattern(src, PAGE_SIZE, 2);
	map(test, BASE, 1, RW);
	user_fill(test, BASE, 0x77, PAGE_SIZE);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long n = sizes[i];

		KUNIT_EXPECT_FALSE_MSG(test, access_ok(VERIFY_WRITE, BASE, n), "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(BASE), src, n), n, "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(BASE), n), n, "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, verify_area(VERIFY_WRITE, U(BASE), n), -EFAULT,
				    "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(BASE, 0x77, PAGE_SIZE), -1L,
				    "size %lx: user page written", n);
		wrapping_copy_from_user(test, BASE, n);
	}
	kfree(src);
}

/* ---- the string routines ---- */

static void strings_at_task_size(struct kunit *test)
{
	unsigned long top = TASK_SIZE;
	char dst[16];

	map(test, TOP_PAGE, 1, RW);
	/* A string whose NUL is the last byte below the limit. */
	user_write(test, top - 4, "abc", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 100), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 3), 4L);	/* > n */
	KUNIT_EXPECT_EQ(test, strlen_user(US(top - 4)), 4L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 4), sizeof(dst)), 3L);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 1), 1), 0L);
	KUNIT_EXPECT_EQ(test, dst[0], '\0');

	/* No NUL before the limit: a fault, unless count stops first. */
	user_write(test, top - 4, "wxyz", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 5), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 4), 5L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(top - 4)), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 4), 100), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 4), 5), (long)-EFAULT);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "wxyz", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[4], 0x55);	/* not terminated */

	/* At and above the limit. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top), 10), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top), 10), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top + PAGE_SIZE), 10), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(~0UL), 10), (long)-EFAULT);
}

/*
 * The string routines stop at the address limit even where memory goes
 * on: with the limit lowered into the middle of a mapped range, a string
 * crossing it is a fault, one ending below it is fine.  (Expectations
 * never end a case, and the suite's exit restores the limit anyway.)
 */
static void strings_at_lowered_limit(struct kunit *test)
{
	unsigned long limit = BASE + PAGE_SIZE;
	mm_segment_t old = get_fs();
	char dst[16], dst2[16];

	map(test, BASE, 2, RW);
	user_write(test, limit - 4, "0123456789", 11);	/* crosses the limit */
	user_write(test, limit - 12, "ab", 3);
	set_fs((mm_segment_t){ limit });
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(limit - 4)), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 4), 100), (long)-EFAULT);
	/* count or n inside the limit: no fault, "too long" answers. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 4), 5L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "0123", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[4], 0x55);
	/* Below the limit. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 12), 100), 3L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 12), 8), 2L);
	KUNIT_EXPECT_STREQ(test, dst, "ab");
	/* At the limit, and the copy routines across it. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit), 100), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit), 100), (long)-EFAULT);
	memset(dst2, 0x55, sizeof(dst2));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst2, U(limit - 4), 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst2, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(limit - 4), "abcdefgh", 8), 8UL);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(limit - 4), "abcd", 4), 0UL);
	set_fs(old);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	KUNIT_EXPECT_EQ(test, user_cmp(limit - 4, "abcd456789", 11), -1L);
	/* With USER_DS back, the same string reads through. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 100), 11L);
}

static void strings_around_unmapped_page(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;
	char dst[16];

	map(test, BASE, 1, RW);
	/* The NUL is the last mapped byte. */
	user_write(test, end - 4, "abc", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 100), 4L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(end - 4)), 4L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 100), 3L);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 4), 3L);
	/* No NUL in the mapped part. */
	user_write(test, end - 4, "wxyz", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 5), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 4), 5L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 3), 4L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(end - 4)), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 100), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 5), (long)-EFAULT);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "wxyz", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[4], 0x55);
	/* Starting in the unmapped page. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end), 100), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end), 100), (long)-EFAULT);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}

static void strings_counts(struct kunit *test)
{
	char dst[16];

	map(test, BASE, 1, RW);
	user_write(test, BASE, "hello world", 12);
	/* count <= 0: 0, dst untouched, whatever the address. */
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 0), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), -1), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), -LONG_MAX - 1), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, NULL, -5), 0L);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0x55, sizeof(dst)), -1L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 0), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), -1), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), -LONG_MAX - 1), 0L);
	/* count reached before the NUL: count returned, dst not terminated. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 5), 5L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "hello", 5), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[5], 0x55);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 11), 11L);
	KUNIT_EXPECT_EQ(test, (u8)dst[11], 0x55);
	/* Room for the NUL: terminated. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 12), 11L);
	KUNIT_EXPECT_STREQ(test, dst, "hello world");
	/* strnlen_user: with the NUL; n + 1 when there is none within n. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 12), 12L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 11), 12L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 5), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 1), 2L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), LONG_MAX), 12L);
}

/* ---- get_user/put_user of each size at a page boundary ---- */

#define DEFINE_BOUNDARY_CHECK(type, value)					\
static void boundary_##type(struct kunit *test, unsigned long end)		\
{										\
	const int s = sizeof(type);						\
	const type want = (value);						\
	type __user *fits = (type __user *)(end - s);				\
	type __user *straddles = (type __user *)(end - s + 1);			\
	type __user *beyond = (type __user *)end;				\
	type v;									\
										\
	user_fill(test, end - s, 0x77, s);					\
	KUNIT_EXPECT_EQ_MSG(test, put_user(want, fits), 0, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(end - s, &want, s), -1L, "size %d", s); \
	v = 0;									\
	KUNIT_EXPECT_EQ_MSG(test, get_user(v, fits), 0, "size %d", s);		\
	KUNIT_EXPECT_EQ_MSG(test, v, want, "size %d", s);			\
	v = 0;									\
	KUNIT_EXPECT_EQ_MSG(test, __put_user((type)~want, fits), 0, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, __get_user(v, fits), 0, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, v, (type)~want, "size %d", s);		\
	if (s > 1) {								\
		/* Half mapped: fails whole, nothing written, target zeroed. */	\
		user_fill(test, end - s + 1, 0x77, s - 1);			\
		v = want;							\
		KUNIT_EXPECT_EQ_MSG(test, get_user(v, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);		\
		v = want;							\
		KUNIT_EXPECT_EQ_MSG(test, __get_user(v, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);		\
		KUNIT_EXPECT_EQ_MSG(test, put_user(want, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, __put_user(want, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(end - s + 1, 0x77, s - 1), \
				    -1L, "size %d: partly written", s);		\
	}									\
	/* Wholly in the unmapped page. */					\
	v = want;								\
	KUNIT_EXPECT_EQ_MSG(test, get_user(v, beyond), -EFAULT, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);			\
	v = want;								\
	KUNIT_EXPECT_EQ_MSG(test, __get_user(v, beyond), -EFAULT, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);			\
	KUNIT_EXPECT_EQ_MSG(test, put_user(want, beyond), -EFAULT, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, __put_user(want, beyond), -EFAULT, "size %d", s); \
}

DEFINE_BOUNDARY_CHECK(u8, 0xa7)
DEFINE_BOUNDARY_CHECK(u16, 0xa7b6)
DEFINE_BOUNDARY_CHECK(u32, 0xa7b6c5d4U)
DEFINE_BOUNDARY_CHECK(u64, 0xa7b6c5d4e3f20110ULL)

static void get_put_user_page_boundary(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;

	map(test, BASE, 1, RW);
	boundary_u8(test, end);
	boundary_u16(test, end);
	boundary_u32(test, end);
	boundary_u64(test, end);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}

/* ---- the unchecked "__" forms ---- */

/* An expectation naming the address that failed it. */
#define EXPECT_AT(l, r)	KUNIT_EXPECT_EQ_MSG(test, l, r, "at %lx", a)

static void unchecked_variants(struct kunit *test)
{
	const unsigned long bad[] = { BASE + 16 * PAGE_SIZE, 0, NONCANONICAL };
	u8 src[16], dst[16], *kbuf = kmalloc(32, GFP_KERNEL);
	u64 kval = 0x1122334455667788ULL, v;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	pattern(src, sizeof(src), 4);
	/*
	 * Unmapped user addresses, NULL, and a non-canonical address
	 * (which raises #GP, not #PF): each returns its error through the
	 * exception table instead of oopsing.
	 */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		unsigned long a = bad[i];

		EXPECT_AT(__copy_to_user(U(a), src, 16), 16UL);
		memset(dst, 0x55, sizeof(dst));
		EXPECT_AT(__copy_from_user(dst, U(a), 16), 16UL);
		EXPECT_AT(first_not(dst, 0, 16), -1L);
		EXPECT_AT(__clear_user(U(a), 16), 16UL);
		v = 1;
		EXPECT_AT(__get_user(v, (u64 __user *)a), -EFAULT);
		EXPECT_AT(v, 0ULL);
		EXPECT_AT(__put_user(v, (u64 __user *)a), -EFAULT);
	}
	/* The checked forms refuse the non-canonical address up front. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(NONCANONICAL), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)NONCANONICAL), -EFAULT);

	/*
	 * The "__" forms do not check the address limit: under USER_DS a
	 * kernel address passed as the "user" pointer is read and written
	 * like any other.  That is exactly why they are dangerous: a
	 * caller that skips access_ok() lets a program name kernel memory.
	 */
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	pattern(kbuf, 32, 8);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, U(kbuf), 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, kbuf, 16), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, __copy_to_user(U(kbuf + 16), src, 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(kbuf + 16, src, 16), 0);
	KUNIT_EXPECT_EQ(test, __put_user(7ULL, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, kval, 7ULL);
	KUNIT_EXPECT_EQ(test, __clear_user(U(kbuf), 8), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(kbuf, 0, 8), -1L);
	/* ... where the checked forms refuse. */
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(kbuf), 16), 16UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), -EFAULT);
	kfree(kbuf);
}
#undef EXPECT_AT

/* ---- verify_area ---- */

static void verify_area_pages(struct kunit *test)
{
	struct mm_struct *mm = current->mm, *child;
	unsigned long rw = BASE, ro = BASE + PAGE_SIZE;
	unsigned long hole = BASE + 2 * PAGE_SIZE, fresh = BASE + 3 * PAGE_SIZE;
	struct page *shared;
	unsigned long *pte;

	map(test, rw, 1, RW);
	map(test, ro, 1, VM_READ);
	map(test, fresh, 2, RW);
	user_write(test, rw, "data", 5);

	/* Read-only. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(ro), PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(ro), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(rw), PAGE_SIZE + 1), -EFAULT);
	/* Unmapped, and ranges running into it. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(hole), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(hole + 100), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 3 * PAGE_SIZE), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(hole - 1), 2), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, NULL, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 2 * PAGE_SIZE), 0);

	/* Not yet faulted in: verify_area faults it in (demand-zero). */
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(fresh + 10), 1), 0);
	KUNIT_ASSERT_NOT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, user_first_not(fresh, 0, PAGE_SIZE), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(fresh + PAGE_SIZE), 8), 0);
	KUNIT_ASSERT_NOT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	pte = user_pte(mm, fresh + PAGE_SIZE, false, NULL);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_RW);

	/* Copy-on-write after fork. */
	shared = mapped_page(mm, rw);
	KUNIT_ASSERT_NOT_NULL(test, shared);
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	/* VERIFY_READ does not break the sharing... */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 5), 0);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, rw), shared);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	/* ... VERIFY_WRITE does: this mm gets its own writable copy. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(rw), 5), 0);
	KUNIT_EXPECT_PTR_NE(test, mapped_page(mm, rw), shared);
	KUNIT_EXPECT_TRUE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	KUNIT_EXPECT_EQ(test, page_count(shared), 1);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(child, rw), shared);
	KUNIT_EXPECT_EQ(test, user_cmp(rw, "data", 5), -1L);
	KUNIT_EXPECT_STREQ(test, (char *)page_address(shared), "data");
	mmput(child);
}

/* ---- KERNEL_DS ---- */

/*
 * Under KERNEL_DS every address passes access_ok, so the copy routines
 * reach kernel memory; faults on kernel addresses are still fixed up.
 * (Expectations never end a case; the suite's exit restores the limit.)
 */
static void kernel_ds_reaches_kernel(struct kunit *test)
{
	static const char kstr[] = "a kernel string";
	mm_segment_t old = get_fs();
	u8 *a = kmalloc(64, GFP_KERNEL), *b = kmalloc(64, GFP_KERNEL);
	u8 *vbuf = vmalloc(PAGE_SIZE), *guarded;
	u64 kval = 0x0102030405060708ULL, v = 0;
	unsigned long wrap;
	u8 text[16];
	char s[32];

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, vbuf);
	KUNIT_ASSERT_TRUE(test, segment_eq(old, USER_DS));
	map(test, BASE, 1, RW);
	pattern(a, 64, 6);
	memset(b, 0x55, 64);
	/*
	 * The wrapping-size checks write (on a bug) towards a guard page,
	 * where the copy routines' own fault handling stops them.
	 */
	guarded = vbuf + PAGE_SIZE - 16;
	memset(guarded, 0x55, 16);
	wrap = ~0UL - (unsigned long)guarded + 2;	/* guarded + wrap == 1 */

	/* USER_DS: kernel addresses refused. */
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, a, 64));
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0x55, 64), -1L);

	set_fs(KERNEL_DS);
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, a, 64));
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, _text, 16));
	/* The limit ~0UL itself is excluded, as USER_DS excludes TASK_SIZE. */
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, ~0UL - 8, 8));
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, ~0UL - 7, 8));
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, ~0UL - 7, 9));	/* wraps */
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_WRITE, guarded, wrap));
	/* From one kernel buffer to another through copy_to_user. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 64), 0);
	memset(b, 0x55, 64);
	KUNIT_EXPECT_EQ(test, copy_from_user(b, U(a), 64), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 64), 0);
	KUNIT_EXPECT_EQ(test, copy_from_user(text, U(_text), 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(text, _text, 16), 0);
	KUNIT_EXPECT_EQ(test, clear_user(U(b), 16), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, v, 0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, put_user(v + 1, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, kval, 0x0102030405060709ULL);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(kstr), 100), (long)sizeof(kstr));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, US(kstr), sizeof(s)),
			(long)sizeof(kstr) - 1);
	KUNIT_EXPECT_STREQ(test, s, kstr);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(b), 64), 0);
	/* Wrapping ranges are still refused, and nothing is written. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(guarded), a, wrap), wrap);
	KUNIT_EXPECT_EQ(test, clear_user(U(guarded), wrap), wrap);
	KUNIT_EXPECT_EQ(test, first_not(guarded, 0x55, 16), -1L);
	v = 1;
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(~0UL - 3)), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	/* A kernel fault is fixed up: the copy stops at the guard page. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(vbuf + PAGE_SIZE - 4), a, 8), 4UL);
	KUNIT_EXPECT_EQ(test, memcmp(vbuf + PAGE_SIZE - 4, a, 4), 0);
	/* User memory is reached as before. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE), a, 16), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE, a, 16), -1L);
	set_fs(old);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* Back under USER_DS the same calls fail again. */
	memset(b, 0x55, 64);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0x55, 64), -1L);
	KUNIT_EXPECT_EQ(test, copy_from_user(b, U(a), 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0, 64), -1L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(kstr), 100), 0L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(v, (u64 __user *)&kval), -EFAULT);
	KUNIT_EXPECT_EQ(test, kval, 0x0102030405060709ULL);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(b), 64), -EFAULT);

	/* A wrapping copy_from_user under KERNEL_DS: refused, no write. */
	set_fs(KERNEL_DS);
	wrapping_copy_from_user(test, (unsigned long)a, ~0UL - (unsigned long)a + 2);
	set_fs(old);
	vfree(vbuf);
	kfree(a);
	kfree(b);
}

/*
 * The course-text pattern: a kernel routine calls a system call on
 * kernel buffers by raising the address limit around it.
 */
static void sys_open_kernel_path(struct kunit *test)
{
	static const char path[] = "/etc/motd";
	struct uat_env *env = test->priv;
	char *buf = kzalloc(512, GFP_KERNEL), *ubuf_copy = kzalloc(512, GFP_KERNEL);
	struct file *f = filp_open(path, O_RDONLY, 0);
	mm_segment_t old_fs;
	long fd, n, un, err;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, ubuf_copy);
	if (IS_ERR(f)) {
		kfree(buf);
		kfree(ubuf_copy);
		kunit_skip(test, "no initrd with /etc/motd");
	}
	filp_close(f, NULL);
	env->old_files = current->files;
	env->old_fs_struct = current->fs;
	env->own_files = true;
	current->files = alloc_files();
	current->fs = alloc_root_fs_struct();
	KUNIT_ASSERT_NOT_NULL(test, current->files);
	KUNIT_ASSERT_NOT_NULL(test, current->fs);

	/* Under USER_DS a kernel path is refused like any bad pointer. */
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	KUNIT_EXPECT_EQ(test, sys_open(path, O_RDONLY, 0), (long)-EFAULT);

	/* Step by step: save, raise, call, restore. */
	old_fs = get_fs();
	set_fs(KERNEL_DS);
	fd = sys_open(path, O_RDONLY, 0);
	n = fd >= 0 ? sys_read(fd, buf, 511) : -EBADF;
	err = fd >= 0 ? sys_close(fd) : -EBADF;
	set_fs(old_fs);

	KUNIT_EXPECT_GE(test, fd, 0L);
	KUNIT_EXPECT_GT(test, n, 0L);
	KUNIT_EXPECT_EQ(test, err, 0L);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "Welcome to Ferry"));
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* Without the raised limit, reading into a kernel buffer fails too. */
	map(test, BASE, 1, RW);
	user_write(test, BASE, path, sizeof(path));
	fd = sys_open(US(BASE), O_RDONLY, 0);	/* a real user pointer */
	KUNIT_ASSERT_GE(test, fd, 0L);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf + 256, 16), (long)-EFAULT);
	un = sys_read(fd, (char __user *)(BASE + 16), 511);
	KUNIT_EXPECT_EQ(test, un, n);
	if (un > 0)
		KUNIT_EXPECT_EQ(test, copy_from_user(ubuf_copy, U(BASE + 16), un), 0UL);
	KUNIT_EXPECT_STREQ(test, ubuf_copy, buf);
	KUNIT_EXPECT_EQ(test, sys_close(fd), 0L);
	kfree(buf);
	kfree(ubuf_copy);
}

/* ---- the set_fs() leak check ---- */

static void set_fs_leak_reported(struct kunit *test)
{
	mm_segment_t old = get_fs();
	const char *out;
	char name[64];
	bool leaked;

	KUNIT_ASSERT_TRUE(test, segment_eq(old, USER_DS));
	set_fs(KERNEL_DS);	/* and "forget" to restore it */
	kunit_info(test, "a set_fs() leak report follows; it is expected");
	kunit_capture_start();
	leaked = addr_limit_user_check();
	out = kunit_capture_stop();
	KUNIT_EXPECT_TRUE(test, leaked);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"returning to user mode with addr_limit 0xffffffffffffffff"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "set_fs() raised it at:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, current->comm));
	snprintf(name, sizeof(name), " %s+0x", __func__);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, name), "report:\n%s", out);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* With USER_DS: nothing to report. */
	kunit_capture_start();
	leaked = addr_limit_user_check();
	out = kunit_capture_stop();
	KUNIT_EXPECT_FALSE(test, leaked);
	KUNIT_EXPECT_NULL(test, strstr(out, "addr_limit"));
	KUNIT_EXPECT_NULL(test, strstr(out, "BUG"));
	set_fs(old);
}

/* ---- user access from a context that cannot sleep ---- */

/* How many times needle occurs in haystack. */
static int count_of(const char *haystack, const char *needle)
{
	int n = 0;

	while ((haystack = strstr(haystack, needle))) {
		n++;
		haystack += strlen(needle);
	}
	return n;
}

/* Held only to make the accesses below atomic; protects no data. */
static DEFINE_SPINLOCK(uat_lock);

static void might_fault_atomic(struct kunit *test)
{
	unsigned long mapped = BASE, fresh = BASE + PAGE_SIZE;
	unsigned long left, flags;
	const char *out;
	char name[64];
	u32 v = 1, w = 0;
	u8 dst[4];
	int err, err2;

	map(test, BASE, 3, RW);
	user_write(test, mapped, "\x11\x22\x33\x44", 4);
	snprintf(name, sizeof(name), "%s+0x", __func__);

	/* One report per access: the copy and the get_user. */
	kunit_info(test, "reports of a user access from a context that "
		   "cannot sleep follow; they are expected");
	kunit_capture_start();
	spin_lock(&uat_lock);
	left = copy_to_user(U(fresh), "x", 1);
	err = get_user(v, (u32 __user *)fresh);
	spin_unlock(&uat_lock);
	out = kunit_capture_stop();
	/* Not yet faulted in: the access fails instead of sleeping. */
	KUNIT_EXPECT_EQ(test, left, 1UL);
	KUNIT_EXPECT_EQ(test, err, -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, count_of(out, "BUG: user access from a context "
				       "that cannot sleep (preempt_count 1"), 2);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "interrupts on"));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, name), "report:\n%s", out);

	/* A present page still works with preemption off; still reported. */
	kunit_info(test, "another such report follows; it is expected");
	kunit_capture_start();
	preempt_disable();
	err = get_user(w, (u32 __user *)mapped);
	preempt_enable();
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, w, 0x44332211U);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"BUG: user access from a context that cannot sleep"));

	/* Interrupts off. */
	kunit_info(test, "more such reports follow; they are expected");
	memset(dst, 0x55, sizeof(dst));
	kunit_capture_start();
	local_irq_save(flags);
	left = copy_from_user(dst, U(fresh + PAGE_SIZE), 4);
	local_irq_restore(flags);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, left, 4UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 4), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "(preempt_count 0, interrupts off)"));

	/* From a context that may sleep: no report, the page is faulted in. */
	kunit_capture_start();
	left = copy_to_user(U(fresh), "x", 1);
	err2 = get_user(v, (u32 __user *)fresh);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, left, 0UL);
	KUNIT_EXPECT_EQ(test, err2, 0);
	KUNIT_EXPECT_EQ(test, v, (u32)'x');
	KUNIT_EXPECT_NULL(test, strstr(out, "cannot sleep"));
}

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

static void smap_blocks_plain_access(struct kunit *test)
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

static void smep_blocks_user_code(struct kunit *test)
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
 * inline get_user/put_user of C code (this file's included) have
 * entries too.
 */
static void exception_table_entries(struct kunit *test)
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
static void smap_sites_patched(struct kunit *test)
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
