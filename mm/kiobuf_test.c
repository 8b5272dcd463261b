/*
 * Tests of kiobufs (suite "kiobuf", mm/kiobuf.c) on a fresh user address
 * space per case (kthread_use_mm, as mm/mmap_test.c does): mapping in
 * both directions at awkward sizes with the data checked through the
 * pinned pages' kernel addresses, every bad input with the counts back
 * where they were, lock contention between CPUs, completion counting,
 * the scatterlist helper, the lifetime rules through the kiobuf (munmap,
 * exit and fork while mapped; the pages freed at unmap_kiobuf()),
 * free_kiovec() of a kiobuf still mapped or locked, and random
 * map/lock/unlock/unmap cycles on every CPU at once.  Ordering between
 * threads is checked with flags, never with time.  The pin counters are
 * global; cases run one at a time, so a case compares their difference.
 */
#include <asm/pgtable.h>
#include <kunit/capture.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/iobuf.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/pagemap.h>
#include <linux/preempt.h>
#include <linux/scatterlist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/topology.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <uapi/asm/mman.h>

#include "test_mm.h"

#define STRESS_LOOPS	1000
#define STRESS_PAGES	8	/* the shared region the stress threads use */
#define RW_PROT		(PROT_READ | PROT_WRITE)

static unsigned long pins_acquired(void)
{
	return global_node_page_state(NR_FOLL_PIN_ACQUIRED);
}

static unsigned long pins_released(void)
{
	return global_node_page_state(NR_FOLL_PIN_RELEASED);
}

/* An anonymous region of pages with prot, faulted in; its address. */
static unsigned long region(struct kunit *test, unsigned long pages, int prot)
{
	long addr = sys_mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	KUNIT_ASSERT_GT(test, addr, 0L);
	for (i = 0; i < pages; i++)	/* fault in: page tables, pages */
		KUNIT_ASSERT_EQ(test, put_user(0, (char __user *)addr + i * PAGE_SIZE), 0);
	if (prot != (PROT_READ | PROT_WRITE))
		KUNIT_ASSERT_EQ(test, sys_mprotect(addr, pages * PAGE_SIZE, prot), 0L);
	return addr;
}

/* The struct page mapped at addr, or NULL. */
static struct page *mapped_page(struct mm_struct *mm, unsigned long addr)
{
	unsigned long *pte = user_pte(mm, addr, false, NULL);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(PHYS_PFN(*pte & PTE_PFN_MASK));
}

static u8 pat(unsigned long i, int seed)
{
	return (u8)(i * 7 + seed);
}

/* The byte at offset i of the kiobuf's data, through its kernel address. */
static u8 *kio_byte(struct kiobuf *iobuf, unsigned long i)
{
	unsigned long at = iobuf->offset + i;

	return (u8 *)page_address(iobuf->maplist[at >> PAGE_SHIFT]) +
	       (at & ~PAGE_MASK);
}

/* Device-to-memory: bytes stored through the pins are what the process reads. */
static void check_read(struct kunit *test, struct kiobuf *iobuf,
		       unsigned long va, size_t len, u8 *buf)
{
	size_t i;

	for (i = 0; i < len; i++)
		*kio_byte(iobuf, i) = pat(i, 3);
	KUNIT_ASSERT_EQ(test, copy_from_user(buf, (void __user *)va, len), 0UL);
	for (i = 0; i < len; i++)
		if (buf[i] != pat(i, 3))
			break;
	KUNIT_EXPECT_EQ(test, i, len);
}

/* Memory-to-device: bytes the process stored are what the pins hold. */
static void check_write(struct kunit *test, struct kiobuf *iobuf,
			unsigned long va, size_t len, u8 *buf)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = pat(i, 5);
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)va, buf, len), 0UL);
	for (i = 0; i < len; i++)
		if (*kio_byte(iobuf, i) != pat(i, 5))
			break;
	KUNIT_EXPECT_EQ(test, i, len);
}

