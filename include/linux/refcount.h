/*
 * refcount_t: a reference count that refuses to wrap, as in Linux.
 *
 * For an object freed when its count falls to 0: the count starts at 1
 * (refcount_set()), each user takes a reference with refcount_inc() and
 * drops it with refcount_dec_and_test(), and whoever sees that return
 * true frees the object.  A plain atomic_t would let a bug (one put too
 * many, or a count overflowing after 2^31 gets) bring the count back
 * through 0 and free the object while it is still in use.  Instead, any
 * operation that finds the count where it cannot legitimately be
 * (0 before an increment, 0 or less before a decrement, about to
 * overflow) sets it to REFCOUNT_SATURATED and reports once with a
 * backtrace (lib/refcount.c).  A saturated count stays negative, far
 * from both 0 and overflow, so the object is never freed (it leaks)
 * and later misuse of it goes unnoticed but harmless.
 *
 * Ordering: refcount_inc() and refcount_add() are unordered (taking a
 * reference publishes nothing); refcount_dec_and_test() and the other
 * decrements are fully ordered, so the one that frees sees every store
 * the other holders made; refcount_inc_not_zero() is fully ordered when
 * it succeeds.  Locking: none.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n) }
#define REFCOUNT_MAX		INT_MAX
#define REFCOUNT_SATURATED	(INT_MIN / 2)

/* What refcount_warn_saturate() reports. */
enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,	/* inc_not_zero overflowed */
	REFCOUNT_ADD_OVF,		/* inc overflowed */
	REFCOUNT_ADD_UAF,		/* inc of a freed object (count 0) */
	REFCOUNT_SUB_UAF,		/* dec below 0 */
	REFCOUNT_DEC_LEAK,		/* refcount_dec() to 0: never freed */
};

/* Saturate r and report what went wrong, once per kind (lib/refcount.c). */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

/* Add i (> 0) unless the count is 0; false when it was 0. */
static inline bool refcount_add_not_zero(int i, refcount_t *r)
{
	int old = atomic_read(&r->refs);

	do {
		if (!old)
			break;
		/* Unsigned: an overflow wraps, and is caught below. */
	} while (!atomic_try_cmpxchg(&r->refs, &old, (unsigned int)old + i));
	if (unlikely(old < 0 || old > REFCOUNT_MAX - i))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old != 0;
}

/* Take a reference unless the object is already on its way to be freed. */
static inline bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

/* Add i (> 0); the caller must already hold a reference. */
static inline void refcount_add(int i, refcount_t *r)
{
	int old = atomic_fetch_add_relaxed(i, &r->refs);

	if (unlikely(!old))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || old > REFCOUNT_MAX - i))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/* Drop i references; true when they were the last (free the object). */
static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
	int old = atomic_fetch_sub(i, &r->refs);

	if (old == i)
		return true;
	if (unlikely(old < i))
		refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
	return false;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/* Drop a reference that is known not to be the last one. */
static inline void refcount_dec(refcount_t *r)
{
	if (unlikely(atomic_fetch_sub(1, &r->refs) <= 1))
		refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

#endif
