/*
 * Tests of the terminal layer (suite "tty") on a terminal of their own,
 * whose driver keeps what is written instead of showing it: bytes fed
 * in as a driver would, read() results, echo, erase and kill, ^C
 * signalling the foreground group and waking its sleeping reader, ^D,
 * raw mode, the ioctls, and every user pointer path with bad pointers
 * (-EFAULT, losing no input); a full terminal refusing bytes until a
 * reader takes input (throttle and unthrottle), and a line longer than
 * the buffer fed faster than it is read arriving whole.  Then the
 * console terminal itself: its output reaches the serial port and
 * nothing else changes.
 *
 * Kernel buffers are passed as user pointers only inside set_fs(KERNEL_DS).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define CAPTURE_SIZE	1024
#define TEST_PGRP	31337	/* a process group no task is in */

struct capture {
	unsigned char buf[CAPTURE_SIZE];
	size_t len;
	struct completion unthrottled;	/* completed by each unthrottle() */
	unsigned int unthrottles;
};

static void capture_write(struct tty_struct *tty, const unsigned char *buf,
			  size_t len)
{
	struct capture *c = tty_driver_data(tty);

	len = min(len, CAPTURE_SIZE - c->len);
	memcpy(c->buf + c->len, buf, len);
	c->len += len;
}

static void capture_unthrottle(struct tty_struct *tty)
{
	struct capture *c = tty_driver_data(tty);

	WRITE_ONCE(c->unthrottles, c->unthrottles + 1);
	complete(&c->unthrottled);
}

static const struct tty_operations capture_ops = {
	.write = capture_write,
	.unthrottle = capture_unthrottle,
};

struct tty_test {
	struct capture out;
	struct tty_struct *tty;
	bool reader_stuck;	/* keep tty: a reader may still sleep on it */
};

static int tty_test_init(struct kunit *test)
{
	struct tty_test *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	init_completion(&t->out.unthrottled);
	t->tty = tty_alloc("test", &capture_ops, &t->out);
	if (!t->tty) {
		kfree(t);
		return -ENOMEM;
	}
	test->priv = t;
	return 0;
}

static void tty_test_exit(struct kunit *test)
{
	struct tty_test *t = test->priv;

	if (t->reader_stuck)
		return;
	tty_free(t->tty);
	kfree(t);
}

static struct tty_struct *test_tty(struct kunit *test)
{
	return ((struct tty_test *)test->priv)->tty;
}

static void feed(struct kunit *test, const char *s)
{
	while (*s)
		tty_receive_char(test_tty(test), *s++);
}

/* What was echoed or written since the last call, as a string. */
static const char *output(struct kunit *test)
{
	static char s[CAPTURE_SIZE + 1];
	struct capture *c = &((struct tty_test *)test->priv)->out;

	memcpy(s, c->buf, c->len);
	s[c->len] = '\0';
	c->len = 0;
	return s;
}

/* read() into a kernel buffer, NUL-terminated on success. */
static ssize_t kread(struct kunit *test, char *buf, size_t count,
		     bool nonblock)
{
	mm_segment_t old = get_fs();
	ssize_t n;

	set_fs(KERNEL_DS);
	n = tty_read(test_tty(test), (char __user *)buf, count, nonblock);
	set_fs(old);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static ssize_t kwrite(struct kunit *test, const char *buf, size_t count)
{
	mm_segment_t old = get_fs();
	ssize_t n;

	set_fs(KERNEL_DS);
	n = tty_write(test_tty(test), (const char __user *)buf, count);
	set_fs(old);
	return n;
}

static long kioctl(struct kunit *test, unsigned int cmd, void *arg)
{
	mm_segment_t old = get_fs();
	long ret;

	set_fs(KERNEL_DS);
	ret = tty_ioctl(test_tty(test), cmd, (unsigned long)arg);
	set_fs(old);
	return ret;
}

static void set_raw(struct kunit *test, int vmin)
{
	struct termios t;

	KUNIT_ASSERT_EQ(test, kioctl(test, TCGETS, &t), 0);
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = vmin;
	KUNIT_ASSERT_EQ(test, kioctl(test, TCSETS, &t), 0);
}

/* ---- a reader in a thread of its own ---- */

struct reader {
	struct tty_struct *tty;
	pid_t pgid;		/* the group the reader joins, 0: none */
	char buf[64];
	ssize_t ret;
	unsigned long pending;	/* its signals when read() returned */
	struct task_struct *task;
	struct completion started, done;
};

/*
 * Signals go to processes only (kernel threads ignore them), so the
 * reader gives itself an empty address space first, as exec would;
 * do_exit() releases it.
 */
static void reader_become_process(struct reader *r)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long flags;

	if (!mm)
		return;		/* the signal cases then fail, and say so */
	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, flags);
	current->mm = mm;
	current->pgid = r->pgid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	switch_mm(NULL, mm);
	preempt_enable();
}

