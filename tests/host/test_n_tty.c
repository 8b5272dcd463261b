/*
 * The line discipline core (drivers/tty/n_tty.c, built for the host):
 * bytes typed in, what a read would return and what was echoed, in
 * canonical and raw mode, with erase, kill, signals, ^D, input and
 * output mapping, a full buffer refusing bytes, a line longer than the
 * buffer pushed to the reader in pieces, mode switches; then random
 * input and attribute changes checked against the buffer invariants
 * while AddressSanitizer watches every access.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#undef __always_inline

/* The prototypes come from <linux/tty.h>, under their host names. */
#define n_tty_std_termios kern_n_tty_std_termios
#define n_tty_open kern_n_tty_open
#define n_tty_receive_char kern_n_tty_receive_char
#define n_tty_chars_available kern_n_tty_chars_available
#define n_tty_readable kern_n_tty_readable
#define n_tty_peek kern_n_tty_peek
#define n_tty_consume kern_n_tty_consume
#define n_tty_flush_input kern_n_tty_flush_input
#define n_tty_set_termios kern_n_tty_set_termios
#define n_tty_process_output kern_n_tty_process_output
#include <linux/tty.h>
#include <uapi/asm/signal.h>

#include "ktap.h"

static struct n_tty_data ld;
static unsigned char echoed[65536];
static size_t echo_len;

static void capture_echo(void *priv, const unsigned char *buf, size_t len)
{
	EXPECT(priv == &ld);
	if (echo_len + len <= sizeof(echoed)) {
		memcpy(echoed + echo_len, buf, len);
		echo_len += len;
	}
}

static void reset(void)
{
	n_tty_open(&ld, capture_echo, &ld);
	echo_len = 0;
}

/* Type s; return the last non-zero signal asked for. */
static int type(const char *s)
{
	int sig = 0, r;

	for (; *s; s++) {
		r = n_tty_receive_char(&ld, (unsigned char)*s);
		if (r)
			sig = r;
	}
	return sig;
}

static int type_n(const unsigned char *s, size_t n)
{
	int sig = 0;

	while (n--)
		sig |= n_tty_receive_char(&ld, *s++);
	return sig;
}

/* What one read(count) would return; -1 when it would block. */
static long do_read(char *buf, size_t count)
{
	size_t consume, n;
	bool end;

	if (!n_tty_readable(&ld, count))
		return -1;
	n = n_tty_peek(&ld, (unsigned char *)buf, count, &consume, &end);
	n_tty_consume(&ld, consume);
	buf[n] = '\0';
	return n;
}

static bool echo_is(const char *s)
{
	bool same = echo_len == strlen(s) && !memcmp(echoed, s, echo_len);

	if (!same)
		printf("# echo was \"%.*s\" (%zu bytes), expected \"%s\"\n",
		       (int)echo_len, echoed, echo_len, s);
	echo_len = 0;
	return same;
}

static void set_lflag(tcflag_t clear, tcflag_t set)
{
	struct termios t = ld.termios;

	t.c_lflag = (t.c_lflag & ~clear) | set;
	n_tty_set_termios(&ld, &t);
}

static void canon_line_echo(void)
{
	char buf[64];

	reset();
	EXPECT(type("ab") == 0);
	EXPECT(do_read(buf, sizeof(buf)) == -1);	/* no line yet */
	EXPECT(echo_is("ab"));
	type("\r");				/* ICRNL: CR ends the line */
	EXPECT(echo_is("\r\n"));		/* ONLCR on the echo */
	EXPECT(n_tty_chars_available(&ld) == 3);
	EXPECT(do_read(buf, sizeof(buf)) == 3);
	EXPECT(!strcmp(buf, "ab\n"));
	EXPECT(do_read(buf, sizeof(buf)) == -1);
}

static void canon_one_line_per_read(void)
{
	char buf[64];

	reset();
	type("one\ntwo\nthr");
	EXPECT(do_read(buf, sizeof(buf)) == 4 && !strcmp(buf, "one\n"));
	EXPECT(do_read(buf, sizeof(buf)) == 4 && !strcmp(buf, "two\n"));
	EXPECT(do_read(buf, sizeof(buf)) == -1);
	type("ee\n");
	EXPECT(do_read(buf, sizeof(buf)) == 6 && !strcmp(buf, "three\n"));
}

