/*
 * The console terminal: the tty behind /dev/console and /dev/tty.  Its
 * output goes where printk's does, byte for byte to COM1 (the line
 * discipline has already turned "\n" into "\r\n") and to the VGA
 * screen; its input is what arrives on COM1.
 *
 * Input path: the UART's receive interrupt puts bytes in the serial
 * ring buffer (drivers/serial.c) and calls console_rx_notify(), which
 * wakes the "tty_flip" kernel thread; the thread empties the ring into
 * the line discipline in process context, where echo and kill_pgrp()
 * may run (Linux does the same from a workqueue: flush_to_ldisc).
 * When the line discipline has no room, the thread keeps the refused
 * byte and stops emptying the ring, which then fills and throttles the
 * UART; console_unthrottle() wakes it once a reader has taken input.
 *
 * Output and printk: both reach COM1 and the screen without a shared
 * lock, as two printk()s on two CPUs already do.  A tty write hands
 * the console whole chunks of up to 512 bytes, each under tty->lock, so
 * terminal output interleaves with kernel lines no finer than printk
 * lines interleave with each other.
 *
 * Device numbers (Linux's): major 5 (TTYAUX_MAJOR), minor 0 /dev/tty
 * (the caller's controlling terminal, which is always this one) and
 * minor 1 /dev/console.  Both open the same terminal.
 *
 * Locking: flip_pending is written by the interrupt, the unthrottle
 * callback and the thread (WRITE_ONCE); the byte held back belongs to
 * the thread; everything else is the tty layer's.
 */
#include <asm/vga.h>
#include <linux/devfs_fs_kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/major.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial.h>
#include <linux/tty.h>
#include <linux/wait.h>

struct tty_struct *console_tty;

static DECLARE_WAIT_QUEUE_HEAD(flip_wait);
static bool flip_pending;

static void console_tty_write(struct tty_struct *tty,
			      const unsigned char *buf, size_t len)
{
	serial_tty_write(buf, len);
	vga_write((const char *)buf, len);
}

/* From the serial receive interrupt. */
static void console_rx_notify(void)
{
	WRITE_ONCE(flip_pending, true);
	wake_up(&flip_wait);
}

/* A reader took input: the byte held back may fit now. */
static void console_unthrottle(struct tty_struct *tty)
{
	console_rx_notify();
}

static const struct tty_operations console_tty_ops = {
	.write = console_tty_write,
	.unthrottle = console_unthrottle,
};

/*
 * Hand the terminal what the ring holds, starting with *held, a byte
 * refused before (-1: none).  Stops, keeping the byte in *held, when
 * the terminal refuses one.
 */
static void flush_to_ldisc(int *held)
{
	while (*held >= 0 || (*held = serial_getc()) >= 0) {
		if (tty_receive_char(console_tty, *held))
			return;
		*held = -1;
	}
}

static int tty_flip_thread(void *unused)
{
	int held = -1;

	for (;;) {
		wait_event(flip_wait, READ_ONCE(flip_pending));
		WRITE_ONCE(flip_pending, false);
		flush_to_ldisc(&held);
	}
	return 0;
}

/* ---- /dev/tty and /dev/console ---- */

static int console_open(struct inode *inode, struct file *file)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor > 1 || !console_tty)
		return -ENXIO;
	file->private_data = console_tty;
	if (current->mm)		/* a process, not a kernel thread */
		tty_open_by(console_tty, current->pgid);
	return 0;
}

static ssize_t console_read(struct file *file, char __user *buf,
			    size_t count, loff_t *pos)
{
	return tty_read(file->private_data, buf, count,
			file->f_flags & O_NONBLOCK);
}

static ssize_t console_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *pos)
{
	return tty_write(file->private_data, buf, count);
}

static long console_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	return tty_ioctl(file->private_data, cmd, arg);
}

/* No llseek: a terminal cannot seek (-ESPIPE). */
static const struct file_operations console_fops = {
	.open = console_open,
	.read = console_read,
	.write = console_write,
	.unlocked_ioctl = console_ioctl,
};

static int console_register_nodes(void)
{
	int ret = register_chrdev(TTYAUX_MAJOR, "tty", &console_fops);

	if (!ret)
		ret = devfs_register("tty", TTYAUX_MAJOR, 0, 0666);
	if (!ret)
		ret = devfs_register("console", TTYAUX_MAJOR, 1, 0600);
	return ret;
}

static int tty_console_init(void)
{
	struct task_struct *flip;

	console_tty = tty_alloc("console", &console_tty_ops, NULL);
	if (!console_tty)
		return -ENOMEM;
	flip = kthread_run(tty_flip_thread, NULL, "tty_flip");
	if (!flip) {
		tty_free(console_tty);
		console_tty = NULL;
		return -ENOMEM;
	}
	WRITE_ONCE(flip_pending, true);	/* bytes typed during boot */
	serial_set_rx_notify(console_rx_notify);
	wake_up(&flip_wait);
	return console_register_nodes();
}
device_initcall(tty_console_init);