static int reader_fn(void *data)
{
	struct reader *r = data;
	mm_segment_t old = get_fs();

	reader_become_process(r);
	complete(&r->started);
	set_fs(KERNEL_DS);
	r->ret = tty_read(r->tty, (char __user *)r->buf, sizeof(r->buf) - 1,
			  false);
	set_fs(old);
	r->pending = READ_ONCE(current->pending);
	complete(&r->done);
	return 0;
}

/* Start a reader; it is freed by reader_finish() once it has returned. */
static struct reader *reader_start(struct kunit *test, pid_t pgid)
{
	struct reader *r = kzalloc(sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->tty = test_tty(test);
	r->pgid = pgid;
	init_completion(&r->started);
	init_completion(&r->done);
	r->task = kthread_run(reader_fn, r, "tty_reader");
	KUNIT_ASSERT_NOT_NULL(test, r->task);
	wait_for_completion(&r->started);
	return r;
}

/* Wait for the reader's result; a reader that never returns is leaked. */
static ssize_t reader_finish(struct kunit *test, struct reader *r)
{
	ssize_t ret;

	if (!wait_for_completion_timeout(&r->done, 20 * HZ)) {
		/* r and the terminal stay allocated: the reader may still run */
		((struct tty_test *)test->priv)->reader_stuck = true;
		return -ETIMEDOUT;
	}
	ret = r->ret;
	return ret;
}

/* ---- cases ---- */

static void tty_canonical_read_and_echo(struct kunit *test)
{
	char buf[32];

	feed(test, "hi\r");
	KUNIT_EXPECT_STREQ(test, output(test), "hi\r\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 3);
	KUNIT_EXPECT_STREQ(test, buf, "hi\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, 8, true), -EAGAIN);

	feed(test, "one\ntwo\n");	/* one line per read */
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 4);
	KUNIT_EXPECT_STREQ(test, buf, "one\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, 2, false), 2);
	KUNIT_EXPECT_STREQ(test, buf, "tw");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 2);
	KUNIT_EXPECT_STREQ(test, buf, "o\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, 0, false), 0);
}

static void tty_long_line_spans_chunks(struct kunit *test)
{
	static char line[1001], buf[1100];
	int i;

	for (i = 0; i < 999; i++)
		line[i] = 'a' + i % 26;
	line[999] = '\n';
	feed(test, line);
	output(test);
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 1000);
	KUNIT_EXPECT_STREQ(test, buf, line);
}

static void tty_erase_and_kill(struct kunit *test)
{
	char buf[32];

	feed(test, "abc\x7f\x08" "d\n");
	KUNIT_EXPECT_STREQ(test, output(test), "abc\b \b\b \bd\r\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ad\n");

	feed(test, "junk\x15ok\n");
	KUNIT_EXPECT_STREQ(test, output(test),
			   "junk\b \b\b \b\b \b\b \bok\r\n");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ok\n");
}

static void tty_eof(struct kunit *test)
{
	char buf[32];

	feed(test, "\x04");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 0);
	feed(test, "abc\x04");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_STREQ(test, output(test), "abc");
	KUNIT_EXPECT_EQ(test, kread(test, buf, 8, true), -EAGAIN);
}

static void tty_read_sleeps_until_a_line(struct kunit *test)
{
	struct reader *r = reader_start(test, 0);

	feed(test, "par");
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&r->done, 1), 0);
	feed(test, "t\n");
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), 5);
	KUNIT_EXPECT_STREQ(test, r->buf, "part\n");
	kfree(r);
}