static void canon_partial_reads(void)
{
	char buf[64];

	reset();
	type("hello\nx\n");
	EXPECT(do_read(buf, 2) == 2 && !strcmp(buf, "he"));
	EXPECT(do_read(buf, 2) == 2 && !strcmp(buf, "ll"));
	EXPECT(do_read(buf, 2) == 2 && !strcmp(buf, "o\n"));
	EXPECT(do_read(buf, 5) == 2 && !strcmp(buf, "x\n"));
}

static void canon_erase(void)
{
	char buf[64];

	reset();
	type("abc\x7f\x08" "d\n");		/* DEL and ^H both erase */
	EXPECT(echo_is("abc\b \b\b \bd\r\n"));
	EXPECT(do_read(buf, sizeof(buf)) == 3 && !strcmp(buf, "ad\n"));

	type("\x7f\x7f");			/* nothing to erase */
	EXPECT(echo_is(""));
	EXPECT(n_tty_chars_available(&ld) == 0);

	type("q\n\x7f");			/* a finished line stays */
	EXPECT(echo_is("q\r\n"));
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "q\n"));
}

static void canon_erase_without_echoe(void)
{
	char buf[64];

	reset();
	set_lflag(ECHOE, 0);
	type("ab\x7f\n");			/* shows the ERASE character */
	EXPECT(echo_is("ab^?\r\n"));
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "a\n"));
}

static void canon_erase_control_and_tab(void)
{
	unsigned char out[16];
	char buf[64];
	size_t used;

	reset();
	type("\x01");				/* ^A shows as two columns */
	EXPECT(echo_is("^A"));
	type("\x7f");
	EXPECT(echo_is("\b \b\b \b"));

	/* A prompt "$ " moves the cursor to column 2; a tab then to 8. */
	n_tty_process_output(&ld, (const unsigned char *)"$ ", 2, out,
			     sizeof(out), &used);
	EXPECT(ld.column == 2);
	type("\tx");
	EXPECT(echo_is("\tx"));
	EXPECT(ld.column == 9);
	type("\x7f\x7f");
	EXPECT(echo_is("\b \b\b\b\b\b\b\b"));	/* x, then the 6 tab columns */
	EXPECT(ld.column == 2);
	type("\n");
	EXPECT(do_read(buf, sizeof(buf)) == 1 && !strcmp(buf, "\n"));
}

static void canon_kill(void)
{
	char buf[64];

	reset();
	type("abc\x15");			/* ^U with ECHOKE */
	EXPECT(echo_is("abc\b \b\b \b\b \b"));
	type("x\n");
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "x\n"));
	echo_len = 0;

	set_lflag(ECHOKE, 0);			/* ^U then a newline */
	type("abc\x15" "y\n");
	EXPECT(echo_is("abc^U\r\ny\r\n"));
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "y\n"));

	set_lflag(ECHO, 0);
	type("zz\x15\n");
	EXPECT(echo_is(""));
	EXPECT(do_read(buf, sizeof(buf)) == 1 && !strcmp(buf, "\n"));
}

static void canon_eof(void)
{
	char buf[64];

	reset();
	type("\x04");				/* ^D at the start: EOF */
	EXPECT(echo_is(""));
	EXPECT(n_tty_readable(&ld, 10));
	EXPECT(do_read(buf, sizeof(buf)) == 0);
	EXPECT(!n_tty_readable(&ld, 10));	/* the marker was taken */
	EXPECT(ld.read_tail == ld.read_head);

	type("ab\x04");				/* ends the line, no newline */
	EXPECT(echo_is("ab"));
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "ab"));
	EXPECT(!n_tty_readable(&ld, 10));

	type("cd\x04");				/* read exactly the data */
	EXPECT(do_read(buf, 2) == 2 && !strcmp(buf, "cd"));
	EXPECT(!n_tty_readable(&ld, 10));
	type("ef\x04\x04");			/* then a second, empty line */
	EXPECT(do_read(buf, 1) == 1 && !strcmp(buf, "e"));
	EXPECT(do_read(buf, 9) == 1 && !strcmp(buf, "f"));
	EXPECT(do_read(buf, 9) == 0);
	EXPECT(ld.read_tail == ld.read_head);
}

