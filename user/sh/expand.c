/*
 * Word expansion, done when a command is about to run:
 *
 *   'text'    exactly text
 *   "text"    text with $ expansions; \ keeps its meaning only before
 *             $ ` " \ and newline
 *   \c        the character c
 *   $?        the exit status of the last pipeline
 *   $$        the shell's process id
 *   $0..$9    the shell's name and positional parameters; $# their count
 *   $NAME, ${NAME}   the environment variable, or nothing
 *   ~, ~/...  $HOME (or /) at the start of a word
 *
 * There is no field splitting and no globbing: one raw word gives at
 * most one word.  A word that expands to nothing and had no quotes
 * disappears, so `echo $UNSET x` prints "x" but `echo "" x` prints
 * " x".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct strbuf {
	char *s;
	size_t len, cap;
};

static void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = (sb->len + n + 1) * 2;
		char *p = realloc(sb->s, cap);

		if (!p) {
			fprintf(stderr, "sh: out of memory\n");
			exit(2);
		}
		sb->s = p;
		sb->cap = cap;
	}
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

static void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

static int is_name_char(int c, int first)
{
	return c == '_' || isalpha(c) || (!first && isdigit(c));
}

static void add_var(struct strbuf *sb, const char *name, size_t n)
{
	char buf[256];
	const char *v;

	if (n >= sizeof(buf))
		return;
	memcpy(buf, name, n);
	buf[n] = '\0';
	v = getenv(buf);
	if (v)
		sb_add(sb, v, strlen(v));
}

/* Expand the $ at p; returns the first character after the expansion. */
static const char *expand_dollar(struct strbuf *sb, const char *p)
{
	char num[16];
	const char *name;

	p++;
	if (*p == '?' || *p == '$') {
		snprintf(num, sizeof(num), "%d",
			 *p == '?' ? last_status : (int)getpid());
		sb_add(sb, num, strlen(num));
		return p + 1;
	}
	if (*p >= '0' && *p <= '9') {
		int i = *p - '0';

		if (i <= sh_nparams && sh_params[i])
			sb_add(sb, sh_params[i], strlen(sh_params[i]));
		return p + 1;
	}
	if (*p == '#') {
		snprintf(num, sizeof(num), "%d", sh_nparams);
		sb_add(sb, num, strlen(num));
		return p + 1;
	}
	if (*p == '{') {
		const char *end = p + 1;

		while (is_name_char((unsigned char)*end, end == p + 1))
			end++;
		if (*end != '}' || end == p + 1) {
			sb_addc(sb, '$');	/* not ${NAME}: keep it as text */
			return p;
		}
		add_var(sb, p + 1, end - p - 1);
		return end + 1;
	}
	if (!is_name_char((unsigned char)*p, 1)) {
		sb_addc(sb, '$');
		return p;
	}
	for (name = p; is_name_char((unsigned char)*p, 0); p++)
		;
	add_var(sb, name, p - name);
	return p;
}

/* Inside "...": p is just past the opening quote; returns past the end. */
static const char *expand_double(struct strbuf *sb, const char *p)
{
	while (*p && *p != '"') {
		if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
			if (p[1] != '\n')
				sb_addc(sb, p[1]);
			p += 2;
		} else if (*p == '$') {
			p = expand_dollar(sb, p);
		} else {
			sb_addc(sb, *p++);
		}
	}
	return *p ? p + 1 : p;
}

static const char *expand_tilde(struct strbuf *sb, const char *p)
{
	const char *home = getenv("HOME");

	if (p[0] != '~' || (p[1] && p[1] != '/'))
		return p;
	if (!home || !*home)
		home = "/";
	sb_add(sb, home, strlen(home));
	return p + 1;
}

char *expand_word(struct arena *a, const char *raw)
{
	struct strbuf sb = { 0 };
	const char *p = expand_tilde(&sb, raw), *end;
	int quoted = 0;
	char *word;

	while (*p) {
		if (*p == '\'') {
			quoted = 1;
			end = strchr(p + 1, '\'');
			end = end ? end : p + strlen(p);
			sb_add(&sb, p + 1, end - p - 1);
			p = *end ? end + 1 : end;
		} else if (*p == '"') {
			quoted = 1;
			p = expand_double(&sb, p + 1);
		} else if (*p == '\\' && p[1]) {
			quoted = 1;
			if (p[1] != '\n')
				sb_addc(&sb, p[1]);
			p += 2;
		} else if (*p == '$') {
			p = expand_dollar(&sb, p);
		} else {
			sb_addc(&sb, *p++);
		}
	}
	word = (sb.len || quoted) ? arena_strndup(a, sb.s ? sb.s : "",
						   sb.len) : NULL;
	free(sb.s);
	return word;
}
