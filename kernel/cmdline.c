/*
 * The kernel command line.
 *
 * cmdline_init() keeps what the boot loader passed in boot_command_line,
 * then goes through it once, word by word, as Linux's start_kernel()
 * does: an option that some file registered with __setup() or
 * early_param() (include/linux/init.h) goes to that file's handler;
 * every other word is handed to the first process, "name=value" as an
 * environment variable and a bare word as an argument (init_args), and
 * all of them are named in one line,
 *
 *	Unknown kernel command line parameters "foo x=1", will be passed
 *	to user space.
 *
 * so a misspelt option shows in the boot log.  Words after "--" are all
 * init's arguments.  Code that wants a value later may also look it up
 * in boot_command_line with Linux's x86 helpers cmdline_find_option()
 * and cmdline_find_option_bool(), where the last of a repeated option
 * counts (as the handlers, called in order, also see it).
 *
 * Words are split at spaces and tabs; a double-quoted part of a word may
 * hold spaces (name="a b"), and the quotes are dropped from the value.
 * The line holds at most COMMAND_LINE_SIZE - 1 bytes, as on Linux/x86;
 * a longer one keeps only the words that fit whole, with a warning that
 * says where it was cut (Linux cuts it silently, mid-word).
 *
 * Invariants: boot_command_line, static_command_line (the words, split
 * in place, which handlers and init_args point into) and init_args are
 * written only by cmdline_init(), on the boot CPU before any other CPU
 * or thread runs, and only read afterwards.  Locking: none needed.
 */
#include <asm/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>

char boot_command_line[COMMAND_LINE_SIZE];
static char static_command_line[COMMAND_LINE_SIZE];
struct init_args init_args;

/* What init always gets in its environment (Linux: HOME and TERM). */
static const char *const init_default_envs[] = {
	"PATH=/bin", "HOME=/", "TERM=vt100",
};

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

/* ---- looking options up ---- */

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

/* ---- copying the loader's line ---- */

size_t cmdline_copy(char *buf, size_t size, const char *from)
{
	const char *start, *end, *p = from;
	size_t keep = 0, len = strlen(from);

	if (len < size) {
		memcpy(buf, from, len + 1);
		return len;
	}
	while ((end = next_word(p, &start)) && (size_t)(end - from) < size) {
		keep = end - from;
		p = end;
	}
	if (size > 0) {
		memcpy(buf, from, keep);
		buf[keep] = '\0';
	}
	return end ? (size_t)(start - from) : len;
}

/* ---- options with a handler ---- */

/* Does the word (name or name=value) name p's option? */
static bool setup_param_matches(const struct obs_kernel_param *p,
				const char *word)
{
	size_t n = strlen(p->str);

	if (strncmp(word, p->str, n))
		return false;
	return (n && p->str[n - 1] == '=') || word[n] == '\0' ||
	       word[n] == '=';
}

/*
 * Linux's do_early_param() and obsolete_checksetup() in one: calls the
 * handlers registered for word; true when one of them took it.
 */
static bool cmdline_do_setup(char *word, char *val)
{
	const struct obs_kernel_param *p;
	bool taken = false;

	for (p = __setup_start; p < __setup_end; p++) {
		if (!setup_param_matches(p, word))
			continue;
		if (p->early) {
			if (p->setup_func(val))
				pr_warn("Malformed early option '%s'\n", word);
			taken = true;
		} else if (p->setup_func(word + strlen(p->str))) {
			return true;
		}
	}
	return taken;
}

bool cmdline_setup_option(char *word)
{
	char *eq = strchr(word, '=');

	return cmdline_do_setup(word, eq ? eq + 1 : NULL);
}

/* ---- what is left for init ---- */

void init_args_init(struct init_args *ia)
{
	unsigned int i;

	memset(ia, 0, sizeof(*ia));
	ia->argv[ia->argc++] = "init";
	for (i = 0; i < ARRAY_SIZE(init_default_envs); i++)
		ia->envp[ia->envc++] = init_default_envs[i];
	ia->nr_default_envs = ia->envc;
}

static void init_args_drop(struct init_args *ia, const char *word)
{
	if (!ia->dropped++)
		ia->first_dropped = word;
}

/* Linux's set_init_arg(): one more argument. */
static void init_args_add_arg(struct init_args *ia, const char *word)
{
	if (ia->argc == MAX_INIT_ARGS) {
		init_args_drop(ia, word);
		return;
	}
	ia->argv[ia->argc++] = word;
}

