/*
 * The line discipline core (Linux's N_TTY): what a terminal does with
 * the bytes typed at it and the bytes written to it, under termios.
 *
 * Canonical mode (ICANON) collects a line: ERASE (DEL by default, and
 * also ^H) removes the last character, echoed "\b \b" with ECHOE; KILL
 * (^U) removes the whole line (erased character by character with
 * ECHOKE, else echoed as ^U and a newline with ECHOK); "\n" ends the
 * line and is read with it; EOF (^D) ends the line without adding a
 * byte, so a ^D at the start of a line makes read() return 0.  Raw mode
 * makes every byte readable at once.  With ISIG, INTR (^C) and QUIT
 * (^\) flush the input (unless NOFLSH) and ask the caller to send SIGINT
 * or SIGQUIT to the foreground process group.  Input: ICRNL, INLCR,
 * IGNCR.  Echo: ECHO, ECHOE, ECHOK, ECHOKE, ECHOCTL (control characters
 * as ^X), ECHONL.  Output: OPOST with ONLCR.  A zero c_cc entry is
 * disabled, as _POSIX_VDISABLE is in Linux.  Not supported: VTIME (reads
 * behave as VTIME 0 with any VMIN), VEOL/VEOL2, VWERASE, VREPRINT,
 * VLNEXT, job control (VSUSP), flow control (IXON), IUTF8, tab expansion.
 * Deviation from Linux: ^H also erases in canonical mode (Linux treats
 * only VERASE so; terminals send either for the backspace key).
 *
 * A full buffer loses nothing: a byte that does not fit is refused
 * (-ENOSPC) and stays with the caller, who offers it again once a reader
 * has taken input (the tty layer's throttle).  Erase, kill and the
 * signal characters need no room and are always taken.  In canonical
 * mode a line longer than the buffer would leave the reader nothing to
 * take, so when a byte is refused and no complete line is waiting, the
 * edited line is pushed to the reader as it stands (marked like a line
 * end, as a switch into canonical mode pushes): the reader gets the
 * line in pieces of N_TTY_BUF_SIZE - 1 bytes, and erase no longer
 * reaches the pushed part.  Linux instead keeps the first 4095 bytes
 * and drops the rest of such a line (the newline still ends it).
 *
 * Invariants: see struct n_tty_data in <linux/tty.h>.  A line end is
 * marked only in read_flags of a slot in [read_tail, canon_head) (in raw
 * mode possibly also at canon_head - 1 after a switch), and consuming or
 * flushing a slot clears its mark.  The canonical edit line never holds
 * more than N_TTY_BUF_SIZE - 1 bytes, so its terminator always fits.
 *
 * Locking: none here.  The caller (tty_io.c) serialises every call on
 * one n_tty_data with its tty->lock; the echo callback runs inside.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <uapi/asm/signal.h>

#define BUF_MASK	(N_TTY_BUF_SIZE - 1)

/* Linux's INIT_C_CC: ^C ^\ DEL ^U ^D, VTIME 0, VMIN 1, ... */
static const cc_t std_cc[NCCS] = {
	003, 034, 0177, 025, 004, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027,
	026, 0,
};

void n_tty_std_termios(struct termios *t)
{
	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE;
	memcpy(t->c_cc, std_cc, sizeof(std_cc));
}

void n_tty_open(struct n_tty_data *ld,
		void (*echo)(void *priv, const unsigned char *buf, size_t len),
		void *priv)
{
	memset(ld, 0, sizeof(*ld));
	n_tty_std_termios(&ld->termios);
	ld->echo = echo;
	ld->echo_priv = priv;
}

static bool L(const struct n_tty_data *ld, tcflag_t flag)
{
	return ld->termios.c_lflag & flag;
}

static bool I(const struct n_tty_data *ld, tcflag_t flag)
{
	return ld->termios.c_iflag & flag;
}

/* c is the (enabled) control character c_cc[idx]. */
static bool is_cc(const struct n_tty_data *ld, unsigned char c, int idx)
{
	return ld->termios.c_cc[idx] && c == ld->termios.c_cc[idx];
}

