/*
 * vsnprintf and friends: the kernel's printf formatting.
 *
 * Conversions: d i u x X o c s p %, with flags - + space # 0, field
 * width and precision (numbers or *), and the length modifiers hh h l ll
 * z t j.  Numbers follow C99 (7.21.6.1): precision is the minimum number
 * of digits, so "%.0d" of 0 prints nothing; "#" adds 0x/0X to non-zero
 * hex and a leading 0 to octal; "0" is ignored with "-" or a precision.
 * %p prints the full address in hex, like Linux's %px (this kernel does
 * not hash pointers: it has nothing to hide from its students), and
 * %pS / %ps print the kernel symbol "func+0xoff/0xsize" / "func".
 *
 * Every function writes at most size bytes including the terminating
 * NUL, and vsnprintf returns the length the full output would have had.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define LEFT	0x01	/* '-': pad on the right */
#define PLUS	0x02	/* '+': show a plus sign */
#define SPACE	0x04	/* ' ': space where a plus sign would go */
#define SPECIAL	0x08	/* '#': 0x prefix, leading octal 0 */
#define ZEROPAD	0x10	/* '0': pad with zeros */
#define SIGNED	0x20	/* the conversion is signed */
#define SMALL	0x40	/* lower-case hex digits */

struct printf_spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
	char qualifier;		/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j' */
};

/* The output buffer: pos counts every byte, stored or not. */
struct outbuf {
	char *buf;
	size_t size;
	size_t pos;
};

static void put(struct outbuf *out, char c)
{
	if (out->pos < out->size)
		out->buf[out->pos] = c;
	out->pos++;
}

static void put_repeat(struct outbuf *out, char c, int n)
{
	while (n-- > 0)
		put(out, c);
}

static void put_string(struct outbuf *out, const char *s, size_t len,
		       const struct printf_spec *spec)
{
	int pad = spec->width - (int)len;

	if (!(spec->flags & LEFT))
		put_repeat(out, ' ', pad);
	while (len--)
		put(out, *s++);
	if (spec->flags & LEFT)
		put_repeat(out, ' ', pad);
}

static void string(struct outbuf *out, const char *s,
		   const struct printf_spec *spec)
{
	if (!s)
		s = "(null)";
	put_string(out, s, strnlen(s, spec->precision < 0 ?
				      (size_t)-1 : (size_t)spec->precision),
		   spec);
}

