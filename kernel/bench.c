/*
 * In-kernel microbenchmarks, run instead of the tests with bench=GLOB on
 * the command line (bench=all for every one); `make bench` boots them
 * and gathers the lines into build/bench.json.  docs/bench.md lists the
 * metrics and says how to read them.
 *
 * Each metric runs one untimed warm-up batch, then BENCH_BATCHES timed
 * ones, and prints the median, least and greatest of the per-batch TSC
 * cycles per operation (per object, for those that handle several):
 *
 *   bench.page_pair_order0=212 min=205 max=260 batches=11 ops=1000
 *
 * The loops are in kernel/bench_ops.c, the multi-CPU metrics in
 * kernel/bench_scale.c.  Everything runs in one kernel thread bound to
 * CPU 0 while the other CPUs idle (but for the multi-CPU metrics), with
 * preemption on, as a real caller runs; the user-access and pinning
 * metrics work in a user address space of the thread's own
 * (BENCH_USER_PAGES pages at BENCH_USER_BASE, faulted in by the
 * warm-ups), as a driver's read() would on behalf of a process.
 *
 * A metric the machine cannot measure (a remote node where there is
 * only one with memory, four CPUs where there are two) prints a
 * "skipped" line instead: it is absent from the results, not faked.
 *
 * Locking: none; one thread runs the metrics one after another.
 */
#include <asm/tsc.h>
#include <linux/bench.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/gfp.h>
#include <linux/iobuf.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "bench_internal.h"

#define BENCH_PAGE_BATCH	1024	/* objects per batch metric op */

/* Needs, tested before a metric runs. */
#define BENCH_NEEDS_REMOTE	0x1	/* a second node with memory */

struct bench {
	const char *name;
	bench_batch_fn batch;
	unsigned long arg;
	int ops;		/* per batch; BENCH_OPS when 0 */
	int per;		/* objects per op: the figure is per object */
	unsigned int needs;	/* BENCH_NEEDS_* */
};

/* Designated, so that unnamed fields are 0 (the defaults above). */
#define BENCH(n, fn, a)			{ .name = n, .batch = fn, .arg = a }
#define BENCH_OPS_PER(n, fn, a, o, p)	{ .name = n, .batch = fn, .arg = a, \
					  .ops = o, .per = p }
#define COPY_BENCHES(n, fn)						\
	BENCH(n "_8", fn, 8), BENCH(n "_64", fn, 64),			\
	BENCH(n "_512", fn, 512), BENCH_OPS_PER(n "_4096", fn, 4096, 200, 1), \
	BENCH_OPS_PER(n "_65536", fn, 65536, 20, 1),			\
	BENCH_OPS_PER(n "_1048576", fn, BENCH_COPY_MAX, 2, 1)

static const struct bench benches[] = {
	BENCH("page_pair_order0", bench_page_pairs, 0),
	BENCH("page_pair_order3", bench_page_pairs, 3),
	BENCH("page_pair_order9", bench_page_pairs, 9),
	BENCH("get_free_page_pair", bench_get_free_page_pairs, 0),
	BENCH("page_pair_node_local", bench_page_node_pairs, 0),
	{ .name = "page_pair_node_remote", .batch = bench_page_node_pairs,
	  .arg = 1, .needs = BENCH_NEEDS_REMOTE },
	BENCH_OPS_PER("page_batch_1024", bench_page_batches, BENCH_PAGE_BATCH,
		      20, BENCH_PAGE_BATCH),
	BENCH("kmalloc_pair_8", bench_kmalloc_pairs_8, 0),
	BENCH("kmalloc_pair_64", bench_kmalloc_pairs_64, 0),
	BENCH("kmalloc_pair_256", bench_kmalloc_pairs_256, 0),
	BENCH("kmalloc_pair_1024", bench_kmalloc_pairs_1024, 0),
	BENCH("kmalloc_pair_4096", bench_kmalloc_pairs_4096, 0),
	BENCH("kmalloc_pair_16384", bench_kmalloc_pairs_16384, 0),
	BENCH("kmalloc_pair_var_64", bench_kmalloc_pairs, 64),
	BENCH("kmem_cache_pair_64", bench_kmem_cache_pairs, 0),
	BENCH_OPS_PER("kmem_cache_batch_1024", bench_kmem_cache_batches,
		      BENCH_PAGE_BATCH, 20, BENCH_PAGE_BATCH),
	COPY_BENCHES("copy_to_user", bench_copy_to_user),
	COPY_BENCHES("copy_from_user", bench_copy_from_user),
	COPY_BENCHES("memcpy", bench_memcpy),
	BENCH("get_user_u64", bench_get_user_u64, 0),
	BENCH("put_user_u64", bench_put_user_u64, 0),
	BENCH("kiobuf_map_unmap_1", bench_kiobuf_pairs, 1),
	BENCH_OPS_PER("kiobuf_map_unmap_16", bench_kiobuf_pairs, 16, 200, 16),
	BENCH_OPS_PER("kiobuf_map_unmap_256", bench_kiobuf_pairs, 256, 20, 256),
	BENCH("pin_unpin_1", bench_pin_pairs, 1),
	BENCH_OPS_PER("pin_unpin_16", bench_pin_pairs, 16, 200, 16),
	BENCH_OPS_PER("pin_unpin_256", bench_pin_pairs, 256, 20, 256),
	BENCH("dma_map_single_direct", bench_dma_map_pairs, 0),
	BENCH("dma_map_single_bounced", bench_dma_map_pairs, 1),
};