static void tty_intr_signals_foreground_group(struct kunit *test)
{
	pid_t pgrp = TEST_PGRP;
	struct reader *r;
	char buf[8];

	KUNIT_ASSERT_EQ(test, kioctl(test, TIOCSPGRP, &pgrp), 0);
	r = reader_start(test, TEST_PGRP);
	feed(test, "typed\x03");
	KUNIT_EXPECT_STREQ(test, output(test), "typed^C");
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), -EINTR);
	KUNIT_EXPECT_TRUE(test, r->pending & (1UL << (SIGINT - 1)));
	kfree(r);
	/* The typed text was discarded with the interrupt. */
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), -EAGAIN);
}

static void tty_quit_signals_and_flushes(struct kunit *test)
{
	pid_t pgrp = TEST_PGRP + 1;
	struct reader *r;
	char buf[8];

	KUNIT_ASSERT_EQ(test, kioctl(test, TIOCSPGRP, &pgrp), 0);
	r = reader_start(test, TEST_PGRP + 1);
	feed(test, "x\x1c");
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), -EINTR);
	KUNIT_EXPECT_TRUE(test, r->pending & (1UL << (SIGQUIT - 1)));
	kfree(r);
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), -EAGAIN);
}

/* A reader outside the foreground group is not interrupted by ^C. */
static void tty_intr_spares_other_groups(struct kunit *test)
{
	pid_t pgrp = TEST_PGRP + 2;
	struct reader *r;

	KUNIT_ASSERT_EQ(test, kioctl(test, TIOCSPGRP, &pgrp), 0);
	r = reader_start(test, TEST_PGRP + 3);
	feed(test, "\x03");
	feed(test, "after\n");
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), 6);
	KUNIT_EXPECT_STREQ(test, r->buf, "after\n");
	KUNIT_EXPECT_EQ(test, r->pending, 0);
	kfree(r);
}

/* A signal sent to the reader itself ends its read with -EINTR. */
static void tty_signal_interrupts_read(struct kunit *test)
{
	struct reader *r = reader_start(test, 0);
	char buf[16];

	KUNIT_EXPECT_EQ(test, send_sig(SIGINT, r->task, 0), 0);
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), -EINTR);
	kfree(r);
	feed(test, "still\n");		/* the terminal is unaffected */
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), 6);
}

static void tty_raw_mode(struct kunit *test)
{
	char buf[16];

	set_raw(test, 1);
	feed(test, "a\x7f");		/* no echo, no editing */
	KUNIT_EXPECT_STREQ(test, output(test), "");
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 2);
	KUNIT_EXPECT_EQ(test, buf[0], 'a');
	KUNIT_EXPECT_EQ(test, buf[1], 0x7f);
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), -EAGAIN);

	set_raw(test, 0);		/* VMIN 0: never waits */
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, false), 0);
}

static void tty_raw_read_wakes_on_one_byte(struct kunit *test)
{
	struct reader *r;

	set_raw(test, 1);
	r = reader_start(test, 0);
	feed(test, "z");
	KUNIT_ASSERT_EQ(test, reader_finish(test, r), 1);
	KUNIT_EXPECT_EQ(test, r->buf[0], 'z');
	kfree(r);
}

