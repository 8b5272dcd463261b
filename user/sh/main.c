/*
 * sh: the Ferry shell.
 *
 *   sh                 interactive when standard input is a terminal,
 *                      else read commands from standard input
 *   sh FILE [ARG...]   run the commands in FILE ($0 = FILE, $1 = ARG...)
 *   sh -c COMMAND [NAME [ARG...]]
 *                      run one command line ($0 = NAME, $1 = ARG...)
 *
 * Interactive: the prompt is the working directory followed by " $ ",
 * lines are edited by edit.c, and ^D on an empty line ends the shell
 * like `exit`.  Otherwise lines are read one byte at a time, so a
 * command the shell runs can read the rest of the same input.
 *
 * The exit status is that of the last pipeline, or exit's argument;
 * 2 for a usage error, 127 when FILE cannot be opened.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

char **sh_params;
int sh_nparams;

static void run_line(const char *line)
{
	struct arena a = { 0 };
	struct pipeline *list;
	int error;

	list = parse_line(&a, line, &error);
	if (error)
		last_status = 2;
	else
		run_list(&a, list);
	arena_free(&a);
}

/*
 * A line from fd without the newline: its length, or -1 at the end of
 * the input.  A line too long for buf is skipped with a message.
 */
static int read_plain_line(int fd, char *buf, size_t size)
{
	size_t len = 0;
	int too_long = 0;
	ssize_t n;
	char c;

	for (;;) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (len == 0 && !too_long)
				return -1;
			break;
		}
		if (c == '\n')
			break;
		if (len + 1 < size)
			buf[len++] = c;
		else
			too_long = 1;
	}
	buf[len] = '\0';
	if (too_long) {
		fprintf(stderr, "sh: line too long (over %zu bytes)\n",
			size - 1);
		buf[0] = '\0';
		last_status = 2;
		return 0;
	}
	return len;
}

static void make_prompt(char *prompt, size_t size)
{
	char cwd[PATH_MAX];

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "?");
	snprintf(prompt, size, "%s $ ", cwd);
}

static void interactive_loop(void)
{
	static char line[SH_LINE_MAX], prompt[PATH_MAX + 8];
	int n;

	while (!exit_requested) {
		make_prompt(prompt, sizeof(prompt));
		n = edit_line(prompt, line, sizeof(line));
		if (n == EDIT_EOF)
			break;
		if (n == EDIT_CANCEL) {
			last_status = 130;
			continue;
		}
		history_add(line);
		run_line(line);
	}
}

static void script_loop(int fd)
{
	static char line[SH_LINE_MAX];

	while (!exit_requested && read_plain_line(fd, line, sizeof(line)) >= 0)
		run_line(line);
}

static int usage(void)
{
	fprintf(stderr, "usage: sh [-c COMMAND [NAME [ARG...]] | "
		"FILE [ARG...]]\n");
	return 2;
}

/* $0 is params[0]; $1... follow. */
static void set_params(char **params, int n)
{
	sh_params = params;
	sh_nparams = n - 1;
}

int main(int argc, char **argv)
{
	int fd = STDIN_FILENO;

	set_params(argv, 1);
	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3)
			return usage();
		if (argc > 3)
			set_params(argv + 3, argc - 3);
		exec_setup(0);
		run_line(argv[2]);
		return exit_requested ? exit_code : last_status;
	}
	if (argc > 1 && argv[1][0] == '-')
		return usage();
	if (argc > 1) {
		set_params(argv + 1, argc - 1);
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1],
				strerror(errno));
			return 127;
		}
	}
	if (fd == STDIN_FILENO && edit_init() == 0) {
		exec_setup(1);
		interactive_loop();
	} else {
		exec_setup(0);
		script_loop(fd);
	}
	fflush(NULL);
	return exit_requested ? exit_code : last_status;
}