static const struct {
	const char *name;
	enum bench_scale_op op;
	int ncpus;
} scale_benches[] = {
	{ "scale1_page_pair", BENCH_SCALE_PAGE, 1 },
	{ "scale2_page_pair", BENCH_SCALE_PAGE, 2 },
	{ "scale4_page_pair", BENCH_SCALE_PAGE, 4 },
	{ "scale1_kmalloc_pair_64", BENCH_SCALE_KMALLOC64, 1 },
	{ "scale2_kmalloc_pair_64", BENCH_SCALE_KMALLOC64, 2 },
	{ "scale4_kmalloc_pair_64", BENCH_SCALE_KMALLOC64, 4 },
};

struct bench_env bench_env;

void bench_sort(u64 *v, int n)
{
	int i, j;
	u64 t;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

void bench_report(const char *name, u64 *v, int n, long ops, const char *unit)
{
	bench_sort(v, n);
	pr_info("bench.%s=%llu min=%llu max=%llu batches=%d ops=%ld%s%s\n",
		name, v[n / 2], v[0], v[n - 1], n, ops, unit ? " unit=" : "",
		unit ? unit : "");
}

/* 0, or -ENODEV when the machine lacks what the metric needs. */
static int bench_check_needs(const struct bench *b)
{
	if ((b->needs & BENCH_NEEDS_REMOTE) && bench_env.remote_nid < 0) {
		pr_info("bench: %s skipped: no second node with memory\n", b->name);
		return -ENODEV;
	}
	return 0;
}

static int bench_run_one(const struct bench *b)
{
	int ops = b->ops ? b->ops : BENCH_OPS, per = b->per ? b->per : 1;
	u64 per_op[BENCH_BATCHES], start;
	int i, failed;

	if (bench_check_needs(b))
		return -ENODEV;
	failed = b->batch(ops, b->arg);			/* warm-up */
	for (i = 0; i < BENCH_BATCHES && !failed; i++) {
		start = rdtsc_ordered();
		failed = b->batch(ops, b->arg);
		per_op[i] = (rdtsc_ordered() - start) / ((u64)ops * per);
	}
	if (failed) {
		pr_err("bench: %s failed: %d of %d operations\n", b->name, failed, ops);
		return -EIO;
	}
	bench_report(b->name, per_op, BENCH_BATCHES, ops, NULL);
	return 0;
}

/* The first node with memory other than nid, or -1. */
static int other_memory_node(int nid)
{
	int n;

	for (n = 0; n < MAX_NUMNODES; n++)
		if (n != nid && node_online(n) && node_has_memory(n))
			return n;
	return -1;
}

/*
 * The user address space (a fresh mm with one read-write region, used by
 * this thread), the kiobuf, the 64-byte cache and the copies' buffers.
 */
static int bench_setup(void)
{
	struct bench_env *e = &bench_env;
	struct page *kbuf;
	int err;

	e->local_nid = numa_mem_id();		/* bound to this CPU */
	e->remote_nid = other_memory_node(e->local_nid);
	e->mm = mm_alloc();
	if (!e->mm)
		return -ENOMEM;
	kthread_use_mm(e->mm);
	mutex_lock(&e->mm->mmap_lock);
	err = insert_vm_region(e->mm, BENCH_USER_BASE, BENCH_USER_BASE +
			       BENCH_COPY_MAX, VM_READ | VM_WRITE, NULL);
	mutex_unlock(&e->mm->mmap_lock);
	if (!err)
		err = alloc_kiovec(1, &e->iobuf);
	e->cache64 = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	kbuf = alloc_pages_node(e->local_nid, GFP_KERNEL, BENCH_KBUF_ORDER);
	e->kbuf = kbuf ? page_address(kbuf) : NULL;
	if (!err && (!e->cache64 || !e->kbuf))
		err = -ENOMEM;
	return err;
}

static void bench_teardown(void)
{
	struct bench_env *e = &bench_env;

	if (e->kbuf)
		free_pages((unsigned long)e->kbuf, BENCH_KBUF_ORDER);
	kmem_cache_destroy(e->cache64);
	if (e->iobuf)
		free_kiovec(1, &e->iobuf);
	if (e->mm) {
		kthread_unuse_mm(e->mm);
		mmput(e->mm);
	}
}

static bool selected(const char *filter, const char *name)
{
	return !strcmp(filter, "all") || glob_match(filter, name);
}

/* Every selected metric; returns how many printed a result. */
static int bench_run_all(const char *filter)
{
	int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(benches); i++)
		if (selected(filter, benches[i].name))
			n += bench_run_one(&benches[i]) == 0;
	for (i = 0; i < ARRAY_SIZE(scale_benches); i++)
		if (selected(filter, scale_benches[i].name))
			n += bench_scale(scale_benches[i].name, scale_benches[i].op,
					 scale_benches[i].ncpus) == 0;
	return n;
}

struct bench_thread_args {
	const char *filter;
	int n;
	struct completion done;
};

static int bench_thread(void *data)
{
	struct bench_thread_args *a = data;
	int err = bench_setup();

	if (err)
		pr_err("bench: cannot set up (error %d)\n", err);
	else
		a->n = bench_run_all(a->filter);
	bench_teardown();
	complete(&a->done);
	return 0;
}

int bench_run(const char *filter)
{
	struct bench_thread_args a = { .filter = filter };

	init_completion(&a.done);
	if (!kthread_run_on_cpu(bench_thread, &a, 0, "bench")) {
		pr_err("bench: cannot start the benchmark thread\n");
		return 0;
	}
	wait_for_completion(&a.done);
	pr_info("bench: %d benchmark(s) run\n", a.n);
	return a.n;
}
