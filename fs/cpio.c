/*
 * A parser for cpio archives in the "newc" format (see linux/initrd.h).
 *
 * It is a pure function of the bytes it is given: it allocates nothing,
 * reads nothing outside [buf, buf + len), writes only the caller's
 * reader and entry, and checks every field before using it, so that a
 * corrupt archive gives -EINVAL and never a wild pointer.  Offsets are
 * size_t and every "does it fit" test is written as a comparison with
 * what is left, so no sum can overflow.  It is built for the host too
 * (tests/host/test_cpio.c), under AddressSanitizer.
 *
 * Locking: none; a reader belongs to its caller.
 */
#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/initrd.h>
#include <linux/string.h>

#define CPIO_NR_FIELDS	13

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len)
{
	r->buf = buf;
	r->len = len;
	r->off = 0;
	r->done = false;
}

/* Eight hex digits at p into *val: 0 or -EINVAL. */
static int parse_hex8(const u8 *p, u32 *val)
{
	u32 v = 0;
	int i, d;

	for (i = 0; i < 8; i++) {
		d = hex_to_bin(p[i]);
		if (d < 0)
			return -EINVAL;
		v = v << 4 | d;
	}
	*val = v;
	return 0;
}

static int parse_header(const u8 *h, struct cpio_entry *e)
{
	u32 f[CPIO_NR_FIELDS];
	int i;

	if (memcmp(h, CPIO_NEWC_MAGIC, 6))
		return -EINVAL;
	for (i = 0; i < CPIO_NR_FIELDS; i++)
		if (parse_hex8(h + 6 + 8 * i, &f[i]))
			return -EINVAL;
	e->ino = f[0];
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->nlink = f[4];
	e->mtime = f[5];
	e->filesize = f[6];
	e->devmajor = f[7];
	e->devminor = f[8];
	e->rdevmajor = f[9];
	e->rdevminor = f[10];
	e->namesize = f[11];
	return 0;		/* f[12], the checksum, is 0 in newc */
}

/* A name with a ".." component (it could climb out of the target). */
static bool name_has_dotdot(const char *name)
{
	const char *p = name;

	while (*p) {
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || !p[2]) &&
		    (p == name || p[-1] == '/'))
			return true;
		p++;
	}
	return false;
}

static int check_name(const struct cpio_entry *e)
{
	if (e->namesize < 2 || e->namesize > CPIO_NAME_MAX)
		return -EINVAL;
	if (memchr(e->name, '\0', e->namesize) != e->name + e->namesize - 1)
		return -EINVAL;
	return name_has_dotdot(e->name) ? -EINVAL : 0;
}

/* Round off up to 4 within len: the result, or len + 1 if beyond. */
static size_t pad4(size_t off, size_t len)
{
	size_t pad = (4 - (off & 3)) & 3;

	return pad > len - off ? len + 1 : off + pad;
}

static int cpio_parse_entry(struct cpio_reader *r, struct cpio_entry *e)
{
	size_t off = r->off, left = r->len - r->off;

	if (left < CPIO_HEADER_SIZE || parse_header(r->buf + off, e))
		return -EINVAL;
	off += CPIO_HEADER_SIZE;
	if (e->namesize > r->len - off)
		return -EINVAL;
	e->name = (const char *)r->buf + off;
	if (check_name(e))
		return -EINVAL;
	if (!strcmp(e->name, CPIO_TRAILER))
		return 0;
	off = pad4(off + e->namesize, r->len);
	if (off > r->len || e->filesize > r->len - off)
		return -EINVAL;
	e->data = r->buf + off;
	off += e->filesize;
	/* The last entry's padding may be cut off: no trailer follows then. */
	off = pad4(off, r->len);
	r->off = off > r->len ? r->len : off;
	return 1;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	int ret;

	if (r->done)
		return 0;
	ret = cpio_parse_entry(r, e);
	if (ret == 0)
		r->done = true;
	return ret;
}

int cpio_validate(const void *buf, size_t len)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int ret, n = 0;

	cpio_reader_init(&r, buf, len);
	while ((ret = cpio_next(&r, &e)) == 1) {
		if (n == 0x7fffffff)
			return -EINVAL;
		n++;
	}
	return ret < 0 ? ret : n;
}
