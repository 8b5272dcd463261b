/*
 * Tests of process address spaces: regions (split, merge, unmap), the
 * system calls that shape them, demand-zero and copy-on-write faults and
 * the page reference counts behind them, teardown, the exception table
 * and the fault-safe user copies.  Each case builds a fresh mm and runs
 * its test thread inside it with kthread_use_mm().
 */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm/mman.h>

#include "test_mm.h"

#define BASE	0x10000000UL		/* where the cases put their regions */

static int count_regions(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		n++;
	return n == mm->map_count ? n : -1;	/* -1: the count is wrong */
}

/* The struct page mapped at addr, or NULL. */
static struct page *mapped_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned long *pte = user_pte(mm, addr, false, NULL);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(PHYS_PFN(*pte & PTE_PFN_MASK));
}

static void regions_merge_and_split(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	struct vm_area_struct *vma;

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + 4 * PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE + 4 * PAGE_SIZE,
					       BASE + 8 * PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_EXPECT_EQ(test, count_regions(mm), 1);	/* merged */
	KUNIT_EXPECT_EQ(test, insert_vm_region(mm, BASE + PAGE_SIZE, BASE + 2 * PAGE_SIZE,
					       VM_READ, NULL), -EEXIST);
	/* A hole in the middle splits it in two. */
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE + 2 * PAGE_SIZE, 2 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, count_regions(mm), 2);
	vma = find_vma(mm, BASE);
	KUNIT_EXPECT_EQ(test, vma->vm_end, BASE + 2 * PAGE_SIZE);
	vma = find_vma(mm, BASE + 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vma->vm_start, BASE + 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE + 1, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, BASE, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_munmap(mm, TASK_SIZE, PAGE_SIZE), -EINVAL);
}

static void mmap_munmap_mprotect(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	long addr = sys_mmap(0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct vm_area_struct *vma;

	KUNIT_ASSERT_GT(test, addr, 0L);
	KUNIT_EXPECT_EQ(test, addr & ~PAGE_MASK, 0L);
	KUNIT_EXPECT_LE(test, (unsigned long)addr + 3 * PAGE_SIZE, MMAP_BASE);
	KUNIT_EXPECT_EQ(test, sys_mprotect(addr + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0L);
	KUNIT_EXPECT_EQ(test, count_regions(mm), 3);
	vma = find_vma(mm, addr + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & VM_ACCESS_FLAGS, (unsigned long)VM_READ);
	KUNIT_EXPECT_EQ(test, sys_mprotect(addr + PAGE_SIZE, PAGE_SIZE,
					   PROT_READ | PROT_WRITE), 0L);
	KUNIT_EXPECT_EQ(test, count_regions(mm), 1);	/* merged back */
	KUNIT_EXPECT_EQ(test, sys_mprotect(addr, 8 * PAGE_SIZE, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, sys_munmap(addr, 3 * PAGE_SIZE), 0L);
	KUNIT_EXPECT_EQ(test, count_regions(mm), 0);
	/* Bad arguments. */
	KUNIT_EXPECT_EQ(test, sys_mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sys_mmap(BASE + 1, PAGE_SIZE, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sys_mmap(PAGE_SIZE, PAGE_SIZE, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
			-EPERM);	/* the first 4 MiB stay unmapped */
	KUNIT_EXPECT_EQ(test, sys_mmap(0, PAGE_SIZE, 0x80, MAP_PRIVATE | MAP_ANONYMOUS,
				       -1, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_mmap(0, PAGE_SIZE, PROT_READ, MAP_ANONYMOUS, -1, 0),
			-EINVAL);
}

static void brk_grows_and_shrinks(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	char buf[8] = "heap";

	mm->start_brk = mm->brk = BASE;
	KUNIT_EXPECT_EQ(test, sys_brk(0), (long)BASE);	/* asks for the break */
	KUNIT_EXPECT_EQ(test, sys_brk(BASE + 10000), (long)(BASE + 10000));
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(BASE + 9000), buf, 5), 0UL);
	KUNIT_EXPECT_EQ(test, sys_brk(BASE + 100), (long)(BASE + 100));
	/* The page at 9000 is gone: a copy there fails. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(BASE + 9000), buf, 5), 5UL);
	KUNIT_EXPECT_EQ(test, sys_brk(BASE - PAGE_SIZE), (long)(BASE + 100));
	KUNIT_EXPECT_EQ(test, sys_brk(TASK_SIZE), (long)(BASE + 100));
}

static void demand_zero_pages(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	char buf[16];

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + 4 * PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_EXPECT_EQ(test, mm->rss, 0UL);
	KUNIT_EXPECT_NULL(test, mapped_page(mm, BASE + PAGE_SIZE));
	memset(buf, 0x55, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)(BASE + PAGE_SIZE),
					     sizeof(buf)), 0UL);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[15], 0);
	KUNIT_EXPECT_EQ(test, mm->rss, 1UL);
	KUNIT_EXPECT_NOT_NULL(test, mapped_page(mm, BASE + PAGE_SIZE));
}

static void fork_copy_on_write(struct kunit *test)
{
	struct mm_struct *mm = test->priv, *child;
	struct page *shared, *copy;
	char buf[8];

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)BASE, "parent", 7), 0UL);
	shared = mapped_page(mm, BASE);
	KUNIT_ASSERT_NOT_NULL(test, shared);
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(child, BASE), shared);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, *user_pte(mm, BASE, false, NULL) & _PAGE_RW);
	/* The child writes: it gets a copy, the parent keeps the original. */
	KUNIT_EXPECT_EQ(test, copy_to_mm(child, BASE, "child", 6), 0);
	copy = mapped_page(child, BASE);
	KUNIT_EXPECT_PTR_NE(test, copy, shared);
	KUNIT_EXPECT_EQ(test, page_count(shared), 1);
	KUNIT_EXPECT_STREQ(test, (char *)page_address(copy), "child");
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)BASE, 7), 0UL);
	KUNIT_EXPECT_STREQ(test, buf, "parent");
	/* The last sharer writes in place. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)BASE, "again", 6), 0UL);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, BASE), shared);
	mmput(child);
}

static void teardown_drops_references(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, copy_to_mm(mm, BASE, "x", 1), 0);
	page = mapped_page(mm, BASE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);			/* as a pinning layer would */
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, page_count(page), 1);	/* ours alone survives */
	KUNIT_EXPECT_EQ(test, *(char *)page_address(page), 'x');
	put_page(page);
}

