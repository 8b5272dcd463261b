/*
 * printk: format a message, keep it in the kernel log, and hand it to
 * every registered console (COM1 and the VGA screen) when its level is
 * below console_loglevel.  syslog(2) reads the log back
 * (kernel/syslog.c).
 *
 * A message may start with KERN_<LEVEL> (SOH and a digit) or KERN_CONT,
 * which continues the previous line at its level.  The format buffer is
 * on the stack, so a printk from an exception handler that interrupted a
 * printk is safe (its text may land in the middle of the other line).
 * A message longer than the buffer (PRINTK_LINE_MAX - 1 bytes with its
 * level prefix) is cut, and its last byte becomes a newline, so the
 * next message still starts a line of its own, as Linux keeps a
 * truncated record a separate line.
 *
 * The log: every message, whatever its level, is also stored in a ring
 * of records (kernel/printk_ringbuffer.c) with its level and the time
 * (ktime_get_ns()), one record per line: a message of several lines
 * gives several records, and one without a final newline leaves its
 * line open for a KERN_CONT message.  When the ring is full the oldest
 * records are overwritten.  The ring starts in __log_buf
 * (LOG_BUF_LEN_DEFAULT bytes in the image, so the first line of the
 * boot is kept); setup_log_buf() moves it to a memblock allocation when
 * log_buf_len= asks for more (rounded up to a power of two, as Linux).
 *
 * Locking: logbuf_lock (a spinlock, always taken with interrupts off)
 * protects log_rb, the ring and the buffer it points to, and syslog's
 * cursors into it (printk_internal.h).  printk may run in an interrupt
 * handler and on any CPU, so nothing under the lock sleeps, allocates
 * or touches user memory.  A printk on the CPU that holds
 * logbuf_lock (from an exception or NMI taken in those few lines) skips
 * the log and still reaches the consoles, instead of deadlocking.  The
 * consoles and their list take no lock: lines printed on several CPUs
 * at once may interleave there; last_level is a hint for KERN_CONT, and
 * a race on it only gives a continuation another line's level.  The
 * boot consoles register before other CPUs start, but kunit's capture
 * console comes and goes at run time, so a printk on another CPU may
 * miss it or write to it once more.
 *
 * Modern Linux stores records in a lockless ring (5.10 and later), so a
 * printk never waits for another CPU's.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syslog.h>

#include "printk_internal.h"

#define PRINTK_LINE_MAX		1024
#define MAX_CONSOLES		4
#define LOG_BUF_LEN_DEFAULT	(128 * 1024)	/* Linux's LOG_BUF_SHIFT 17 */
#define LOG_BUF_LEN_MAX		(1U << 30)

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *consoles[MAX_CONSOLES];
static unsigned int nr_consoles;
static int last_level = MESSAGE_LOGLEVEL_DEFAULT;

static char __log_buf[LOG_BUF_LEN_DEFAULT] __aligned(LOG_ALIGN);
DEFINE_SPINLOCK(logbuf_lock);
struct printk_ringbuffer log_rb = {
	.buf = __log_buf, .size = LOG_BUF_LEN_DEFAULT,
};
static u32 new_log_buf_len;	/* log_buf_len=, set before setup_log_buf() */

void register_console(struct console *con)
{
	if (nr_consoles < MAX_CONSOLES)
		consoles[nr_consoles++] = con;
}

void unregister_console(struct console *con)
{
	unsigned int i;

	for (i = 0; i < nr_consoles; i++) {
		if (consoles[i] == con) {
			consoles[i] = consoles[--nr_consoles];
			return;
		}
	}
}

/* Strips a KERN_<LEVEL> prefix from *text and returns the level. */
static int printk_get_level(const char **text)
{
	const char *s = *text;

	if (s[0] != KERN_SOH[0] || !s[1])
		return MESSAGE_LOGLEVEL_DEFAULT;
	*text = s + 2;
	if (s[1] == 'c')
		return last_level;
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	return MESSAGE_LOGLEVEL_DEFAULT;
}

/* Format into buf (size >= 2); a message that is cut still ends its line. */
static int printk_format(char *buf, size_t size, const char *fmt,
			 va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if (len < size)
		return len;
	buf[size - 2] = '\n';
	return size - 1;
}

/* Does this CPU hold logbuf_lock?  Call with interrupts off. */
static bool logbuf_lock_held_here(void)
{
	return READ_ONCE(logbuf_lock.owner_cpu) == raw_smp_processor_id() + 1;
}

/* Keep one message (its level prefix removed) in the log, a record a line. */
static void log_store(int level, bool cont, const char *text, size_t len)
{
	u64 ts = ktime_get_ns();
	unsigned long flags;
	const char *nl;
	size_t n;

	local_irq_save(flags);
	if (logbuf_lock_held_here()) {
		local_irq_restore(flags);
		return;
	}
	spin_lock(&logbuf_lock);
	while (len) {
		nl = memchr(text, '\n', len);
		n = nl ? (size_t)(nl - text) : len;
		prb_store(&log_rb, ts, level,
			  (cont ? LOG_CONT : 0) | (nl ? LOG_NEWLINE : 0),
			  text, n);
		n += nl ? 1 : 0;
		text += n;
		len -= n;
		cont = false;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

int vprintk(const char *fmt, va_list args)
{
	char buf[PRINTK_LINE_MAX];
	const char *text = buf;
	unsigned int i;
	int len, level;
	bool cont;

	len = printk_format(buf, sizeof(buf), fmt, args);
	cont = buf[0] == KERN_SOH[0] && buf[1] == 'c';
	level = printk_get_level(&text);
	len -= text - buf;
	last_level = level;
	log_store(level, cont, text, len);
	if (level >= console_loglevel)
		return len;
	for (i = 0; i < nr_consoles; i++)
		consoles[i]->write(text, len);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/* ---- log_buf_len= and the buffer's move to memblock ---- */

/* "N[KMG]" in bytes; false for anything else. */
static bool log_buf_len_parse(const char *s, u64 *size)
{
	static const char units[] = "kmg";
	const char *suffix;
	u64 n = 0;

	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > LOG_BUF_LEN_MAX)
			return false;
		n = n * 10 + (*s - '0');
	}
	suffix = *s ? strchr(units, *s | 0x20) : NULL;	/* either case */
	if (suffix) {
		n <<= 10 * (suffix - units + 1);
		s++;
	}
	*size = n;
	return !*s;
}

static int log_buf_len_setup(char *str)
{
	u64 size;

	if (!log_buf_len_parse(str, &size) || size > LOG_BUF_LEN_MAX) {
		pr_warn("log_buf_len: \"%s\" is not a size up to 1G, ignored\n",
			str);
		return 1;
	}
	size = size > 1 ? 1ULL << (64 - __builtin_clzll(size - 1)) : 1;
	new_log_buf_len = size;
	return 1;
}
__setup("log_buf_len=", log_buf_len_setup);

void setup_log_buf(void)
{
	unsigned long flags;
	char *buf;

	if (new_log_buf_len <= log_rb.size)
		return;
	buf = memblock_alloc(new_log_buf_len, LOG_ALIGN);
	if (!buf) {
		pr_err("log_buf_len: %u bytes not available\n",
		       new_log_buf_len);
		return;
	}
	spin_lock_irqsave(&logbuf_lock, flags);
	memcpy(buf, log_rb.buf, log_rb.size);	/* every offset stays valid */
	log_rb.buf = buf;
	log_rb.size = new_log_buf_len;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	pr_info("log_buf_len: %u bytes\n", new_log_buf_len);
}
