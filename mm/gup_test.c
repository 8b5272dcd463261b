/*
 * Tests of the pin core (mm/gup.c): pins and references on a fresh user
 * address space the case's thread runs in (kthread_use_mm), data
 * through the pinned pages' kernel addresses against what the process
 * reads and writes, every bad input leaving every count as it was,
 * copy-on-write broken before a pin, and the lifetime rules: a pinned
 * page survives munmap, mprotect, exit and fork of its process (the
 * child gets its own copy) and is freed exactly at the last unpin.
 * RLIMIT_MEMLOCK caps FOLL_LONGTERM pins.
 *
 * Uses the uaccess suite's helpers (kernel/uaccess_test.h) to map
 * regions and find the pages behind them.  Each case runs in its own
 * thread with its own mm; the pin counters are global, so a case
 * compares their difference, which only it changes (cases run one at a
 * time).
 */
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <uapi/asm/mman.h>

#include "../kernel/uaccess_test.h"
#include "test_mm.h"

/* The counts a failed call must leave as they were. */
struct gup_counts {
	unsigned long acquired, released;
	long pinned_vm;
	int refs[4];
};

static void gup_test_exit(struct kunit *test)
{
	test_mm_exit(test);
	memcpy(current->rlim, init_rlimits, sizeof(current->rlim));
}

/* Snapshot the counters and the counts of BASE's first four pages. */
static void counts(struct gup_counts *c)
{
	int i;

	c->acquired = global_node_page_state(NR_FOLL_PIN_ACQUIRED);
	c->released = global_node_page_state(NR_FOLL_PIN_RELEASED);
	c->pinned_vm = atomic_long_read(&current->mm->pinned_vm);
	for (i = 0; i < 4; i++) {
		struct page *p = mapped_page(current->mm, BASE + i * PAGE_SIZE);

		c->refs[i] = p ? page_count(p) : -1;
	}
}

static void expect_counts(struct kunit *test, const struct gup_counts *before)
{
	struct gup_counts now;

	counts(&now);
	KUNIT_EXPECT_EQ(test, now.acquired, before->acquired);
	KUNIT_EXPECT_EQ(test, now.released, before->released);
	KUNIT_EXPECT_EQ(test, now.pinned_vm, before->pinned_vm);
	KUNIT_EXPECT_MEMEQ(test, now.refs, before->refs, sizeof(now.refs));
}

/* The page is free now: on a free list, no references. */
static bool page_is_free(struct page *page)
{
	return page_count(page) == 0 && (PageBuddy(page) || PagePcp(page));
}

/* Too big for a test thread's stack; one case runs at a time. */
static char gup_buf[2][2 * PAGE_SIZE];

/* Device writes into the pinned pages, the process reads it back. */
static void pin_write_read_back(struct kunit *test, unsigned long addr,
				size_t len)
{
	unsigned long first = addr & PAGE_MASK, off = addr & ~PAGE_MASK;
	long n = (off + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct page *pages[3];
	char *src = gup_buf[0], *dst = gup_buf[1];
	size_t done = 0;
	long i;

	KUNIT_ASSERT_LE(test, len, sizeof(gup_buf[0]));
	KUNIT_ASSERT_LE(test, n, 3L);
	KUNIT_ASSERT_EQ(test, pin_user_pages(addr, n, FOLL_WRITE, pages), n);
	pattern(src, len, (int)addr);
	for (i = 0; i < n; i++) {
		size_t o = i ? 0 : off, c = min(len - done, PAGE_SIZE - o);

		KUNIT_EXPECT_TRUE(test, page_maybe_dma_pinned(pages[i]));
		KUNIT_EXPECT_PTR_EQ(test, pages[i],
				    mapped_page(current->mm, first + i * PAGE_SIZE));
		memcpy((char *)page_address(pages[i]) + o, src + done, c);
		done += c;
	}
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(addr), len), 0UL);
	KUNIT_EXPECT_MEMEQ(test, dst, src, len);
	unpin_user_pages(pages, n);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), 1);
}