static bool is_ctrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* ---- output processing ---- */

/* The column after showing c, under OPOST (Linux's do_output_char). */
static void track_column(struct n_tty_data *ld, unsigned char c)
{
	switch (c) {
	case '\n':
		if (ld->termios.c_oflag & ONLCR)
			ld->column = 0;
		break;
	case '\r':
		ld->column = 0;
		break;
	case '\t':
		ld->column = (ld->column | 7) + 1;
		break;
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!is_ctrl(c))
			ld->column++;
	}
}

size_t n_tty_process_output(struct n_tty_data *ld, const unsigned char *in,
			    size_t len, unsigned char *out, size_t out_size,
			    size_t *used)
{
	bool opost = ld->termios.c_oflag & OPOST;
	bool onlcr = ld->termios.c_oflag & ONLCR;
	size_t i, n = 0;

	for (i = 0; i < len && n + 2 <= out_size; i++) {
		unsigned char c = in[i];

		if (opost && onlcr && c == '\n')
			out[n++] = '\r';
		out[n++] = c;
		if (opost)
			track_column(ld, c);
	}
	*used = i;
	return n;
}

/* Echo s[0..len) through output processing. */
static void echo_bytes(struct n_tty_data *ld, const unsigned char *s,
		       size_t len)
{
	unsigned char out[64];
	size_t used, n;

	while (len) {
		n = n_tty_process_output(ld, s, len, out, sizeof(out), &used);
		if (ld->echo)
			ld->echo(ld->echo_priv, out, n);
		s += used;
		len -= used;
	}
}

static void echo_str(struct n_tty_data *ld, const char *s)
{
	echo_bytes(ld, (const unsigned char *)s, strlen(s));
}

/* Echo one input character: ^X for a control character with ECHOCTL. */
static void echo_char(struct n_tty_data *ld, unsigned char c)
{
	unsigned char ctl[2] = { '^', c ^ 0100 };

	if (L(ld, ECHOCTL) && is_ctrl(c) && c != '\t' && c != '\n')
		echo_bytes(ld, ctl, 2);
	else
		echo_bytes(ld, &c, 1);
}

/* ---- the input buffer ---- */

static unsigned char *slot(struct n_tty_data *ld, size_t i)
{
	return &ld->read_buf[i & BUF_MASK];
}

static size_t edit_len(const struct n_tty_data *ld)
{
	return ld->read_head - ld->canon_head;
}

/*
 * Room for c (already through input mapping): erase and kill take
 * none; a line end may use the last free slot, which other bytes of a
 * canonical line leave to it.
 */
static bool has_room(const struct n_tty_data *ld, unsigned char c)
{
	size_t used = ld->read_head - ld->read_tail;

	if (!L(ld, ICANON))
		return used < N_TTY_BUF_SIZE;
	if (is_cc(ld, c, VERASE) || c == '\b' || is_cc(ld, c, VKILL))
		return true;
	if (is_cc(ld, c, VEOF) || c == '\n')
		return used < N_TTY_BUF_SIZE;
	return used < N_TTY_BUF_SIZE - 1;
}

/*
 * The buffer is full.  If it holds no complete line, a reader could
 * never make room: push the edited line to it as it stands.
 */
static void push_if_stuck(struct n_tty_data *ld)
{
	if (!L(ld, ICANON) || ld->canon_head != ld->read_tail ||
	    !edit_len(ld))
		return;
	ld->read_flags[(ld->read_head - 1) & BUF_MASK] = N_TTY_EOL;
	ld->canon_head = ld->read_head;
}

static void put_byte(struct n_tty_data *ld, unsigned char c,
		     unsigned char flags)
{
	if (ld->read_head == ld->canon_head)
		ld->canon_column = ld->column;	/* a new line begins */
	ld->read_flags[ld->read_head & BUF_MASK] = flags;
	*slot(ld, ld->read_head++) = c;
}

