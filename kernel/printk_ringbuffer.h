/*
 * The kernel log's ring of records (kernel/printk_ringbuffer.c), used by
 * printk and syslog(2) (kernel/printk.c).  Pure bookkeeping on a byte
 * array: no locks, no allocation, no hardware, so that the host tests
 * build it as it is (tests/host/test_printk_ringbuffer.c).  The caller
 * serialises every call on one ring (printk.c: logbuf_lock).
 *
 * Layout, as Linux 3.5-5.9 kept log_buf: records one after another,
 * each a struct printk_log header followed by its text, padded to
 * LOG_ALIGN.  A record never wraps: when one does not fit before the end
 * of the array, a header with len 0 is left there and the record goes
 * at offset 0.  Records are numbered in order (seq); the oldest are
 * dropped, whole, to make room for a new one.
 *
 *	first_idx                          next_idx
 *	|                                  |
 *	[hdr|text..][hdr|text....][hdr|t.] free ... [len=0]
 *	 seq 7        seq 8        seq 9    (next_seq 10)
 *
 * Modern Linux (5.10 and later) stores records in a lockless ring of
 * descriptors and text blocks (kernel/printk/printk_ringbuffer.c), so
 * that printk from NMI context or with any lock held can store without
 * waiting; the text format syslog(2) returns is the same.
 */
#ifndef _KERNEL_PRINTK_RINGBUFFER_H
#define _KERNEL_PRINTK_RINGBUFFER_H

#include <linux/types.h>

#define LOG_ALIGN	8	/* records start at multiples of this */
#define LOG_LINE_MAX	1024	/* longest text kept in one record */
#define PRB_MIN_SIZE	256	/* smallest ring prb_init() takes */

/* Record flags (Linux's enum log_flags). */
#define LOG_NEWLINE	2	/* the text ended its line */
#define LOG_CONT	8	/* KERN_CONT: continues the line before it */

/* A record's header; its text follows it in the ring. */
struct printk_log {
	u64 ts_nsec;		/* ktime_get_ns() when stored */
	u16 len;		/* header + text + padding; 0: wrap to 0 */
	u16 text_len;		/* bytes of text, without the newline */
	u8 level;		/* 0 (KERN_EMERG) .. 7 (KERN_DEBUG) */
	u8 flags;		/* LOG_NEWLINE, LOG_CONT */
	u8 pad[2];
};

/*
 * The ring.  Invariants: size is a multiple of LOG_ALIGN and at least
 * PRB_MIN_SIZE; first_seq <= next_seq; the records first_seq..next_seq-1
 * lie from first_idx to next_idx, following wrap headers; next_idx
 * leaves room for a wrap header before the end; empty when
 * first_seq == next_seq.
 */
struct printk_ringbuffer {
	char *buf;
	u32 size;
	u32 first_idx, next_idx;	/* byte offsets in buf */
	u64 first_seq, next_seq;	/* oldest record, and one past the newest */
};

/* A reader's place in the ring: a record number and where it lies. */
struct prb_cursor {
	u64 seq;
	u32 idx;
};

/* Longest prefix of a formatted record: "\n<7>[99999999.999999] ". */
#define PRB_PREFIX_MAX	32
/* Room enough for any one formatted record. */
#define PRB_TEXT_MAX	(LOG_LINE_MAX + PRB_PREFIX_MAX + 1)

/* An empty ring on buf; size (>= PRB_MIN_SIZE) is rounded down to LOG_ALIGN. */
void prb_init(struct printk_ringbuffer *rb, char *buf, u32 size);

/*
 * Store one record, dropping the oldest records until it fits.  Text
 * longer than LOG_LINE_MAX, or than a quarter of the ring, is cut.
 * Returns the bytes of text kept.
 */
u32 prb_store(struct printk_ringbuffer *rb, u64 ts_nsec, int level,
	      u8 flags, const char *text, u32 text_len);

/* The text of a record (not NUL-terminated; rec->text_len bytes). */
static inline const char *prb_text(const struct printk_log *rec)
{
	return (const char *)(rec + 1);
}

/* Place c at the oldest record, or one past the newest. */
void prb_cursor_first(const struct printk_ringbuffer *rb,
		      struct prb_cursor *c);
void prb_cursor_end(const struct printk_ringbuffer *rb, struct prb_cursor *c);

/*
 * The record at c, and advance c past it; NULL at the end.  A cursor
 * whose records were dropped since it was placed moves to the oldest
 * record first (and *lost, if given, counts how many it missed).
 */
const struct printk_log *prb_next(const struct printk_ringbuffer *rb,
				  struct prb_cursor *c, u64 *lost);

/*
 * syslog(2)'s text of a record, as Linux's SYSLOG_ACTION_READ_ALL gives
 * it: "<level>[seconds.micros] text\n".  A LOG_CONT record right after
 * an unfinished line continues that line without a prefix; a record
 * after an unfinished line that does not continue it first ends that
 * line.  *line_open says whether the previous record left its line
 * unfinished (false before the first), and is updated.  Writes at most
 * size bytes (PRB_TEXT_MAX always suffice); returns the length, or the
 * length it would have had with buf NULL.
 */
size_t prb_format(const struct printk_log *rec, bool *line_open, char *buf,
		  size_t size);

#endif
