/*
 * In-kernel microbenchmarks, run instead of the tests with bench=GLOB on
 * the command line (bench=all for every one); `make bench` boots them
 * and gathers the lines into build/bench.json.
 *
 * Each metric runs one untimed warm-up batch, then BENCH_BATCHES timed
 * ones, and prints the median, least and greatest of the per-batch TSC
 * cycles per operation (per page, for those that map several):
 *
 *   bench.page_pair_order0=212 min=205 max=260 batches=11 ops=1000
 *
 * The pinning benchmarks run in a user address space of their own
 * (BENCH_USER_PAGES pages at BENCH_USER_BASE, faulted in by the warm-up),
 * as a driver's read() would on behalf of a process.  The DMA ones map
 * a 4 KiB kmalloc buffer for a 64-bit device, once as it is (direct) and
 * once through a bounce buffer (the device's dma_force_bounce switch,
 * so the figure does not depend on where the buffer landed).
 *
 * Under TCG the TSC follows host time, so a figure means most beside
 * another measured in the same run.  The loops make only the calls a
 * real caller would, with a compiler barrier per iteration; the runner
 * keeps to one CPU (the others idle) and preemption stays on, as for a
 * real caller.
 *
 * Locking: none; one thread runs the benchmarks one after another.
 */
#include <asm/tsc.h>
#include <linux/bench.h>
#include <linux/compiler.h>
#include <linux/dma-mapping.h>
#include <linux/glob.h>
#include <linux/gfp.h>
#include <linux/iobuf.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define BENCH_BATCHES	11
#define BENCH_OPS	1000
#define BENCH_USER_BASE	0x10000000UL
#define BENCH_USER_PAGES	256

struct bench {
	const char *name;
	void (*batch)(int ops, unsigned long arg);	/* ops operations */
	unsigned long arg;
	int ops;		/* per batch; BENCH_OPS when 0 */
	int per;		/* the figure is per op / per (pages per op) */
};

static struct kiobuf *bench_iobuf;
static struct page *bench_pages[BENCH_USER_PAGES];

/* map_user_kiobuf() + unmap_kiobuf() of npages pages, READ (device writes). */
static void kiobuf_pairs(int ops, unsigned long npages)
{
	int i;

	for (i = 0; i < ops; i++) {
		if (map_user_kiobuf(READ, bench_iobuf, BENCH_USER_BASE,
				    npages * PAGE_SIZE) == 0)
			unmap_kiobuf(bench_iobuf);
		barrier();
	}
}

/* pin_user_pages() + unpin_user_pages() of npages pages, for writing. */
static void pin_pairs(int ops, unsigned long npages)
{
	int i;

	for (i = 0; i < ops; i++) {
		if (pin_user_pages(BENCH_USER_BASE, npages, FOLL_WRITE,
				   bench_pages) == (long)npages)
			unpin_user_pages(bench_pages, npages);
		barrier();
	}
}

static void page_pairs(int ops, unsigned long order)
{
	struct page *page;
	int i;

	for (i = 0; i < ops; i++) {
		page = alloc_pages(GFP_KERNEL, order);
		if (page)
			__free_pages(page, order);
		barrier();
	}
}

static void kmalloc_pairs(int ops, unsigned long size)
{
	void *p;
	int i;

	for (i = 0; i < ops; i++) {
		p = kmalloc(size, GFP_KERNEL);
		kfree(p);
		barrier();
	}
}

static struct device_driver bench_driver = { .name = "bench" };
static u64 bench_dma_mask = DMA_BIT_MASK(64);
static struct device bench_dma_dev = {
	.name = "bench",
	.driver = &bench_driver,
	.dma_mask = &bench_dma_mask,
	.coherent_dma_mask = DMA_BIT_MASK(64),
	.numa_node = NUMA_NO_NODE,
};
static void *bench_dma_buf;