static void signals_flush_and_echo(void)
{
	char buf[64];

	reset();
	type("done\npart");
	EXPECT(type("\x03") == SIGINT);
	EXPECT(echo_is("done\r\npart^C"));
	EXPECT(n_tty_chars_available(&ld) == 0);	/* all input gone */
	EXPECT(ld.read_head == ld.read_tail);
	EXPECT(ld.flush_seq == 1);
	EXPECT(type("\x1c") == SIGQUIT);
	EXPECT(echo_is("^\\"));

	set_lflag(0, NOFLSH);			/* keep the input */
	type("keep\n");
	EXPECT(type("\x03") == SIGINT);
	EXPECT(do_read(buf, sizeof(buf)) == 5 && !strcmp(buf, "keep\n"));

	set_lflag(ISIG | ECHO, 0);		/* ^C is an ordinary byte */
	echo_len = 0;
	EXPECT(type("\x03\n") == 0);
	EXPECT(echo_is(""));
	EXPECT(do_read(buf, sizeof(buf)) == 2 && buf[0] == 3);
}

static void signals_in_raw_mode(void)
{
	reset();
	set_lflag(ICANON | ECHO, 0);
	type("ab");
	EXPECT(type("\x03") == SIGINT);
	EXPECT(n_tty_chars_available(&ld) == 0);
}

static void disabled_control_chars(void)
{
	struct termios t;
	unsigned char nul = 0;
	char buf[8];

	reset();
	t = ld.termios;
	t.c_cc[VINTR] = 0;			/* _POSIX_VDISABLE */
	t.c_cc[VEOF] = 0;
	n_tty_set_termios(&ld, &t);
	EXPECT(type_n(&nul, 1) == 0);
	EXPECT(type("\x03") == 0);		/* no longer INTR */
	type("\n");
	EXPECT(do_read(buf, sizeof(buf)) == 3);
	EXPECT(buf[0] == 0 && buf[1] == 3 && buf[2] == '\n');
}

static void input_cr_nl_mapping(void)
{
	struct termios t;
	char buf[16];

	reset();
	t = ld.termios;
	t.c_iflag &= ~ICRNL;			/* CR is an ordinary byte */
	n_tty_set_termios(&ld, &t);
	type("a\rb");
	EXPECT(!n_tty_readable(&ld, 16));
	type("\n");
	EXPECT(do_read(buf, sizeof(buf)) == 4 && !strcmp(buf, "a\rb\n"));

	t.c_iflag |= IGNCR;
	n_tty_set_termios(&ld, &t);
	type("c\r\n");
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "c\n"));

	t.c_iflag = INLCR;			/* NL becomes CR: no line end */
	n_tty_set_termios(&ld, &t);
	type("d\n");
	EXPECT(!n_tty_readable(&ld, 16));
}

static void raw_mode(void)
{
	struct termios t;
	char buf[16];

	reset();
	set_lflag(ICANON | ECHO, 0);
	EXPECT(!n_tty_readable(&ld, 5));	/* VMIN 1 */
	type("x\x7f\x04");			/* no editing, no EOF */
	EXPECT(echo_is(""));
	EXPECT(n_tty_readable(&ld, 5));
	EXPECT(do_read(buf, 2) == 2 && buf[0] == 'x' && buf[1] == 0x7f);
	EXPECT(do_read(buf, 5) == 1 && buf[0] == 4);

	t = ld.termios;
	t.c_cc[VMIN] = 3;
	n_tty_set_termios(&ld, &t);
	type("ab");
	EXPECT(!n_tty_readable(&ld, 5));	/* needs 3 */
	EXPECT(n_tty_readable(&ld, 2));		/* or all that was asked */
	type("c");
	EXPECT(n_tty_readable(&ld, 5));
	EXPECT(do_read(buf, 5) == 3 && !strcmp(buf, "abc"));

	t.c_cc[VMIN] = 0;			/* polling read */
	n_tty_set_termios(&ld, &t);
	EXPECT(n_tty_readable(&ld, 5));
	EXPECT(do_read(buf, 5) == 0);

	set_lflag(0, ECHO);			/* raw with echo */
	type("\r\x01");				/* CR still mapped */
	EXPECT(echo_is("\r\n^A"));
}

static void mode_switches_keep_input(void)
{
	char buf[16];

	reset();
	type("one\npart");
	set_lflag(ICANON, 0);			/* the edited line is readable */
	EXPECT(n_tty_chars_available(&ld) == 8);
	EXPECT(do_read(buf, 5) == 5 && !strcmp(buf, "one\np"));
	set_lflag(0, ICANON);			/* the rest becomes a line */
	EXPECT(n_tty_readable(&ld, 16));
	EXPECT(do_read(buf, sizeof(buf)) == 3 && !strcmp(buf, "art"));
	EXPECT(!n_tty_readable(&ld, 16));
	type("z\n");
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "z\n"));
}

