/*
 * The multi-CPU microbenchmarks: CPUs 0..ncpus-1 run the same loop of
 * order-0 page pairs or kmalloc-64 pairs at once, and the figure is how
 * much more they get done together than CPU 0 alone:
 *
 *   ratio = (total ops/s on ncpus CPUs) / (ops/s on one CPU), in %
 *
 * so 200 is perfect scaling on two CPUs, 100 no gain at all.  The
 * one-CPU figure (scale1_*) is printed in TSC cycles per operation,
 * measured the same way.
 *
 * Each batch lasts SCALE_BATCH_MS of guest time: CPU 0's thread (the
 * benchmark thread) sets one deadline for all and releases the others,
 * which wait spinning in threads bound to their CPUs; each CPU counts
 * its operations until the deadline.  One warm-up batch and
 * BENCH_BATCHES timed ones, so every CPU runs more than a second.
 *
 * Locking: scale_run is written by CPU 0 between batches; a worker
 * reads it after seeing the batch number published with release
 * ordering, and writes only its own ops[] slot before counting itself
 * done.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "bench_internal.h"

#define SCALE_BATCH_MS		100
#define SCALE_CHECK_EVERY	16	/* operations between clock reads */

static struct scale_run {
	enum bench_scale_op op;
	int ncpus;
	u64 deadline;			/* TSC at which the batch ends */
	int batch;			/* the batch released (0: none yet) */
	atomic_t ready;			/* worker arrivals, all batches */
	atomic_t done;			/* worker finishes, all batches */
	atomic_t failed;		/* allocations that returned NULL */
	long ops[NR_CPUS];		/* each CPU's count in this batch */
} run;

/* One-CPU operations per batch, median, once measured (0: not yet). */
static u64 scale_ref_ops[NR_BENCH_SCALE_OPS];

static void scale_op(enum bench_scale_op op)
{
	struct page *page;
	void *p;

	if (op == BENCH_SCALE_PAGE) {
		page = alloc_pages(GFP_KERNEL, 0);
		if (page)
			__free_pages(page, 0);
		else
			atomic_inc(&run.failed);
	} else {
		p = kmalloc(64, GFP_KERNEL);
		if (!p)
			atomic_inc(&run.failed);
		kfree(p);
	}
}

/* Operations until the deadline, in groups of SCALE_CHECK_EVERY. */
static long scale_loop(enum bench_scale_op op, u64 deadline)
{
	long n = 0;
	int i;

	do {
		for (i = 0; i < SCALE_CHECK_EVERY; i++) {
			scale_op(op);
			barrier();
		}
		n += SCALE_CHECK_EVERY;
	} while (rdtsc() < deadline);
	return n;
}

static void wait_count(atomic_t *v, int count)
{
	while (atomic_read_acquire(v) < count)
		cpu_relax();
}

/* CPUs 1..ncpus-1: every batch, wait for its release, count, report. */
static int scale_worker(void *data)
{
	int cpu = (long)data, b;

	for (b = 1; b <= BENCH_BATCHES + 1; b++) {
		atomic_inc(&run.ready);
		while (__atomic_load_n(&run.batch, __ATOMIC_ACQUIRE) < b)
			cpu_relax();
		run.ops[cpu] = scale_loop(run.op, run.deadline);
		atomic_fetch_add(1, &run.done);	/* last touch of run */
	}
	return 0;
}

/* CPU 0: release batch b to everyone, take part, add up the counts. */
static u64 scale_batch(int b, u64 cycles)
{
	int others = run.ncpus - 1, cpu;
	u64 total = 0;

	wait_count(&run.ready, others * b);
	run.deadline = rdtsc() + cycles;
	__atomic_store_n(&run.batch, b, __ATOMIC_RELEASE);
	run.ops[0] = scale_loop(run.op, run.deadline);
	wait_count(&run.done, others * b);
	for (cpu = 0; cpu < run.ncpus; cpu++)
		total += run.ops[cpu];
	return total;
}

/* Total operations of each timed batch on CPUs 0..ncpus-1; 0 or -errno. */
static int scale_measure(enum bench_scale_op op, int ncpus, u64 *totals)
{
	u64 cycles = (u64)tsc_khz * SCALE_BATCH_MS;
	int cpu, b;

	memset(&run, 0, sizeof(run));
	run.op = op;
	run.ncpus = ncpus;
	for (cpu = 1; cpu < ncpus; cpu++)
		if (!kthread_run_on_cpu(scale_worker, (void *)(long)cpu, cpu,
					"bench_scale"))
			break;
	run.ncpus = cpu;	/* the batches need every worker started */
	scale_batch(1, cycles);				/* warm-up */
	for (b = 2; b <= BENCH_BATCHES + 1; b++)
		totals[b - 2] = scale_batch(b, cycles);
	if (run.ncpus < ncpus)
		return -EAGAIN;
	return atomic_read(&run.failed) ? -ENOMEM : 0;
}

static int scale_reference(enum bench_scale_op op)
{
	u64 totals[BENCH_BATCHES];
	int err;

	if (scale_ref_ops[op])
		return 0;
	err = scale_measure(op, 1, totals);
	if (err)
		return err;
	bench_sort(totals, BENCH_BATCHES);
	scale_ref_ops[op] = totals[BENCH_BATCHES / 2];
	return 0;
}

/* Cycles per operation on one CPU, or the ratio to it in % on several. */
static int scale_report(const char *name, enum bench_scale_op op, int ncpus)
{
	u64 cycles = (u64)tsc_khz * SCALE_BATCH_MS, totals[BENCH_BATCHES];
	u64 v[BENCH_BATCHES];
	int i, err;

	err = scale_measure(op, ncpus, totals);
	if (err)
		return err;
	for (i = 0; i < BENCH_BATCHES; i++)
		v[i] = ncpus == 1 ? cycles / totals[i] :
				    totals[i] * 100 / scale_ref_ops[op];
	bench_sort(totals, BENCH_BATCHES);
	if (ncpus == 1 && !scale_ref_ops[op])
		scale_ref_ops[op] = totals[BENCH_BATCHES / 2];
	bench_report(name, v, BENCH_BATCHES, totals[BENCH_BATCHES / 2],
		     ncpus == 1 ? NULL : "%");
	return 0;
}

int bench_scale(const char *name, enum bench_scale_op op, int ncpus)
{
	int err;

	if (num_online_cpus() < ncpus) {
		pr_info("bench: %s skipped: %d CPU(s) online\n", name,
			num_online_cpus());
		return -ENODEV;
	}
	if (!tsc_khz) {
		pr_info("bench: %s skipped: the TSC is not calibrated\n", name);
		return -ENODEV;
	}
	err = ncpus == 1 ? 0 : scale_reference(op);
	if (!err)
		err = scale_report(name, op, ncpus);
	if (err)
		pr_err("bench: %s failed (error %d)\n", name, err);
	return err;
}
