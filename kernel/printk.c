/*
 * printk: format a message and hand it to every registered console
 * (COM1 and the VGA screen) when its level is below console_loglevel.
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
 * Locking: none.  Lines printed on several CPUs at once may interleave
 * on the consoles; last_level is a hint for KERN_CONT, and a race on it
 * only gives a continuation another line's level.  The console list
 * has no lock either: the boot consoles register before other CPUs
 * start, but kunit's capture console comes and goes at run time, so a
 * printk on another CPU may miss it or write to it once more.
 */
#include <linux/kernel.h>
#include <linux/printk.h>

#define PRINTK_LINE_MAX		1024
#define MAX_CONSOLES		4

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *consoles[MAX_CONSOLES];
static unsigned int nr_consoles;
static int last_level = MESSAGE_LOGLEVEL_DEFAULT;

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

int vprintk(const char *fmt, va_list args)
{
	char buf[PRINTK_LINE_MAX];
	const char *text = buf;
	unsigned int i;
	int len, level;

	len = printk_format(buf, sizeof(buf), fmt, args);
	level = printk_get_level(&text);
	len -= text - buf;
	last_level = level;
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