static void tty_write_output_processing(struct kunit *test)
{
	struct termios t;

	KUNIT_EXPECT_EQ(test, kwrite(test, "a\nb", 3), 3);
	KUNIT_EXPECT_STREQ(test, output(test), "a\r\nb");

	KUNIT_ASSERT_EQ(test, kioctl(test, TCGETS, &t), 0);
	t.c_oflag &= ~OPOST;
	KUNIT_ASSERT_EQ(test, kioctl(test, TCSETSW, &t), 0);
	KUNIT_EXPECT_EQ(test, kwrite(test, "a\nb", 3), 3);
	KUNIT_EXPECT_STREQ(test, output(test), "a\nb");
	KUNIT_EXPECT_EQ(test, kwrite(test, "", 0), 0);
}

static void tty_ioctls(struct kunit *test)
{
	struct winsize ws;
	struct termios t;
	pid_t pgrp = 0;

	KUNIT_EXPECT_EQ(test, kioctl(test, TCGETS, &t), 0);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ICANON);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ECHO);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ISIG);
	KUNIT_EXPECT_TRUE(test, t.c_iflag & ICRNL);
	KUNIT_EXPECT_EQ(test, t.c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
	KUNIT_EXPECT_EQ(test, t.c_cc[VINTR], 3);
	KUNIT_EXPECT_EQ(test, t.c_cc[VERASE], 0x7f);
	KUNIT_EXPECT_EQ(test, t.c_cc[VMIN], 1);

	KUNIT_EXPECT_EQ(test, kioctl(test, TIOCGWINSZ, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 24);
	KUNIT_EXPECT_EQ(test, ws.ws_col, 80);

	KUNIT_EXPECT_EQ(test, kioctl(test, TIOCGPGRP, &pgrp), 0);
	KUNIT_EXPECT_EQ(test, pgrp, 0);
	pgrp = 4242;			/* taken as it is */
	KUNIT_EXPECT_EQ(test, kioctl(test, TIOCSPGRP, &pgrp), 0);
	pgrp = 0;
	KUNIT_EXPECT_EQ(test, kioctl(test, TIOCGPGRP, &pgrp), 0);
	KUNIT_EXPECT_EQ(test, pgrp, 4242);
	pgrp = -5;
	KUNIT_EXPECT_EQ(test, kioctl(test, TIOCSPGRP, &pgrp), -EINVAL);
	KUNIT_EXPECT_EQ(test, tty_get_pgrp(test_tty(test)), 4242);

	KUNIT_EXPECT_EQ(test, kioctl(test, 0x5401 + 0x100, &t), -ENOTTY);
	KUNIT_EXPECT_EQ(test, kioctl(test, 0, NULL), -ENOTTY);
}

static void tty_tcsetsf_flushes_input(struct kunit *test)
{
	struct termios t;
	char buf[16];

	feed(test, "gone\npartial");
	KUNIT_ASSERT_EQ(test, kioctl(test, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, kioctl(test, TCSETSF, &t), 0);
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), -EAGAIN);

	feed(test, "kept\n");		/* TCSETS keeps it */
	KUNIT_EXPECT_EQ(test, kioctl(test, TCSETS, &t), 0);
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), 5);
}

/* Bad user pointers: a kernel address (refused by access_ok) and NULL. */
static void tty_bad_pointers(struct kunit *test)
{
	void __user *bad[] = { (void __user *)test, NULL };
	struct tty_struct *tty = test_tty(test);
	unsigned int i;
	char buf[16];

	feed(test, "safe\n");
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		kunit_info(test, "pointer %p", bad[i]);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TCGETS, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TCSETS, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TCSETSF, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TIOCGPGRP, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TIOCSPGRP, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_ioctl(tty, TIOCGWINSZ, (unsigned long)bad[i]), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_read(tty, bad[i], 8, true), -EFAULT);
		KUNIT_EXPECT_EQ(test, tty_write(tty, bad[i], 8), -EFAULT);
	}
	/* Nothing was lost or changed: the line and the settings are there. */
	KUNIT_EXPECT_EQ(test, kread(test, buf, sizeof(buf) - 1, true), 5);
	KUNIT_EXPECT_STREQ(test, buf, "safe\n");
	KUNIT_EXPECT_EQ(test, tty_get_pgrp(tty), 0);
	KUNIT_EXPECT_STREQ(test, output(test), "safe\r\n");
}

