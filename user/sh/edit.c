/*
 * The line editor, used when standard input is a terminal.
 *
 * edit_line() puts the terminal in raw mode (no ICANON, ECHO or ISIG:
 * every key arrives at once, unechoed, and ^C is a character), echoes
 * and edits the line itself, and restores the attributes saved by
 * edit_init() before it returns, so commands run in the terminal's
 * normal mode.  It moves the cursor with backspaces and reprinting
 * only (no escape sequences), so it works on any console.
 *
 * Keys: printable characters insert; Backspace (DEL or ^H) deletes
 * left; ^U kills the line; ^C cancels it (prints ^C); ^D on an empty
 * line is end of input, elsewhere deletes right; Left/Right, Home/End
 * (also ^A/^E) and Delete move and edit; Up/Down walk the history of
 * the last SH_HISTORY_MAX lines.
 *
 * Invariants: 0 <= pos <= len < size; buf[len] == '\0'; the terminal
 * shows prompt + buf with the cursor after buf[pos - 1].
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define CTRL(c) ((c) & 0x1f)
#define KEY_DEL 0x7f

enum key {
	KEY_UP = 0x100, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END,
	KEY_DELETE, KEY_NONE, KEY_EOF,
};

static struct termios saved;
static char *history[SH_HISTORY_MAX];
static int history_len;

struct line {
	char *buf;
	size_t size, len, pos;
	int hist;		/* history entry shown; history_len: new line */
	char *scratch;		/* the new line, kept while browsing */
};

int edit_init(void)
{
	return tcgetattr(STDIN_FILENO, &saved);
}

void edit_restore(void)
{
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

static void raw_mode(void)
{
	struct termios raw = saved;

	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
}

void history_add(const char *line)
{
	char *copy;

	if (!*line || (history_len && !strcmp(history[history_len - 1], line)))
		return;
	copy = strdup(line);
	if (!copy)
		return;
	if (history_len == SH_HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1,
			(SH_HISTORY_MAX - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len++] = copy;
}

static void out(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

static void out_repeat(char c, size_t n)
{
	char chunk[64];

	memset(chunk, c, sizeof(chunk));
	while (n) {
		size_t k = n < sizeof(chunk) ? n : sizeof(chunk);

		out(chunk, k);
		n -= k;
	}
}

/* One byte; KEY_EOF at end of input or on an error. */
static int read_byte(void)
{
	unsigned char c;
	ssize_t n;

	do {
		n = read(STDIN_FILENO, &c, 1);
	} while (n < 0 && errno == EINTR);
	return n == 1 ? c : KEY_EOF;
}

/* After ESC: "[A" or "OA" style arrows, "[3~" style keys. */
static int read_escape(void)
{
	int c = read_byte(), num = 0;

	if (c != '[' && c != 'O')
		return KEY_NONE;
	c = read_byte();
	while (c >= '0' && c <= '9') {
		num = num * 10 + (c - '0');
		c = read_byte();
	}
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		return num == 1 || num == 7 ? KEY_HOME :
		       num == 4 || num == 8 ? KEY_END :
		       num == 3 ? KEY_DELETE : KEY_NONE;
	}
	return c == KEY_EOF ? KEY_EOF : KEY_NONE;
}

static int read_key(void)
{
	int c = read_byte();

	return c == 0x1b ? read_escape() : c;
}

/* Redraw from the cursor to the end, erase `extra` old cells, come back. */
static void redraw_tail(struct line *l, size_t extra)
{
	out(l->buf + l->pos, l->len - l->pos);
	out_repeat(' ', extra);
	out_repeat('\b', l->len - l->pos + extra);
}

static void move_to(struct line *l, size_t pos)
{
	if (pos < l->pos)
		out_repeat('\b', l->pos - pos);
	else
		out(l->buf + l->pos, pos - l->pos);
	l->pos = pos;
}

static void insert_char(struct line *l, char c)
{
	if (l->len + 1 >= l->size) {
		out("\a", 1);
		return;
	}
	memmove(l->buf + l->pos + 1, l->buf + l->pos, l->len - l->pos + 1);
	l->buf[l->pos] = c;
	l->len++;
	out(&c, 1);
	l->pos++;
	redraw_tail(l, 0);
}

/* Delete the character at the cursor. */
static void delete_char(struct line *l)
{
	if (l->pos == l->len)
		return;
	memmove(l->buf + l->pos, l->buf + l->pos + 1, l->len - l->pos);
	l->len--;
	redraw_tail(l, 1);
}

static void backspace(struct line *l)
{
	if (l->pos == 0)
		return;
	move_to(l, l->pos - 1);
	delete_char(l);
}

/* Replace the whole line with text. */
static void set_line(struct line *l, const char *text)
{
	size_t old = l->len, n = strlen(text);

	if (n >= l->size)
		n = l->size - 1;
	move_to(l, 0);
	memcpy(l->buf, text, n);
	l->buf[n] = '\0';
	l->len = n;
	redraw_tail(l, old > n ? old - n : 0);
	move_to(l, n);
}

static void history_move(struct line *l, int dir)
{
	int to = l->hist + dir;

	if (to < 0 || to > history_len)
		return;
	if (l->hist == history_len) {
		free(l->scratch);
		l->scratch = strdup(l->buf);
	}
	l->hist = to;
	set_line(l, to == history_len ? (l->scratch ? l->scratch : "") :
		 history[to]);
}

/* Act on one key: 1 when the line is finished, else 0. */
static int handle_key(struct line *l, int key, int *result)
{
	switch (key) {
	case '\r':
	case '\n':
		out("\n", 1);
		*result = l->len;
		return 1;
	case KEY_EOF:
		out("\n", 1);
		*result = EDIT_EOF;
		return 1;
	case CTRL('D'):
		if (l->len)
			delete_char(l);
		else
			return handle_key(l, KEY_EOF, result);
		return 0;
	case CTRL('C'):
		out("^C\n", 3);
		*result = EDIT_CANCEL;
		return 1;
	case CTRL('U'):
		set_line(l, "");
		return 0;
	case KEY_DEL:
	case CTRL('H'):
		backspace(l);
		return 0;
	case KEY_DELETE: delete_char(l); return 0;
	case KEY_LEFT: if (l->pos) move_to(l, l->pos - 1); return 0;
	case KEY_RIGHT: if (l->pos < l->len) move_to(l, l->pos + 1); return 0;
	case CTRL('A'):
	case KEY_HOME: move_to(l, 0); return 0;
	case CTRL('E'):
	case KEY_END: move_to(l, l->len); return 0;
	case KEY_UP: history_move(l, -1); return 0;
	case KEY_DOWN: history_move(l, 1); return 0;
	}
	if (key >= 0x20 && key < 0x7f)
		insert_char(l, key);
	return 0;
}

int edit_line(const char *prompt, char *buf, size_t size)
{
	struct line l = { .buf = buf, .size = size, .hist = history_len };
	int result = EDIT_EOF;

	buf[0] = '\0';
	raw_mode();
	out(prompt, strlen(prompt));
	while (!handle_key(&l, read_key(), &result))
		;
	edit_restore();
	free(l.scratch);
	return result;
}
