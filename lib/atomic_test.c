/*
 * Tests of atomic_t, atomic_long_t, xchg()/cmpxchg() and the atomic bit
 * operations (suite "atomic"): what each operation returns and leaves
 * behind, at the edges (0, INT_MAX, values above 32 bits), and counts
 * that stay exact while a thread on every online CPU hammers the same
 * words.  With one CPU the last case still checks the arithmetic; with
 * several, a plain read-modify-write would lose updates there.
 */
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

static void atomic_return_values(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(5);

	KUNIT_EXPECT_EQ(test, atomic_read(&v), 5);
	KUNIT_EXPECT_EQ(test, atomic_inc_return(&v), 6);
	KUNIT_EXPECT_EQ(test, atomic_dec_return(&v), 5);
	KUNIT_EXPECT_EQ(test, atomic_add_return(10, &v), 15);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(20, &v), -5);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add(3, &v), -5); /* old value */
	KUNIT_EXPECT_EQ(test, atomic_fetch_sub(2, &v), -2);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add_relaxed(1, &v), -4);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), -3);
	atomic_inc(&v);
	atomic_add(7, &v);
	atomic_dec(&v);
	atomic_sub(2, &v);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 2);
	atomic_set(&v, 40);
	KUNIT_EXPECT_EQ(test, atomic_read_acquire(&v), 40);
	atomic_set_release(&v, 41);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 41);
}

static void atomic_dec_and_test_at_zero(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(2);

	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&v));
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&v));	/* 1 -> 0 */
	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&v));	/* 0 -> -1 */
	KUNIT_EXPECT_EQ(test, atomic_read(&v), -1);
	atomic_set(&v, 5);
	KUNIT_EXPECT_FALSE(test, atomic_sub_and_test(4, &v));
	KUNIT_EXPECT_TRUE(test, atomic_sub_and_test(1, &v));
}

static void atomic_inc_not_zero_on_zero(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(0);

	KUNIT_EXPECT_FALSE(test, atomic_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0);
	atomic_set(&v, 1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 2);
	KUNIT_EXPECT_FALSE(test, atomic_add_unless(&v, 5, 2));
	KUNIT_EXPECT_TRUE(test, atomic_add_unless(&v, 5, 3));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 7);
}

static void atomic_cmpxchg_and_xchg(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(10);
	int old = 11;

	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 10, 20), 10); /* swapped */
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 20);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 10, 30), 20);	/* not */
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 20);
	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&v, &old, 40));
	KUNIT_EXPECT_EQ(test, old, 20);		/* what it held */
	KUNIT_EXPECT_TRUE(test, atomic_try_cmpxchg(&v, &old, 40));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 40);
	KUNIT_EXPECT_EQ(test, atomic_xchg(&v, -1), 40);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), -1);
}

/* atomic_t wraps like the int it holds (refcount_t is what refuses to). */
static void atomic_wraps_at_int_max(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(INT_MAX);

	KUNIT_EXPECT_EQ(test, atomic_inc_return(&v), INT_MIN);
	KUNIT_EXPECT_EQ(test, atomic_dec_return(&v), INT_MAX);
}

static void atomic_long_holds_64_bits(struct kunit *test)
{
	const long big = 1L << 40;
	atomic_long_t v = ATOMIC_LONG_INIT(big);
	long old = 0;

	KUNIT_EXPECT_EQ(test, atomic_long_inc_return(&v), big + 1);
	KUNIT_EXPECT_EQ(test, atomic_long_add_return(big, &v), 2 * big + 1);
	KUNIT_EXPECT_EQ(test, atomic_long_sub_return(big, &v), big + 1);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_add(1, &v), big + 1);
	KUNIT_EXPECT_EQ(test, atomic_long_fetch_sub(2, &v), big + 2);
	KUNIT_EXPECT_EQ(test, atomic_long_dec_return(&v), big - 1);
	atomic_long_inc(&v);
	atomic_long_add(3, &v);
	atomic_long_dec(&v);
	atomic_long_sub(2, &v);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&v), big);
	KUNIT_EXPECT_EQ(test, atomic_long_cmpxchg(&v, big, 1), big);
	KUNIT_EXPECT_FALSE(test, atomic_long_try_cmpxchg(&v, &old, 2));
	KUNIT_EXPECT_EQ(test, old, 1);
	KUNIT_EXPECT_TRUE(test, atomic_long_dec_and_test(&v));
	KUNIT_EXPECT_FALSE(test, atomic_long_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_long_xchg(&v, big), 0);
	KUNIT_EXPECT_TRUE(test, atomic_long_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_long_read(&v), big + 1);
	atomic_long_set(&v, 0);
	atomic_long_or(0x5, &v);
	atomic_long_andnot(0x4, &v);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&v), 1);
}

static void bitops_set_clear_test(struct kunit *test)
{
	unsigned long map[3] = { 0, 0, 0 };

	set_bit(0, map);
	set_bit(63, map);
	set_bit(64, map);
	set_bit(130, map);
	KUNIT_EXPECT_EQ(test, map[0], 0x8000000000000001UL);
	KUNIT_EXPECT_EQ(test, map[1], 1UL);
	KUNIT_EXPECT_EQ(test, map[2], 4UL);
	KUNIT_EXPECT_TRUE(test, test_bit(63, map));
	KUNIT_EXPECT_TRUE(test, test_bit(130, map));
	KUNIT_EXPECT_FALSE(test, test_bit(129, map));
	clear_bit(63, map);
	clear_bit(130, map);
	clear_bit(5, map);		/* already clear */
	KUNIT_EXPECT_EQ(test, map[0], 1UL);
	KUNIT_EXPECT_EQ(test, map[1], 1UL);
	KUNIT_EXPECT_EQ(test, map[2], 0UL);
	KUNIT_EXPECT_FALSE(test, test_bit(63, map));
}

