/*
 * syslog(2) (kernel/syslog.c): read and clear the kernel log, set the
 * console's level.  The actions and their numbers are Linux's
 * (include/linux/syslog.h); the C library calls it klogctl().
 */
#ifndef _LINUX_SYSLOG_H
#define _LINUX_SYSLOG_H

#include <linux/compiler.h>

#define SYSLOG_ACTION_CLOSE		0	/* nothing */
#define SYSLOG_ACTION_OPEN		1	/* nothing */
#define SYSLOG_ACTION_READ		2	/* wait, then read what READ has not */
#define SYSLOG_ACTION_READ_ALL		3	/* the newest records that fit */
#define SYSLOG_ACTION_READ_CLEAR	4	/* READ_ALL, then CLEAR */
#define SYSLOG_ACTION_CLEAR		5	/* READ_ALL starts after what is there now */
#define SYSLOG_ACTION_CONSOLE_OFF	6	/* console_loglevel to 1, saved */
#define SYSLOG_ACTION_CONSOLE_ON	7	/* the saved level back */
#define SYSLOG_ACTION_CONSOLE_LEVEL	8	/* console_loglevel = len (1..8) */
#define SYSLOG_ACTION_SIZE_UNREAD	9	/* bytes READ would return */
#define SYSLOG_ACTION_SIZE_BUFFER	10	/* the ring's size in bytes */

/*
 * One action on the log: bytes read, 0, a size, or -EINVAL (unknown
 * action, NULL buffer, negative length, bad level), -EFAULT (a buffer
 * outside user space, or nothing copied), -ENOMEM, -EINTR.
 */
int do_syslog(int type, char __user *buf, int len);

/*
 * Move the log to a memblock allocation of log_buf_len= bytes when that
 * is more than the buffer in the image (kernel/printk.c; called from
 * setup_memory() while memblock still allocates).
 */
void setup_log_buf(void);

#endif
