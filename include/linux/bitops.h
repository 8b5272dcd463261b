/*
 * Bit operations on arrays of unsigned long, as in Linux: bit nr is bit
 * nr % BITS_PER_LONG of word nr / BITS_PER_LONG.
 *
 * set_bit() and clear_bit() are atomic, so CPUs may change different
 * bits of one word at once without losing each other's updates; like
 * the atomic_t operations that return nothing they are unordered (put
 * smp_mb__after_atomic() after one that must be seen before a later
 * access).  test_bit() is a plain read.
 *
 * test_and_set_bit() returns the bit's old value and is fully ordered,
 * so it can take a bit lock (test_and_set_bit_lock(), Linux's name for
 * the acquire); clear_bit_unlock() releases one: every access before it
 * is seen before the bit is clear.
 *
 * hweight_long() counts bits, written out since the kernel links no
 * compiler runtime library for __builtin_popcount; fls() finds the
 * highest set bit (__builtin_clz is one instruction, bsr or lzcnt).
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/atomic.h>

#define BITS_PER_LONG	(8 * sizeof(unsigned long))
#define BIT_WORD(nr)	((nr) / BITS_PER_LONG)
#define BIT_MASK(nr)	(1UL << ((nr) % BITS_PER_LONG))

static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	atomic_long_or(BIT_MASK(nr), (atomic_long_t *)&addr[BIT_WORD(nr)]);
}

static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	atomic_long_andnot(BIT_MASK(nr), (atomic_long_t *)&addr[BIT_WORD(nr)]);
}

static inline bool test_and_set_bit(unsigned int nr,
				    volatile unsigned long *addr)
{
	long old = atomic_long_fetch_or(BIT_MASK(nr),
				(atomic_long_t *)&addr[BIT_WORD(nr)]);

	return (old & BIT_MASK(nr)) != 0;
}

static inline bool test_and_set_bit_lock(unsigned int nr,
					 volatile unsigned long *addr)
{
	return test_and_set_bit(nr, addr);
}

static inline void clear_bit_unlock(unsigned int nr,
				    volatile unsigned long *addr)
{
	atomic_long_andnot_release(BIT_MASK(nr),
				   (atomic_long_t *)&addr[BIT_WORD(nr)]);
}

static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;
}

static inline unsigned int hweight_long(unsigned long w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)	/* clears the lowest set bit */
		n++;
	return n;
}

/* The highest set bit, counted from 1; 0 when none (Linux's fls()). */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

#endif