static void bitops_test_and_set_test(struct kunit *test)
{
	unsigned long map[2] = { 0, 0 };

	KUNIT_EXPECT_FALSE(test, test_and_set_bit(70, map));
	KUNIT_EXPECT_EQ(test, map[1], 1UL << 6);
	KUNIT_EXPECT_TRUE(test, test_and_set_bit(70, map));	/* already set */
	KUNIT_EXPECT_EQ(test, map[1], 1UL << 6);
	KUNIT_EXPECT_FALSE(test, test_and_set_bit_lock(3, map));
	KUNIT_EXPECT_TRUE(test, test_and_set_bit_lock(3, map));
	clear_bit_unlock(3, map);
	KUNIT_EXPECT_EQ(test, map[0], 0UL);
	KUNIT_EXPECT_EQ(test, map[1], 1UL << 6);
}

static void xchg_cmpxchg_on_words(struct kunit *test)
{
	static int a, b;
	int *p = &a;
	unsigned long w = 7;

	KUNIT_EXPECT_PTR_EQ(test, cmpxchg(&p, &a, &b), &a);	/* swapped */
	KUNIT_EXPECT_PTR_EQ(test, p, &b);
	KUNIT_EXPECT_PTR_EQ(test, cmpxchg(&p, &a, NULL), &b);	/* not */
	KUNIT_EXPECT_PTR_EQ(test, p, &b);
	KUNIT_EXPECT_PTR_EQ(test, cmpxchg(&p, &b, NULL), &b);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, xchg(&w, 0UL), 7UL);
	KUNIT_EXPECT_EQ(test, w, 0UL);
}

/* ---- every CPU at once ---- */

#define CPU_LOOPS	20000

static struct {
	int nr_threads;
	atomic_t ready;			/* threads at the start line */
	atomic_t count;			/* atomic_inc()ed by all */
	atomic_t down;			/* counted down to 0 by all */
	atomic_t zero_hits;		/* times down's test was true */
	atomic_long_t long_count;
	unsigned long bits;		/* bit i: thread i, toggled */
} shared;

struct count_thread {
	int bit;
	struct completion done;
};

static int count_thread_fn(void *data)
{
	struct count_thread *t = data;
	int i;

	atomic_inc(&shared.ready);	/* start together, to collide */
	while (atomic_read(&shared.ready) < READ_ONCE(shared.nr_threads))
		cpu_relax();
	for (i = 0; i < CPU_LOOPS; i++) {
		atomic_inc(&shared.count);
		if (atomic_dec_and_test(&shared.down))
			atomic_inc(&shared.zero_hits);
		atomic_long_add(3, &shared.long_count);
		set_bit(t->bit, &shared.bits);
		clear_bit(t->bit, &shared.bits);
	}
	set_bit(t->bit, &shared.bits);
	complete(&t->done);
	return 0;
}

static void atomic_counts_from_every_cpu(struct kunit *test)
{
	static struct count_thread threads[NR_CPUS];
	int cpu, n = 0, i, online = num_online_cpus();

	memset(&shared, 0, sizeof(shared));
	shared.nr_threads = online;
	atomic_set(&shared.down, online * CPU_LOOPS);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_data[cpu].online)
			continue;
		threads[n].bit = n;
		init_completion(&threads[n].done);
		if (!kthread_run_on_cpu(count_thread_fn, &threads[n], cpu,
					"atomic_count"))
			break;
		n++;
	}
	WRITE_ONCE(shared.nr_threads, n);	/* fewer: let those go */
	for (i = 0; i < n; i++)
		wait_for_completion(&threads[i].done);
	KUNIT_ASSERT_EQ(test, n, online);
	KUNIT_EXPECT_EQ(test, atomic_read(&shared.count), n * CPU_LOOPS);
	KUNIT_EXPECT_EQ(test, atomic_read(&shared.down), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&shared.zero_hits), 1);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&shared.long_count),
			3L * n * CPU_LOOPS);
	KUNIT_EXPECT_EQ(test, shared.bits, (1UL << n) - 1);
}

static struct kunit_case atomic_cases[] = {
	KUNIT_CASE(atomic_return_values),
	KUNIT_CASE(atomic_dec_and_test_at_zero),
	KUNIT_CASE(atomic_inc_not_zero_on_zero),
	KUNIT_CASE(atomic_cmpxchg_and_xchg),
	KUNIT_CASE(atomic_wraps_at_int_max),
	KUNIT_CASE(atomic_long_holds_64_bits),
	KUNIT_CASE(bitops_set_clear_test),
	KUNIT_CASE(bitops_test_and_set_test),
	KUNIT_CASE(xchg_cmpxchg_on_words),
	KUNIT_CASE(atomic_counts_from_every_cpu),
	{}
};

static struct kunit_suite atomic_suite = {
	.name = "atomic",
	.test_cases = atomic_cases,
};
kunit_test_suite(atomic_suite);