static void map_one(struct kunit *test, int rw, unsigned long va, size_t len)
{
	struct kiobuf *iobuf;
	int pages = ((va & ~PAGE_MASK) + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	u8 *buf = kmalloc(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(rw, iobuf, va, len), 0);
	KUNIT_EXPECT_EQ(test, iobuf->nr_pages, pages);
	KUNIT_EXPECT_EQ(test, iobuf->offset, (int)(va & ~PAGE_MASK));
	KUNIT_EXPECT_EQ(test, iobuf->length, (int)len);
	KUNIT_EXPECT_EQ(test, iobuf->maplist == iobuf->map_array,
			pages <= KIO_STATIC_PAGES);
	KUNIT_EXPECT_TRUE(test, page_maybe_dma_pinned(iobuf->maplist[0]));
	if (rw == READ)
		check_read(test, iobuf, va, len, buf);
	else
		check_write(test, iobuf, va, len, buf);
	unmap_kiobuf(iobuf);
	KUNIT_EXPECT_EQ(test, iobuf->nr_pages, 0);
	free_kiovec(1, &iobuf);
	kfree(buf);
}

static void map_user_kiobuf_sizes(struct kunit *test)
{
	unsigned long big = KIO_STATIC_PAGES + 2;
	unsigned long va = region(test, big + 1, PROT_READ | PROT_WRITE);
	int rw;

	for (rw = READ; rw <= WRITE; rw++) {
		map_one(test, rw, va + PAGE_SIZE - 1, 1);		/* 1 byte */
		map_one(test, rw, va + PAGE_SIZE, PAGE_SIZE);		/* a page */
		map_one(test, rw, va + 100, PAGE_SIZE);			/* crossing */
		map_one(test, rw, va + 3, big * PAGE_SIZE - 10);	/* > static */
	}
}

/* One bad input: its error, nothing pinned, free pages unchanged. */
static void expect_refused(struct kunit *test, int rw, unsigned long va,
			   size_t len, int err)
{
	struct kiobuf *iobuf;
	unsigned long free_before;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	free_before = nr_free_pages();
	KUNIT_EXPECT_EQ(test, map_user_kiobuf(rw, iobuf, va, len), err);
	KUNIT_EXPECT_EQ(test, iobuf->nr_pages, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	free_kiovec(1, &iobuf);
}

static void expect_mapped_page(struct kunit *test, int rw, unsigned long va)
{
	struct kiobuf *iobuf;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	KUNIT_EXPECT_EQ(test, map_user_kiobuf(rw, iobuf, va, PAGE_SIZE), 0);
	KUNIT_EXPECT_PTR_EQ(test, iobuf->maplist[0], mapped_page(test->priv, va));
	unmap_kiobuf(iobuf);
	KUNIT_EXPECT_FALSE(test, page_maybe_dma_pinned(mapped_page(test->priv, va)));
	free_kiovec(1, &iobuf);
}

static void map_user_kiobuf_bad_input(struct kunit *test)
{
	unsigned long va = region(test, 4, PROT_READ | PROT_WRITE);
	unsigned long ro = region(test, 2, PROT_READ);
	unsigned long none = region(test, 1, PROT_NONE);
	struct page *first;

	KUNIT_ASSERT_EQ(test, sys_munmap(va + 2 * PAGE_SIZE, PAGE_SIZE), 0L);
	first = mapped_page(test->priv, va);
	expect_refused(test, READ, va, 0, -EINVAL);
	expect_refused(test, READ, va, 3 * PAGE_SIZE, -EFAULT);	/* a hole */
	expect_refused(test, WRITE, none, 1, -EFAULT);
	expect_refused(test, READ, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE, -EFAULT);
	expect_refused(test, READ, (unsigned long)page_address(first), 1, -EFAULT);
	expect_refused(test, READ, ro, PAGE_SIZE, -EFAULT);
	expect_refused(test, READ, va, -PAGE_SIZE, -EINVAL);		/* wraps */
	expect_refused(test, 7, va, 1, -EINVAL);
	KUNIT_EXPECT_FALSE(test, page_maybe_dma_pinned(first));
	/* Read access suffices for the device to read the pages. */
	expect_mapped_page(test, WRITE, ro);
}

struct locker {
	struct kiobuf *iobuf;
	struct completion started, done;
	int ret;
	bool acquired;
};

static int locker_thread(void *data)
{
	struct locker *l = data;

	complete(&l->started);
	l->ret = lock_kiovec(1, &l->iobuf, 1);
	WRITE_ONCE(l->acquired, true);
	complete(&l->done);
	return 0;
}

/* a holds page 1; b spans pages 0-1 and must wait for a's unlock. */
static void lock_kiovec_contention(struct kunit *test)
{
	unsigned long va = region(test, 2, PROT_READ | PROT_WRITE);
	struct kiobuf *iov[2], *both[2];
	static struct locker l;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(2, iov), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(READ, iov[0], va + PAGE_SIZE, 10), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(WRITE, iov[1], va, 2 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, lock_kiovec(1, &iov[0], 0), 0);
	KUNIT_EXPECT_EQ(test, lock_kiovec(1, &iov[1], 0), -EAGAIN);
	KUNIT_EXPECT_FALSE(test, PageLocked(iov[1]->maplist[0]));	/* undone */
	KUNIT_EXPECT_FALSE(test, iov[1]->locked);
	both[0] = iov[1];
	both[1] = iov[0];
	KUNIT_EXPECT_EQ(test, lock_kiovec(2, both, 1), -EDEADLK);	/* shares a page */
	KUNIT_EXPECT_FALSE(test, PageLocked(iov[1]->maplist[0]));
	KUNIT_EXPECT_TRUE(test, iov[0]->locked);	/* locked before: kept */

	l = (struct locker){ .iobuf = iov[1] };
	init_completion(&l.started);
	init_completion(&l.done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(locker_thread, &l,
						       other_cpu(), "kiolock"));
	wait_for_completion(&l.started);
	while (!queue_has_sleeper(page_waitqueue(iov[0]->maplist[0])))
		sched_yield();
	KUNIT_EXPECT_FALSE(test, READ_ONCE(l.acquired));
	KUNIT_EXPECT_EQ(test, unlock_kiovec(1, &iov[0]), 0);
	wait_for_completion(&l.done);
	KUNIT_EXPECT_EQ(test, l.ret, 0);
	KUNIT_EXPECT_TRUE(test, iov[1]->locked);
	KUNIT_EXPECT_TRUE(test, PageLocked(iov[1]->maplist[0]));
	free_kiovec(2, iov);	/* iov[1] still mapped and locked: reported */
	KUNIT_EXPECT_FALSE(test, PageLocked(mapped_page(test->priv, va)));
	KUNIT_EXPECT_FALSE(test, page_maybe_dma_pinned(mapped_page(test->priv, va)));
}

/* A kiobuf over an order-2 block, as if mapped: the helper merges it. */
static void kiobuf_to_sg_merges_and_splits(struct kunit *test)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[4];
	struct kiobuf *iobuf;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	KUNIT_EXPECT_EQ(test, kiobuf_to_sg(iobuf, sg, 4, 65536), -EINVAL);
	for (i = 0; i < 4; i++)
		iobuf->maplist[i] = block + i;
	iobuf->nr_pages = 4;
	iobuf->offset = 100;
	iobuf->length = 4 * PAGE_SIZE - 200;
	KUNIT_EXPECT_EQ(test, kiobuf_to_sg(iobuf, sg, 4, 65536), 1);
	KUNIT_EXPECT_EQ(test, sg[0].length, 4 * PAGE_SIZE - 200);
	KUNIT_EXPECT_PTR_EQ(test, sg_virt(&sg[0]), page_address(block) + 100);
	KUNIT_EXPECT_EQ(test, kiobuf_to_sg(iobuf, sg, 4, 2 * PAGE_SIZE), 2);
	KUNIT_EXPECT_EQ(test, sg[0].length, 2 * PAGE_SIZE - 100);
	KUNIT_EXPECT_PTR_EQ(test, sg_page(&sg[1]), block + 2);
	KUNIT_EXPECT_EQ(test, kiobuf_to_sg(iobuf, sg, 3, PAGE_SIZE), -EINVAL);
	KUNIT_EXPECT_EQ(test, kiobuf_to_sg(iobuf, sg, 4, PAGE_SIZE - 1), -EINVAL);
	iobuf->nr_pages = 0;	/* not pinned: nothing to unpin */
	free_kiovec(1, &iobuf);
	__free_pages(block, 2);
}

static int end_io_calls;

static void count_end_io(struct kiobuf *iobuf)
{
	end_io_calls++;
}

static int ender_thread(void *data)
{
	struct kiobuf *iobuf = data;

	end_kio_request(iobuf, 1);
	end_kio_request(iobuf, 0);
	end_kio_request(iobuf, 1);
	return 0;
}

static void end_kio_request_counts(struct kunit *test)
{
	struct kiobuf *iobuf;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	end_io_calls = 0;
	iobuf->end_io = count_end_io;
	atomic_set(&iobuf->io_count, 3);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(ender_thread, iobuf,
						       other_cpu(), "kioend"));
	kiobuf_wait_for_io(iobuf);
	KUNIT_EXPECT_EQ(test, atomic_read(&iobuf->io_count), 0);
	KUNIT_EXPECT_EQ(test, iobuf->errno, -EIO);
	KUNIT_EXPECT_EQ(test, end_io_calls, 1);
	free_kiovec(1, &iobuf);
}

