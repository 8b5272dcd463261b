/*
 * The printf engine: __vformat() walks a format string and hands every
 * piece of output to a sink (a buffer for snprintf, a stream for
 * fprintf).  C99 conversions d i u o x X c s p n %, the flags - + space
 * # 0, field width and precision (also as *), and the length modifiers
 * hh h l ll j z t (and L, q as ll).  Floating-point conversions are
 * not implemented: they are copied to the output as written.
 *
 * Invariants: the return value counts every byte given to the sink,
 * so snprintf() can report the length it would have needed; a
 * conversion the engine does not know consumes no argument.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <string.h>
#include "internal.h"

enum { FL_LEFT = 1, FL_PLUS = 2, FL_SPACE = 4, FL_ALT = 8, FL_ZERO = 16 };
enum { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T };

struct spec {
	int flags;
	int width;		/* 0: none */
	int prec;		/* -1: none */
	int len;		/* LEN_* */
	char conv;
};

struct out {
	struct __fmt_sink *sink;
	size_t count;
};

static void emit(struct out *o, const char *s, size_t n)
{
	if (n) {
		o->sink->put(o->sink, s, n);
		o->count += n;
	}
}

static void pad(struct out *o, char c, int n)
{
	char chunk[32];

	memset(chunk, c, sizeof(chunk));
	for (; n > 0; n -= sizeof(chunk))
		emit(o, chunk, n < (int)sizeof(chunk) ? n : sizeof(chunk));
}

static const char *parse_flags(const char *p, struct spec *s)
{
	for (;; p++) {
		switch (*p) {
		case '-': s->flags |= FL_LEFT; break;
		case '+': s->flags |= FL_PLUS; break;
		case ' ': s->flags |= FL_SPACE; break;
		case '#': s->flags |= FL_ALT; break;
		case '0': s->flags |= FL_ZERO; break;
		default: return p;
		}
	}
}

static const char *parse_number(const char *p, int *n)
{
	long v = 0;

	while (*p >= '0' && *p <= '9') {
		if (v <= INT_MAX)
			v = v * 10 + (*p - '0');
		p++;
	}
	*n = v > INT_MAX ? INT_MAX : (int)v;
	return p;
}

/* Width and precision, either may be "*": a negative * width means "-". */
static const char *parse_width_prec(const char *p, struct spec *s,
				    va_list *ap)
{
	if (*p == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) {
			s->flags |= FL_LEFT;
			s->width = s->width == INT_MIN ? INT_MAX : -s->width;
		}
		p++;
	} else {
		p = parse_number(p, &s->width);
	}
	if (*p != '.')
		return p;
	p++;
	if (*p == '*') {
		s->prec = va_arg(*ap, int);
		if (s->prec < 0)
			s->prec = -1;
		return p + 1;
	}
	if (*p == '-') {		/* "%.-3d": taken as no precision */
		p = parse_number(p + 1, &s->prec);
		s->prec = -1;
		return p;
	}
	return parse_number(p, &s->prec);
}

static const char *parse_length(const char *p, struct spec *s)
{
	s->len = LEN_INT;
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			s->len = LEN_HH;
			return p + 2;
		}
		s->len = LEN_H;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			s->len = LEN_LL;
			return p + 2;
		}
		s->len = LEN_L;
		return p + 1;
	case 'L':
	case 'q':
		s->len = LEN_LL;
		return p + 1;
	case 'j':
		s->len = LEN_J;
		return p + 1;
	case 'z':
		s->len = LEN_Z;
		return p + 1;
	case 't':
		s->len = LEN_T;
		return p + 1;
	}
	return p;
}

/* The signed argument of a d or i conversion, widened to 64 bits. */
static long long arg_signed(const struct spec *s, va_list *ap)
{
	switch (s->len) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_INT: return va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_J: return va_arg(*ap, intmax_t);
	case LEN_Z: return va_arg(*ap, ssize_t);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, long long);
	}
}

static unsigned long long arg_unsigned(const struct spec *s, va_list *ap)
{
	switch (s->len) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_INT: return va_arg(*ap, unsigned int);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_J: return va_arg(*ap, uintmax_t);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, unsigned long long);
	}
}

