/*
 * Tests of the other CPUs (suite "smp"): how many came up and on which
 * node, NUMA placement of page and kmalloc allocations made on each CPU,
 * a completion signalled from another CPU, a stress of allocations freed
 * on other CPUs than they were made on, load balancing, and a kernel
 * stack overflow reported through the double-fault stack.
 */
#include <asm/cmdline.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

/* Run fn(arg) in a thread bound to cpu and wait for it. */
struct on_cpu {
	int (*fn)(void *arg);
	void *arg;
	struct completion done;
};

static int on_cpu_thread(void *data)
{
	struct on_cpu *oc = data;

	oc->fn(oc->arg);
	complete(&oc->done);
	return 0;
}

static void run_on_cpu(struct kunit *test, int cpu, int (*fn)(void *), void *arg)
{
	struct on_cpu oc = { .fn = fn, .arg = arg };

	init_completion(&oc.done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(on_cpu_thread, &oc, cpu, "on_cpu"));
	wait_for_completion(&oc.done);
}

static void smp_all_cpus_online(struct kunit *test)
{
	char val[16];
	unsigned int want;
	int cpu;

	if (cmdline_find_option(boot_command_line, "ktest_cpus", val, sizeof(val)) < 0 ||
	    kstrtouint(val, 10, &want))
		kunit_skip(test, "no ktest_cpus= on the command line");
	KUNIT_EXPECT_EQ(test, num_online_cpus(), want);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		KUNIT_EXPECT_TRUE_MSG(test, cpu_data[cpu].online, "CPU %d", cpu);
		KUNIT_EXPECT_EQ(test, cpu_data[cpu].node, cpu_to_node(cpu));
	}
}

struct placement {
	int cpu, node, page_node, kmalloc_node;
};

static int allocate_here(void *data)
{
	struct placement *p = data;
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	void *obj = kmalloc(128, GFP_KERNEL);

	p->cpu = smp_processor_id();
	p->node = numa_node_id();
	p->page_node = page ? page_to_nid(page) : -1;
	p->kmalloc_node = obj ? page_to_nid(virt_to_page(obj)) : -1;
	if (page)
		__free_pages(page, 0);
	kfree(obj);
	return 0;
}

static void smp_allocations_follow_the_cpu(struct kunit *test)
{
	struct placement p;
	int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		run_on_cpu(test, cpu, allocate_here, &p);
		KUNIT_EXPECT_EQ(test, p.cpu, cpu);
		KUNIT_EXPECT_EQ(test, p.node, cpu_to_node(cpu));
		/* Its own node, or the nearest with memory for a memoryless one. */
		KUNIT_EXPECT_EQ_MSG(test, p.page_node, local_memory_node(p.node),
				    "CPU %d", cpu);
		KUNIT_EXPECT_EQ_MSG(test, p.kmalloc_node, local_memory_node(p.node),
				    "CPU %d", cpu);
	}
}

static int signal_completion(void *data)
{
	complete(data);
	return 0;
}

static void smp_completion_from_another_cpu(struct kunit *test)
{
	struct completion done;
	int other = (smp_processor_id() + 1) % nr_cpu_ids;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	init_completion(&done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(signal_completion, &done,
						       other, "signaller"));
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&done, 30 * HZ), 0);
}

/* ---- cross-CPU allocation stress ---- */

#define STRESS_SLOTS	256
/*
 * Operations in all, shared by the CPUs (20000 each on four), so that
 * a machine with more virtual CPUs than host cores does not take longer
 * than the case timeout.
 */
#define STRESS_TOTAL_OPS	80000

static int stress_ops;		/* per CPU, for this run */

/*
 * Slots shared by every CPU: an object made on one CPU is usually freed
 * by another.  A slot is swapped with xchg(), not under a lock: with a
 * lock, a virtual CPU the host stops while holding it leaves every other
 * one spinning.  A page-allocator block is tagged in the low bits: bit 0
 * set, the order in bits 1-2; a kmalloc object has them clear.
 */
static unsigned long stress_slots[STRESS_SLOTS];

