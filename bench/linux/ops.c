/*
 * The measured loops, Linux side: for each of Ferry's metrics the calls
 * a Linux driver makes for the same job, `ops` times, returning how many
 * failed.  Each iteration checks its result as a real caller would and
 * ends with a compiler barrier, so the compiler neither merges nor drops
 * iterations; nothing else is called inside the loops.
 *
 * Where Ferry keeps an old interface, its modern Linux counterpart is
 * measured: a kiobuf map + unmap (READ: the device writes the pages) is
 * pin_user_pages_fast(FOLL_WRITE | FOLL_LONGTERM) and
 * unpin_user_pages_dirty_lock(); Ferry's pin_user_pages(), which takes
 * the mmap lock itself, is pin_user_pages_unlocked().
 *
 * Locking: none of its own; the runner calls these from one thread
 * (scale.c: one per CPU, each on its own objects).
 */
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "internal.h"

static void *batch_objs[BENCH_BATCH_MAX];
static struct page *batch_pages[BENCH_BATCH_MAX];
static u64 get_user_sum;	/* what get_user() read, so that it is used */

int bench_page_pairs(int ops, unsigned long order)
{
	struct page *page;
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		page = alloc_pages(GFP_KERNEL, order);
		if (page)
			__free_pages(page, order);
		else
			failed++;
		barrier();
	}
	return failed;
}

int bench_get_free_page_pairs(int ops, unsigned long unused)
{
	unsigned long addr;
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		addr = __get_free_page(GFP_KERNEL);
		if (addr)
			free_page(addr);
		else
			failed++;
		barrier();
	}
	return failed;
}

/* Order-0 pairs on CPU 0's node (remote 0) or on another node. */
int bench_page_node_pairs(int ops, unsigned long remote)
{
	int nid = remote ? bench_env.remote_nid : bench_env.local_nid;
	struct page *page;
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		page = alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE, 0);
		if (page)
			__free_page(page);
		else
			failed++;
		barrier();
	}
	return failed;
}

/* n order-0 allocations, then their n frees, ops times. */
int bench_page_batches(int ops, unsigned long n)
{
	int i, j, failed = 0;

	for (i = 0; i < ops; i++) {
		for (j = 0; j < n; j++) {
			batch_pages[j] = alloc_page(GFP_KERNEL);
			barrier();
		}
		for (j = 0; j < n; j++) {
			if (batch_pages[j])
				__free_page(batch_pages[j]);
			else
				failed++;
			barrier();
		}
	}
	return failed;
}

/*
 * Inlined into each caller below, so that size is a constant there and
 * kmalloc() picks its cache at compile time, as for sizeof(struct ...).
 */
static __always_inline int kmalloc_pairs(int ops, size_t size)
{
	int i, failed = 0;
	void *p;

	for (i = 0; i < ops; i++) {
		p = kmalloc(size, GFP_KERNEL);
		if (!p)
			failed++;
		kfree(p);
		barrier();
	}
	return failed;
}

#define DEFINE_KMALLOC_PAIRS(size)					\
int bench_kmalloc_pairs_##size(int ops, unsigned long unused)		\
{									\
	return kmalloc_pairs(ops, size);				\
}
DEFINE_KMALLOC_PAIRS(8)
DEFINE_KMALLOC_PAIRS(64)
DEFINE_KMALLOC_PAIRS(256)
DEFINE_KMALLOC_PAIRS(1024)
DEFINE_KMALLOC_PAIRS(4096)
DEFINE_KMALLOC_PAIRS(16384)

int bench_kmem_cache_pairs(int ops, unsigned long unused)
{
	struct kmem_cache *s = bench_env.cache64;
	int i, failed = 0;
	void *p;

	for (i = 0; i < ops; i++) {
		p = kmem_cache_alloc(s, GFP_KERNEL);
		if (p)
			kmem_cache_free(s, p);
		else
			failed++;
		barrier();
	}
	return failed;
}

/* n allocations from the 64-byte cache, then their n frees, ops times. */
int bench_kmem_cache_batches(int ops, unsigned long n)
{
	struct kmem_cache *s = bench_env.cache64;
	int i, j, failed = 0;

	for (i = 0; i < ops; i++) {
		for (j = 0; j < n; j++) {
			batch_objs[j] = kmem_cache_alloc(s, GFP_KERNEL);
			barrier();
		}
		for (j = 0; j < n; j++) {
			if (batch_objs[j])
				kmem_cache_free(s, batch_objs[j]);
			else
				failed++;
			barrier();
		}
	}
	return failed;
}

static char *kbuf_dst(void)
{
	return bench_env.kbuf + BENCH_KBUF_DST * PAGE_SIZE;
}

int bench_copy_to_user(int ops, unsigned long n)
{
	void __user *to = (void __user *)bench_env.user;
	const char *from = kbuf_dst();
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (copy_to_user(to, from, n))
			failed++;
		barrier();
	}
	return failed;
}

int bench_copy_from_user(int ops, unsigned long n)
{
	const void __user *from = (const void __user *)bench_env.user;
	char *to = kbuf_dst();
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (copy_from_user(to, from, n))
			failed++;
		barrier();
	}
	return failed;
}

/* Kernel to kernel, the sizes of the user copies. */
int bench_memcpy(int ops, unsigned long n)
{
	const char *from = bench_env.kbuf;
	char *to = kbuf_dst();
	int i;

	for (i = 0; i < ops; i++) {
		memcpy(to, from, n);
		barrier();
	}
	return 0;
}

int bench_get_user_u64(int ops, unsigned long unused)
{
	const u64 __user *p = (const u64 __user *)bench_env.user;
	int i, failed = 0;
	u64 v, sum = 0;

	for (i = 0; i < ops; i++) {
		if (get_user(v, p))
			failed++;
		sum += v;
		barrier();
	}
	WRITE_ONCE(get_user_sum, sum);
	return failed;
}

int bench_put_user_u64(int ops, unsigned long unused)
{
	u64 __user *p = (u64 __user *)bench_env.user;
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (put_user((u64)i, p))
			failed++;
		barrier();
	}
	return failed;
}

/* What a kiobuf map (READ) + unmap of npages pages does in Linux today. */
int bench_kiobuf_pairs(int ops, unsigned long npages)
{
	int i, got, failed = 0;

	for (i = 0; i < ops; i++) {
		got = pin_user_pages_fast(bench_env.user, npages,
					  FOLL_WRITE | FOLL_LONGTERM, batch_pages);
		if (got > 0)
			unpin_user_pages_dirty_lock(batch_pages, got, true);
		if (got != (int)npages)
			failed++;
		barrier();
	}
	return failed;
}

/* Pin npages pages for writing, the mmap lock taken inside, and unpin. */
int bench_pin_pairs(int ops, unsigned long npages)
{
	int i, failed = 0;
	long got;

	for (i = 0; i < ops; i++) {
		got = pin_user_pages_unlocked(bench_env.user, npages, batch_pages,
					      FOLL_WRITE);
		if (got > 0)
			unpin_user_pages(batch_pages, got);
		if (got != (long)npages)
			failed++;
		barrier();
	}
	return failed;
}