/* dma_map_single() + dma_unmap_single() of 4 KiB to the device. */
static void dma_map_pairs(int ops, unsigned long bounce)
{
	dma_addr_t addr;
	int i;

	bench_dma_dev.dma_force_bounce = bounce;
	for (i = 0; i < ops; i++) {
		addr = dma_map_single(&bench_dma_dev, bench_dma_buf, PAGE_SIZE,
				      DMA_TO_DEVICE);
		if (!dma_mapping_error(&bench_dma_dev, addr))
			dma_unmap_single(&bench_dma_dev, addr, PAGE_SIZE,
					 DMA_TO_DEVICE);
		barrier();
	}
}

static const struct bench benches[] = {
	{ "page_pair_order0", page_pairs, 0, 0, 1 },
	{ "page_pair_order3", page_pairs, 3, 0, 1 },
	{ "page_pair_order9", page_pairs, 9, 0, 1 },
	{ "kmalloc_pair_8", kmalloc_pairs, 8, 0, 1 },
	{ "kmalloc_pair_64", kmalloc_pairs, 64, 0, 1 },
	{ "kmalloc_pair_4096", kmalloc_pairs, 4096, 0, 1 },
	{ "kiobuf_map_unmap_1", kiobuf_pairs, 1, 0, 1 },
	{ "kiobuf_map_unmap_16", kiobuf_pairs, 16, 200, 16 },
	{ "kiobuf_map_unmap_256", kiobuf_pairs, 256, 20, 256 },
	{ "pin_unpin_1", pin_pairs, 1, 0, 1 },
	{ "pin_unpin_16", pin_pairs, 16, 200, 16 },
	{ "pin_unpin_256", pin_pairs, 256, 20, 256 },
	{ "dma_map_single_direct", dma_map_pairs, 0, 0, 1 },
	{ "dma_map_single_bounced", dma_map_pairs, 1, 0, 1 },
};

/*
 * The user address space the pinning benchmarks work in: a fresh mm,
 * used by this thread, with one read-write region.
 */
static struct mm_struct *bench_user_setup(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	kthread_use_mm(mm);
	mutex_lock(&mm->mmap_lock);
	if (insert_vm_region(mm, BENCH_USER_BASE, BENCH_USER_BASE +
			     BENCH_USER_PAGES * PAGE_SIZE, VM_READ | VM_WRITE,
			     NULL) || alloc_kiovec(1, &bench_iobuf)) {
		mutex_unlock(&mm->mmap_lock);
		kthread_unuse_mm(mm);
		mmput(mm);
		return NULL;
	}
	mutex_unlock(&mm->mmap_lock);
	return mm;
}

static void bench_user_teardown(struct mm_struct *mm)
{
	free_kiovec(1, &bench_iobuf);
	kthread_unuse_mm(mm);
	mmput(mm);
}

static void sort_u64(u64 *v, int n)
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

static void bench_run_one(const struct bench *b)
{
	int ops = b->ops ? b->ops : BENCH_OPS, per = b->per ? b->per : 1;
	u64 per_op[BENCH_BATCHES], start;
	int i;

	b->batch(ops, b->arg);			/* warm-up */
	for (i = 0; i < BENCH_BATCHES; i++) {
		start = rdtsc_ordered();
		b->batch(ops, b->arg);
		per_op[i] = (rdtsc_ordered() - start) / ((u64)ops * per);
	}
	sort_u64(per_op, BENCH_BATCHES);
	pr_info("bench.%s=%llu min=%llu max=%llu batches=%d ops=%d\n", b->name,
		per_op[BENCH_BATCHES / 2], per_op[0], per_op[BENCH_BATCHES - 1],
		BENCH_BATCHES, ops);
}

int bench_run(const char *filter)
{
	struct mm_struct *mm = bench_user_setup();
	int i, n = 0;

	if (!mm) {
		pr_err("bench: no memory for the user address space\n");
		return 0;
	}
	bench_dma_buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!bench_dma_buf) {
		pr_err("bench: no memory for the DMA buffer\n");
		bench_user_teardown(mm);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(benches); i++) {
		if (strcmp(filter, "all") && !glob_match(filter, benches[i].name))
			continue;
		bench_run_one(&benches[i]);
		n++;
	}
	kfree(bench_dma_buf);
	bench_user_teardown(mm);
	pr_info("bench: %d benchmark(s) run\n", n);
	return n;
}