/* "name=value": replaces an earlier variable of that name. */
static void init_args_add_env(struct init_args *ia, const char *word,
			      const char *val)
{
	size_t namelen = val - word;	/* with the '=' */
	int i;

	for (i = 0; i < ia->envc; i++) {
		if (!strncmp(ia->envp[i], word, namelen)) {
			ia->envp[i] = word;
			return;
		}
	}
	if (ia->envc == MAX_INIT_ENVS) {
		init_args_drop(ia, word);
		return;
	}
	ia->envp[ia->envc++] = word;
}

/* Removes the double quotes from the NUL-terminated word, in place. */
static void unquote(char *word)
{
	char *out = word;

	for (; *word; word++)
		if (*word != '"')
			*out++ = *word;
	*out = '\0';
}

/*
 * The next word of the line at *p, NUL-terminated and unquoted in place;
 * *p moves past it.  NULL at the end of the line.
 */
static char *next_arg(char **p)
{
	const char *start, *end = next_word(*p, &start);
	char *word = (char *)start;

	if (!end)
		return NULL;
	*p = (char *)end + (*end != '\0');
	*(char *)end = '\0';
	unquote(word);
	return word;
}

void init_args_parse(struct init_args *ia, char *line,
		     bool (*claimed)(char *word, char *val))
{
	bool after_dashes = false;
	char *word, *eq;

	while ((word = next_arg(&line))) {
		eq = strchr(word, '=');
		if (after_dashes)
			init_args_add_arg(ia, word);
		else if (!strcmp(word, "--"))
			after_dashes = true;
		else if (claimed(word, eq ? eq + 1 : NULL))
			continue;
		else if (eq)
			init_args_add_env(ia, word, eq + 1);
		else
			init_args_add_arg(ia, word);
	}
	ia->argv[ia->argc] = NULL;
	ia->envp[ia->envc] = NULL;
}

void print_unknown_bootoptions(const struct init_args *ia)
{
	const char *sep = "";
	int i;

	if (ia->dropped)
		pr_warn("Too many boot init vars: %d left out, the first '%s' "
			"(at most %d arguments and %d environment variables)\n",
			ia->dropped, ia->first_dropped, MAX_INIT_ARGS,
			MAX_INIT_ENVS);
	if (ia->argc == 1 && ia->envc == ia->nr_default_envs)
		return;
	/* In pieces: printk keeps at most 1 KiB of one call. */
	pr_notice("Unknown kernel command line parameters \"");
	for (i = 1; i < ia->argc; i++, sep = " ")
		pr_cont("%s%s", sep, ia->argv[i]);
	for (i = ia->nr_default_envs; i < ia->envc; i++, sep = " ")
		pr_cont("%s%s", sep, ia->envp[i]);
	pr_cont("\", will be passed to user space.\n");
}

/* ---- at boot ---- */

static void print_command_line(const char *line)
{
	size_t off, len = strlen(line);

	pr_info("Command line: ");
	for (off = 0; off < len; off += 512)
		pr_cont("%.512s", line + off);
	pr_cont("\n");
}

void cmdline_init(const char *from)
{
	size_t cut = cmdline_copy(boot_command_line,
				  sizeof(boot_command_line), from);

	if (from[cut])
		pr_warn("Command line is %zu bytes, more than the %d kept: "
			"ignoring %zu bytes from \"%.40s\"\n", strlen(from),
			COMMAND_LINE_SIZE - 1, strlen(from + cut), from + cut);
	print_command_line(boot_command_line);
	strscpy(static_command_line, boot_command_line,
		sizeof(static_command_line));
	init_args_init(&init_args);
	init_args_parse(&init_args, static_command_line, cmdline_do_setup);
	print_unknown_bootoptions(&init_args);
}

/* ---- this file's options (Linux's init/main.c and kernel/panic.c) ---- */

static int quiet_kernel(char *val)
{
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_kernel);

static int debug_kernel(char *val)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_kernel);

/* A bad value changes nothing (kstrtoint() writes only on success). */
static int loglevel(char *val)
{
	return val ? kstrtoint(val, 10, &console_loglevel) : -EINVAL;
}
early_param("loglevel", loglevel);

static int panic_setup(char *val)
{
	return val ? kstrtoint(val, 10, &panic_timeout) : -EINVAL;
}
early_param("panic", panic_setup);
