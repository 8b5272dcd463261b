/*
 * Atomic counters, as in Linux: atomic_t wraps an int and atomic_long_t
 * a long, so that a counter shared between CPUs can only be reached
 * through these functions, never by a plain "x++" that another CPU's
 * update would be lost in.  Also xchg() and cmpxchg() on a plain word
 * or pointer.  This header is the one place the compiler's __atomic
 * builtins are used (the spinlock has its own, in linux/spinlock.h).
 *
 * Ordering (Linux's Documentation/atomic_t.txt, in short):
 *  - atomic_read() and atomic_set() are plain, untorn loads and stores
 *    with no ordering; atomic_read_acquire() keeps later accesses after
 *    it, atomic_set_release() earlier ones before it.
 *  - Operations that return nothing (atomic_inc(), atomic_add(),
 *    atomic_long_or()...) are atomic but unordered: other memory
 *    accesses may pass them.  Put smp_mb__before_atomic() or
 *    smp_mb__after_atomic() (asm/barrier.h) beside one to order it.
 *  - Operations that return a value (atomic_inc_return(),
 *    atomic_dec_and_test(), atomic_fetch_add(), atomic_cmpxchg(),
 *    xchg()...) are fully ordered, as if an smp_mb() stood on each side,
 *    unless their name says _relaxed.  A failed cmpxchg orders nothing.
 *
 * So the last atomic_dec_and_test() of a reference count sees every
 * store other CPUs made before their own decrement, and can free the
 * object.
 *
 * Locking: none; an atomic_t needs no lock, and a field that is one
 * is marked (A) in its struct's legend.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <asm/barrier.h>
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

/* ---- atomic_t ---- */

static __always_inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline int atomic_read_acquire(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);
}

static __always_inline void atomic_set_release(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);
}

static __always_inline void atomic_add(int i, atomic_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline void atomic_sub(int i, atomic_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

static __always_inline void atomic_dec(atomic_t *v)
{
	atomic_sub(1, v);
}

/* The value before the addition. */
static __always_inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline int atomic_fetch_add_relaxed(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline int atomic_fetch_sub(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

/* The value after the addition. */
static __always_inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline int atomic_inc_return(atomic_t *v)
{
	return atomic_add_return(1, v);
}

static __always_inline int atomic_dec_return(atomic_t *v)
{
	return atomic_sub_return(1, v);
}

/* True when the decrement brought the counter to 0. */
static __always_inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_dec_return(v) == 0;
}

static __always_inline bool atomic_sub_and_test(int i, atomic_t *v)
{
	return atomic_sub_return(i, v) == 0;
}

/* Store new if the counter holds old; returns what it held. */
static __always_inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
	return old;
}

/* atomic_cmpxchg() for a loop: on failure *old becomes what it held. */
static __always_inline bool atomic_try_cmpxchg(atomic_t *v, int *old, int new)
{
	return __atomic_compare_exchange_n(&v->counter, old, new, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}

static __always_inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

/* Add a unless the counter is u; true if it added. */
static __always_inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	do {
		if (c == u)
			return false;
	} while (!atomic_try_cmpxchg(v, &c, c + a));
	return true;
}

/* Take a reference unless the count already fell to 0. */
static __always_inline bool atomic_inc_not_zero(atomic_t *v)
{
	return atomic_add_unless(v, 1, 0);
}

/* ---- atomic_long_t: the same on a long ---- */

static __always_inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline void atomic_long_add(long i, atomic_long_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline void atomic_long_sub(long i, atomic_long_t *v)
{
	__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline void atomic_long_inc(atomic_long_t *v)
{
	atomic_long_add(1, v);
}

static __always_inline void atomic_long_dec(atomic_long_t *v)
{
	atomic_long_sub(1, v);
}

/* Bit operations on the word, unordered (linux/bitops.h is built on them). */
static __always_inline void atomic_long_or(long i, atomic_long_t *v)
{
	__atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED);
}

static __always_inline void atomic_long_andnot(long i, atomic_long_t *v)
{
	__atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELAXED);
}

/* The same, returning the old value; fully ordered. */
static __always_inline long atomic_long_fetch_or(long i, atomic_long_t *v)
{
	return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST);
}

/* Clear the bits of i with release ordering: earlier accesses stay before. */
static __always_inline void atomic_long_andnot_release(long i, atomic_long_t *v)
{
	__atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELEASE);
}

static __always_inline long atomic_long_fetch_add(long i, atomic_long_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline long atomic_long_fetch_sub(long i, atomic_long_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline long atomic_long_add_return(long i, atomic_long_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline long atomic_long_sub_return(long i, atomic_long_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static __always_inline long atomic_long_inc_return(atomic_long_t *v)
{
	return atomic_long_add_return(1, v);
}

static __always_inline long atomic_long_dec_return(atomic_long_t *v)
{
	return atomic_long_sub_return(1, v);
}

static __always_inline bool atomic_long_dec_and_test(atomic_long_t *v)
{
	return atomic_long_dec_return(v) == 0;
}

static __always_inline long atomic_long_cmpxchg(atomic_long_t *v, long old,
						long new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
	return old;
}

static __always_inline bool atomic_long_try_cmpxchg(atomic_long_t *v,
						    long *old, long new)
{
	return __atomic_compare_exchange_n(&v->counter, old, new, false,
					   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}

static __always_inline long atomic_long_xchg(atomic_long_t *v, long new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

static __always_inline bool atomic_long_add_unless(atomic_long_t *v, long a,
						   long u)
{
	long c = atomic_long_read(v);

	do {
		if (c == u)
			return false;
	} while (!atomic_long_try_cmpxchg(v, &c, c + a));
	return true;
}

static __always_inline bool atomic_long_inc_not_zero(atomic_long_t *v)
{
	return atomic_long_add_unless(v, 1, 0);
}

/* ---- any aligned word or pointer (Linux's asm/cmpxchg.h) ---- */

/* Store v in *ptr; returns the old value.  Fully ordered. */
#define xchg(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)

/* Store new in *ptr if it holds old; returns what it held.  Fully ordered. */
#define cmpxchg(ptr, old, new) ({					\
	typeof(*(ptr)) __old = (old);					\
	__atomic_compare_exchange_n((ptr), &__old, (new), false,	\
				    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);\
	__old;								\
})

#endif
