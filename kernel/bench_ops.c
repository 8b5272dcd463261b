/*
 * The measured loops of the microbenchmarks (kernel/bench.c runs them):
 * one function per kind of operation, doing `ops` of them and returning
 * how many failed.
 *
 * Each loop makes the calls a real caller would, checks their results
 * as a real caller would, and ends each iteration with a compiler
 * barrier, so the compiler neither merges nor drops iterations.  The
 * kmalloc loops pass a constant size, as most callers do (sizeof of a
 * struct), so an inline kmalloc() can pick its cache at compile time;
 * bench_kmalloc_pairs() passes a size known only at run time.
 *
 * Locking: none; one thread runs these (bench_scale: one per CPU, each
 * on its own objects).
 */
#include <linux/compiler.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/iobuf.h>
#include <linux/mm.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "bench_internal.h"

#define BENCH_BATCH_MAX	1024	/* objects held at once by the batch loops */

static void *batch_objs[BENCH_BATCH_MAX];
static u64 get_user_sum;	/* what get_user() read, so that it is used */
static struct page *batch_pages[BENCH_BATCH_MAX];

/* alloc_pages() + __free_pages() at one order. */
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

/* Order-0 pairs on this CPU's memory node (remote 0) or another one. */
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

/* n order-0 allocations, then n frees, ops times. */
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

/* Inlined into each caller below, so that size is a constant there. */
static __always_inline int kmalloc_pairs_const(int ops, size_t size)
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
	return kmalloc_pairs_const(ops, size);				\
}
DEFINE_KMALLOC_PAIRS(8)
DEFINE_KMALLOC_PAIRS(64)
DEFINE_KMALLOC_PAIRS(256)
DEFINE_KMALLOC_PAIRS(1024)
DEFINE_KMALLOC_PAIRS(4096)
DEFINE_KMALLOC_PAIRS(16384)

/* The size known only at run time (a length from a request, say). */
int bench_kmalloc_pairs(int ops, unsigned long size)
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

/* n allocations from the 64-byte cache, then n frees, ops times. */
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
	void __user *to = (void __user *)BENCH_USER_BASE;
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
	const void __user *from = (const void __user *)BENCH_USER_BASE;
	char *to = kbuf_dst();
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (copy_from_user(to, from, n))
			failed++;
		barrier();
	}
	return failed;
}

/* Kernel to kernel, the same sizes as the user copies. */
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
	const u64 __user *p = (const u64 __user *)BENCH_USER_BASE;
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
	u64 __user *p = (u64 __user *)BENCH_USER_BASE;
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (put_user((u64)i, p))
			failed++;
		barrier();
	}
	return failed;
}

/* map_user_kiobuf() + unmap_kiobuf() of npages pages, READ (device writes). */
int bench_kiobuf_pairs(int ops, unsigned long npages)
{
	int i, failed = 0;

	for (i = 0; i < ops; i++) {
		if (map_user_kiobuf(READ, bench_env.iobuf, BENCH_USER_BASE,
				    npages * PAGE_SIZE) == 0)
			unmap_kiobuf(bench_env.iobuf);
		else
			failed++;
		barrier();
	}
	return failed;
}

/* pin_user_pages() + unpin_user_pages() of npages pages, for writing. */
int bench_pin_pairs(int ops, unsigned long npages)
{
	int i, failed = 0;
	long got;

	for (i = 0; i < ops; i++) {
		got = pin_user_pages(BENCH_USER_BASE, npages, FOLL_WRITE,
				     batch_pages);
		if (got > 0)
			unpin_user_pages(batch_pages, got);
		if (got != (long)npages)
			failed++;
		barrier();
	}
	return failed;
}

/*
 * dma_map_single() + dma_unmap_single() of a 4 KiB buffer (the copies'
 * first kernel page) for a device that reaches all memory: as it is,
 * or through a bounce buffer (the device's dma_force_bounce switch, so
 * the figure does not depend on where the buffer lies).
 */
static struct device_driver bench_driver = { .name = "bench" };
static u64 bench_dma_mask = DMA_BIT_MASK(64);
static struct device bench_dma_dev = {
	.name = "bench",
	.driver = &bench_driver,
	.dma_mask = &bench_dma_mask,
	.coherent_dma_mask = DMA_BIT_MASK(64),
	.numa_node = NUMA_NO_NODE,
};

int bench_dma_map_pairs(int ops, unsigned long bounce)
{
	dma_addr_t addr;
	int i, failed = 0;

	bench_dma_dev.dma_force_bounce = bounce;
	for (i = 0; i < ops; i++) {
		addr = dma_map_single(&bench_dma_dev, bench_env.kbuf, PAGE_SIZE,
				      DMA_TO_DEVICE);
		if (dma_mapping_error(&bench_dma_dev, addr))
			failed++;
		else
			dma_unmap_single(&bench_dma_dev, addr, PAGE_SIZE,
					 DMA_TO_DEVICE);
		barrier();
	}
	return failed;
}
