/*
 * /proc/tty: what the terminal drivers show.  Linux's fs/proc/proc_tty.c
 * makes the directory and, for each tty driver with a proc_show,
 * /proc/tty/driver/NAME; here the one such driver is the serial port's,
 * /proc/tty/driver/serial (drivers/serial.c's serial_proc_show(), in
 * the format of Linux's serial core: "serinfo:1.0 driver revision:",
 * then a line per port with its counts).  Linux also lists the drivers
 * (/proc/tty/drivers) and line disciplines (/proc/tty/ldiscs); this
 * kernel has one of each and does not.
 *
 * Invariants: the tables are constant; inode numbers come from
 * PROC_TTY_INO and PROC_TTY_DRIVER_INO (internal.h).
 *
 * Locking: none here; the driver's generator takes what it needs.
 */
#include <linux/kernel.h>
#include <linux/serial.h>

#include "internal.h"

static ssize_t serial_fill(pid_t pid, char *buf, size_t size)
{
	return serial_proc_show(buf, size);
}

static const struct proc_entry proc_tty_driver_entries[] = {
	{ .name = "serial", .fill = serial_fill },
};

static const struct proc_dir proc_tty_driver_dir = {
	.entries = proc_tty_driver_entries,
	.nr_entries = ARRAY_SIZE(proc_tty_driver_entries),
	.first_ino = PROC_TTY_DRIVER_INO(0),
};

static const struct proc_entry proc_tty_entries[] = {
	{ .name = "driver", .dir = &proc_tty_driver_dir },
};

const struct proc_dir proc_tty_dir = {
	.entries = proc_tty_entries,
	.nr_entries = ARRAY_SIZE(proc_tty_entries),
	.first_ino = PROC_TTY_INO(0),
};
