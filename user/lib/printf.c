/*
 * The printf family: front ends that give __vformat() (vfprintf.c) a
 * sink.  Streams and file descriptors get their output through a
 * 256-byte staging buffer, so a short message to unbuffered stderr
 * leaves in one write() and is not interleaved with other processes'.
 *
 * Invariants: snprintf() never writes more than size bytes and always
 * terminates when size > 0; every function returns the number of
 * bytes the full output has, or -1.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

#define STAGE_SIZE 256

struct buf_sink {
	struct __fmt_sink sink;
	char *buf;
	size_t size, len;	/* len may exceed size: output is cut */
};

static void buf_put(struct __fmt_sink *sink, const char *s, size_t n)
{
	struct buf_sink *b = (struct buf_sink *)sink;

	if (b->len < b->size) {
		size_t room = b->size - b->len;

		memcpy(b->buf + b->len, s, n < room ? n : room);
	}
	b->len += n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = {
		.sink.put = buf_put, .buf = buf,
		.size = size ? size - 1 : 0,
	};
	int ret = __vformat(&b.sink, fmt, ap);

	if (size)
		buf[b.len < b.size ? b.len : b.size] = '\0';
	return ret;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsprintf(buf, fmt, ap);
	va_end(ap);
	return ret;
}

/* Output staged in a small buffer, then sent to a stream or an fd. */
struct stage_sink {
	struct __fmt_sink sink;
	FILE *file;		/* or NULL: fd */
	int fd;
	int error;
	size_t len;
	char buf[STAGE_SIZE];
};

static void stage_flush(struct stage_sink *st)
{
	if (st->file) {
		if (fwrite(st->buf, 1, st->len, st->file) != st->len)
			st->error = 1;
	} else if (__write_all(st->fd, st->buf, st->len)) {
		st->error = 1;
	}
	st->len = 0;
}

static void stage_put(struct __fmt_sink *sink, const char *s, size_t n)
{
	struct stage_sink *st = (struct stage_sink *)sink;
	size_t chunk;

	while (n) {
		if (st->len == STAGE_SIZE)
			stage_flush(st);
		chunk = STAGE_SIZE - st->len;
		if (chunk > n)
			chunk = n;
		memcpy(st->buf + st->len, s, chunk);
		st->len += chunk;
		s += chunk;
		n -= chunk;
	}
}

static int stage_run(struct stage_sink *st, const char *fmt, va_list ap)
{
	int ret;

	st->sink.put = stage_put;
	st->error = 0;
	st->len = 0;
	ret = __vformat(&st->sink, fmt, ap);
	stage_flush(st);
	return st->error ? -1 : ret;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct stage_sink st = { .file = f };

	return stage_run(&st, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct stage_sink st = { .fd = fd };

	return stage_run(&st, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(f, fmt, ap);
	va_end(ap);
	return ret;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return ret;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vdprintf(fd, fmt, ap);
	va_end(ap);
	return ret;
}
