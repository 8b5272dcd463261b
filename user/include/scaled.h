/*
 * Numbers with a k, m or g suffix (times 2^10, 2^20, 2^30), as head -c
 * and hexdump -n/-s take them: not part of the C library, a helper of
 * those programs kept in one place.
 */
#ifndef _SCALED_H
#define _SCALED_H

#include <errno.h>
#include <stdlib.h>

/*
 * s in base (10, or 0 for C's 0x and 0 prefixes) with an optional
 * suffix into *n: 0, or -1 if s is malformed or the value exceeds max.
 */
static inline int parse_scaled(const char *s, int base,
			       unsigned long long max, unsigned long long *n)
{
	unsigned long long v;
	char *end;
	int shift = 0;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (*end == 'k' || *end == 'K')
		shift = 10;
	else if (*end == 'm' || *end == 'M')
		shift = 20;
	else if (*end == 'g' || *end == 'G')
		shift = 30;
	if (shift)
		end++;
	if (errno || *end || v > (max >> shift))
		return -1;
	*n = v << shift;
	return 0;
}

#endif