/* The process writes, the device reads through a read-only pin. */
static void write_pin_read(struct kunit *test, unsigned long addr, size_t len)
{
	unsigned long off = addr & ~PAGE_MASK;
	long n = (off + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct page *pages[3];
	char *src = gup_buf[0];
	size_t done = 0;
	long i;

	KUNIT_ASSERT_LE(test, len, sizeof(gup_buf[0]));
	KUNIT_ASSERT_LE(test, n, 3L);
	pattern(src, len, (int)addr + 1);
	KUNIT_ASSERT_EQ(test, copy_to_user(U(addr), src, len), 0UL);
	KUNIT_ASSERT_EQ(test, pin_user_pages(addr, n, 0, pages), n);
	for (i = 0; i < n; i++) {
		size_t o = i ? 0 : off, c = min(len - done, PAGE_SIZE - o);

		KUNIT_EXPECT_MEMEQ(test, (char *)page_address(pages[i]) + o,
				   src + done, c);
		done += c;
	}
	unpin_user_pages(pages, n);
}

static void pin_both_directions(struct kunit *test)
{
	unsigned long acq = global_node_page_state(NR_FOLL_PIN_ACQUIRED);
	unsigned long rel = global_node_page_state(NR_FOLL_PIN_RELEASED);

	map(test, BASE, 4, RW);
	pin_write_read_back(test, BASE + 5, 1);			/* one byte */
	pin_write_read_back(test, BASE + PAGE_SIZE, PAGE_SIZE);	/* a page */
	pin_write_read_back(test, BASE + PAGE_SIZE - 7, 100);	/* crossing */
	pin_write_read_back(test, BASE + 3, PAGE_SIZE + 9);	/* 2 pages, odd */
	write_pin_read(test, BASE + 9, 1);
	write_pin_read(test, BASE + 2 * PAGE_SIZE, PAGE_SIZE);
	write_pin_read(test, BASE + 2 * PAGE_SIZE - 3, PAGE_SIZE + 17);
	KUNIT_EXPECT_EQ(test, global_node_page_state(NR_FOLL_PIN_ACQUIRED) - acq,
			11UL);
	KUNIT_EXPECT_EQ(test, global_node_page_state(NR_FOLL_PIN_RELEASED) - rel,
			11UL);
}

static void demand_zero_and_references(struct kunit *test)
{
	struct page *pages[2];

	map(test, BASE, 2, RW);
	KUNIT_ASSERT_EQ(test, get_user_pages(BASE, 2, 0, pages), 2L);
	KUNIT_EXPECT_PTR_EQ(test, pages[1], mapped_page(current->mm, BASE + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, first_not(page_address(pages[1]), 0, PAGE_SIZE), -1L);
	/* A reference is not a pin. */
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 2);
	KUNIT_EXPECT_FALSE(test, page_maybe_dma_pinned(pages[0]));
	put_page(pages[0]);
	put_page(pages[1]);
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 1);
	/* Two pins on one page: the bias twice; no pages array: fault in only. */
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, 0, pages), 1L);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, pages + 1), 1L);
	KUNIT_EXPECT_PTR_EQ(test, pages[0], pages[1]);
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 1 + 2 * (int)GUP_PIN_COUNTING_BIAS);
	unpin_user_pages_dirty_lock(pages, 2, true);
	KUNIT_EXPECT_TRUE(test, PageDirty(pages[0]));
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 1);
	KUNIT_EXPECT_EQ(test, get_user_pages(BASE, 2, FOLL_WRITE, NULL), 2L);
}

/* The stack region grows down to a pinned address, as a fault would. */
static void stack_grows(struct kunit *test)
{
	unsigned long top = BASE + 64 * PAGE_SIZE;
	struct page *page;

	map(test, top - PAGE_SIZE, 1, RW | VM_GROWSDOWN);
	KUNIT_ASSERT_EQ(test, pin_user_pages(top - 3 * PAGE_SIZE + 1, 1, FOLL_WRITE,
					     &page), 1L);
	KUNIT_EXPECT_PTR_EQ(test, page, mapped_page(current->mm, top - 3 * PAGE_SIZE));
	unpin_user_page(page);
}