/*
 * Free pages with the caches settled: empty slabs back to the page
 * allocator and every CPU's cached pages drained, as smp_test.c does, so
 * that slab growth and per-CPU lists do not count as a leak.
 */
static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

/* The page is free now: on a free list, no references. */
static bool page_is_free(struct page *page)
{
	return page_count(page) == 0 && (PageBuddy(page) || PagePcp(page));
}

/* Fill the kiobuf's pages through their kernel addresses, as a device. */
static void device_fill(struct kiobuf *iobuf, int c)
{
	int i;

	for (i = 0; i < iobuf->nr_pages; i++)
		memset(page_address(iobuf->maplist[i]), c, PAGE_SIZE);
}

static bool page_holds(struct page *page, int c)
{
	const u8 *p = page_address(page);
	unsigned long i;

	for (i = 0; i < PAGE_SIZE; i++)
		if (p[i] != c)
			return false;
	return true;
}

/*
 * munmap while a kiobuf holds the pages: they keep the device's data,
 * held by the pins alone, and unmap_kiobuf() frees them there and then.
 */
static void munmap_while_mapped(struct kunit *test)
{
	unsigned long va = region(test, 2, RW_PROT);
	struct page *pages[2];
	struct kiobuf *iobuf;
	bool freed[2];
	int i;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(READ, iobuf, va + 1, 2 * PAGE_SIZE - 2), 0);
	device_fill(iobuf, 'U');
	pages[0] = iobuf->maplist[0];
	pages[1] = iobuf->maplist[1];
	KUNIT_ASSERT_EQ(test, sys_munmap(va, 2 * PAGE_SIZE), 0L);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_NULL(test, mapped_page(test->priv, va + i * PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), (int)GUP_PIN_COUNTING_BIAS);
		KUNIT_EXPECT_TRUE(test, page_holds(pages[i], 'U'));
	}
	KUNIT_EXPECT_EQ(test, lock_kiovec(1, &iobuf, 0), 0);
	preempt_disable();	/* nothing on this CPU can take them meanwhile */
	unmap_kiobuf(iobuf);	/* unlocks, unpins; the mm is not the last */
	freed[0] = page_is_free(pages[0]);
	freed[1] = page_is_free(pages[1]);
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, freed[0]);
	KUNIT_EXPECT_TRUE(test, freed[1]);
	KUNIT_EXPECT_FALSE(test, PageLocked(pages[0]));
	free_kiovec(1, &iobuf);
}