static void clear_flags(struct n_tty_data *ld, size_t from, size_t to)
{
	for (; from != to; from++)
		ld->read_flags[from & BUF_MASK] = 0;
}

void n_tty_flush_input(struct n_tty_data *ld)
{
	clear_flags(ld, ld->read_tail, ld->read_head);
	ld->read_head = ld->canon_head = ld->read_tail;
	ld->flush_seq++;
}

/* ---- canonical editing ---- */

/* Columns the tab at the end of the edited line takes on the screen. */
static unsigned int tab_width(struct n_tty_data *ld)
{
	unsigned int col = ld->canon_column;
	size_t i;

	for (i = ld->canon_head; i != ld->read_head - 1; i++) {
		unsigned char c = *slot(ld, i);

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_ctrl(c))
			col += L(ld, ECHOCTL) ? 2 : 0;
		else
			col++;
	}
	return ld->column > col ? ld->column - col : 0;
}

/* Remove the last character of the edited line, erasing it on screen. */
static void erase_one(struct n_tty_data *ld, bool visual)
{
	unsigned char c = *slot(ld, ld->read_head - 1);
	unsigned int n = 1;

	if (visual && c == '\t') {
		for (n = tab_width(ld); n; n--)
			echo_str(ld, "\b");
	} else if (visual) {
		if (is_ctrl(c))
			n = L(ld, ECHOCTL) ? 2 : 0;
		while (n--)
			echo_str(ld, "\b \b");
	}
	ld->read_head--;
}

static void erase_char(struct n_tty_data *ld, unsigned char c)
{
	if (!edit_len(ld))
		return;
	if (L(ld, ECHO) && !L(ld, ECHOE)) {
		ld->read_head--;
		echo_char(ld, c);	/* show the ERASE character itself */
		return;
	}
	erase_one(ld, L(ld, ECHO));
}

static void kill_line(struct n_tty_data *ld, unsigned char c)
{
	if (!edit_len(ld))
		return;
	if (L(ld, ECHO) && L(ld, ECHOE) && L(ld, ECHOK) && L(ld, ECHOKE)) {
		while (edit_len(ld))
			erase_one(ld, true);
		return;
	}
	ld->read_head = ld->canon_head;
	if (!L(ld, ECHO))
		return;
	echo_char(ld, c);
	if (L(ld, ECHOK))
		echo_str(ld, "\n");
}

/* End the edited line with c, marked flags; it becomes readable. */
static void end_line(struct n_tty_data *ld, unsigned char c,
		     unsigned char flags)
{
	put_byte(ld, c, flags);
	ld->canon_head = ld->read_head;
}

static void receive_canon(struct n_tty_data *ld, unsigned char c)
{
	if (is_cc(ld, c, VERASE) || c == '\b') {
		erase_char(ld, c);
	} else if (is_cc(ld, c, VKILL)) {
		kill_line(ld, c);
	} else if (is_cc(ld, c, VEOF)) {
		end_line(ld, 0, N_TTY_EOF);	/* not echoed, as in Linux */
	} else if (c == '\n') {
		if (L(ld, ECHO) || L(ld, ECHONL))
			echo_char(ld, c);
		end_line(ld, c, N_TTY_EOL);
	} else {
		put_byte(ld, c, 0);
		if (L(ld, ECHO))
			echo_char(ld, c);
	}
}

static void receive_raw(struct n_tty_data *ld, unsigned char c)
{
	put_byte(ld, c, 0);
	ld->canon_head = ld->read_head;
	if (L(ld, ECHO))
		echo_char(ld, c);
}

static int receive_signal(struct n_tty_data *ld, unsigned char c, int sig)
{
	if (!L(ld, NOFLSH))
		n_tty_flush_input(ld);
	if (L(ld, ECHO))
		echo_char(ld, c);
	return sig;
}

