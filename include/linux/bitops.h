/*
 * Bit counting, as Linux's hweight_long(): written out, since the kernel
 * links no compiler runtime library for __builtin_popcount.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

static inline unsigned int hweight_long(unsigned long w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)	/* clears the lowest set bit */
		n++;
	return n;
}

#endif