/*
 * The process exits while a kiobuf holds its page: the kiobuf's
 * reference keeps the address space (and the page, with its data)
 * until unmap_kiobuf(), which uncharges the pins and frees it all.
 */
static void exit_while_mapped(struct kunit *test)
{
	struct mm_struct *other, *mine;
	unsigned long va, free_before;
	struct kiobuf *iobuf;
	struct page *page;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	free_before = settled_free_pages();
	other = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, other);
	mine = set_current_mm(other);
	va = region(test, 1, RW_PROT);
	KUNIT_EXPECT_EQ(test, map_user_kiobuf(READ, iobuf, va, PAGE_SIZE), 0);
	set_current_mm(mine);
	KUNIT_ASSERT_EQ(test, iobuf->nr_pages, 1);
	page = iobuf->maplist[0];
	KUNIT_EXPECT_EQ(test, atomic_long_read(&other->pinned_vm), 1L);
	mmput(other);		/* the process's own reference: it exits */
	KUNIT_EXPECT_EQ(test, atomic_read(&other->mm_users), 1);
	device_fill(iobuf, 'E');
	KUNIT_EXPECT_EQ(test, page_count(page), 1 + (int)GUP_PIN_COUNTING_BIAS);
	KUNIT_EXPECT_TRUE(test, page_holds(page, 'E'));
	unmap_kiobuf(iobuf);	/* the last reference to the mm */
	KUNIT_EXPECT_EQ(test, page_count(page), 0);
	/* The page, its page tables and the whole mm are back. */
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);
	free_kiovec(1, &iobuf);
}

