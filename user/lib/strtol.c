/*
 * String to number: strtoull() does the work (C's rules: leading
 * white space, an optional sign, a 0x/0X prefix for base 16 or 0, a
 * leading 0 meaning octal for base 0, digits up to base 36); the signed
 * and narrower forms clamp on overflow and set ERANGE.
 *
 * Invariants: *end points just past the last digit used, or at the
 * start of the string when no digit was found; errno is touched only
 * on overflow or a bad base.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 36;
}

/* Skip the 0x prefix only when a hex digit follows it. */
static const char *skip_prefix(const char *s, int *base)
{
	int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		  digit_value((unsigned char)s[2]) < 16;

	if ((*base == 0 || *base == 16) && hex) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/*
 * The magnitude, with its sign in *neg; *overflow when it does not fit
 * in 64 bits.
 */
static unsigned long long parse(const char *s, char **end, int base,
				int *neg, int *overflow)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int d;

	*neg = *overflow = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	p = digits = skip_prefix(p, &base);
	for (; (d = digit_value((unsigned char)*p)) < base; p++) {
		if (v > (ULLONG_MAX - d) / base)
			*overflow = 1;
		v = v * base + d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	return v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

long long strtoll(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = parse(s, end, base, &neg, &overflow);

	if (!neg && (overflow || v > LLONG_MAX)) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	if (neg && (overflow || v > (unsigned long long)LLONG_MAX + 1)) {
		errno = ERANGE;
		return LLONG_MIN;
	}
	return neg ? (long long)-v : (long long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

long strtol(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