int n_tty_receive_char(struct n_tty_data *ld, unsigned char c)
{
	if (c == '\r' && I(ld, IGNCR))
		return 0;
	if (c == '\r' && I(ld, ICRNL))
		c = '\n';
	else if (c == '\n' && I(ld, INLCR))
		c = '\r';

	if (L(ld, ISIG) && is_cc(ld, c, VINTR))
		return receive_signal(ld, c, SIGINT);
	if (L(ld, ISIG) && is_cc(ld, c, VQUIT))
		return receive_signal(ld, c, SIGQUIT);

	if (!has_room(ld, c)) {
		push_if_stuck(ld);
		return -ENOSPC;
	}
	if (L(ld, ICANON))
		receive_canon(ld, c);
	else
		receive_raw(ld, c);
	return 0;
}

/* ---- reading ---- */

size_t n_tty_chars_available(const struct n_tty_data *ld)
{
	if (ld->termios.c_lflag & ICANON)
		return ld->canon_head - ld->read_tail;
	return ld->read_head - ld->read_tail;
}

bool n_tty_readable(const struct n_tty_data *ld, size_t count)
{
	size_t vmin = ld->termios.c_cc[VMIN];

	if (ld->termios.c_lflag & ICANON)
		return ld->canon_head != ld->read_tail;
	return n_tty_chars_available(ld) >= min(vmin, count);
}

/* Length of the line at read_tail up to its end mark; *flags its kind. */
static size_t line_len(const struct n_tty_data *ld, unsigned char *flags)
{
	size_t i;

	for (i = ld->read_tail; i != ld->canon_head; i++) {
		*flags = ld->read_flags[i & BUF_MASK];
		if (*flags)
			return i + 1 - ld->read_tail;
	}
	*flags = 0;
	return ld->canon_head - ld->read_tail;
}

static void copy_out(const struct n_tty_data *ld, unsigned char *buf,
		     size_t n)
{
	size_t start = ld->read_tail & BUF_MASK;
	size_t first = min(n, (size_t)N_TTY_BUF_SIZE - start);

	memcpy(buf, &ld->read_buf[start], first);
	memcpy(buf + first, ld->read_buf, n - first);
}

size_t n_tty_peek(const struct n_tty_data *ld, unsigned char *buf,
		  size_t count, size_t *consume, bool *line_end)
{
	unsigned char flags = 0;
	size_t len, data;

	*line_end = false;
	if (!(ld->termios.c_lflag & ICANON)) {
		len = min(count, (size_t)(ld->read_head - ld->read_tail));
		copy_out(ld, buf, len);
		*consume = len;
		return len;
	}
	len = line_len(ld, &flags);
	data = flags & N_TTY_EOF ? len - 1 : len;
	*consume = min(count, data);
	copy_out(ld, buf, *consume);
	if (*consume == data && flags) {
		*line_end = true;
		*consume = len;		/* the ^D marker goes too */
	}
	return min(count, data);
}

void n_tty_consume(struct n_tty_data *ld, size_t n)
{
	size_t lines = ld->canon_head - ld->read_tail;

	n = min(n, (size_t)(ld->read_head - ld->read_tail));
	clear_flags(ld, ld->read_tail, ld->read_tail + n);
	ld->read_tail += n;
	if (n > lines)		/* raw mode took part of an edited line */
		ld->canon_head = ld->read_tail;
}

/* ---- attributes ---- */

void n_tty_set_termios(struct n_tty_data *ld, const struct termios *t)
{
	bool was_canon = ld->termios.c_lflag & ICANON;

	ld->termios = *t;
	if (was_canon == !!(t->c_lflag & ICANON))
		return;
	if (!(t->c_lflag & ICANON)) {
		ld->canon_head = ld->read_head;	/* the edited line too */
		return;
	}
	/* Into canonical mode: what is buffered becomes one line (push). */
	if (ld->read_head != ld->read_tail &&
	    !ld->read_flags[(ld->read_head - 1) & BUF_MASK])
		ld->read_flags[(ld->read_head - 1) & BUF_MASK] = N_TTY_EOL;
	ld->canon_head = ld->read_head;
}
