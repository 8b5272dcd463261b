/*
 * Parsing a command line.
 *
 * Grammar (a small part of POSIX sh):
 *
 *   line     := [ pipeline { (";" | "&&" | "||") pipeline } [";"] ]
 *   pipeline := command { "|" command }
 *   command  := { word | redirect }+
 *   redirect := [digits] ("<" | ">" | ">>" | ">&") word
 *
 * "#" at the start of a word begins a comment; a newline acts as ";".
 * Words are kept raw, quotes and all: expand.c turns them into text
 * when the command runs, so "$?" sees the status of the command just
 * before it on the same line.  The lexer only finds where a word ends.
 *
 * Invariant: a returned list has at least one command in every
 * pipeline and at least one word or redirection in every command.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

enum token_type {
	T_WORD, T_IONUMBER, T_PIPE, T_AND, T_OR, T_SEMI, T_LESS, T_GREAT,
	T_DGREAT, T_GREATAND, T_AMP, T_END, T_ERROR,
};

struct lexer {
	struct arena *arena;
	const char *p;
	enum token_type type;	/* the current token */
	char *text;		/* its raw text (T_WORD, T_IONUMBER) */
	const char *start;	/* where it starts, for messages */
};

static int is_operator_char(int c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
	       c == '\n';
}

/* Past a quoted section starting at *p (a quote); NULL if unclosed. */
static const char *skip_quoted(const char *p)
{
	char q = *p++;

	for (; *p && *p != q; p++)
		if (q == '"' && *p == '\\' && p[1])
			p++;
	return *p ? p + 1 : NULL;
}

/* The end of the word starting at p, or NULL for an open quote. */
static const char *word_end(const char *p)
{
	while (*p && *p != ' ' && *p != '\t' && !is_operator_char(*p)) {
		if (*p == '\'' || *p == '"') {
			p = skip_quoted(p);
			if (!p)
				return NULL;
		} else if (*p == '\\' && p[1]) {
			p += 2;
		} else {
			p++;
		}
	}
	return p;
}

static enum token_type operator_token(struct lexer *lx)
{
	const char *p = lx->p;

	lx->p += 2;
	if (p[0] == '|' && p[1] == '|')
		return T_OR;
	if (p[0] == '&' && p[1] == '&')
		return T_AND;
	if (p[0] == '>' && p[1] == '>')
		return T_DGREAT;
	if (p[0] == '>' && p[1] == '&')
		return T_GREATAND;
	lx->p--;
	switch (p[0]) {
	case '|': return T_PIPE;
	case '&': return T_AMP;
	case '<': return T_LESS;
	case '>': return T_GREAT;
	default: return T_SEMI;		/* ';' or newline */
	}
}

static void next_token(struct lexer *lx)
{
	const char *end;

	while (*lx->p == ' ' || *lx->p == '\t')
		lx->p++;
	lx->start = lx->p;
	lx->text = NULL;
	if (!*lx->p || *lx->p == '#') {
		lx->type = T_END;
		return;
	}
	if (is_operator_char(*lx->p)) {
		lx->type = operator_token(lx);
		return;
	}
	end = word_end(lx->p);
	if (!end) {
		lx->type = T_ERROR;
		return;
	}
	lx->type = T_WORD;
	if (*end == '<' || *end == '>') {
		const char *q = lx->p;

		while (q < end && isdigit((unsigned char)*q))
			q++;
		if (q == end && end - lx->p <= 2)
			lx->type = T_IONUMBER;
	}
	lx->text = arena_strndup(lx->arena, lx->p, end - lx->p);
	lx->p = end;
}

static void syntax_error(struct lexer *lx)
{
	if (lx->type == T_ERROR)
		fprintf(stderr, "sh: syntax error: unterminated quote\n");
	else if (lx->type == T_END)
		fprintf(stderr, "sh: syntax error: unexpected end of line\n");
	else if (lx->type == T_AMP)
		fprintf(stderr, "sh: syntax error: background jobs (&) are "
			"not supported\n");
	else
		fprintf(stderr, "sh: syntax error near '%.*s'\n",
			lx->type >= T_DGREAT && lx->type <= T_GREATAND ? 2 :
			lx->type == T_AND || lx->type == T_OR ? 2 : 1,
			lx->start);
}

