/*
 * The tty layer: a terminal is a line discipline (n_tty.c) between a
 * driver, which delivers typed bytes and shows output, and the
 * processes that read(), write() and ioctl() it.
 *
 * Reading: a reader sleeps interruptibly until the line discipline says
 * a read may return (a complete line, or VMIN bytes in raw mode), and
 * returns -EINTR if a signal arrives first.  It copies the bytes out of
 * the buffer under the lock into a kernel buffer, copies that to user
 * space without the lock, and only then takes the bytes from the line
 * discipline, so a bad user buffer (-EFAULT) loses no input.  Typed
 * input flushed meanwhile (^C) is recognised by the flush count and not
 * taken twice.  Writing: user bytes are copied in chunks, put through
 * output processing and handed to the driver under the lock, so echo
 * and writes never interleave inside a chunk.
 *
 * Throttling: input never overflows.  When the line discipline has no
 * room for a byte, tty_receive_char() refuses it and the driver keeps
 * it (and stops taking more from its device); once a reader has taken
 * input, or input was flushed, the driver's unthrottle() says it may
 * offer it again (Linux's tty_throttle/tty_unthrottle).
 *
 * Signals: ^C and ^\ make the line discipline ask for SIGINT/SIGQUIT,
 * which go to the foreground process group (TIOCSPGRP; the first
 * process to open the terminal sets it to its own group, as a session
 * leader acquiring its controlling terminal does in Linux).
 *
 * Locking: tty->lock (a spinlock taken with interrupts off) protects
 * the line discipline state, the throttled flag, the foreground group
 * and the window size, and is held while output goes to the driver
 * (tty_operations.write must not sleep).  read_mutex lets one reader at
 * a time take input and write_mutex keeps one write() from
 * interleaving with another's chunks; each is taken before tty->lock,
 * never inside it.  kill_pgrp() and the driver's unthrottle() are
 * called with no lock held.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define TTY_CHUNK	256	/* bytes copied to or from user space at once */

/* (L) tty->lock  (C) constant after tty_alloc() */
struct tty_struct {
	const char *name;			/* (C) */
	const struct tty_operations *ops;	/* (C) */
	void *driver_data;			/* (C) */
	spinlock_t lock;
	struct n_tty_data ldisc;		/* (L) */
	bool throttled;				/* (L) a byte was refused */
	pid_t pgrp;				/* (L) foreground group; 0 none */
	struct winsize winsize;			/* (L) */
	struct wait_queue_head read_wait;	/* readers waiting for input */
	struct mutex read_mutex;		/* one reader at a time */
	struct mutex write_mutex;		/* one write() at a time */
};

/* Echo from the line discipline; tty->lock is held. */
static void tty_echo(void *priv, const unsigned char *buf, size_t len)
{
	struct tty_struct *tty = priv;

	tty->ops->write(tty, buf, len);
}

struct tty_struct *tty_alloc(const char *name, const struct tty_operations *ops,
			     void *driver_data)
{
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (!tty)
		return NULL;
	tty->name = name;
	tty->ops = ops;
	tty->driver_data = driver_data;
	spin_lock_init(&tty->lock);
	n_tty_open(&tty->ldisc, tty_echo, tty);
	tty->winsize.ws_row = TTY_WINSIZE_ROWS;
	tty->winsize.ws_col = TTY_WINSIZE_COLS;
	init_waitqueue_head(&tty->read_wait);
	mutex_init(&tty->read_mutex);
	mutex_init(&tty->write_mutex);
	return tty;
}

void tty_free(struct tty_struct *tty)
{
	kfree(tty);
}

void *tty_driver_data(struct tty_struct *tty)
{
	return tty->driver_data;
}

/* ---- input ---- */

int tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	unsigned long flags;
	pid_t pgrp;
	int ret;

	spin_lock_irqsave(&tty->lock, flags);
	ret = n_tty_receive_char(&tty->ldisc, c);
	if (ret == -ENOSPC)
		tty->throttled = true;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (ret > 0 && pgrp > 0)
		kill_pgrp(pgrp, ret);
	/* Even a refused byte may have pushed a long line to the reader. */
	wake_up_all(&tty->read_wait);
	return ret < 0 ? ret : 0;
}

/* Input was taken or flushed: a driver holding a refused byte may go on. */
static void tty_unthrottle(struct tty_struct *tty)
{
	unsigned long flags;
	bool throttled;

	spin_lock_irqsave(&tty->lock, flags);
	throttled = tty->throttled;
	tty->throttled = false;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (throttled && tty->ops->unthrottle)
		tty->ops->unthrottle(tty);
}

static bool tty_readable(struct tty_struct *tty, size_t count)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&tty->lock, flags);
	ok = n_tty_readable(&tty->ldisc, count);
	spin_unlock_irqrestore(&tty->lock, flags);
	return ok;
}

/* Sleep until a read of count bytes may return: 0, -EINTR or -EAGAIN. */
static int tty_wait_readable(struct tty_struct *tty, size_t count,
			     bool nonblock)
{
	struct wait_queue_entry wait = { current, LIST_HEAD_INIT(wait.entry) };
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (tty_readable(tty, count))
			break;
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&tty->read_wait, &wait);
	return ret;
}

/*
 * Move one chunk to user space: peek, copy, then consume.  Returns the
 * bytes copied (0 for a ^D line) or -EFAULT; *done says the read must
 * stop here (a line ended, or the buffer ran dry); *raced that input
 * seen by the wait was flushed before it could be taken.
 */
