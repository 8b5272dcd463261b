/*
 * The kernel command line: kept in boot_command_line, split into words
 * at spaces and tabs; a double-quoted part of a word may hold spaces
 * (name="a b").  Options are looked up by name like Linux's x86
 * cmdline_find_option(); when one is repeated the last one counts.
 */
#include <asm/cmdline.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>

char boot_command_line[COMMAND_LINE_SIZE];

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Finds the next word at or after p; returns its end (NULL at the end). */
static const char *next_word(const char *p, const char **start)
{
	bool quoted = false;

	while (is_space(*p))
		p++;
	if (!*p)
		return NULL;
	*start = p;
	for (; *p && (quoted || !is_space(*p)); p++)
		if (*p == '"')
			quoted = !quoted;
	return p;
}

int cmdline_find_option(const char *cmdline, const char *option,
			char *buf, int bufsize)
{
	size_t optlen = strlen(option);
	const char *start, *end, *p = cmdline, *val = NULL, *val_end = NULL;
	int len = 0;

	while ((end = next_word(p, &start))) {
		if ((size_t)(end - start) > optlen && start[optlen] == '=' &&
		    !strncmp(start, option, optlen)) {
			val = start + optlen + 1;
			val_end = end;
		}
		p = end;
	}
	if (!val)
		return -1;
	for (; val < val_end; val++) {
		if (*val == '"')
			continue;
		if (len + 1 < bufsize)
			buf[len] = *val;
		len++;
	}
	if (bufsize > 0)
		buf[len < bufsize ? len : bufsize - 1] = '\0';
	return len;
}

int cmdline_find_option_bool(const char *cmdline, const char *option)
{
	size_t optlen = strlen(option);
	const char *start, *end, *p = cmdline;
	int pos = 0, found = 0;

	while ((end = next_word(p, &start))) {
		pos++;
		if ((size_t)(end - start) == optlen &&
		    !strncmp(start, option, optlen))
			found = pos;
		p = end;
	}
	return found;
}

void cmdline_init(const char *from)
{
	char val[16];

	strlcpy(boot_command_line, from, sizeof(boot_command_line));
	if (cmdline_find_option_bool(boot_command_line, "quiet"))
		console_loglevel = 4;
	if (cmdline_find_option_bool(boot_command_line, "debug"))
		console_loglevel = 10;
	if (cmdline_find_option(boot_command_line, "loglevel", val,
				sizeof(val)) >= 0 &&
	    kstrtoint(val, 10, &console_loglevel))
		pr_warn("cmdline: bad loglevel=%s ignored\n", val);
	if (cmdline_find_option(boot_command_line, "panic", val,
				sizeof(val)) >= 0 &&
	    kstrtoint(val, 10, &panic_timeout))
		pr_warn("cmdline: bad panic=%s ignored\n", val);
}