static void number(struct outbuf *out, u64 num, bool negative,
		   const struct printf_spec *spec)
{
	const char *digits = spec->flags & SMALL ? "0123456789abcdef" :
						   "0123456789ABCDEF";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int ndigits = 0, nzeros, pad;

	while (num) {
		tmp[ndigits++] = digits[num % spec->base];
		num /= spec->base;
	}
	if (ndigits == 0 && spec->precision != 0)
		tmp[ndigits++] = '0';
	nzeros = spec->precision > ndigits ? spec->precision - ndigits : 0;

	if (spec->flags & SIGNED)
		sign = negative ? '-' : spec->flags & PLUS ? '+' :
		       spec->flags & SPACE ? ' ' : 0;
	if (spec->flags & SPECIAL) {
		if (spec->base == 8 && nzeros == 0 &&
		    (ndigits == 0 || tmp[ndigits - 1] != '0'))
			nzeros = 1;
		else if (spec->base == 16 && ndigits && tmp[ndigits - 1] != '0')
			prefix = spec->flags & SMALL ? "0x" : "0X";
	}

	pad = spec->width - ndigits - nzeros - (sign != 0) - (int)strlen(prefix);
	if ((spec->flags & ZEROPAD) && !(spec->flags & LEFT) &&
	    spec->precision < 0 && pad > 0) {
		nzeros += pad;
		pad = 0;
	}
	if (!(spec->flags & LEFT))
		put_repeat(out, ' ', pad);
	if (sign)
		put(out, sign);
	while (*prefix)
		put(out, *prefix++);
	put_repeat(out, '0', nzeros);
	while (ndigits)
		put(out, tmp[--ndigits]);
	if (spec->flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* %p and its extensions; returns how many extension letters it used. */
static int pointer(struct outbuf *out, const char *ext, void *ptr,
		   struct printf_spec *spec)
{
	char sym[KSYM_SYMBOL_LEN], *plus;

	if (*ext == 'S' || *ext == 's') {
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
		plus = strchr(sym, '+');
		if (*ext == 's' && plus)
			*plus = '\0';
		string(out, sym, spec);
		return 1;
	}
	spec->base = 16;
	spec->flags |= SMALL;
	if (spec->width < 0) {
		spec->width = 2 * sizeof(void *);
		spec->flags |= ZEROPAD;
	}
	number(out, (unsigned long)ptr, false, spec);
	return 0;
}

/* Parses flags, width, precision and length; returns the conversion char. */
static char parse_spec(const char **fmtp, va_list *args,
		       struct printf_spec *spec)
{
	const char *fmt = *fmtp;

	*spec = (struct printf_spec){ .width = -1, .precision = -1, .base = 10 };
	for (;; fmt++) {
		if (*fmt == '-')
			spec->flags |= LEFT;
		else if (*fmt == '+')
			spec->flags |= PLUS;
		else if (*fmt == ' ')
			spec->flags |= SPACE;
		else if (*fmt == '#')
			spec->flags |= SPECIAL;
		else if (*fmt == '0')
			spec->flags |= ZEROPAD;
		else
			break;
	}
	if (*fmt == '*') {
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->flags |= LEFT;
			spec->width = -spec->width;
		}
		fmt++;
	} else {
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			spec->width = (spec->width < 0 ? 0 : spec->width * 10) +
				      (*fmt - '0');
	}
	if (*fmt == '.') {
		fmt++;
		spec->precision = 0;
		if (*fmt == '*') {
			spec->precision = va_arg(*args, int);
			if (spec->precision < 0)
				spec->precision = -1;
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			spec->precision = spec->precision * 10 + (*fmt - '0');
	}
	if (*fmt == 'h' || *fmt == 'l') {
		spec->qualifier = *fmt++;
		if (*fmt == spec->qualifier) {
			spec->qualifier = spec->qualifier == 'h' ? 'H' : 'L';
			fmt++;
		}
	} else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j') {
		spec->qualifier = *fmt++;
	}
	*fmtp = fmt;
	return *fmt;
}

/* Fetches an integer argument of the size the qualifier says. */
static u64 fetch_number(va_list *args, const struct printf_spec *spec,
			bool *negative)
{
	s64 v;

	*negative = false;
	if (!(spec->flags & SIGNED)) {
		switch (spec->qualifier) {
		case 'H': return (unsigned char)va_arg(*args, unsigned int);
		case 'h': return (unsigned short)va_arg(*args, unsigned int);
		case 'l': return va_arg(*args, unsigned long);
		case 'L': return va_arg(*args, unsigned long long);
		case 'z': return va_arg(*args, size_t);
		case 't': return va_arg(*args, ptrdiff_t);
		case 'j': return va_arg(*args, uintmax_t);
		default:  return va_arg(*args, unsigned int);
		}
	}
	switch (spec->qualifier) {
	case 'H': v = (signed char)va_arg(*args, int); break;
	case 'h': v = (short)va_arg(*args, int); break;
	case 'l': v = va_arg(*args, long); break;
	case 'L': v = va_arg(*args, long long); break;
	case 'z': v = va_arg(*args, ssize_t); break;
	case 't': v = va_arg(*args, ptrdiff_t); break;
	case 'j': v = va_arg(*args, intmax_t); break;
	default:  v = va_arg(*args, int); break;
	}
	*negative = v < 0;
	return *negative ? -(u64)v : (u64)v;
}

/* One conversion; returns false for one it does not know. */
static bool convert(struct outbuf *out, const char **fmtp, char conv,
		    va_list *args, struct printf_spec *spec)
{
	bool negative;
	u64 num;
	char c;

	switch (conv) {
	case 'c':
		c = (char)va_arg(*args, int);
		spec->precision = -1;
		put_string(out, &c, 1, spec);
		return true;
	case 's':
		string(out, va_arg(*args, const char *), spec);
		return true;
	case 'p':
		*fmtp += pointer(out, *fmtp + 1, va_arg(*args, void *), spec);
		return true;
	case '%':
		put(out, '%');
		return true;
	case 'd':
	case 'i':
		spec->flags |= SIGNED;
		break;
	case 'u':
		break;
	case 'x':
		spec->flags |= SMALL;
		/* fall through */
	case 'X':
		spec->base = 16;
		break;
	case 'o':
		spec->base = 8;
		break;
	default:
		return false;
	}
	num = fetch_number(args, spec, &negative);
	number(out, num, negative, spec);
	return true;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf out = { .buf = buf, .size = size, .pos = 0 };
	struct printf_spec spec;
	const char *start;
	va_list ap;
	char conv;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&out, *fmt);
			continue;
		}
		start = fmt++;
		conv = parse_spec(&fmt, &ap, &spec);
		if (!conv) {
			fmt--;			/* a lone '%' ends the format */
			continue;
		}
		if (!convert(&out, &fmt, conv, &ap, &spec))
			while (start <= fmt)	/* unknown: print it as text */
				put(&out, *start++);
	}
	va_end(ap);
	if (size)
		buf[out.pos < size ? out.pos : size - 1] = '\0';
	return out.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Like vsnprintf, but returns the number of bytes actually stored. */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