static int parse_redirect(struct lexer *lx, struct redir ***tail)
{
	struct redir *r = arena_alloc(lx->arena, sizeof(*r));
	int fd = -1;

	if (lx->type == T_IONUMBER) {
		fd = atoi(lx->text);
		next_token(lx);
	}
	switch (lx->type) {
	case T_LESS: r->kind = REDIR_IN; break;
	case T_GREAT: r->kind = REDIR_OUT; break;
	case T_DGREAT: r->kind = REDIR_APPEND; break;
	case T_GREATAND: r->kind = REDIR_DUP; break;
	default: return -1;
	}
	r->fd = fd >= 0 ? fd : r->kind == REDIR_IN ? 0 : 1;
	next_token(lx);
	if (lx->type != T_WORD)
		return -1;
	r->word = lx->text;
	r->next = NULL;
	**tail = r;
	*tail = &r->next;
	next_token(lx);
	return 0;
}

static int is_redirect_start(enum token_type t)
{
	return t == T_IONUMBER || t == T_LESS || t == T_GREAT ||
	       t == T_DGREAT || t == T_GREATAND;
}

/* One command; its words go to a temporary array, then the arena. */
static struct command *parse_command(struct lexer *lx)
{
	struct command *cmd = arena_alloc(lx->arena, sizeof(*cmd));
	struct redir **rtail = &cmd->redirs;
	char *words[256];
	int n = 0;

	memset(cmd, 0, sizeof(*cmd));
	for (;;) {
		if (lx->type == T_WORD) {
			if (n == (int)(sizeof(words) / sizeof(words[0])) - 1) {
				fprintf(stderr, "sh: too many words\n");
				return NULL;
			}
			words[n++] = lx->text;
			next_token(lx);
		} else if (is_redirect_start(lx->type)) {
			if (parse_redirect(lx, &rtail) < 0)
				goto error;
		} else {
			break;
		}
	}
	if (n == 0 && !cmd->redirs)
		goto error;
	words[n] = NULL;
	cmd->nwords = n;
	cmd->words = arena_alloc(lx->arena, (n + 1) * sizeof(char *));
	memcpy(cmd->words, words, (n + 1) * sizeof(char *));
	return cmd;
error:
	syntax_error(lx);
	return NULL;
}

static struct pipeline *parse_pipeline(struct lexer *lx)
{
	struct pipeline *pl = arena_alloc(lx->arena, sizeof(*pl));
	struct command **tail = &pl->cmds;

	memset(pl, 0, sizeof(*pl));
	for (;;) {
		*tail = parse_command(lx);
		if (!*tail)
			return NULL;
		tail = &(*tail)->next;
		pl->ncmds++;
		if (lx->type != T_PIPE)
			return pl;
		next_token(lx);
	}
}

static enum connector connector_of(enum token_type t)
{
	switch (t) {
	case T_SEMI: return CONN_SEQ;
	case T_AND: return CONN_AND;
	case T_OR: return CONN_OR;
	default: return CONN_END;
	}
}

struct pipeline *parse_line(struct arena *a, const char *line, int *error)
{
	struct lexer lx = { .arena = a, .p = line };
	struct pipeline *head = NULL, **tail = &head, *pl;

	*error = 0;
	next_token(&lx);
	while (lx.type != T_END) {
		pl = parse_pipeline(&lx);
		if (!pl) {
			*error = 1;
			return NULL;
		}
		*tail = pl;
		tail = &pl->next;
		pl->conn = connector_of(lx.type);
		if (lx.type == T_END)
			break;
		if (pl->conn == CONN_END)
			goto error;
		next_token(&lx);
		if (lx.type == T_END && pl->conn != CONN_SEQ)
			goto error;	/* "a &&" needs a second command */
	}
	return head;
error:
	syntax_error(&lx);
	*error = 1;
	return NULL;
}