static void bad_input_changes_nothing(struct kunit *test)
{
	struct page *pages[4] = { NULL };
	struct gup_counts before;
	mm_segment_t fs;

	map(test, BASE, 2, RW);			/* BASE + 2 pages: a hole */
	map(test, BASE + 3 * PAGE_SIZE, 1, VM_READ);
	KUNIT_ASSERT_EQ(test, get_user_pages(BASE, 2, FOLL_WRITE, NULL), 2L);
	KUNIT_ASSERT_EQ(test, get_user_pages(BASE + 3 * PAGE_SIZE, 1, 0, NULL), 1L);
	counts(&before);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 0, 0, pages), -EINVAL);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 3, FOLL_WRITE, pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE + 1, 3, FOLL_LONGTERM, pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_user_pages(BASE, 4, 0, pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE + 3 * PAGE_SIZE, 1, FOLL_WRITE, pages),
			-EFAULT);	/* read-only mapping */
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 1, 0x8000, pages), -EINVAL);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 1, 0, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, ~0UL, 0, pages), -EINVAL);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, (~0UL >> PAGE_SHIFT) - 1, 0, pages),
			-EINVAL);	/* wraps */
	KUNIT_EXPECT_EQ(test, pin_user_pages(TOP_PAGE, 2, 0, pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, pin_user_pages(PAGE_OFFSET, 1, 0, pages), -EFAULT);
	fs = get_fs();
	set_fs(KERNEL_DS);
	KUNIT_EXPECT_EQ(test, pin_user_pages(PAGE_OFFSET, 1, 0, pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, pin_user_pages((unsigned long)&before, 1, 0, pages),
			-EFAULT);
	set_fs(fs);
	KUNIT_EXPECT_EQ(test, pin_user_pages(0, 1, 0, pages), -EFAULT);
	/* PROT_NONE */
	KUNIT_ASSERT_EQ(test, sys_mprotect(BASE + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0L);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 2, 0, pages), -EFAULT);
	KUNIT_ASSERT_EQ(test, sys_mprotect(BASE + PAGE_SIZE, PAGE_SIZE,
					   PROT_READ | PROT_WRITE), 0L);
	expect_counts(test, &before);
}

/*
 * A page shared copy-on-write with a child (dup_mm) is made the
 * parent's own before it is pinned, for a write pin and for a read
 * one (the CVE-2020-29374 case: later writes by the parent must reach
 * the pinned page).
 */
static void cow_broken_before_pin(struct kunit *test)
{
	struct mm_struct *mm = current->mm, *child;
	struct page *shared, *pages[2];
	char c = 'P';

	map(test, BASE, 2, RW);
	user_fill(test, BASE, 'A', 2 * PAGE_SIZE);
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	shared = mapped_page(child, BASE);
	KUNIT_ASSERT_PTR_EQ(test, shared, mapped_page(mm, BASE));
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, pages), 1L);
	KUNIT_EXPECT_PTR_NE(test, pages[0], shared);
	KUNIT_EXPECT_EQ(test, page_count(shared), 1);
	memset(page_address(pages[0]), 'D', 8);		/* the device writes */
	KUNIT_EXPECT_EQ(test, *(char *)page_address(shared), 'A');
	KUNIT_EXPECT_EQ(test, user_first_not(BASE, 'D', 8), -1L);
	/* A read pin of a shared page unshares it too. */
	shared = mapped_page(child, BASE + PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE + PAGE_SIZE, 1, 0, pages + 1), 1L);
	KUNIT_EXPECT_PTR_NE(test, pages[1], shared);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE + PAGE_SIZE), &c, 1), 0UL);
	KUNIT_EXPECT_EQ(test, *(char *)page_address(pages[1]), 'P');
	KUNIT_EXPECT_EQ(test, *(char *)page_address(shared), 'A');
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, BASE + PAGE_SIZE), pages[1]);
	unpin_user_pages(pages, 2);
	mmput(child);
}

