/*
 * Inside ferry_bench.ko: what the runner (main.c), the measured loops
 * (ops.c, dma.c) and the multi-CPU runs (scale.c) share.  The sizes,
 * counts and buffer layout are Ferry's (kernel/bench*.c), so that the
 * two kernels do the same work.
 *
 * A batch function does `ops` operations and returns how many failed
 * (an allocation that returned NULL, a copy that left bytes); a metric
 * with a failure prints a "failed" line, not a figure.
 *
 * (C) set by bench_setup() before the first metric, constant after
 */
#ifndef FERRY_BENCH_INTERNAL_H
#define FERRY_BENCH_INTERNAL_H

#include <linux/types.h>

#define BENCH_BATCHES		11
#define BENCH_OPS		1000
#define BENCH_BATCH_MAX		1024	/* objects held at once by a batch loop */
#define BENCH_COPY_MAX		(256 * PAGE_SIZE)	/* 1 MiB */

/*
 * The copies' kernel block: 2^BENCH_KBUF_ORDER pages, the memcpy source
 * at page 0 and the destination (the kernel side of the user copies)
 * BENCH_KBUF_DST pages in, as in Ferry, so that the two sides of a copy
 * fall in different slots of QEMU's soft TLB in both kernels.
 */
#define BENCH_KBUF_ORDER	10
#define BENCH_KBUF_DST		288

struct kmem_cache;
struct page;

struct bench_env {
	unsigned long user;		/* (C) the caller's buffer, BENCH_COPY_MAX */
	struct kmem_cache *cache64;	/* (C) a 64-byte cache of our own */
	char *kbuf;			/* (C) the copies' kernel block */
	int local_nid;			/* (C) CPU 0's memory node */
	int remote_nid;			/* (C) another node with memory, or -1 */
};
extern struct bench_env bench_env;

typedef int (*bench_batch_fn)(int ops, unsigned long arg);

/* The loops (ops.c) */
int bench_page_pairs(int ops, unsigned long order);
int bench_get_free_page_pairs(int ops, unsigned long unused);
int bench_page_node_pairs(int ops, unsigned long remote);
int bench_page_batches(int ops, unsigned long n);
int bench_kmalloc_pairs_8(int ops, unsigned long unused);
int bench_kmalloc_pairs_64(int ops, unsigned long unused);
int bench_kmalloc_pairs_256(int ops, unsigned long unused);
int bench_kmalloc_pairs_1024(int ops, unsigned long unused);
int bench_kmalloc_pairs_4096(int ops, unsigned long unused);
int bench_kmalloc_pairs_16384(int ops, unsigned long unused);
int bench_kmem_cache_pairs(int ops, unsigned long unused);
int bench_kmem_cache_batches(int ops, unsigned long n);
int bench_copy_to_user(int ops, unsigned long n);
int bench_copy_from_user(int ops, unsigned long n);
int bench_memcpy(int ops, unsigned long n);
int bench_get_user_u64(int ops, unsigned long unused);
int bench_put_user_u64(int ops, unsigned long unused);
int bench_kiobuf_pairs(int ops, unsigned long npages);
int bench_pin_pairs(int ops, unsigned long npages);

/* DMA mappings (dma.c): two platform devices, 64-bit and 28-bit masks. */
int bench_dma_setup(void);
void bench_dma_teardown(void);
int bench_dma_map_pairs(int ops, unsigned long bounced);

/* Sort v, print "bench.NAME=median min= max= batches= ops= [unit=]". */
void bench_report(const char *name, u64 *v, int n, long ops, const char *unit);
void bench_sort(u64 *v, int n);

/*
 * The multi-CPU metrics (scale.c): CPUs 0..ncpus-1 run one loop at once;
 * 0, or -ENODEV when there are fewer CPUs, or another -errno.
 */
enum bench_scale_op { BENCH_SCALE_PAGE, BENCH_SCALE_KMALLOC64, NR_BENCH_SCALE_OPS };
int bench_scale(const char *name, enum bench_scale_op op, int ncpus);

#endif
