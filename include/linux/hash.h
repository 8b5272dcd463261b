/*
 * Multiplicative hashing (Linux's include/linux/hash.h): multiply by a
 * constant near 2^64 / phi and keep the top bits, which mix every bit of
 * the input.  Used to spread objects over a small table of wait queues.
 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

#define GOLDEN_RATIO_64	0x61C8864680B583EBull

/* The top bits (1..64) of val * GOLDEN_RATIO_64. */
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_64((unsigned long)ptr, bits);
}

#endif