static u64 xorshift(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static unsigned long stress_alloc(u64 r)
{
	unsigned int order = (r >> 8) % 3;
	unsigned long addr;

	if (r & 2)
		return (unsigned long)kmalloc((r >> 8) % 3000 + 1, GFP_KERNEL);
	addr = __get_free_pages(GFP_KERNEL, order);
	return addr ? addr | 1 | order << 1 : 0;
}

static void stress_free(unsigned long v)
{
	if (v & 1)
		free_pages(v & PAGE_MASK, (v >> 1) & 3);
	else
		kfree((void *)v);
}

static int stress_thread(void *data)
{
	u64 seed = 0x1234567ULL * (raw_smp_processor_id() + 1);
	unsigned long old, new;
	int i, k;

	for (i = 0; i < stress_ops; i++) {
		u64 r = xorshift(&seed);

		new = (r & 1) ? stress_alloc(r) : 0;
		k = (r >> 16) % STRESS_SLOTS;
		old = xchg(&stress_slots[k], new);
		stress_free(old);
	}
	return 0;
}

static unsigned long zone_free[MAX_NUMNODES][MAX_NR_ZONES];
static char slabinfo_before[8192], slabinfo_after[8192];

/* Every zone's free pages and every cache's counts, all CPUs drained. */
static void snapshot(unsigned long free[MAX_NUMNODES][MAX_NR_ZONES], char *slabinfo)
{
	int nid, z;

	kmem_cache_shrink_all();
	drain_all_pages();
	for_each_online_node(nid)
		for (z = 0; z < MAX_NR_ZONES; z++)
			free[nid][z] = NODE_DATA(nid)->node_zones[z].free_pages;
	slabinfo_show(slabinfo, sizeof(slabinfo_before));
}

static void smp_cross_cpu_stress(struct kunit *test)
{
	static unsigned long after[MAX_NUMNODES][MAX_NR_ZONES];
	struct on_cpu oc[NR_CPUS];
	int cpu, n = 0, i, threads = nr_threads;

	snapshot(zone_free, slabinfo_before);
	stress_ops = STRESS_TOTAL_OPS / num_online_cpus();
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		oc[n] = (struct on_cpu){ .fn = stress_thread };
		init_completion(&oc[n].done);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(on_cpu_thread, &oc[n],
							       cpu, "stress"));
		n++;
	}
	for (i = 0; i < n; i++)
		wait_for_completion(&oc[i].done);
	for (i = 0; i < STRESS_SLOTS; i++) {
		stress_free(stress_slots[i]);
		stress_slots[i] = 0;
	}
	wait_for_reaper(threads, 30 * HZ);	/* their stacks and task structs too */
	snapshot(after, slabinfo_after);
	kunit_info(test, "%d CPUs x %d operations", n, stress_ops);
	KUNIT_EXPECT_MEMEQ(test, after, zone_free, sizeof(after));
	KUNIT_EXPECT_STREQ(test, slabinfo_after, slabinfo_before);
}

/* ---- load balancing ---- */

struct spread {
	volatile bool stop;
	unsigned long seen;		/* bit n: a thread ran on CPU n */
	struct completion done[2 * NR_CPUS];
};

static int spin_and_record(void *data)
{
	struct spread *sp = data;
	int i = 0;

	while (!sp->stop)
		if (++i % 1024 == 0)
			set_bit(raw_smp_processor_id(), &sp->seen);
	return 0;
}

static void smp_load_balancing_spreads(struct kunit *test)
{
	static struct spread sp;
	struct on_cpu oc[2 * NR_CPUS];
	int i, n = 2 * num_online_cpus();
	unsigned long deadline;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	memset(&sp, 0, sizeof(sp));
	for (i = 0; i < n; i++) {	/* all start on this CPU, unbound */
		oc[i] = (struct on_cpu){ .fn = spin_and_record, .arg = &sp };
		init_completion(&oc[i].done);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run(on_cpu_thread, &oc[i], "spinner"));
	}
	deadline = jiffies + 30 * HZ;
	while (hweight_long(READ_ONCE(sp.seen)) < num_online_cpus() &&
	       time_before(jiffies, deadline))
		msleep(10);
	sp.stop = true;
	for (i = 0; i < n; i++)
		wait_for_completion(&oc[i].done);
	KUNIT_EXPECT_EQ(test, hweight_long(sp.seen), num_online_cpus());
}

/* ---- stack overflow ---- */

static volatile int recursion_limit = 1 << 30;	/* far beyond any stack */

static noinline int recurse(int depth)
{
	volatile char pad[256];

	pad[0] = depth;
	if (depth > recursion_limit)
		return 0;
	return recurse(depth + 1) + pad[0];
}

static void overflow(void *unused)
{
	recurse(0);
}

static void smp_stack_overflow_is_reported(struct kunit *test)
{
	/* The guard page below the stack faults, and the fault cannot push
	 * its frame there: a double fault, on its own IST stack. */
	KUNIT_EXPECT_EQ(test, kunit_expect_fault(overflow, NULL, NULL), X86_TRAP_DF);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_all_cpus_online),
	KUNIT_CASE(smp_allocations_follow_the_cpu),
	KUNIT_CASE(smp_completion_from_another_cpu),
	KUNIT_CASE(smp_cross_cpu_stress),
	KUNIT_CASE(smp_load_balancing_spreads),
	KUNIT_CASE(smp_stack_overflow_is_reported),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
