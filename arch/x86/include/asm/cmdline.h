/*
 * The kernel command line (kernel/cmdline.c): a copy of what the boot
 * loader passed, Linux's x86 helpers to look options up in it, and what
 * it leaves for the first process.
 */
#ifndef _ASM_CMDLINE_H
#define _ASM_CMDLINE_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE	2048	/* Linux's on x86, with the NUL */

extern char boot_command_line[COMMAND_LINE_SIZE];

/*
 * Copy the loader's line (whole words only, warning when some do not
 * fit), call each option's __setup()/early_param() handler, and hand
 * the options nobody takes to init_args, naming them in one line.
 */
void cmdline_init(const char *from);

/*
 * Copy from into buf (size bytes, NUL included) if it fits; otherwise
 * only the words that fit whole.  Returns the offset in from of the
 * first word left out, or strlen(from) when everything fits.
 */
size_t cmdline_copy(char *buf, size_t size, const char *from);

/*
 * Value of the last "option=value" on cmdline, copied (quotes removed,
 * NUL-terminated, truncated to bufsize) into buf; returns the value's
 * full length, or -1 when the option is absent.
 */
int cmdline_find_option(const char *cmdline, const char *option,
			char *buf, int bufsize);

/* 1-based word position of the last bare "option", or 0. */
int cmdline_find_option_bool(const char *cmdline, const char *option);

/*
 * The first process's arguments and environment (Linux's argv_init and
 * envp_init): the defaults, then the options no handler took, as
 * Linux's unknown_bootoption() sorts them: "name=value" into envp (a
 * later one with the same name replaces it), a bare word into argv,
 * every word after "--" into argv.  Both arrays end with NULL; argv[0]
 * is the program's name, set by whoever executes it.  Each holds at
 * most MAX_INIT_ARGS/MAX_INIT_ENVS entries; a word beyond that is
 * dropped and counted (Linux panics instead).
 */
#define MAX_INIT_ARGS	32	/* Linux's CONFIG_INIT_ENV_ARG_LIMIT */
#define MAX_INIT_ENVS	32

struct init_args {
	const char *argv[MAX_INIT_ARGS + 2];
	const char *envp[MAX_INIT_ENVS + 2];
	int argc, envc;			/* entries, without the NULL */
	int nr_default_envs;		/* envp[0..nr_default_envs) */
	int dropped;			/* words that did not fit */
	const char *first_dropped;
};

extern struct init_args init_args;

/* Just the defaults: argv { "init" }, envp { "PATH=/bin", "HOME=/", "TERM=vt100" }. */
void init_args_init(struct init_args *ia);

/*
 * Sort the words of line, which is modified in place (the arguments
 * point into it and must outlive ia), into ia: a word that claimed()
 * takes stays with the kernel, the others go to init.  claimed gets the
 * whole word, unquoted, and its value (what follows the first '=') or
 * NULL.
 */
void init_args_parse(struct init_args *ia, char *line,
		     bool (*claimed)(char *word, char *val));

/*
 * Linux's line naming what init got beyond the defaults, "Unknown kernel
 * command line parameters \"...\", will be passed to user space.", and
 * a warning when some did not fit.
 */
void print_unknown_bootoptions(const struct init_args *ia);

/*
 * Call the __setup()/early_param() handlers of one word ("name" or
 * "name=value", unquoted, NUL-terminated), as cmdline_init() does;
 * true when one of them took it.
 */
bool cmdline_setup_option(char *word);

#endif
