/*
 * Terminals: the line discipline core (drivers/tty/n_tty.c) and the tty
 * layer above it (drivers/tty/tty_io.c), with the console terminal on
 * COM1 and the VGA screen (drivers/tty/console.c).
 *
 * The line discipline is a pure module: it turns received bytes into
 * buffered input, echo and signals, and written bytes into output, with
 * Linux's termios semantics (canonical and raw mode, echo, erase, kill,
 * ^C/^\, ^D, ICRNL, OPOST|ONLCR).  It takes no lock, sleeps nowhere and
 * touches no hardware, so the same file is also tested on the host.  The
 * tty layer adds the lock, the sleeping reader, user copies, ioctls and
 * the foreground process group.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <uapi/asm/termbits.h>

/* ---- the line discipline core (n_tty.c) ---- */

#define N_TTY_BUF_SIZE		4096	/* a power of two */

/* read_flags[]: how a byte in read_buf ends a line (canonical mode). */
#define N_TTY_EOL		0x01	/* the byte ends a line and is read */
#define N_TTY_EOF		0x02	/* a ^D marker: ends a line, not read */

/*
 * read_buf is a ring indexed by free-running counters (index mod
 * N_TTY_BUF_SIZE): read_tail <= canon_head <= read_head, and
 * read_head - read_tail <= N_TTY_BUF_SIZE.  [read_tail, canon_head) are
 * complete lines a reader may take; [canon_head, read_head) is the line
 * being edited (canonical mode only: in raw mode canon_head == read_head
 * and every byte is readable).  A slot's read_flags entry is non-zero
 * only while the slot holds a line end.
 */
struct n_tty_data {
	struct termios termios;
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned char read_flags[N_TTY_BUF_SIZE];
	size_t read_head;	/* the next received byte goes here */
	size_t canon_head;	/* end of the last complete line */
	size_t read_tail;	/* the next byte a reader takes */
	unsigned long flush_seq;	/* counts input flushes */
	unsigned int column;	/* output cursor column, for erasing tabs */
	unsigned int canon_column;	/* column where the edited line began */
	/* Where echo goes, already through output processing. */
	void (*echo)(void *priv, const unsigned char *buf, size_t len);
	void *echo_priv;
};

/* Linux's tty_std_termios: cooked mode with echo, as a login terminal. */
void n_tty_std_termios(struct termios *t);

/* Empty buffers, standard termios, echo through echo(priv, ...). */
void n_tty_open(struct n_tty_data *ld,
		void (*echo)(void *priv, const unsigned char *buf, size_t len),
		void *priv);

/*
 * One received byte: buffer it, edit the line, echo.  Returns the
 * signal the terminal's foreground process group must get (SIGINT or
 * SIGQUIT with ISIG), 0, or -ENOSPC when the buffer has no room for c:
 * c was not taken, and must be offered again after a reader has
 * consumed input (a canonical line that fills the whole buffer has
 * then been made readable as it stands, so a reader always can).
 */
int n_tty_receive_char(struct n_tty_data *ld, unsigned char c);

/* Bytes a reader could take now (canonical: in complete lines). */
size_t n_tty_chars_available(const struct n_tty_data *ld);

/*
 * Whether a read of count (> 0) bytes may return now: canonical mode
 * needs a complete line; raw mode needs min(VMIN, count) bytes (VMIN 0:
 * always).  VTIME is not supported (taken as 0).
 */
bool n_tty_readable(const struct n_tty_data *ld, size_t count);

/*
 * Copy up to count readable bytes to buf without taking them: at most
 * the rest of one line in canonical mode.  *consume is what
 * n_tty_consume() must then take (the bytes, plus a ^D marker that
 * ends them); *line_end says the line ended there, so a canonical read
 * stops.  Returns the bytes copied (0 for a line that is only ^D).
 */
size_t n_tty_peek(const struct n_tty_data *ld, unsigned char *buf,
		  size_t count, size_t *consume, bool *line_end);
void n_tty_consume(struct n_tty_data *ld, size_t n);

/* Discard all input, complete lines and the edited line (flush_seq++). */
void n_tty_flush_input(struct n_tty_data *ld);

/* New attributes; a switch into or out of ICANON keeps the input. */
void n_tty_set_termios(struct n_tty_data *ld, const struct termios *t);

/*
 * Output processing (OPOST|ONLCR: "\n" becomes "\r\n") of in[0..len)
 * into out (at least 2 bytes), tracking the column.  Returns the bytes
 * written to out and sets *used to the input bytes they stand for.
 */
size_t n_tty_process_output(struct n_tty_data *ld, const unsigned char *in,
			    size_t len, unsigned char *out, size_t out_size,
			    size_t *used);

/* ---- terminals (tty_io.c) ---- */

struct file;
struct inode;
struct tty_struct;

/*
 * What a terminal's driver provides: output, which must not sleep, and
 * optionally unthrottle(), called (without tty->lock, never sleeping)
 * once input a reader took or a flush made room after
 * tty_receive_char() refused a byte: the driver may offer it again.
 */
struct tty_operations {
	void (*write)(struct tty_struct *tty, const unsigned char *buf,
		      size_t len);
	void (*unthrottle)(struct tty_struct *tty);
};

#define TTY_WINSIZE_ROWS	24
#define TTY_WINSIZE_COLS	80

/* A terminal with its own line discipline, or NULL (no memory). */
struct tty_struct *tty_alloc(const char *name, const struct tty_operations *ops,
			     void *driver_data);
void tty_free(struct tty_struct *tty);
void *tty_driver_data(struct tty_struct *tty);

/*
 * Input from the driver, in process context (it may signal a group):
 * 0, or -ENOSPC when the terminal has no room for c.  The driver then
 * keeps c and offers it again after its unthrottle() was called.
 */
int tty_receive_char(struct tty_struct *tty, unsigned char c);

/* The file operations' work, on a terminal (buffers are __user). */
ssize_t tty_read(struct tty_struct *tty, char __user *buf, size_t count,
		 bool nonblock);
ssize_t tty_write(struct tty_struct *tty, const char __user *buf,
		  size_t count);
long tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
/* An open by a process makes its group the foreground group if none. */
void tty_open_by(struct tty_struct *tty, pid_t pgid);

/* The foreground process group (0: none), as TIOCGPGRP reports it. */
pid_t tty_get_pgrp(struct tty_struct *tty);

/* ---- the console terminal (console.c) ---- */

/* COM1 and the VGA screen: /dev/console and /dev/tty. */
extern struct tty_struct *console_tty;

#endif