static void tty_open_sets_foreground_group_once(struct kunit *test)
{
	struct tty_struct *tty = test_tty(test);

	tty_open_by(tty, 0);		/* a kernel thread: no group */
	KUNIT_EXPECT_EQ(test, tty_get_pgrp(tty), 0);
	tty_open_by(tty, 77);
	KUNIT_EXPECT_EQ(test, tty_get_pgrp(tty), 77);
	tty_open_by(tty, 88);
	KUNIT_EXPECT_EQ(test, tty_get_pgrp(tty), 77);
}

static unsigned int unthrottles(struct kunit *test)
{
	return READ_ONCE(((struct tty_test *)test->priv)->out.unthrottles);
}

/*
 * A full buffer refuses a byte and keeps everything; the driver hears
 * unthrottle() once input was taken, once per refusal.
 */
static void tty_full_buffer_throttles_until_read(struct kunit *test)
{
	static char buf[N_TTY_BUF_SIZE + 1];
	struct tty_struct *tty = test_tty(test);
	struct termios t;
	int i;

	set_raw(test, 1);
	for (i = 0; i < N_TTY_BUF_SIZE; i++)
		KUNIT_ASSERT_EQ(test, tty_receive_char(tty, 'a' + i % 26), 0);
	KUNIT_EXPECT_EQ(test, tty_receive_char(tty, '!'), -ENOSPC);
	KUNIT_EXPECT_EQ(test, tty_receive_char(tty, '!'), -ENOSPC);
	KUNIT_EXPECT_EQ(test, unthrottles(test), 0);

	KUNIT_EXPECT_EQ(test, kread(test, buf, 10, false), 10);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefghij");
	KUNIT_EXPECT_EQ(test, unthrottles(test), 1);
	KUNIT_EXPECT_EQ(test, tty_receive_char(tty, '!'), 0);
	KUNIT_EXPECT_EQ(test, kread(test, buf, 10, false), 10);
	KUNIT_EXPECT_EQ(test, unthrottles(test), 1);	/* was not throttled */

	/* Full again: a flush makes room too. */
	for (i = 0; i < 20 && !tty_receive_char(tty, '?'); i++)
		;
	KUNIT_EXPECT_EQ(test, i, 19);
	KUNIT_ASSERT_EQ(test, kioctl(test, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, kioctl(test, TCSETSF, &t), 0);
	KUNIT_EXPECT_EQ(test, unthrottles(test), 2);
	KUNIT_EXPECT_EQ(test, kread(test, buf, 10, true), -EAGAIN);
}

#define LONG_LINE	5000

struct bulk_reader {
	struct tty_struct *tty;
	char buf[LONG_LINE + 2];
	size_t len;
	ssize_t err;
	int reads;
	struct completion done;
};

/* Read until a newline, an error or a full buffer, as a shell would. */
static int bulk_reader_fn(void *data)
{
	struct bulk_reader *r = data;
	mm_segment_t old = get_fs();
	ssize_t n;

	set_fs(KERNEL_DS);
	while (r->len < sizeof(r->buf) && !memchr(r->buf, '\n', r->len)) {
		n = tty_read(r->tty, (char __user *)r->buf + r->len,
			     sizeof(r->buf) - r->len, false);
		if (n <= 0) {
			r->err = n;
			break;
		}
		r->len += n;
		r->reads++;
	}
	set_fs(old);
	complete(&r->done);
	return 0;
}

/*
 * Feed s[0..len) as the console's driver does: after a refusal, wait
 * for unthrottle() and offer the byte again.  Returns the refusals, or
 * -1 if an unthrottle never came.
 */
static int feed_throttled(struct kunit *test, const char *s, size_t len)
{
	struct capture *c = &((struct tty_test *)test->priv)->out;
	int refused = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		while (tty_receive_char(test_tty(test), s[i]) == -ENOSPC) {
			refused++;
			if (!wait_for_completion_timeout(&c->unthrottled,
							 20 * HZ))
				return -1;
		}
	}
	return refused;
}

