/*
 * klogctl(): the syslog(2) system call under glibc's name: read and
 * clear the kernel log, set the console's level.  type is one of the
 * SYSLOG_ACTION_* numbers (Linux's include/linux/syslog.h, repeated
 * here since glibc leaves them to the program); the result is the
 * bytes read or a size, or -1 with errno set.
 */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

int klogctl(int type, char *bufp, int len);

#endif