/*
 * fork while a kiobuf maps the parent's page for READ: the child gets
 * its own copy at fork; the device's later writes reach only the
 * parent, and the child's writes never reach the device's page.
 */
static void fork_while_mapped(struct kunit *test)
{
	struct mm_struct *mm = test->priv, *child;
	unsigned long va = region(test, 1, RW_PROT);
	struct kiobuf *iobuf;
	struct page *copy;
	u8 c = 'C';

	KUNIT_ASSERT_EQ(test, alloc_kiovec(1, &iobuf), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(READ, iobuf, va, PAGE_SIZE), 0);
	device_fill(iobuf, 'A');
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	copy = mapped_page(child, va);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_PTR_NE(test, copy, iobuf->maplist[0]);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, va), iobuf->maplist[0]);
	KUNIT_EXPECT_TRUE(test, page_holds(copy, 'A'));
	device_fill(iobuf, 'D');		/* DMA after the fork */
	KUNIT_EXPECT_TRUE(test, page_holds(copy, 'A'));
	KUNIT_EXPECT_EQ(test, get_user(c, (u8 __user *)va), 0);
	KUNIT_EXPECT_EQ(test, c, 'D');
	set_current_mm(child);			/* the child writes its copy */
	KUNIT_EXPECT_EQ(test, put_user('C', (u8 __user *)va), 0);
	set_current_mm(mm);
	KUNIT_EXPECT_EQ(test, *(u8 *)page_address(copy), 'C');
	KUNIT_EXPECT_TRUE(test, page_holds(iobuf->maplist[0], 'D'));
	mmput(child);
	unmap_kiobuf(iobuf);
	KUNIT_EXPECT_EQ(test, page_count(mapped_page(mm, va)), 1);
	free_kiovec(1, &iobuf);
}

/* How many times needle occurs in text. */
static int occurrences(const char *text, const char *needle)
{
	int n = 0;

	while ((text = strstr(text, needle))) {
		n++;
		text += strlen(needle);
	}
	return n;
}

/*
 * free_kiovec() of a vector with a kiobuf mapped and locked (with an
 * allocated maplist), an unused one and one mapped only: one report
 * for each of the two, and every lock, pin and charge released.
 */
static void free_kiovec_mapped_or_locked(struct kunit *test)
{
	int big = KIO_STATIC_PAGES + 1, i;
	unsigned long va = region(test, big, RW_PROT);
	unsigned long acquired = pins_acquired(), released = pins_released();
	struct mm_struct *mm = test->priv;
	int users = atomic_read(&mm->mm_users);
	struct kiobuf *iov[3];
	const char *out;

	KUNIT_ASSERT_EQ(test, alloc_kiovec(3, iov), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(READ, iov[0], va, big * PAGE_SIZE), 0);
	KUNIT_ASSERT_EQ(test, lock_kiovec(1, &iov[0], 0), 0);
	KUNIT_ASSERT_EQ(test, map_user_kiobuf(WRITE, iov[2], va, 10), 0);
	kunit_capture_start();
	free_kiovec(3, iov);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, occurrences(out, "kiobuf: freed while locked"), 1);
	KUNIT_EXPECT_EQ(test, occurrences(out, "kiobuf: freed while mapped"), 1);
	for (i = 0; i < big; i++) {
		struct page *page = mapped_page(mm, va + i * PAGE_SIZE);

		KUNIT_EXPECT_FALSE(test, PageLocked(page));
		KUNIT_EXPECT_EQ(test, page_count(page), 1);
	}
	KUNIT_EXPECT_EQ(test, atomic_long_read(&mm->pinned_vm), 0L);
	KUNIT_EXPECT_EQ(test, atomic_read(&mm->mm_users), users);
	KUNIT_EXPECT_EQ(test, pins_acquired() - acquired, (unsigned long)big + 1);
	KUNIT_EXPECT_EQ(test, pins_released() - released, (unsigned long)big + 1);
}

