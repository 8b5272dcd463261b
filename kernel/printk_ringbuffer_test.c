/*
 * Tests of the kernel log (suite "printk_ringbuffer"): the ring of
 * records on small buffers of its own (order, wrap-around, the oldest
 * records dropped whole, cursors that fall behind, long text cut), the
 * text syslog(2) makes of records, and the real log through do_syslog()
 * on kernel buffers (under KERNEL_DS): a printk'd line, KERN_CONT and
 * multi-line messages, the boot's first line kept, and the errors for
 * bad arguments.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syslog.h>
#include <linux/uaccess.h>

#include "printk_internal.h"

#define SMALL_RING	PRB_MIN_SIZE

static char ring_buf[1024] __aligned(LOG_ALIGN);

/* Store text (NUL-terminated) as one finished line at level 6. */
static void store(struct printk_ringbuffer *rb, u64 ts, const char *text)
{
	prb_store(rb, ts, 6, LOG_NEWLINE, text, strlen(text));
}

static bool rec_is(const struct printk_log *rec, const char *text)
{
	return rec && rec->text_len == strlen(text) &&
	       !memcmp(prb_text(rec), text, rec->text_len);
}

static void prb_store_reads_back_in_order(struct kunit *test)
{
	struct printk_ringbuffer rb;
	struct prb_cursor c;
	const struct printk_log *rec;

	prb_init(&rb, ring_buf, sizeof(ring_buf));
	store(&rb, 1, "one");
	prb_store(&rb, 2, 3, 0, "two", 3);
	store(&rb, 3, "");
	prb_cursor_first(&rb, &c);
	rec = prb_next(&rb, &c, NULL);
	KUNIT_EXPECT_TRUE(test, rec_is(rec, "one"));
	rec = prb_next(&rb, &c, NULL);
	KUNIT_ASSERT_TRUE(test, rec_is(rec, "two"));
	KUNIT_EXPECT_EQ(test, rec->level, 3);
	KUNIT_EXPECT_EQ(test, rec->flags, 0);
	KUNIT_EXPECT_EQ(test, rec->ts_nsec, 2ULL);
	KUNIT_EXPECT_TRUE(test, rec_is(prb_next(&rb, &c, NULL), ""));
	KUNIT_EXPECT_NULL(test, prb_next(&rb, &c, NULL));
	KUNIT_EXPECT_EQ(test, c.seq, 3ULL);
	KUNIT_EXPECT_EQ(test, rb.first_seq, 0ULL);
}

/*
 * 200 records of 1 to 40 bytes through a 256-byte ring: after each, the
 * ring holds an unbroken run of the newest records, each text intact,
 * and the ring has wrapped (next_idx below first_idx) along the way.
 */
static void prb_wraps_and_drops_oldest_whole(struct kunit *test)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
	struct printk_ringbuffer rb;
	const struct printk_log *rec;
	struct prb_cursor c;
	bool wrapped = false;
	u64 seq, n;

	prb_init(&rb, ring_buf, SMALL_RING);
	for (n = 0; n < 200; n++) {
		prb_store(&rb, n, 6, LOG_NEWLINE, letters + n % 7, 1 + n % 40);
		wrapped |= rb.next_idx < rb.first_idx;
		KUNIT_ASSERT_EQ(test, rb.next_seq, n + 1);
		KUNIT_ASSERT_LT(test, rb.first_seq, rb.next_seq);
		prb_cursor_first(&rb, &c);
		for (seq = rb.first_seq; (rec = prb_next(&rb, &c, NULL)); seq++) {
			KUNIT_ASSERT_EQ(test, rec->ts_nsec, seq);
			KUNIT_ASSERT_EQ(test, (u64)rec->text_len, 1 + seq % 40);
			KUNIT_ASSERT_TRUE(test, !memcmp(prb_text(rec),
					  letters + seq % 7, rec->text_len));
			KUNIT_ASSERT_LE(test, (u64)((const char *)rec - rb.buf) +
					rec->len, (u64)rb.size);
		}
		KUNIT_ASSERT_EQ(test, seq, n + 1);
	}
	KUNIT_EXPECT_TRUE(test, wrapped);
	KUNIT_EXPECT_GT(test, rb.first_seq, 150ULL);
}