/* Digits of v in base, least significant last; returns how many. */
static int to_digits(char *buf, unsigned long long v, int base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, i;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

/*
 * One integer: [spaces][sign or 0x][zeros][digits][spaces].  neg says
 * v is the magnitude of a negative number.
 */
static void format_int(struct out *o, const struct spec *s,
		       unsigned long long v, int neg)
{
	int base = s->conv == 'o' ? 8 : (s->conv == 'x' || s->conv == 'X' ||
					 s->conv == 'p') ? 16 : 10;
	char digits[24], prefix[4] = "";
	int nd = 0, zeros, plen, total;

	if (v != 0 || s->prec != 0)
		nd = to_digits(digits, v, base, s->conv == 'X');
	zeros = s->prec > nd ? s->prec - nd : 0;
	if (s->conv == 'd' || s->conv == 'i' || s->conv == 'p')
		prefix[0] = neg ? '-' : (s->flags & FL_PLUS) ? '+' :
			    (s->flags & FL_SPACE) ? ' ' : '\0';
	if (s->conv == 'o' && (s->flags & FL_ALT) && zeros == 0 &&
	    (nd == 0 || digits[0] != '0'))
		zeros = 1;
	if ((s->flags & FL_ALT) && base == 16 && v != 0)
		strcat(prefix, s->conv == 'X' ? "0X" : "0x");
	plen = strlen(prefix);
	if ((s->flags & (FL_ZERO | FL_LEFT)) == FL_ZERO && s->prec < 0 &&
	    s->width > plen + nd + zeros)
		zeros = s->width - plen - nd;
	total = plen + zeros + nd;
	if (!(s->flags & FL_LEFT))
		pad(o, ' ', s->width - total);
	emit(o, prefix, plen);
	pad(o, '0', zeros);
	emit(o, digits, nd);
	if (s->flags & FL_LEFT)
		pad(o, ' ', s->width - total);
}

/* n bytes of str, padded with spaces to the width. */
static void format_field(struct out *o, const struct spec *s, const char *str,
			 int n)
{
	if (!(s->flags & FL_LEFT))
		pad(o, ' ', s->width - n);
	emit(o, str, n);
	if (s->flags & FL_LEFT)
		pad(o, ' ', s->width - n);
}

/* A string field: at most prec bytes of str, padded to the width. */
static void format_str(struct out *o, const struct spec *s, const char *str)
{
	int n = s->prec >= 0 ? (int)strnlen(str, s->prec) : (int)strlen(str);

	format_field(o, s, str, n);
}

static void store_count(const struct spec *s, size_t count, va_list *ap)
{
	void *p = va_arg(*ap, void *);

	switch (s->len) {
	case LEN_HH: *(signed char *)p = count; break;
	case LEN_H: *(short *)p = count; break;
	case LEN_INT: *(int *)p = count; break;
	case LEN_Z: *(size_t *)p = count; break;
	default: *(long long *)p = count; break;
	}
}

/* Format one conversion; 0 if the conversion is unknown. */
static int convert(struct out *o, struct spec *s, va_list *ap)
{
	long long sv;
	char c;
	const char *str;
	void *ptr;

	switch (s->conv) {
	case 'd':
	case 'i':
		sv = arg_signed(s, ap);
		format_int(o, s, sv < 0 ? -(unsigned long long)sv : sv, sv < 0);
		return 1;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		format_int(o, s, arg_unsigned(s, ap), 0);
		return 1;
	case 'c':
		c = (char)va_arg(*ap, int);
		format_field(o, s, &c, 1);
		return 1;
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)
			str = (s->prec < 0 || s->prec >= 6) ? "(null)" : "";
		format_str(o, s, str);
		return 1;
	case 'p':
		ptr = va_arg(*ap, void *);
		if (!ptr) {
			s->prec = -1;
			format_str(o, s, "(nil)");
			return 1;
		}
		s->flags |= FL_ALT;
		format_int(o, s, (uintptr_t)ptr, 0);
		return 1;
	case 'n':
		store_count(s, o->count, ap);
		return 1;
	case '%':
		emit(o, "%", 1);
		return 1;
	}
	return 0;
}

int __vformat(struct __fmt_sink *sink, const char *fmt, va_list ap)
{
	struct out o = { .sink = sink };
	const char *p = fmt, *start;
	struct spec s;
	va_list args;

	va_copy(args, ap);
	while (*p) {
		start = p;
		while (*p && *p != '%')
			p++;
		emit(&o, start, p - start);
		if (!*p)
			break;
		start = p++;
		s = (struct spec){ .prec = -1 };
		p = parse_flags(p, &s);
		p = parse_width_prec(p, &s, &args);
		p = parse_length(p, &s);
		s.conv = *p;
		if (*p)
			p++;
		if (!convert(&o, &s, &args))
			emit(&o, start, p - start);
	}
	va_end(args);
	if (o.count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o.count;
}
