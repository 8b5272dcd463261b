/*
 * In-kernel microbenchmarks, run instead of the tests with bench=GLOB on
 * the command line (bench=all for every one); `make bench` boots them
 * and gathers the lines into build/bench.json.
 *
 * Each metric runs one untimed warm-up batch, then BENCH_BATCHES timed
 * ones, and prints the median, least and greatest of the per-batch TSC
 * cycles per operation:
 *
 *   bench.page_pair_order0=212 min=205 max=260 batches=11 ops=1000
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
#include <linux/glob.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define BENCH_BATCHES	11
#define BENCH_OPS	1000

struct bench {
	const char *name;
	void (*batch)(int ops, unsigned long arg);	/* ops operations */
	unsigned long arg;
};

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

static const struct bench benches[] = {
	{ "page_pair_order0", page_pairs, 0 },
	{ "page_pair_order3", page_pairs, 3 },
	{ "page_pair_order9", page_pairs, 9 },
	{ "kmalloc_pair_8", kmalloc_pairs, 8 },
	{ "kmalloc_pair_64", kmalloc_pairs, 64 },
	{ "kmalloc_pair_4096", kmalloc_pairs, 4096 },
};

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
	u64 per_op[BENCH_BATCHES], start;
	int i;

	b->batch(BENCH_OPS, b->arg);		/* warm-up */
	for (i = 0; i < BENCH_BATCHES; i++) {
		start = rdtsc_ordered();
		b->batch(BENCH_OPS, b->arg);
		per_op[i] = (rdtsc_ordered() - start) / BENCH_OPS;
	}
	sort_u64(per_op, BENCH_BATCHES);
	pr_info("bench.%s=%llu min=%llu max=%llu batches=%d ops=%d\n", b->name,
		per_op[BENCH_BATCHES / 2], per_op[0], per_op[BENCH_BATCHES - 1],
		BENCH_BATCHES, BENCH_OPS);
}

int bench_run(const char *filter)
{
	int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(benches); i++) {
		if (strcmp(filter, "all") && !glob_match(filter, benches[i].name))
			continue;
		bench_run_one(&benches[i]);
		n++;
	}
	pr_info("bench: %d benchmark(s) run\n", n);
	return n;
}
