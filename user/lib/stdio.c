/*
 * Buffered streams (FILE) over file descriptors.
 *
 * A stream is in one of two states: reading (unread input is
 * buf[rpos, rend)) or writing (pending output is buf[0, wlen)); it
 * switches by flushing pending output or by giving unread input back
 * with lseek().  The buffering mode is fixed at the first I/O unless
 * setvbuf() chose it: stderr unbuffered, a terminal line-buffered,
 * anything else fully buffered.  Before a stream reads from its file,
 * a line-buffered stdout is flushed, so prompts appear.
 *
 * Invariants: at most one of (rend > rpos) and (wlen > 0) holds; every
 * open stream is on the all_files list, which exit() flushes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define F_READ		0x01	/* opened for reading */
#define F_WRITE		0x02	/* opened for writing */
#define F_EOF		0x04
#define F_ERR		0x08
#define F_MODE_SET	0x10	/* bufmode decided */
#define F_OWN_BUF	0x20	/* buf came from malloc() */
#define F_STATIC	0x40	/* stdin, stdout, stderr: never freed */

struct __file {
	int fd;
	int flags;
	int bufmode;		/* _IOFBF, _IOLBF, _IONBF */
	unsigned char *buf;
	size_t size;
	size_t rpos, rend;	/* reading */
	size_t wlen;		/* writing */
	int ungot;		/* a byte from ungetc(), or EOF */
	unsigned char onebyte;	/* the buffer of an unbuffered reader */
	struct __file *next;	/* all_files */
};

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE std_files[3] = {
	{ .fd = 0, .flags = F_READ | F_STATIC, .buf = stdin_buf,
	  .size = BUFSIZ, .ungot = EOF, .next = &std_files[1] },
	{ .fd = 1, .flags = F_WRITE | F_STATIC, .buf = stdout_buf,
	  .size = BUFSIZ, .ungot = EOF, .next = &std_files[2] },
	{ .fd = 2, .flags = F_WRITE | F_STATIC | F_MODE_SET,
	  .bufmode = _IONBF, .ungot = EOF },
};

FILE *stdin = &std_files[0];
FILE *stdout = &std_files[1];
FILE *stderr = &std_files[2];

static FILE *all_files = &std_files[0];

/* Decide the buffering mode, and find a buffer if one is needed. */
static void stream_setup(FILE *f)
{
	if (!(f->flags & F_MODE_SET)) {
		f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
		f->flags |= F_MODE_SET;
	}
	if (f->bufmode == _IONBF) {
		f->buf = &f->onebyte;
		f->size = 1;
	} else if (!f->buf) {
		f->buf = malloc(BUFSIZ);
		if (f->buf) {
			f->size = BUFSIZ;
			f->flags |= F_OWN_BUF;
		} else {
			f->bufmode = _IONBF;
		}
	}
}

int __write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

static int write_all(FILE *f, const unsigned char *p, size_t n)
{
	if (!__write_all(f->fd, p, n))
		return 0;
	f->flags |= F_ERR;
	return EOF;
}

/*
 * Give unread input back to the file, so its offset is the stream's.
 * On a pipe or terminal that is impossible: with keep the input stays
 * buffered (fflush), otherwise it is dropped (switching to writing).
 */
static void drop_input(FILE *f, int keep)
{
	size_t unread = f->rend - f->rpos + (f->ungot != EOF);

	if (unread && lseek(f->fd, -(off_t)unread, SEEK_CUR) < 0 && keep)
		return;
	f->rpos = f->rend = 0;
	f->ungot = EOF;
}

static int flush_output(FILE *f)
{
	size_t n = f->wlen;

	f->wlen = 0;
	return write_all(f, f->buf, n);
}

int fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = all_files; f; f = f->next)
			if (f->wlen && flush_output(f))
				ret = EOF;
		return ret;
	}
	if (f->wlen)
		return flush_output(f);
	if (f->rend > f->rpos || f->ungot != EOF)
		drop_input(f, 1);
	return 0;
}

void __stdio_flush_all(void)
{
	FILE *f;

	for (f = all_files; f; f = f->next)
		if (f->wlen)
			flush_output(f);
}

/* Append n bytes to f; 0 or EOF. */
static int stream_write(FILE *f, const void *s, size_t n)
{
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->rend > f->rpos || f->ungot != EOF)
		drop_input(f, 0);
	stream_setup(f);
	if (f->bufmode == _IONBF)
		return write_all(f, s, n);
	if (f->wlen + n > f->size) {
		if (flush_output(f))
			return EOF;
		if (n >= f->size)
			return write_all(f, s, n);
	}
	memcpy(f->buf + f->wlen, s, n);
	f->wlen += n;
	if (f->bufmode == _IOLBF && memchr(s, '\n', n))
		return flush_output(f);
	return 0;
}