/*
 * A canonical line longer than the buffer, fed as fast as the terminal
 * takes it to a reader in another thread: every byte arrives, in order,
 * in pieces, and each refusal was followed by one unthrottle().
 */
static void tty_long_line_fed_faster_than_read(struct kunit *test)
{
	struct bulk_reader *r = kzalloc(sizeof(*r), GFP_KERNEL);
	static char line[LONG_LINE + 1];
	unsigned long done;
	int i, refused;

	KUNIT_ASSERT_NOT_NULL(test, r);
	for (i = 0; i < LONG_LINE; i++)
		line[i] = 'a' + i % 26;
	line[LONG_LINE] = '\n';
	r->tty = test_tty(test);
	init_completion(&r->done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run(bulk_reader_fn, r, "tty_bulk"));
	refused = feed_throttled(test, line, sizeof(line));
	done = wait_for_completion_timeout(&r->done, 20 * HZ);
	if (!done)	/* r and the terminal stay: the reader may still run */
		((struct tty_test *)test->priv)->reader_stuck = true;
	KUNIT_ASSERT_TRUE_MSG(test, done, "the reader got %zu bytes, %d refusals",
			      r->len, refused);
	KUNIT_EXPECT_EQ(test, r->err, 0);
	KUNIT_EXPECT_EQ(test, r->len, LONG_LINE + 1);
	KUNIT_EXPECT_MEMEQ(test, r->buf, line, min(r->len, sizeof(line)));
	KUNIT_EXPECT_GE(test, r->reads, 2);	/* the buffer is smaller */
	KUNIT_EXPECT_GE(test, refused, 1);
	KUNIT_EXPECT_EQ(test, unthrottles(test), refused);
	kunit_info(test, "%d refusals, %d reads", refused, r->reads);
	kfree(r);
}

/* The console terminal: standard settings; a write reaches the log. */
static void tty_console_write(struct kunit *test)
{
	static const char msg[] = "# tty: a line written to the console\n";
	mm_segment_t old = get_fs();
	struct termios t;
	ssize_t n;

	KUNIT_ASSERT_NOT_NULL(test, console_tty);
	set_fs(KERNEL_DS);
	n = tty_write(console_tty, (const char __user *)msg, sizeof(msg) - 1);
	KUNIT_EXPECT_EQ(test, tty_ioctl(console_tty, TCGETS, (unsigned long)&t),
			0);
	set_fs(old);
	KUNIT_EXPECT_EQ(test, n, sizeof(msg) - 1);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ICANON);
	KUNIT_EXPECT_EQ(test, t.c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
}

static struct kunit_case tty_cases[] = {
	KUNIT_CASE(tty_canonical_read_and_echo),
	KUNIT_CASE(tty_long_line_spans_chunks),
	KUNIT_CASE(tty_erase_and_kill),
	KUNIT_CASE(tty_eof),
	KUNIT_CASE(tty_read_sleeps_until_a_line),
	KUNIT_CASE(tty_intr_signals_foreground_group),
	KUNIT_CASE(tty_quit_signals_and_flushes),
	KUNIT_CASE(tty_intr_spares_other_groups),
	KUNIT_CASE(tty_signal_interrupts_read),
	KUNIT_CASE(tty_raw_mode),
	KUNIT_CASE(tty_raw_read_wakes_on_one_byte),
	KUNIT_CASE(tty_write_output_processing),
	KUNIT_CASE(tty_ioctls),
	KUNIT_CASE(tty_tcsetsf_flushes_input),
	KUNIT_CASE(tty_bad_pointers),
	KUNIT_CASE(tty_open_sets_foreground_group_once),
	KUNIT_CASE(tty_full_buffer_throttles_until_read),
	KUNIT_CASE(tty_long_line_fed_faster_than_read),
	KUNIT_CASE(tty_console_write),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.init = tty_test_init,
	.exit = tty_test_exit,
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
