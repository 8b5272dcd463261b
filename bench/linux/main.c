/*
 * ferry_bench.ko: Ferry's in-kernel microbenchmarks (kernel/bench*.c)
 * measured the same way inside Linux, so that `make bench-linux` can set
 * the two kernels side by side under the same QEMU machine.
 *
 * The helper program (helper.c, PID 1 of a tiny initramfs) binds itself
 * to CPU 0, maps a 1 MiB read-write buffer, and calls FERRY_BENCH_RUN on
 * /dev/ferry_bench with a glob of metric names; the metrics then run in
 * its context, as a driver's ioctl() would on behalf of a process.
 * Each metric runs one untimed warm-up batch, then BENCH_BATCHES timed
 * ones, and prints to the kernel log, in Ferry's format, the median,
 * least and greatest of the per-batch TSC cycles (rdtsc_ordered()) per
 * operation (per object, for the metrics that handle several):
 *
 *   bench.page_pair_order0=212 min=205 max=260 batches=11 ops=1000
 *
 * A metric the machine cannot measure prints "bench: NAME skipped: why",
 * one whose operations fail "bench: NAME failed: ...".  The helper copies
 * the lines from /dev/kmsg to the console.
 *
 * Invariants: bench_env is set up for exactly the length of one run and
 * the user buffer is the caller's for that long.
 * Locking: bench_mutex serializes runs (bench_env, the loops' arrays).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/glob.h>
#include <linux/gfp.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nodemask.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/topology.h>
#include <linux/uaccess.h>
#include <asm/msr.h>

#include "ferry_bench.h"
#include "internal.h"

#define BENCH_PAGE_BATCH	1024	/* objects per batch-metric op */

/* Needs, tested before a metric runs. */
#define BENCH_NEEDS_REMOTE	0x1	/* a second node with memory */
#define BENCH_NEEDS_DMA		0x2	/* the DMA devices and buffers */

struct bench {
	const char *name;
	bench_batch_fn batch;
	unsigned long arg;
	int ops;		/* per batch; BENCH_OPS when 0 */
	int per;		/* objects per op: the figure is per object */
	unsigned int needs;	/* BENCH_NEEDS_* */
};

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
	BENCH("page_pair_local", bench_page_node_pairs, 0),
	{ .name = "page_pair_remote", .batch = bench_page_node_pairs,
	  .arg = 1, .needs = BENCH_NEEDS_REMOTE },
	BENCH_OPS_PER("page_batch_1024", bench_page_batches, BENCH_PAGE_BATCH,
		      20, BENCH_PAGE_BATCH),
	BENCH("kmalloc_pair_8", bench_kmalloc_pairs_8, 0),
	BENCH("kmalloc_pair_64", bench_kmalloc_pairs_64, 0),
	BENCH("kmalloc_pair_256", bench_kmalloc_pairs_256, 0),
	BENCH("kmalloc_pair_1024", bench_kmalloc_pairs_1024, 0),
	BENCH("kmalloc_pair_4096", bench_kmalloc_pairs_4096, 0),
	BENCH("kmalloc_pair_16384", bench_kmalloc_pairs_16384, 0),
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
	{ .name = "dma_map_single_direct", .batch = bench_dma_map_pairs,
	  .arg = 0, .needs = BENCH_NEEDS_DMA },
	{ .name = "dma_map_single_bounced", .batch = bench_dma_map_pairs,
	  .arg = 1, .needs = BENCH_NEEDS_DMA },
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
static bool bench_dma_ready;
static DEFINE_MUTEX(bench_mutex);

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
	if ((b->needs & BENCH_NEEDS_DMA) && !bench_dma_ready) {
		pr_info("bench: %s skipped: no DMA devices, or no swiotlb=force\n",
			b->name);
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

/* The first node with memory other than nid, or -1. */
static int other_memory_node(int nid)
{
	int n;

	for_each_node_state(n, N_MEMORY)
		if (n != nid)
			return n;
	return -1;
}

static int bench_setup(unsigned long user)
{
	struct bench_env *e = &bench_env;
	struct page *kbuf;

	e->user = user;
	e->local_nid = cpu_to_mem(0);
	e->remote_nid = other_memory_node(e->local_nid);
	e->cache64 = kmem_cache_create("ferry_bench_64", 64, 0, 0, NULL);
	kbuf = alloc_pages_node(e->local_nid, GFP_KERNEL, BENCH_KBUF_ORDER);
	e->kbuf = kbuf ? page_address(kbuf) : NULL;
	bench_dma_ready = bench_dma_setup() == 0;
	return e->cache64 && e->kbuf ? 0 : -ENOMEM;
}

static void bench_teardown(void)
{
	struct bench_env *e = &bench_env;

	if (bench_dma_ready)
		bench_dma_teardown();
	bench_dma_ready = false;
	if (e->kbuf)
		free_pages((unsigned long)e->kbuf, BENCH_KBUF_ORDER);
	kmem_cache_destroy(e->cache64);
	memset(e, 0, sizeof(*e));
}

/* The request's checks: a terminated filter, a whole mapped buffer. */
static int bench_check_run(const struct ferry_bench_run *r)
{
	if (!memchr(r->filter, '\0', sizeof(r->filter)))
		return -EINVAL;
	if (r->user_len < BENCH_COPY_MAX || !PAGE_ALIGNED(r->user_addr))
		return -EINVAL;
	if (!access_ok((void __user *)(unsigned long)r->user_addr, BENCH_COPY_MAX))
		return -EFAULT;
	if (raw_smp_processor_id() != 0 || current->nr_cpus_allowed != 1)
		return -EPERM;		/* the caller must be bound to CPU 0 */
	return 0;
}

static long bench_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ferry_bench_run r;
	long ret;

	if (cmd != FERRY_BENCH_RUN)
		return -ENOTTY;
	if (copy_from_user(&r, (void __user *)arg, sizeof(r)))
		return -EFAULT;
	ret = bench_check_run(&r);
	if (ret)
		return ret;
	mutex_lock(&bench_mutex);
	ret = bench_setup(r.user_addr);
	if (!ret)
		ret = bench_run_all(r.filter);
	bench_teardown();
	mutex_unlock(&bench_mutex);
	pr_info("bench: %ld benchmark(s) run\n", ret);
	return ret;
}

static const struct file_operations bench_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = bench_ioctl,
};

static struct miscdevice bench_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ferry_bench",
	.fops = &bench_fops,
};

static int __init ferry_bench_init(void)
{
	return misc_register(&bench_misc);
}

static void __exit ferry_bench_exit(void)
{
	misc_deregister(&bench_misc);
}

module_init(ferry_bench_init);
module_exit(ferry_bench_exit);
/* GPL: the pinning calls are exported to GPL modules only. */
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Ferry's microbenchmarks measured inside Linux");
