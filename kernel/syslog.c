/*
 * syslog(2): read and clear the kernel log that printk keeps
 * (kernel/printk.c), and set the consoles' level; Linux's actions,
 * numbers and text ("<level>[seconds.micros] text\n" per line, made by
 * prb_format()).  READ_ALL returns the newest records that fit from
 * the last CLEAR on; READ returns each record once, waiting for one.
 *
 * Invariants: the cursors lie between the ring's first and next
 * records, or fall behind when printk drops records; each user of a
 * cursor first moves it up to the oldest record.
 *
 * Locking: logbuf_lock (printk_internal.h) protects the ring and the
 * (L) fields below, taken with interrupts off and held for one record
 * at a time: the record is formatted into a kmalloc'd buffer under the
 * lock and copied to the user after dropping it, since a copy may fault
 * and sleep.  console_loglevel and saved_console_loglevel are plain
 * words, as in Linux.
 *
 * Modern Linux also checks CAP_SYSLOG and dmesg_restrict (-EPERM);
 * here every process may read and clear the log.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/syslog.h>
#include <linux/uaccess.h>

#include "printk_internal.h"

#define MINIMUM_CONSOLE_LOGLEVEL 1

/* (L) logbuf_lock */
static struct prb_cursor clear_cursor;		/* (L) READ_ALL starts here */
static struct prb_cursor syslog_cursor;		/* (L) what READ returns next */
static u32 syslog_partial;	/* (L) bytes of that record READ gave already */
static bool syslog_line_open;	/* (L) the record before it left a line open */
static int saved_console_loglevel = -1;	/* SYSLOG_ACTION_CONSOLE_OFF */

/*
 * Caller holds logbuf_lock.  Bytes of text the records from *c on would
 * take (c itself is left where it was).
 */
static size_t syslog_text_size(const struct prb_cursor *c, bool line_open)
{
	struct prb_cursor pos = *c;
	const struct printk_log *rec;
	size_t size = 0;

	assert_spin_locked(&logbuf_lock);
	while ((rec = prb_next(&log_rb, &pos, NULL)))
		size += prb_format(rec, &line_open, NULL, 0);
	return size;
}

/*
 * Format the record at *c into text (PRB_TEXT_MAX bytes) and advance
 * *c; 0 at the end of the log.  Takes logbuf_lock for the record only.
 */