/* A cursor whose records were overwritten restarts at the oldest. */
static void prb_cursor_behind_restarts_at_oldest(struct kunit *test)
{
	struct printk_ringbuffer rb;
	struct prb_cursor c;
	u64 lost = 0;
	int i;

	prb_init(&rb, ring_buf, SMALL_RING);
	store(&rb, 0, "first");
	prb_cursor_first(&rb, &c);
	for (i = 0; i < 40; i++)
		store(&rb, i, "filler text");
	KUNIT_ASSERT_GT(test, rb.first_seq, 0ULL);
	KUNIT_EXPECT_TRUE(test, rec_is(prb_next(&rb, &c, &lost), "filler text"));
	KUNIT_EXPECT_EQ(test, lost, rb.first_seq);
	KUNIT_EXPECT_EQ(test, c.seq, rb.first_seq + 1);
}

/* Text longer than a quarter of the ring is cut; the record still fits. */
static void prb_store_cuts_long_text(struct kunit *test)
{
	struct printk_ringbuffer rb;
	struct prb_cursor c;
	char text[200];

	memset(text, 'x', sizeof(text));
	prb_init(&rb, ring_buf, SMALL_RING);
	KUNIT_EXPECT_EQ(test, prb_store(&rb, 0, 6, 0, text, sizeof(text)),
			SMALL_RING / 4 - (u32)sizeof(struct printk_log));
	prb_init(&rb, ring_buf, sizeof(ring_buf));
	KUNIT_EXPECT_EQ(test, prb_store(&rb, 0, 6, 0, text, sizeof(text)),
			(u32)sizeof(text));
	prb_cursor_first(&rb, &c);
	KUNIT_EXPECT_EQ(test, prb_next(&rb, &c, NULL)->text_len, 200);
}

/* Format every record of rb as syslog(2) does, into out. */
static void format_all(struct printk_ringbuffer *rb, char *out, size_t size)
{
	const struct printk_log *rec;
	struct prb_cursor c;
	bool open = false;
	size_t len = 0;

	prb_cursor_first(rb, &c);
	while ((rec = prb_next(rb, &c, NULL)))
		len += prb_format(rec, &open, out + len, size - 1 - len);
	out[len] = '\0';
}

static void prb_format_prefix_time_and_cont(struct kunit *test)
{
	struct printk_ringbuffer rb;
	char out[256];

	prb_init(&rb, ring_buf, sizeof(ring_buf));
	prb_store(&rb, 1500000000ULL, 6, LOG_NEWLINE, "hello", 5);
	prb_store(&rb, 123456789012345ULL, 4, 0, "a", 1);
	prb_store(&rb, 0, 4, LOG_CONT | LOG_NEWLINE, " b", 2);
	prb_store(&rb, 7, 3, 0, "open", 4);
	prb_store(&rb, 8, 2, LOG_NEWLINE, "next", 4);
	prb_store(&rb, 9, 1, LOG_CONT | LOG_NEWLINE, "cont", 4);
	format_all(&rb, out, sizeof(out));
	KUNIT_EXPECT_STREQ(test, out,
		"<6>[    1.500000] hello\n"
		"<4>[123456.789012] a b\n"
		"<3>[    0.000000] open\n"
		"<2>[    0.000000] next\n"
		"<1>[    0.000000] cont\n");
}

/* Measuring (a NULL buffer) gives the length writing gives; size caps it. */
static void prb_format_measures_and_caps(struct kunit *test)
{
	const char *line = "<6>[    1.500000] hello\n";
	const struct printk_log *rec;
	struct printk_ringbuffer rb;
	struct prb_cursor c;
	bool open = false;
	char out[8];

	prb_init(&rb, ring_buf, sizeof(ring_buf));
	prb_store(&rb, 1500000000ULL, 6, LOG_NEWLINE, "hello", 5);
	prb_cursor_first(&rb, &c);
	rec = prb_next(&rb, &c, NULL);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	KUNIT_EXPECT_EQ(test, prb_format(rec, &open, NULL, 0), strlen(line));
	KUNIT_EXPECT_FALSE(test, open);
	KUNIT_EXPECT_EQ(test, prb_format(rec, &open, out, sizeof(out)),
			sizeof(out));
	KUNIT_EXPECT_TRUE(test, !memcmp(out, line, sizeof(out)));
}

/* ---- the real log, through do_syslog() on kernel buffers ---- */