/* fork of a pinned page: the child gets a copy at once; the parent keeps it. */
static void fork_copies_pinned_page(struct kunit *test)
{
	struct mm_struct *mm = current->mm, *child;
	struct page *page, *copy;
	char c = 'W';

	map(test, BASE, 1, RW);
	user_fill(test, BASE, 'A', PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, &page), 1L);
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	copy = mapped_page(child, BASE);
	KUNIT_EXPECT_PTR_NE(test, copy, page);
	KUNIT_EXPECT_EQ(test, page_count(copy), 1);
	KUNIT_EXPECT_EQ(test, page_count(page), 1 + (int)GUP_PIN_COUNTING_BIAS);
	KUNIT_EXPECT_EQ(test, first_not(page_address(copy), 'A', PAGE_SIZE), -1L);
	/* The device writes after fork: the child does not see it. */
	memset(page_address(page), 'D', 16);
	KUNIT_EXPECT_EQ(test, *(char *)page_address(copy), 'A');
	/* The parent still writes straight into the pinned page. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE + 100), &c, 1), 0UL);
	KUNIT_EXPECT_EQ(test, ((char *)page_address(page))[100], 'W');
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, BASE), page);
	mmput(child);
	unpin_user_page(page);
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
}

/* mprotect away and back: the pinned page stays the process's page. */
static void mprotect_keeps_pinned_page(struct kunit *test)
{
	struct page *page;
	char c = 'M';

	map(test, BASE, 1, RW);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, &page), 1L);
	KUNIT_ASSERT_EQ(test, sys_mprotect(BASE, PAGE_SIZE, PROT_READ), 0L);
	KUNIT_ASSERT_EQ(test, sys_mprotect(BASE, PAGE_SIZE, PROT_READ | PROT_WRITE), 0L);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE), &c, 1), 0UL);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(current->mm, BASE), page);
	KUNIT_EXPECT_EQ(test, *(char *)page_address(page), 'M');
	unpin_user_page(page);
}

/* Unpin, and check the page went back to the allocator right then. */
static void unpin_expect_freed(struct kunit *test, struct page *page)
{
	bool freed;

	preempt_disable();	/* nothing on this CPU can take it meanwhile */
	unpin_user_page(page);
	freed = page_is_free(page);
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, freed);
}

static void munmap_while_pinned(struct kunit *test)
{
	struct page *pages[2];

	map(test, BASE, 1, RW);
	user_fill(test, BASE, 'U', PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, pages), 1L);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 1, 0, pages + 1), 1L);
	KUNIT_ASSERT_EQ(test, sys_munmap(BASE, PAGE_SIZE), 0L);
	KUNIT_EXPECT_NULL(test, mapped_page(current->mm, BASE));
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), 2 * (int)GUP_PIN_COUNTING_BIAS);
	KUNIT_EXPECT_EQ(test, first_not(page_address(pages[0]), 'U', PAGE_SIZE), -1L);
	unpin_user_page(pages[1]);
	KUNIT_EXPECT_FALSE(test, page_is_free(pages[0]));
	KUNIT_EXPECT_EQ(test, page_count(pages[0]), (int)GUP_PIN_COUNTING_BIAS);
	KUNIT_EXPECT_EQ(test, first_not(page_address(pages[0]), 'U', PAGE_SIZE), -1L);
	unpin_expect_freed(test, pages[0]);
}