static struct {
	struct mm_struct *mm;
	unsigned long va;
	int errors;
} stress;

static unsigned long stress_rand(unsigned long *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static int stress_thread(void *data)
{
	struct kiobuf *iobuf = ((struct kiobuf **)data)[0];
	unsigned long x = (unsigned long)data | 1;
	int i, err = 0;

	kthread_use_mm(stress.mm);
	for (i = 0; i < STRESS_LOOPS && !err; i++) {
		unsigned long off = stress_rand(&x) % (STRESS_PAGES * PAGE_SIZE);
		size_t len = 1 + stress_rand(&x) % (STRESS_PAGES * PAGE_SIZE - off);
		int rw = stress_rand(&x) & 1, ret;

		err = map_user_kiobuf(rw, iobuf, stress.va + off, len);
		if (err)
			break;
		ret = lock_kiovec(1, &iobuf, stress_rand(&x) & 1);
		if (ret && ret != -EAGAIN)
			err = ret;
		if (!ret && stress_rand(&x) & 1)
			unlock_kiovec(1, &iobuf);
		unmap_kiobuf(iobuf);	/* unlocks if still locked */
	}
	if (err)
		__atomic_fetch_add(&stress.errors, 1, __ATOMIC_SEQ_CST);
	kthread_unuse_mm(stress.mm);
	complete(((struct completion **)data)[1]);
	return 0;
}

static void kiobuf_stress_all_cpus(struct kunit *test)
{
	static struct kiobuf *iov[NR_CPUS];
	static struct completion done[NR_CPUS];
	static void *args[NR_CPUS][2];
	unsigned long free_before, acquired, released, i;
	int cpu, n = 0, n_started, threads = nr_threads;

	stress.mm = test->priv;
	stress.va = region(test, STRESS_PAGES, PROT_READ | PROT_WRITE);
	stress.errors = 0;
	KUNIT_ASSERT_EQ(test, alloc_kiovec(num_online_cpus(), iov), 0);
	free_before = settled_free_pages();
	acquired = pins_acquired();
	released = pins_released();
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		init_completion(&done[n]);
		args[n][0] = iov[n];
		args[n][1] = &done[n];
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(stress_thread, args[n],
							       cpu, "kiostress"));
		n++;
	}
	n_started = n;
	while (n--)
		wait_for_completion(&done[n]);
	wait_for_reaper(threads, 30 * HZ);	/* their stacks too */
	KUNIT_EXPECT_EQ(test, stress.errors, 0);
	for (i = 0; i < STRESS_PAGES; i++) {
		struct page *page = mapped_page(test->priv, stress.va + i * PAGE_SIZE);

		KUNIT_EXPECT_FALSE(test, PageLocked(page));
		KUNIT_EXPECT_FALSE(test, page_maybe_dma_pinned(page));
	}
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);
	/* Every pin handed out came back, here and over the whole boot. */
	KUNIT_EXPECT_GE(test, pins_acquired() - acquired, (unsigned long)n_started);
	KUNIT_EXPECT_EQ(test, pins_acquired() - acquired, pins_released() - released);
	KUNIT_EXPECT_EQ(test, pins_acquired(), pins_released());
	KUNIT_EXPECT_EQ(test, atomic_long_read(&stress.mm->pinned_vm), 0L);
	free_kiovec(num_online_cpus(), iov);
}

static struct kunit_case kiobuf_cases[] = {
	KUNIT_CASE(map_user_kiobuf_sizes),
	KUNIT_CASE(map_user_kiobuf_bad_input),
	KUNIT_CASE(lock_kiovec_contention),
	KUNIT_CASE(kiobuf_to_sg_merges_and_splits),
	KUNIT_CASE(end_kio_request_counts),
	KUNIT_CASE(munmap_while_mapped),
	KUNIT_CASE(exit_while_mapped),
	KUNIT_CASE(fork_while_mapped),
	KUNIT_CASE(free_kiovec_mapped_or_locked),
	KUNIT_CASE(kiobuf_stress_all_cpus),
	{}
};

static struct kunit_suite kiobuf_suite = {
	.name = "kiobuf",
	.init = test_mm_init,
	.exit = test_mm_exit,
	.test_cases = kiobuf_cases,
};
kunit_test_suite(kiobuf_suite);
