/*
 * The kernel log's ring of records: store, walk and format (the layout
 * and its invariants are in printk_ringbuffer.h).
 *
 * Free space: while the ring has wrapped (next_idx < first_idx) the only
 * free bytes lie between the two; otherwise the bytes after next_idx or,
 * when a record does not fit there, those before first_idx.  A record
 * always needs a header's worth more than its size, so that a wrap
 * header fits after it.  This is Linux's logbuf_has_space() and
 * log_make_free_space() of Linux 3.5-5.9, written afresh.
 *
 * Locking: none; the caller serialises all calls on one ring.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#include "printk_ringbuffer.h"

#define HDR	((u32)sizeof(struct printk_log))

/* size: at least PRB_MIN_SIZE bytes. */
void prb_init(struct printk_ringbuffer *rb, char *buf, u32 size)
{
	rb->buf = buf;
	rb->size = ALIGN_DOWN(size, LOG_ALIGN);
	rb->first_idx = rb->next_idx = 0;
	rb->first_seq = rb->next_seq = 0;
}

static struct printk_log *prb_hdr(const struct printk_ringbuffer *rb, u32 idx)
{
	return (struct printk_log *)(rb->buf + idx);
}

/* The record at idx, following a wrap header to offset 0. */
static struct printk_log *prb_at(const struct printk_ringbuffer *rb, u32 *idx)
{
	if (!prb_hdr(rb, *idx)->len)
		*idx = 0;
	return prb_hdr(rb, *idx);
}

static bool prb_empty(const struct printk_ringbuffer *rb)
{
	return rb->first_seq == rb->next_seq;
}

/* Is there room for a record of size bytes (and a wrap header)? */
static bool prb_has_space(const struct printk_ringbuffer *rb, u32 size)
{
	u32 free;

	if (rb->next_idx >= rb->first_idx || prb_empty(rb))
		free = max(rb->size - rb->next_idx, rb->first_idx);
	else
		free = rb->first_idx - rb->next_idx;
	return free >= size + HDR;
}

static void prb_drop_first(struct printk_ringbuffer *rb)
{
	u32 idx = rb->first_idx;
	const struct printk_log *rec = prb_at(rb, &idx);

	rb->first_idx = idx + rec->len;
	rb->first_seq++;
}

/*
 * Drop the oldest records until size bytes fit.  An empty ring always
 * has room: one half of it is free, and a record is at most a quarter.
 */
static void prb_make_room(struct printk_ringbuffer *rb, u32 size)
{
	while (!prb_empty(rb) && !prb_has_space(rb, size))
		prb_drop_first(rb);
}

u32 prb_store(struct printk_ringbuffer *rb, u64 ts_nsec, int level,
	      u8 flags, const char *text, u32 text_len)
{
	struct printk_log *rec;
	u32 size;

	text_len = min(text_len, (u32)LOG_LINE_MAX);
	text_len = min(text_len, rb->size / 4 - HDR);
	size = ALIGN(HDR + text_len, LOG_ALIGN);
	prb_make_room(rb, size);
	if (rb->next_idx + size + HDR > rb->size) {
		/* Not before the end: a wrap header, and start again at 0. */
		memset(prb_hdr(rb, rb->next_idx), 0, HDR);
		if (prb_empty(rb))
			rb->first_idx = 0;
		rb->next_idx = 0;
	}
	rec = prb_hdr(rb, rb->next_idx);
	memset(rec, 0, HDR);
	rec->ts_nsec = ts_nsec;
	rec->len = size;
	rec->text_len = text_len;
	rec->level = level & 7;
	rec->flags = flags;
	memcpy(rec + 1, text, text_len);
	rb->next_idx += size;
	rb->next_seq++;
	return text_len;
}

void prb_cursor_first(const struct printk_ringbuffer *rb,
		      struct prb_cursor *c)
{
	c->seq = rb->first_seq;
	c->idx = rb->first_idx;
}

void prb_cursor_end(const struct printk_ringbuffer *rb, struct prb_cursor *c)
{
	c->seq = rb->next_seq;
	c->idx = rb->next_idx;
}

const struct printk_log *prb_next(const struct printk_ringbuffer *rb,
				  struct prb_cursor *c, u64 *lost)
{
	const struct printk_log *rec;

	if (c->seq < rb->first_seq) {
		if (lost)
			*lost += rb->first_seq - c->seq;
		prb_cursor_first(rb, c);
	}
	if (c->seq >= rb->next_seq)
		return NULL;
	rec = prb_at(rb, &c->idx);
	c->idx += rec->len;
	c->seq++;
	return rec;
}

/* Copy len bytes of src to buf at *pos, as far as size allows. */
static void prb_put(char *buf, size_t size, size_t *pos, const char *src,
		    size_t len)
{
	if (buf && *pos < size)
		memcpy(buf + *pos, src, min(len, size - *pos));
	*pos += len;
}

size_t prb_format(const struct printk_log *rec, bool *line_open, char *buf,
		  size_t size)
{
	bool cont = (rec->flags & LOG_CONT) && *line_open;
	char prefix[PRB_PREFIX_MAX];
	size_t pos = 0;
	int n = 0;

	if (!cont) {
		n = snprintf(prefix, sizeof(prefix), "%s<%u>[%5llu.%06llu] ",
			     *line_open ? "\n" : "", rec->level,
			     (unsigned long long)(rec->ts_nsec / 1000000000),
			     (unsigned long long)(rec->ts_nsec % 1000000000 /
						  1000));
	}
	prb_put(buf, size, &pos, prefix, n);
	prb_put(buf, size, &pos, prb_text(rec), rec->text_len);
	if (rec->flags & LOG_NEWLINE)
		prb_put(buf, size, &pos, "\n", 1);
	*line_open = !(rec->flags & LOG_NEWLINE);
	return buf ? min(pos, size) : pos;
}