/* The process exits (its mm goes) while a page is pinned. */
static void exit_while_pinned(struct kunit *test)
{
	struct mm_struct *other = mm_alloc(), *mine;
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, other);
	mine = set_current_mm(other);
	map(test, BASE, 1, RW);
	user_fill(test, BASE, 'E', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 1, FOLL_WRITE, &page), 1L);
	set_current_mm(mine);
	mmput(other);
	KUNIT_EXPECT_EQ(test, page_count(page), (int)GUP_PIN_COUNTING_BIAS);
	KUNIT_EXPECT_EQ(test, first_not(page_address(page), 'E', PAGE_SIZE), -1L);
	unpin_expect_freed(test, page);
}

/* Does the text of the file at path contain needle? */
static bool file_has(struct kunit *test, const char *path, const char *needle)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	char *buf = gup_buf[0];
	loff_t pos = 0;
	ssize_t n, len = 0;

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	while ((n = kernel_read(f, buf + len, sizeof(gup_buf[0]) - 1 - len,
				&pos)) > 0)
		len += n;
	filp_close(f, NULL);
	buf[len] = '\0';
	if (!strstr(buf, needle))
		kunit_info(test, "%s: %s", path, buf);
	return strstr(buf, needle);
}

static void longterm_limit(struct kunit *test)
{
	struct mm_struct *mm = current->mm;
	struct page *pages[4];
	struct gup_counts before;

	map(test, BASE, 4, RW);
	KUNIT_ASSERT_EQ(test, get_user_pages(BASE, 4, FOLL_WRITE, NULL), 4L);
	current->rlim[RLIMIT_MEMLOCK].rlim_cur = 2 * PAGE_SIZE;
	counts(&before);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE, 3, FOLL_LONGTERM, pages), -ENOMEM);
	expect_counts(test, &before);
	KUNIT_ASSERT_EQ(test, pin_user_pages(BASE, 2, FOLL_LONGTERM | FOLL_WRITE,
					     pages), 2L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&mm->pinned_vm), 2L);
	snprintf(gup_buf[1], 32, "/proc/%d/status", current->pid);
	KUNIT_EXPECT_TRUE(test, file_has(test, gup_buf[1],
					 "\nVmPin:\t       8 kB\nThreads:"));
	KUNIT_EXPECT_TRUE(test, file_has(test, "/proc/vmstat",
					 "\nnr_foll_pin_acquired "));
	KUNIT_EXPECT_TRUE(test, file_has(test, "/proc/vmstat",
					 "\nnr_foll_pin_released "));
	counts(&before);
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE + 2 * PAGE_SIZE, 1, FOLL_LONGTERM,
					     pages + 2), -ENOMEM);
	expect_counts(test, &before);
	/* Short-term pins are not charged. */
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE + 2 * PAGE_SIZE, 2, 0, pages + 2), 2L);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&mm->pinned_vm), 2L);
	unpin_user_pages(pages, 4);
	KUNIT_EXPECT_EQ(test, account_pinned_vm(mm, 2, false), 0);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&mm->pinned_vm), 0L);
	/* Within the limit again; a failed long-term pin uncharges. */
	KUNIT_EXPECT_EQ(test, pin_user_pages(BASE + 3 * PAGE_SIZE, 2, FOLL_LONGTERM,
					     pages), -EFAULT);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&mm->pinned_vm), 0L);
	current->rlim[RLIMIT_MEMLOCK].rlim_cur = MLOCK_LIMIT;
}

static struct kunit_case gup_cases[] = {
	KUNIT_CASE(pin_both_directions),
	KUNIT_CASE(demand_zero_and_references),
	KUNIT_CASE(stack_grows),
	KUNIT_CASE(bad_input_changes_nothing),
	KUNIT_CASE(cow_broken_before_pin),
	KUNIT_CASE(fork_copies_pinned_page),
	KUNIT_CASE(mprotect_keeps_pinned_page),
	KUNIT_CASE(munmap_while_pinned),
	KUNIT_CASE(exit_while_pinned),
	KUNIT_CASE(longterm_limit),
	{}
};

static struct kunit_suite gup_suite = {
	.name = "gup",
	.init = test_mm_init,
	.exit = gup_test_exit,
	.test_cases = gup_cases,
};
kunit_test_suite(gup_suite);
