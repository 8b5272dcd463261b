/*
 * String to number conversions with Linux's kstrto*() rules; see
 * linux/kstrtox.h.  Overflow is detected, never wrapped.
 */
#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/kstrtox.h>
#include <linux/types.h>

/* A digit's value; 16, too big for any base here, for a non-digit. */
static unsigned int digit_value(char c)
{
	int d = hex_to_bin(c);

	return d < 0 ? 16 : d;
}

/* Base 0: pick it from the prefix; base 16: skip an optional 0x. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16)
			*base = 16;
		else if (s[0] == '0' && s[1])
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return s;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int d;
	const char *start;

	s = parse_base(s, &base);
	for (start = s; (d = digit_value(*s)) < base; s++) {
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, d, &v))
			return -ERANGE;
	}
	if (s == start || (*s && !(s[0] == '\n' && !s[1])))
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > 0xffffffffULL)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = *s == '-';
	int ret = kstrtoull(s + neg, base, &v);

	if (ret)
		return ret;
	if (v > (neg ? 0x80000000ULL : 0x7fffffffULL))
		return -ERANGE;
	*res = neg ? (int)-(long long)v : (int)v;
	return 0;
}