static void output_processing(void)
{
	unsigned char out[8];
	struct termios t;
	size_t used, n;

	reset();
	n = n_tty_process_output(&ld, (const unsigned char *)"a\nb", 3, out,
				 sizeof(out), &used);
	EXPECT(n == 4 && used == 3 && !memcmp(out, "a\r\nb", 4));
	EXPECT(ld.column == 1);

	/* A small buffer: it stops before a byte that no longer fits. */
	n = n_tty_process_output(&ld, (const unsigned char *)"\n\n\n", 3, out,
				 5, &used);
	EXPECT(n == 4 && used == 2);

	t = ld.termios;
	t.c_oflag &= ~OPOST;
	n_tty_set_termios(&ld, &t);
	n = n_tty_process_output(&ld, (const unsigned char *)"a\nb", 3, out,
				 sizeof(out), &used);
	EXPECT(n == 3 && used == 3 && !memcmp(out, "a\nb", 3));
}

/*
 * A full buffer refuses what needs room (-ENOSPC) and keeps what it has;
 * erase needs none, and the line end may use the last slot.  A complete
 * line is waiting, so the edited line is not pushed.
 */
static void full_buffer_refuses(void)
{
	static char buf[N_TTY_BUF_SIZE + 16];
	int i;

	reset();
	type("first\n");
	for (i = 0; i < N_TTY_BUF_SIZE - 7; i++)
		EXPECT(n_tty_receive_char(&ld, 'a') == 0);
	EXPECT(ld.read_head - ld.read_tail == N_TTY_BUF_SIZE - 1);
	EXPECT(n_tty_receive_char(&ld, 'b') == -ENOSPC);
	EXPECT(ld.canon_head == ld.read_tail + 6);	/* not pushed */
	echo_len = 0;
	EXPECT(type("\x7f") == 0);
	EXPECT(echo_is("\b \b"));
	EXPECT(n_tty_receive_char(&ld, 'a') == 0);
	EXPECT(n_tty_receive_char(&ld, '\n') == 0);	/* the last slot */
	EXPECT(echo_is("a\r\n"));
	EXPECT(n_tty_receive_char(&ld, '\n') == -ENOSPC);
	EXPECT(echo_is(""));				/* refused: not echoed */
	EXPECT(do_read(buf, sizeof(buf)) == 6 && !strcmp(buf, "first\n"));
	EXPECT(n_tty_receive_char(&ld, '\n') == 0);	/* room again */
	EXPECT(do_read(buf, sizeof(buf)) == N_TTY_BUF_SIZE - 6);
	EXPECT(buf[N_TTY_BUF_SIZE - 7] == '\n' && buf[0] == 'a');
	EXPECT(do_read(buf, sizeof(buf)) == 1 && !strcmp(buf, "\n"));
	type("b\n");				/* wraps around the ring */
	EXPECT(do_read(buf, sizeof(buf)) == 2 && !strcmp(buf, "b\n"));
}

/* Raw mode fills every slot; signal characters still get through. */
static void raw_full_buffer_refuses(void)
{
	char buf[8];
	int i;

	reset();
	set_lflag(ICANON | ECHO, 0);
	for (i = 0; i < N_TTY_BUF_SIZE; i++)
		EXPECT(n_tty_receive_char(&ld, 'r') == 0);
	EXPECT(n_tty_receive_char(&ld, 'x') == -ENOSPC);
	EXPECT(n_tty_chars_available(&ld) == N_TTY_BUF_SIZE);
	EXPECT(n_tty_receive_char(&ld, '\x03') == SIGINT);	/* flushes */
	EXPECT(n_tty_chars_available(&ld) == 0);
	EXPECT(n_tty_receive_char(&ld, 'x') == 0);
	EXPECT(do_read(buf, sizeof(buf)) == 1 && !strcmp(buf, "x"));
}

/*
 * A canonical line longer than the buffer: when it fills the buffer on
 * its own, the refused byte pushes it to the reader as it stands, so
 * the reader gets all of it in pieces; the pushed part cannot be erased.
 */