static size_t syslog_take(struct prb_cursor *c, bool *line_open, char *text)
{
	const struct printk_log *rec;
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	rec = prb_next(&log_rb, c, NULL);
	if (rec)
		n = prb_format(rec, line_open, text, PRB_TEXT_MAX);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

/*
 * Where READ_ALL starts so that what it returns fits in size bytes: at
 * the clear cursor, less the oldest records that do not fit.
 */
static struct prb_cursor syslog_print_all_start(size_t size)
{
	const struct printk_log *rec;
	struct prb_cursor c;
	unsigned long flags;
	bool line_open = false;
	size_t total;

	spin_lock_irqsave(&logbuf_lock, flags);
	c = clear_cursor;
	if (c.seq < log_rb.first_seq)
		prb_cursor_first(&log_rb, &c);
	total = syslog_text_size(&c, false);
	while (total > size && (rec = prb_next(&log_rb, &c, NULL)))
		total -= min(total, prb_format(rec, &line_open, NULL, 0));
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return c;
}

/*
 * SYSLOG_ACTION_READ_ALL and READ_CLEAR: the newest records that fit in
 * size bytes, from the last clear on; the bytes copied or -EFAULT.
 * Records stored while it copies are left for the next call.
 */
static int syslog_print_all(char __user *buf, int size, bool clear)
{
	struct prb_cursor c, end;
	unsigned long flags;
	bool line_open = false;
	int len = 0;
	size_t n;
	char *text;

	text = kmalloc(PRB_TEXT_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	c = syslog_print_all_start(size);
	spin_lock_irqsave(&logbuf_lock, flags);
	prb_cursor_end(&log_rb, &end);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	while (c.seq < end.seq && (n = syslog_take(&c, &line_open, text))) {
		if (n > (size_t)(size - len))
			break;
		if (copy_to_user(buf + len, text, n)) {
			len = -EFAULT;
			break;
		}
		len += n;
	}
	kfree(text);
	if (clear && len >= 0) {
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_cursor = c;
		spin_unlock_irqrestore(&logbuf_lock, flags);
	}
	return len;
}

static bool syslog_unread(void)
{
	unsigned long flags;
	bool unread;

	spin_lock_irqsave(&logbuf_lock, flags);
	unread = syslog_cursor.seq < log_rb.next_seq;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return unread;
}

/*
 * Sleep until there is a record READ has not returned.  printk cannot
 * wake a sleeper (it may run under the scheduler's own locks), so this
 * looks once a tick; Linux defers the wake-up to irq_work instead.
 */
static int syslog_wait(void)
{
	while (!syslog_unread()) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(1);
	}
	return 0;
}

/* Caller holds logbuf_lock.  Move READ's place past records dropped since. */
static void syslog_catch_up(void)
{
	assert_spin_locked(&logbuf_lock);
	if (syslog_cursor.seq >= log_rb.first_seq)
		return;
	prb_cursor_first(&log_rb, &syslog_cursor);
	syslog_partial = 0;
	syslog_line_open = false;
}

/*
 * Format the record READ returns next into text; *next is the cursor
 * after it and *open the line state after it.  The bytes of the record
 * READ has not yet returned start at text + *skip.  0: no record.
 */
static size_t syslog_peek(char *text, struct prb_cursor *next, bool *open,
			  u32 *skip)
{
	const struct printk_log *rec;
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	syslog_catch_up();
	*next = syslog_cursor;
	*open = syslog_line_open;
	*skip = syslog_partial;
	rec = prb_next(&log_rb, next, NULL);
	if (rec)
		n = prb_format(rec, open, text, PRB_TEXT_MAX);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

/* READ returned take more bytes of the record before next (done: all). */
static void syslog_advance(const struct prb_cursor *next, bool open,
			   u32 take, bool done)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (syslog_cursor.seq + 1 == next->seq) {	/* no one else read it */
		if (done) {
			syslog_cursor = *next;
			syslog_partial = 0;
			syslog_line_open = open;
		} else {
			syslog_partial += take;
		}
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/*
 * SYSLOG_ACTION_READ: whole records from where the last READ stopped, as
 * many as fit in size bytes; a record larger than size is returned in
 * pieces.  The bytes copied, or -EFAULT when none could be.
 */
static int syslog_print(char __user *buf, int size, char *text)
{
	struct prb_cursor next;
	u32 skip, take;
	int len = 0;
	bool open, done;
	size_t n;

	while (len < size && (n = syslog_peek(text, &next, &open, &skip))) {
		take = n - skip;
		done = take <= (u32)(size - len);
		if (!done && len)
			break;
		if (!done)
			take = size - len;
		if (copy_to_user(buf + len, text + skip, take))
			return len ? len : -EFAULT;
		syslog_advance(&next, open, take, done);
		len += take;
	}
	return len;
}

static int syslog_read(char __user *buf, int size)
{
	char *text;
	int ret;

	ret = syslog_wait();
	if (ret)
		return ret;
	text = kmalloc(PRB_TEXT_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	ret = syslog_print(buf, size, text);
	kfree(text);
	return ret;
}

/* SYSLOG_ACTION_SIZE_UNREAD: the bytes READ would return now. */
static int syslog_size_unread(void)
{
	unsigned long flags;
	size_t size;

	spin_lock_irqsave(&logbuf_lock, flags);
	syslog_catch_up();
	size = syslog_text_size(&syslog_cursor, syslog_line_open) -
	       syslog_partial;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return size;
}

static int syslog_clear(void)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	prb_cursor_end(&log_rb, &clear_cursor);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return 0;
}

/* SYSLOG_ACTION_CONSOLE_OFF, _ON and _LEVEL, as Linux's do_syslog(). */
static int syslog_console(int type, int level)
{
	switch (type) {
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	}
	if (level < 1 || level > 8)
		return -EINVAL;
	console_loglevel = max(level, MINIMUM_CONSOLE_LOGLEVEL);
	saved_console_loglevel = -1;	/* a level also turns the console on */
	return 0;
}

/* The checks Linux makes on a reading action's buffer. */
static int syslog_check_buffer(char __user *buf, int len)
{
	if (!buf || len < 0)
		return -EINVAL;
	if (len && !access_ok(VERIFY_WRITE, buf, len))
		return -EFAULT;
	return 0;
}

int do_syslog(int type, char __user *buf, int len)
{
	int ret;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		ret = syslog_check_buffer(buf, len);
		if (ret || !len)
			return ret;
		if (type == SYSLOG_ACTION_READ)
			return syslog_read(buf, len);
		return syslog_print_all(buf, len,
					type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		return syslog_clear();
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console(type, len);
	case SYSLOG_ACTION_SIZE_UNREAD:
		return syslog_size_unread();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return log_rb.size;
	}
	return -EINVAL;
}

long sys_syslog(int type, char __user *buf, int len)
{
	return do_syslog(type, buf, len);
}