static void stack_grows_down(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long top = BASE + 64 * PAGE_SIZE;
	struct vm_area_struct *vma;

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, top - PAGE_SIZE, top,
					       VM_READ | VM_WRITE | VM_GROWSDOWN,
					       "[stack]"), 0);
	KUNIT_EXPECT_EQ(test, put_user(42, (int __user *)(top - 10 * PAGE_SIZE)), 0);
	vma = find_vma(mm, top - 1);
	KUNIT_EXPECT_EQ(test, vma->vm_start, top - 10 * PAGE_SIZE);
	/* Not past STACK_LIMIT. */
	KUNIT_EXPECT_EQ(test, put_user(42, (int __user *)(top - STACK_LIMIT - PAGE_SIZE)),
			-EFAULT);
}

static void verify_area_checks_pages(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	struct mm_struct *child;

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + 2 * PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE + 2 * PAGE_SIZE,
					       BASE + 3 * PAGE_SIZE, VM_READ, NULL), 0);
	/* Not yet faulted: verify_area faults it in. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, (void __user *)BASE, 10), 0);
	KUNIT_EXPECT_NOT_NULL(test, mapped_page(mm, BASE));
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, (void __user *)(BASE + 2 * PAGE_SIZE),
					  PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, (void __user *)(BASE + 2 * PAGE_SIZE),
					  1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, (void __user *)(BASE + 3 * PAGE_SIZE),
					  1), -EFAULT);	/* unmapped */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, (void __user *)(BASE + PAGE_SIZE),
					  2 * PAGE_SIZE + 1), -EFAULT);	/* runs off the end */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, (void __user *)TASK_SIZE, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, (void __user *)BASE, 0), 0);
	/* Copy-on-write: a write check breaks the sharing. */
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, page_count(mapped_page(mm, BASE)), 2);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, (void __user *)BASE, 1), 0);
	KUNIT_EXPECT_EQ(test, page_count(mapped_page(mm, BASE)), 1);
	KUNIT_EXPECT_TRUE(test, *user_pte(mm, BASE, false, NULL) & _PAGE_RW);
	mmput(child);
}

static void copies_stop_at_unmapped_page(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	char *end = (char *)(BASE + PAGE_SIZE);
	char buf[16];

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(end - 4), "abcdefgh", 8), 4UL);
	memset(buf, 0x55, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)(end - 4), 8), 4UL);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "abcd\0\0\0\0", 8), 0);	/* zero-filled */
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)(end - 2), 5), 3UL);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)(end - 4), 100), 3L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (const char __user *)(end - 4), 100), 2L);
	/* No NUL before the unmapped page: a fault. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(end - 4), "wxyz", 4), 0UL);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)(end - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (const char __user *)(end - 4), 100),
			(long)-EFAULT);
}

/*
 * Both copy routines (rep movsb for ERMS CPUs, words then bytes for the
 * others) stop exactly at the first byte they cannot reach, whatever
 * the alignment and length: checked for every start within 24 bytes of
 * an unmapped page and lengths up to 40.
 */