static ssize_t tty_read_chunk(struct tty_struct *tty, char __user *buf,
			      size_t count, bool *done, bool *raced)
{
	unsigned char kbuf[TTY_CHUNK];
	unsigned long flags, seq;
	size_t n, consume;
	bool line_end;

	count = min(count, sizeof(kbuf));
	spin_lock_irqsave(&tty->lock, flags);
	seq = tty->ldisc.flush_seq;
	n = n_tty_peek(&tty->ldisc, kbuf, count, &consume, &line_end);
	*raced = !consume && !n_tty_readable(&tty->ldisc, count);
	spin_unlock_irqrestore(&tty->lock, flags);
	*done = line_end || n < count;
	if (!consume)
		return 0;

	if (copy_to_user(buf, kbuf, n))
		return -EFAULT;

	spin_lock_irqsave(&tty->lock, flags);
	if (tty->ldisc.flush_seq == seq)
		n_tty_consume(&tty->ldisc, consume);
	spin_unlock_irqrestore(&tty->lock, flags);
	tty_unthrottle(tty);
	return n;
}

/* Bytes copied, or -EFAULT if none; *raced: nothing was there after all. */
static ssize_t tty_copy_input(struct tty_struct *tty, char __user *buf,
			      size_t count, bool *raced)
{
	size_t total = 0;
	bool done = false;
	ssize_t n;

	while (!done && total < count) {
		n = tty_read_chunk(tty, buf + total, count - total, &done,
				   raced);
		if (n < 0)
			return total ? (ssize_t)total : n;
		total += n;
		*raced = *raced && !total;
	}
	return total;
}

ssize_t tty_read(struct tty_struct *tty, char __user *buf, size_t count,
		 bool nonblock)
{
	bool raced;
	ssize_t ret;

	if (!count)
		return 0;
	mutex_lock(&tty->read_mutex);
	do {
		ret = tty_wait_readable(tty, count, nonblock);
		if (ret)
			break;
		ret = tty_copy_input(tty, buf, count, &raced);
	} while (raced);
	mutex_unlock(&tty->read_mutex);
	return ret;
}

/* ---- output ---- */

/* Output processing and the driver, for n kernel bytes. */
static void tty_write_kernel(struct tty_struct *tty, const unsigned char *s,
			     size_t n)
{
	unsigned char out[2 * TTY_CHUNK];
	unsigned long flags;
	size_t used, len;

	spin_lock_irqsave(&tty->lock, flags);
	while (n) {
		len = n_tty_process_output(&tty->ldisc, s, n, out, sizeof(out),
					   &used);
		tty->ops->write(tty, out, len);
		s += used;
		n -= used;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
}

ssize_t tty_write(struct tty_struct *tty, const char __user *buf,
		  size_t count)
{
	unsigned char kbuf[TTY_CHUNK];
	size_t done = 0, n, missed;

	mutex_lock(&tty->write_mutex);
	while (done < count) {
		n = min(count - done, sizeof(kbuf));
		missed = copy_from_user(kbuf, buf + done, n);
		tty_write_kernel(tty, kbuf, n - missed);
		done += n - missed;
		if (missed)
			break;
	}
	mutex_unlock(&tty->write_mutex);
	if (!done && count)
		return -EFAULT;
	return done;
}

/* ---- control ---- */

static long tty_get_termios(struct tty_struct *tty, void __user *arg)
{
	struct termios t;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	t = tty->ldisc.termios;
	spin_unlock_irqrestore(&tty->lock, flags);
	return copy_to_user(arg, &t, sizeof(t)) ? -EFAULT : 0;
}

/*
 * TCSETS, TCSETSW (after output drains: it never waits here, output is
 * synchronous) and TCSETSF (also discard typed input).
 */
static long tty_set_termios(struct tty_struct *tty, const void __user *arg,
			    bool flush)
{
	struct termios t;
	unsigned long flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	if (flush)
		n_tty_flush_input(&tty->ldisc);
	n_tty_set_termios(&tty->ldisc, &t);
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_all(&tty->read_wait);	/* raw mode may make input readable */
	tty_unthrottle(tty);		/* and a flush or raw mode make room */
	return 0;
}

pid_t tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return pgrp;
}

/* TIOCSPGRP: any group number is taken as it is; negative is -EINVAL. */
static long tty_set_pgrp(struct tty_struct *tty, pid_t __user *arg)
{
	unsigned long flags;
	pid_t pgrp;

	if (get_user(pgrp, arg))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

static long tty_get_winsize(struct tty_struct *tty, void __user *arg)
{
	struct winsize ws;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	ws = tty->winsize;
	spin_unlock_irqrestore(&tty->lock, flags);
	return copy_to_user(arg, &ws, sizeof(ws)) ? -EFAULT : 0;
}

long tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return tty_get_termios(tty, p);
	case TCSETS:
	case TCSETSW:
		return tty_set_termios(tty, p, false);
	case TCSETSF:
		return tty_set_termios(tty, p, true);
	case TIOCGPGRP:
		return put_user(tty_get_pgrp(tty), (pid_t __user *)p);
	case TIOCSPGRP:
		return tty_set_pgrp(tty, p);
	case TIOCGWINSZ:
		return tty_get_winsize(tty, p);
	default:
		return -ENOTTY;
	}
}

void tty_open_by(struct tty_struct *tty, pid_t pgid)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	if (!tty->pgrp && pgid > 0)
		tty->pgrp = pgid;
	spin_unlock_irqrestore(&tty->lock, flags);
}
