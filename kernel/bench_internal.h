/*
 * Inside the microbenchmarks: what the runner (kernel/bench.c), the
 * measured loops (kernel/bench_ops.c) and the multi-CPU runs
 * (kernel/bench_scale.c) share.
 *
 * A batch function does `ops` operations and returns how many of them
 * failed (an allocation that returned NULL, a copy that left bytes):
 * a metric with a failure is reported as failed, not printed.
 *
 * (C) set by bench_setup() before the first metric, constant after
 */
#ifndef _KERNEL_BENCH_INTERNAL_H
#define _KERNEL_BENCH_INTERNAL_H

#include <asm/page.h>
#include <linux/types.h>

#define BENCH_BATCHES		11
#define BENCH_OPS		1000

/*
 * The user address space: BENCH_USER_PAGES pages at BENCH_USER_BASE,
 * read-write, faulted in by the warm-up batches.
 */
#define BENCH_USER_BASE		0x10000000UL
#define BENCH_USER_PAGES	256
#define BENCH_COPY_MAX		(BENCH_USER_PAGES * PAGE_SIZE)	/* 1 MiB */

/*
 * The kernel buffers of the copies, in one block of 2^BENCH_KBUF_ORDER
 * pages: the memcpy source at page 0, and the memcpy destination (also
 * the kernel side of the user copies) BENCH_KBUF_DST pages in.  The
 * offsets keep the two sides of every copy in different slots of
 * QEMU's direct-mapped soft TLB (docs/bench.md).
 */
#define BENCH_KBUF_ORDER	10
#define BENCH_KBUF_DST		288	/* pages: 32 more than a multiple of 64 */

struct kmem_cache;
struct kiobuf;
struct mm_struct;

struct bench_env {
	struct mm_struct *mm;		/* (C) the user address space */
	struct kiobuf *iobuf;		/* (C) for the kiobuf metrics */
	struct kmem_cache *cache64;	/* (C) a 64-byte cache of our own */
	char *kbuf;			/* (C) the copies' kernel block */
	int local_nid;			/* (C) this CPU's memory node */
	int remote_nid;			/* (C) another node with memory, or -1 */
};
extern struct bench_env bench_env;

typedef int (*bench_batch_fn)(int ops, unsigned long arg);

/* The loops (kernel/bench_ops.c) */
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
int bench_kmalloc_pairs(int ops, unsigned long size);
int bench_kmem_cache_pairs(int ops, unsigned long unused);
int bench_kmem_cache_batches(int ops, unsigned long n);
int bench_copy_to_user(int ops, unsigned long n);
int bench_copy_from_user(int ops, unsigned long n);
int bench_memcpy(int ops, unsigned long n);
int bench_get_user_u64(int ops, unsigned long unused);
int bench_put_user_u64(int ops, unsigned long unused);
int bench_kiobuf_pairs(int ops, unsigned long npages);
int bench_pin_pairs(int ops, unsigned long npages);
int bench_dma_map_pairs(int ops, unsigned long bounce);

/* Sort n values, smallest first. */
void bench_sort(u64 *v, int n);
/* Sort v, print "bench.NAME=median min= max= batches= ops= [unit=]". */
void bench_report(const char *name, u64 *v, int n, long ops, const char *unit);

/*
 * The multi-CPU metrics (kernel/bench_scale.c): ncpus CPUs run op's
 * loop together; 0 or -ENODEV when the machine has fewer CPUs.
 */
enum bench_scale_op { BENCH_SCALE_PAGE, BENCH_SCALE_KMALLOC64, NR_BENCH_SCALE_OPS };
int bench_scale(const char *name, enum bench_scale_op op, int ncpus);

#endif