static void copy_routines_stop_at_first_bad_byte(struct kunit *test)
{
	unsigned long (*const routines[2])(void *, const void *, unsigned long) = {
		__copy_user_erms, __copy_user_string
	};
	struct mm_struct *mm = test->priv;
	char *end = (char *)(BASE + PAGE_SIZE);
	char src[48], dst[48];
	int r, off, len, i;

	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	for (i = 0; i < (int)sizeof(src); i++)
		src[i] = 'A' + i % 26;
	for (r = 0; r < 2; r++) {
		for (off = 1; off <= 24; off++) {
			for (len = 0; len <= 40; len++) {
				unsigned long fit = min(off, len);

				memset(dst, 0, sizeof(dst));
				KUNIT_ASSERT_EQ(test, routines[r](end - off, src, len),
						len - fit);
				KUNIT_ASSERT_EQ(test, routines[r](dst, end - off, len),
						len - fit);
				KUNIT_ASSERT_EQ(test, memcmp(dst, src, fit), 0);
			}
		}
	}
}

/*
 * TLB shootdown: a thread on another CPU runs in the same mm and reads
 * a page (so its TLB caches the translation), then spins; this thread
 * unmaps the page.  When the other thread reads again it must fault
 * (its copy fails) rather than see the freed page through a stale TLB
 * entry: munmap flushed its TLB by interrupt.
 */
struct tlb_reader {
	struct mm_struct *mm;
	unsigned long addr;
	struct completion mapped_read, done;
	bool unmapped;			/* spun on: a sleep would switch mm away */
	unsigned long first, second;	/* bytes not copied by each read */
	char value;
};

static int tlb_reader_fn(void *data)
{
	struct tlb_reader *r = data;
	char c;

	kthread_use_mm(r->mm);
	r->first = copy_from_user(&c, (const char __user *)r->addr, 1);
	r->value = c;
	complete(&r->mapped_read);
	while (!READ_ONCE(r->unmapped))
		cpu_relax();
	r->second = copy_from_user(&c, (const char __user *)r->addr, 1);
	kthread_unuse_mm(r->mm);
	complete(&r->done);
	return 0;
}

static void munmap_shoots_down_other_cpus(struct kunit *test)
{
	struct mm_struct *mm = test->priv;
	struct tlb_reader r = { .mm = mm, .addr = BASE };
	int cpu = smp_processor_id(), other = (cpu + 1) % num_online_cpus();

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	init_completion(&r.mapped_read);
	init_completion(&r.done);
	KUNIT_ASSERT_EQ(test, insert_vm_region(mm, BASE, BASE + PAGE_SIZE,
					       VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)BASE, "s", 1), 0UL);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(tlb_reader_fn, &r, other,
						       "tlb_reader"));
	wait_for_completion(&r.mapped_read);
	KUNIT_EXPECT_EQ(test, r.first, 0UL);
	KUNIT_EXPECT_EQ(test, r.value, 's');
	KUNIT_EXPECT_TRUE(test, test_bit(other, &mm->cpu_vm_mask));
	KUNIT_EXPECT_EQ(test, sys_munmap(BASE, PAGE_SIZE), 0L);
	WRITE_ONCE(r.unmapped, true);
	wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, r.second, 1UL);
}

static void exception_table_sorted(struct kunit *test)
{
	const struct exception_table_entry *e;

	KUNIT_ASSERT_GT(test, __stop___ex_table - __start___ex_table, 8L);
	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e > __start___ex_table)
			KUNIT_EXPECT_LT(test, e[-1].insn, e->insn);
		KUNIT_EXPECT_PTR_EQ(test, search_exception_tables(e->insn), e);
	}
	KUNIT_EXPECT_NULL(test, search_exception_tables((unsigned long)exception_table_sorted));
}

static struct kunit_case mm_user_cases[] = {
	KUNIT_CASE(regions_merge_and_split),
	KUNIT_CASE(mmap_munmap_mprotect),
	KUNIT_CASE(brk_grows_and_shrinks),
	KUNIT_CASE(demand_zero_pages),
	KUNIT_CASE(fork_copy_on_write),
	KUNIT_CASE(teardown_drops_references),
	KUNIT_CASE(stack_grows_down),
	KUNIT_CASE(verify_area_checks_pages),
	KUNIT_CASE(copies_stop_at_unmapped_page),
	KUNIT_CASE(copy_routines_stop_at_first_bad_byte),
	KUNIT_CASE(munmap_shoots_down_other_cpus),
	KUNIT_CASE(exception_table_sorted),
	{}
};

static struct kunit_suite mm_user_suite = {
	.name = "mm_user",
	.init = test_mm_init,
	.exit = test_mm_exit,
	.test_cases = mm_user_cases,
};
kunit_test_suite(mm_user_suite);
