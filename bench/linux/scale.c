/*
 * The multi-CPU metrics, Linux side: CPUs 0..ncpus-1 run the same loop
 * of order-0 page pairs or kmalloc-64 pairs at once, and the figure is
 * how much more they get done together than CPU 0 alone, in %:
 *
 *   (operations in a batch on ncpus CPUs) * 100 / (the same on one CPU)
 *
 * so 200 is perfect scaling on two CPUs.  scale1_* prints the one-CPU
 * figure in TSC cycles per operation instead.  The method is Ferry's
 * (kernel/bench_scale.c): a batch lasts SCALE_BATCH_MS of TSC time,
 * CPU 0 (the caller, bound there by the helper) sets one deadline for
 * all and releases the others, kernel threads bound to CPUs 1..ncpus-1
 * that wait spinning; each CPU counts its operations until the deadline.
 * One warm-up batch, then BENCH_BATCHES timed ones.
 *
 * Locking: run is written by CPU 0 between batches; a worker reads it
 * after it sees the batch number published with release ordering, and
 * writes only its own ops[] slot before it counts itself done (release).
 */
#include <asm/msr.h>
#include <asm/tsc.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

#define SCALE_BATCH_MS		100
#define SCALE_CHECK_EVERY	16	/* operations between clock reads */
#define SCALE_MAX_CPUS		8

static struct scale_run {
	enum bench_scale_op op;
	int ncpus;			/* CPU 0 and the workers started */
	u64 deadline;			/* TSC at which the batch ends */
	int batch;			/* the batch released (0: none yet) */
	atomic_t ready;			/* worker arrivals, all batches */
	atomic_t done;			/* worker finishes, all batches */
	atomic_t failed;		/* allocations that returned NULL */
	long ops[SCALE_MAX_CPUS];	/* each CPU's count in this batch */
	struct task_struct *worker[SCALE_MAX_CPUS];
} run;

/* One-CPU operations per batch, the median, once measured (0: not yet). */
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

/* CPUs 1..ncpus-1: each batch, wait for its release, count, report. */
static int scale_worker(void *data)
{
	int cpu = (long)data, b;

	for (b = 1; b <= BENCH_BATCHES + 1; b++) {
		atomic_inc(&run.ready);
		while (smp_load_acquire(&run.batch) < b)
			cpu_relax();
		run.ops[cpu] = scale_loop(run.op, READ_ONCE(run.deadline));
		smp_mb__before_atomic();
		atomic_inc(&run.done);
	}
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* CPU 0: release batch b, take part, add up the counts. */
static u64 scale_batch(int b, u64 cycles)
{
	int others = run.ncpus - 1, cpu;
	u64 total = 0;

	wait_count(&run.ready, others * b);
	WRITE_ONCE(run.deadline, rdtsc() + cycles);
	smp_store_release(&run.batch, b);
	run.ops[0] = scale_loop(run.op, run.deadline);
	wait_count(&run.done, others * b);
	for (cpu = 0; cpu < run.ncpus; cpu++)
		total += run.ops[cpu];
	return total;
}

static int scale_start_workers(int ncpus)
{
	struct task_struct *t;
	int cpu;

	for (cpu = 1; cpu < ncpus; cpu++) {
		t = kthread_create_on_cpu(scale_worker, (void *)(long)cpu, cpu,
					  "ferry_bench/%u");
		if (IS_ERR(t))
			break;
		run.worker[cpu] = t;
		wake_up_process(t);
	}
	return cpu;
}

/* The total operations of each timed batch on CPUs 0..ncpus-1. */
static int scale_measure(enum bench_scale_op op, int ncpus, u64 *totals)
{
	u64 cycles = (u64)tsc_khz * SCALE_BATCH_MS;
	int cpu, b;

	memset(&run, 0, sizeof(run));
	run.op = op;
	run.ncpus = scale_start_workers(ncpus);
	scale_batch(1, cycles);				/* warm-up */
	for (b = 2; b <= BENCH_BATCHES + 1; b++)
		totals[b - 2] = scale_batch(b, cycles);
	for (cpu = 1; cpu < run.ncpus; cpu++)
		kthread_stop(run.worker[cpu]);
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

/* Cycles per operation on one CPU, or the gain over one CPU in %. */
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

	if (num_online_cpus() < ncpus || ncpus > SCALE_MAX_CPUS) {
		pr_info("bench: %s skipped: %u CPU(s) online\n", name,
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