static void canon_long_line_in_pieces(void)
{
	static char line[5002], got[5002], buf[N_TTY_BUF_SIZE + 1];
	size_t i, len = 0;
	long n;
	int pieces = 0;

	reset();
	for (i = 0; i < 5000; i++)
		line[i] = 'a' + i % 26;
	line[5000] = '\n';
	for (i = 0; i <= 5000; i++) {
		while (n_tty_receive_char(&ld, line[i]) == -ENOSPC) {
			if (!pieces) {		/* the first push */
				echo_len = 0;
				type("\x7f\x15");
				EXPECT(echo_is(""));
			}
			n = do_read(buf, sizeof(buf));
			EXPECT_MSG(n > 0, "read %ld at byte %zu", n, i);
			if (n <= 0)
				return;
			EXPECT(n == N_TTY_BUF_SIZE - 1);
			memcpy(got + len, buf, n);
			len += n;
			pieces++;
		}
	}
	n = do_read(buf, sizeof(buf));
	EXPECT(n == 5001 - (N_TTY_BUF_SIZE - 1));
	if (n > 0) {
		memcpy(got + len, buf, n);
		len += n;
	}
	EXPECT(pieces == 1);
	EXPECT(len == 5001 && !memcmp(got, line, 5001));
}

/* A small deterministic generator (xorshift), so runs repeat. */
static unsigned int rnd(void)
{
	static unsigned int x = 2463534242u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

static bool invariants_hold(void)
{
	size_t i;

	REQUIRE(ld.read_tail <= ld.canon_head, "tail %zu canon %zu",
		ld.read_tail, ld.canon_head);
	REQUIRE(ld.canon_head <= ld.read_head, "canon %zu head %zu",
		ld.canon_head, ld.read_head);
	REQUIRE(ld.read_head - ld.read_tail <= N_TTY_BUF_SIZE, "%zu",
		ld.read_head - ld.read_tail);
	/* No mark outside the buffered bytes. */
	for (i = ld.read_head; i != ld.read_tail + N_TTY_BUF_SIZE; i++)
		REQUIRE(!ld.read_flags[i % N_TTY_BUF_SIZE], "mark at %zu", i);
	if (ld.termios.c_lflag & ICANON) {
		for (i = ld.canon_head; i != ld.read_head; i++)
			REQUIRE(!ld.read_flags[i % N_TTY_BUF_SIZE],
				"mark in the edited line at %zu", i);
		if (ld.canon_head != ld.read_tail)
			REQUIRE(ld.read_flags[(ld.canon_head - 1) %
					      N_TTY_BUF_SIZE],
				"unterminated line before %zu", ld.canon_head);
	}
	return true;
}

static void random_input(void)
{
	static const unsigned char alphabet[] = "ab\t\n\r\x7f\x08\x15\x04\x03\x1c\x01";
	static char buf[N_TTY_BUF_SIZE + 1];
	unsigned long step;
	size_t count;

	reset();
	for (step = 0; step < 400000 && !host_case_failed; step++) {
		int r = rnd() % 100;

		if (r < 80) {
			n_tty_receive_char(&ld, r < 40 ? 'x' :
					   alphabet[rnd() % (sizeof(alphabet) - 1)]);
		} else if (r < 95) {
			count = 1 + rnd() % 300;
			do_read(buf, count);
		} else if (r < 97) {
			set_lflag(ICANON, rnd() % 2 ? ICANON : 0);
		} else if (r < 98) {
			set_lflag(ECHO | ECHOKE, rnd() % 2 ? ECHO | ECHOKE : 0);
		} else {
			n_tty_flush_input(&ld);
		}
		if (!invariants_hold())
			printf("# after step %lu\n", step);
		if (echo_len > sizeof(echoed) / 2)
			echo_len = 0;
	}
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(canon_line_echo),
		HOST_CASE(canon_one_line_per_read),
		HOST_CASE(canon_partial_reads),
		HOST_CASE(canon_erase),
		HOST_CASE(canon_erase_without_echoe),
		HOST_CASE(canon_erase_control_and_tab),
		HOST_CASE(canon_kill),
		HOST_CASE(canon_eof),
		HOST_CASE(signals_flush_and_echo),
		HOST_CASE(signals_in_raw_mode),
		HOST_CASE(disabled_control_chars),
		HOST_CASE(input_cr_nl_mapping),
		HOST_CASE(raw_mode),
		HOST_CASE(mode_switches_keep_input),
		HOST_CASE(output_processing),
		HOST_CASE(full_buffer_refuses),
		HOST_CASE(raw_full_buffer_refuses),
		HOST_CASE(canon_long_line_in_pieces),
		HOST_CASE(random_input),
	};

	return host_run(cases, sizeof(cases) / sizeof(cases[0]));
}