/* READ_ALL of the whole log into a new buffer (NUL-terminated), or NULL. */
static char *log_read_all(struct kunit *test)
{
	int size = do_syslog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	mm_segment_t old = get_fs();
	char *buf;
	int n;

	KUNIT_ASSERT_GT(test, size, 0);
	buf = kmalloc(size + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	set_fs(KERNEL_DS);
	n = do_syslog(SYSLOG_ACTION_READ_ALL, (char __user *)buf, size);
	set_fs(old);
	KUNIT_EXPECT_GT(test, n, 0);
	KUNIT_EXPECT_LE(test, n, size);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* The line, after its "<level>[ time] " prefix, is in the log at level. */
static bool log_has_line(const char *log, int level, const char *line)
{
	const char *p = log;
	char head[4] = { '<', '0' + level, '>', '\0' };

	while ((p = strstr(p, line))) {
		const char *start = p;

		if (p - log < 2) {
			p++;
			continue;
		}
		while (start > log && start[-1] != '\n')
			start--;
		if (!strncmp(start, head, 3) && p[-2] == ']' && p[-1] == ' ' &&
		    (p[strlen(line)] == '\n'))
			return true;
		p++;
	}
	return false;
}

static void syslog_read_all_has_printk_lines(struct kunit *test)
{
	char *log;

	pr_info("printk_ringbuffer: a marker line\n");
	printk(KERN_NOTICE "printk_ringbuffer: started");
	printk(KERN_CONT " and continued\n");
	printk(KERN_ERR "printk_ringbuffer: line one\nprintk_ringbuffer: line two\n");
	log = log_read_all(test);
	KUNIT_EXPECT_TRUE(test, log_has_line(log, 6, "printk_ringbuffer: a marker line"));
	KUNIT_EXPECT_TRUE(test, log_has_line(log, 5,
			  "printk_ringbuffer: started and continued"));
	KUNIT_EXPECT_TRUE(test, log_has_line(log, 3, "printk_ringbuffer: line one"));
	KUNIT_EXPECT_TRUE(test, log_has_line(log, 3, "printk_ringbuffer: line two"));
	kfree(log);
}

/* The boot's first line is the log's first record, unless it wrapped. */
static void log_keeps_boot_banner(struct kunit *test)
{
	static const char banner[] = "Ferry version ";
	const struct printk_log *rec;
	struct prb_cursor c;
	unsigned long flags;
	bool found;
	u64 first;

	spin_lock_irqsave(&logbuf_lock, flags);
	first = log_rb.first_seq;
	prb_cursor_first(&log_rb, &c);
	rec = prb_next(&log_rb, &c, NULL);
	found = rec && rec->level == 6 && rec->text_len >= sizeof(banner) - 1 &&
		!memcmp(prb_text(rec), banner, sizeof(banner) - 1);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	if (first)
		kunit_skip(test, "the log has wrapped since boot");
	KUNIT_EXPECT_TRUE(test, found);
}

static void syslog_bad_arguments(struct kunit *test)
{
	char buf[16];

	KUNIT_EXPECT_EQ(test, do_syslog(11, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_syslog(-1, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_READ_ALL, NULL, 16), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_READ_ALL,
					(char __user *)0x10000, -1), -EINVAL);
	/* A kernel buffer under USER_DS is refused without a copy. */
	memset(buf, 'z', sizeof(buf));
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_READ_ALL,
					(char __user *)buf, sizeof(buf)), -EFAULT);
	KUNIT_EXPECT_EQ(test, buf[0], 'z');
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, do_syslog(SYSLOG_ACTION_READ_ALL, (char __user *)buf,
					0), 0);
	KUNIT_EXPECT_GE(test, do_syslog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0),
			128 * 1024);
}

static struct kunit_case printk_ringbuffer_cases[] = {
	KUNIT_CASE(prb_store_reads_back_in_order),
	KUNIT_CASE(prb_wraps_and_drops_oldest_whole),
	KUNIT_CASE(prb_cursor_behind_restarts_at_oldest),
	KUNIT_CASE(prb_store_cuts_long_text),
	KUNIT_CASE(prb_format_prefix_time_and_cont),
	KUNIT_CASE(prb_format_measures_and_caps),
	KUNIT_CASE(log_keeps_boot_banner),
	KUNIT_CASE(syslog_read_all_has_printk_lines),
	KUNIT_CASE(syslog_bad_arguments),
	{}
};

static struct kunit_suite printk_ringbuffer_suite = {
	.name = "printk_ringbuffer",
	.test_cases = printk_ringbuffer_cases,
};
kunit_test_suite(printk_ringbuffer_suite);