/* Refill the input buffer: 1 with data, 0 at end of file, EOF on error. */
static int stream_fill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->flags & F_EOF)
		return 0;
	if (f->wlen && flush_output(f))
		return EOF;
	stream_setup(f);
	if (stdout->bufmode == _IOLBF && stdout->wlen)
		flush_output(stdout);
	do {
		n = read(f->fd, f->buf, f->size);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
		f->flags |= F_ERR;
		return EOF;
	}
	if (n == 0) {
		f->flags |= F_EOF;
		return 0;
	}
	f->rpos = 0;
	f->rend = n;
	return 1;
}

int fgetc(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rend && stream_fill(f) <= 0)
		return EOF;
	return f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return f->ungot;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	unsigned char *p = buf;
	size_t want, i;
	int c;

	if (!size || !n)
		return 0;
	want = size * n;
	for (i = 0; i < want; i++) {
		if (f->rpos < f->rend && f->ungot == EOF) {
			size_t chunk = f->rend - f->rpos;

			if (chunk > want - i)
				chunk = want - i;
			memcpy(p + i, f->buf + f->rpos, chunk);
			f->rpos += chunk;
			i += chunk - 1;
			continue;
		}
		c = fgetc(f);
		if (c == EOF)
			break;
		p[i] = c;
	}
	return i / size;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	if (!size || !n)
		return 0;
	return stream_write(f, buf, size * n) ? 0 : n;
}

char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && c != '\n') {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[i++] = c;
	}
	s[i] = '\0';
	return i ? s : NULL;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	size_t len = 0;
	int c;

	do {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (len + 2 > *cap) {
			size_t ncap = *cap < 64 ? 128 : *cap * 2;
			char *p = realloc(*line, ncap);

			if (!p)
				return -1;
			*line = p;
			*cap = ncap;
		}
		(*line)[len++] = c;
	} while (c != '\n');
	if (!len)
		return -1;
	(*line)[len] = '\0';
	return len;
}

int fputc(int c, FILE *f)
{
	unsigned char b = c;

	return stream_write(f, &b, 1) ? EOF : b;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	return stream_write(f, s, strlen(s)) ? EOF : 0;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return fputc('\n', stdout) == EOF ? EOF : 0;
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode < _IOFBF || mode > _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	if (f->flags & F_OWN_BUF)
		free(f->buf);
	f->flags = (f->flags & ~F_OWN_BUF) | F_MODE_SET;
	f->bufmode = mode;
	if (mode == _IONBF) {
		f->buf = &f->onebyte;
		f->size = 1;
	} else if (buf && size) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	} else {
		f->buf = f == stdin ? stdin_buf : f == stdout ? stdout_buf :
			 NULL;
		f->size = f->buf ? BUFSIZ : 0;
	}
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *f)
{
	return f->fd;
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

/* fopen's mode string as open() flags, or -1. */
static int mode_flags(const char *mode, int *sflags)
{
	int flags;

	switch (*mode++) {
	case 'r':
		flags = O_RDONLY;
		*sflags = F_READ;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		*sflags = F_WRITE;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		*sflags = F_WRITE;
		break;
	default:
		return -1;
	}
	for (; *mode; mode++) {
		if (*mode == '+') {
			flags = (flags & ~O_ACCMODE) | O_RDWR;
			*sflags = F_READ | F_WRITE;
		} else if (*mode == 'x') {
			flags |= O_EXCL;
		} else if (*mode == 'e') {
			flags |= O_CLOEXEC;
		}
	}
	return flags;
}

static FILE *stream_new(int fd, int sflags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->fd = fd;
	f->flags = sflags;
	f->ungot = EOF;
	f->next = all_files;
	all_files = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	int sflags, fd, flags = mode_flags(mode, &sflags);
	FILE *f;

	if (flags < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = stream_new(fd, sflags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int sflags;

	if (mode_flags(mode, &sflags) < 0) {
		errno = EINVAL;
		return NULL;
	}
	return stream_new(fd, sflags);
}

static void stream_unlink(FILE *f)
{
	FILE **pp;

	for (pp = &all_files; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			return;
		}
	}
}

int fclose(FILE *f)
{
	int ret = 0;

	if (f->wlen && flush_output(f))
		ret = EOF;
	if (close(f->fd) < 0)
		ret = EOF;
	if (f->flags & F_OWN_BUF)
		free(f->buf);
	if (f->flags & F_STATIC) {
		f->flags = (f->flags & ~F_OWN_BUF) | F_ERR;
		f->wlen = f->rpos = f->rend = 0;
		return ret;
	}
	stream_unlink(f);
	free(f);
	return ret;
}

int fseek(FILE *f, long offset, int whence)
{
	if (f->wlen && flush_output(f))
		return -1;
	if (whence == SEEK_CUR)
		offset -= f->rend - f->rpos + (f->ungot != EOF);
	f->rpos = f->rend = 0;
	f->ungot = EOF;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos - (f->rend - f->rpos) - (f->ungot != EOF) + f->wlen;
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	clearerr(f);
}

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	return rmdir(path);
}
