/*
 * The edu driver's settings file, /etc/edu.conf: lines of `key = value`,
 * `#` to the end of a line a comment, and `[0000:00:04.0]` starting a
 * section whose keys apply to that PCI device only:
 *
 *	dma_bits = 28		# DMA mask width, 24..64
 *	irq = msi		# msi, intx or poll
 *	timeout_ms = 1000	# 1..60000
 *	window_bytes = 4095	# 1..4096: see uapi/linux/edu.h
 *	[0000:00:0a.0]
 *	dma_bits = 64
 *
 * The parser is pure (no allocation, no I/O), so host tests build it
 * too.  Any error makes the whole file count as absent: the defaults
 * are used, and err says which line was wrong.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/string.h>
#include "edu_internal.h"

#define EDU_CONF_LINE_MAX	128

const struct edu_config edu_default_config = {
	.dma_bits = 28,			/* the device's own mask */
	.irq_mode = EDU_IRQ_MSI,
	.timeout_ms = 1000,		/* ten times a transfer's 100 ms */
	.window_bytes = EDU_BUF_SIZE - 1,	/* QEMU < 8.0: see edu.h */
};

struct edu_conf_key {
	const char *name;
	int (*set)(struct edu_config *cfg, const char *value);
};

static int edu_set_dma_bits(struct edu_config *cfg, const char *value)
{
	unsigned int bits;

	if (kstrtouint(value, 10, &bits) || bits < 24 || bits > 64)
		return -EINVAL;
	cfg->dma_bits = bits;
	return 0;
}

static int edu_set_irq(struct edu_config *cfg, const char *value)
{
	static const char *const modes[] = {
		[EDU_IRQ_MSI] = "msi", [EDU_IRQ_INTX] = "intx",
		[EDU_IRQ_POLL] = "poll",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (!strcmp(value, modes[i])) {
			cfg->irq_mode = i;
			return 0;
		}
	}
	return -EINVAL;
}

static int edu_set_timeout(struct edu_config *cfg, const char *value)
{
	unsigned int ms;

	if (kstrtouint(value, 10, &ms) || ms < 1 || ms > 60000)
		return -EINVAL;
	cfg->timeout_ms = ms;
	return 0;
}

static int edu_set_window(struct edu_config *cfg, const char *value)
{
	unsigned int bytes;

	if (kstrtouint(value, 10, &bytes) || bytes < 1 || bytes > EDU_BUF_SIZE)
		return -EINVAL;
	cfg->window_bytes = bytes;
	return 0;
}

static const struct edu_conf_key edu_conf_keys[] = {
	{ "dma_bits", edu_set_dma_bits },
	{ "irq", edu_set_irq },
	{ "timeout_ms", edu_set_timeout },
	{ "window_bytes", edu_set_window },
};

static bool edu_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Cut comment and surrounding blanks off line, in place. */
static char *edu_trim(char *line)
{
	char *end, *hash = strchr(line, '#');

	if (hash)
		*hash = '\0';
	while (edu_space(*line))
		line++;
	end = line + strlen(line);
	while (end > line && edu_space(end[-1]))
		*--end = '\0';
	return line;
}

/*
 * One line, comment and blanks gone.  *apply says whether the current
 * section is this device's (or the global part).
 */
static int edu_parse_line(char *line, const char *devname, bool *apply,
			  struct edu_config *cfg, char *err, size_t errlen)
{
	char *eq, *key, *value;
	unsigned int i;

	if (!*line)
		return 0;
	if (line[0] == '[') {
		char *close = strchr(line, ']');

		if (!close || close[1]) {
			snprintf(err, errlen, "bad section header");
			return -EINVAL;
		}
		*close = '\0';
		*apply = !strcmp(line + 1, devname);
		return 0;
	}
	eq = strchr(line, '=');
	if (!eq) {
		snprintf(err, errlen, "expected key = value");
		return -EINVAL;
	}
	*eq = '\0';
	key = edu_trim(line);
	value = edu_trim(eq + 1);
	for (i = 0; i < ARRAY_SIZE(edu_conf_keys); i++) {
		struct edu_config scratch = *cfg;

		if (strcmp(key, edu_conf_keys[i].name))
			continue;
		/* A section of another device is still checked. */
		if (edu_conf_keys[i].set(*apply ? cfg : &scratch, value)) {
			snprintf(err, errlen, "bad value '%s' for %s", value, key);
			return -EINVAL;
		}
		return 0;
	}
	snprintf(err, errlen, "unknown key '%s'", key);
	return -EINVAL;
}

int edu_parse_config(const char *text, const char *devname,
		     struct edu_config *cfg, char *err, size_t errlen)
{
	char line[EDU_CONF_LINE_MAX];
	bool apply = true;
	unsigned int lineno = 0;

	*cfg = edu_default_config;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		char msg[64] = "line too long";
		int ret = -EINVAL;

		lineno++;
		if (len < sizeof(line)) {
			memcpy(line, text, len);
			line[len] = '\0';
			ret = edu_parse_line(edu_trim(line), devname, &apply, cfg,
					     msg, sizeof(msg));
		}
		if (ret) {
			snprintf(err, errlen, "line %u: %s", lineno, msg);
			*cfg = edu_default_config;
			return ret;
		}
		text += len + (nl != NULL);
	}
	return 0;
}
