/*
 * sh: the Ferry shell.  What its files share.
 *
 *   main.c     options, the read-run loop, the prompt
 *   arena.c    allocation for one command line
 *   edit.c     the line editor: raw terminal mode, keys, history
 *   parse.c    a command line -> a list of pipelines (words kept raw)
 *   expand.c   one raw word -> its final text (quotes, \, $?, $VAR)
 *   exec.c     running pipelines: fork, pipes, redirections, groups
 *   builtin.c  cd, exit, export, help, pwd, unset
 *
 * Memory: everything parsed from one line lives in that line's arena
 * and is freed at once when the line has run.
 */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

#define SH_LINE_MAX	(64 * 1024)	/* exec's limit on arguments (ARG_MAX) */
#define SH_HISTORY_MAX	64

/* ---- arena: bump allocation, freed all together ---- */
struct arena {
	struct arena_block *blocks;
};
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* ---- parse.c ---- */
enum redir_kind { REDIR_IN, REDIR_OUT, REDIR_APPEND, REDIR_DUP };

struct redir {
	enum redir_kind kind;
	int fd;			/* the descriptor redirected */
	char *word;		/* raw: file name, or fd number for REDIR_DUP */
	char *target;		/* word expanded, just before running */
	struct redir *next;
};

struct command {
	char **words;		/* raw words, NULL-terminated */
	int nwords;
	struct redir *redirs;
	struct command *next;	/* in the pipeline */
};

enum connector { CONN_END, CONN_SEQ, CONN_AND, CONN_OR };

struct pipeline {
	struct command *cmds;
	int ncmds;
	enum connector conn;	/* how the next pipeline follows this one */
	struct pipeline *next;
};

/* A whole line; NULL with a message on stderr for a syntax error. */
struct pipeline *parse_line(struct arena *a, const char *line, int *error);

/* ---- expand.c ---- */
/* The text of raw word; NULL if it expands to nothing (unquoted ""). */
char *expand_word(struct arena *a, const char *raw);

/* ---- main.c ---- */
extern char **sh_params;	/* $0, $1, ... (NULL-terminated) */
extern int sh_nparams;		/* how many after $0: $# */

/* ---- exec.c ---- */
extern int last_status;		/* $? */
extern int term_fd;		/* the terminal under job control, or -1 */
extern pid_t shell_pgid;
void exec_setup(int interactive);
void run_list(struct arena *a, struct pipeline *list);

/* ---- builtin.c ---- */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name);
extern int exit_requested;	/* set by exit: the main loop stops */
extern int exit_code;

/* ---- edit.c ---- */
enum { EDIT_EOF = -1, EDIT_CANCEL = -2 };
int edit_init(void);
int edit_line(const char *prompt, char *buf, size_t size);
void edit_restore(void);
void history_add(const char *line);

#endif
