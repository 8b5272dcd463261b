/*
 * usertests: the kernel log through syslog(2) (klogctl()).
 *
 * READ_ALL gives "<level>[seconds.micros] text" lines and holds the
 * boot's first line (the kernel banner) unless the log has wrapped;
 * a line the kernel prints because of this process (the segfault
 * report of a child that dereferences NULL) shows up in it; bad
 * arguments give EINVAL and bad buffers EFAULT; CLEAR hides what was
 * there from READ_ALL but not from READ (Linux's semantics: SIZE_UNREAD
 * counts what READ has not returned, and CLEAR does not change it);
 * READ returns each record once, in pieces when the buffer is small,
 * and waits for a new one when there is none.
 *
 * On Linux, reading may be refused (dmesg_restrict: the cases skip),
 * and the cases that clear or consume the log are skipped so as not to
 * disturb the host's.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

/* glibc's <sys/klog.h> declares klogctl() only. */
#ifndef SYSLOG_ACTION_READ_ALL
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10
#endif

#define BANNER		"Ferry version "
/* Left by test_syslog_clear: the boot's lines are gone from READ_ALL. */
#define CLEARED_MARK	"syslog-cleared"
#define READ_PIECE	100	/* a READ buffer smaller than most lines */

/* The log's size; skips the case when reading is refused (Linux). */
static int log_size(void)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);

	if (size < 0 && ut_on_linux)
		ut_skip("syslog(2) refused: %s", ut_errno_name(errno));
	ASSERT_TRUE(size > 0);
	return size;
}

/* READ_ALL (or READ_CLEAR) into a new NUL-terminated buffer. */
static char *log_read_all(int action, int *len)
{
	int size = log_size();
	char *buf = malloc(size + 1);

	ASSERT_TRUE(buf != NULL);
	*len = klogctl(action, buf, size);
	if (*len < 0 && ut_on_linux)
		ut_skip("syslog(2) refused: %s", ut_errno_name(errno));
	ASSERT_TRUE(*len >= 0 && *len <= size);
	buf[*len] = '\0';
	return buf;
}

/* Every line is "<digit>[ seconds.micros] ...". */
static int lines_well_formed(const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');

		if (!nl || p[0] != '<' || p[1] < '0' || p[1] > '7' ||
		    p[2] != '>' || p[3] != '[' || !memchr(p, ']', nl - p))
			return 0;
		p = nl + 1;
	}
	return 1;
}

/* Fork a child that faults on NULL; its pid, once it has died. */
static pid_t segfault_child(void)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		*(volatile int *)0 = 1;
		_exit(0);
	}
	EXPECT_KILLED(ut_wait(pid), SIGSEGV);
	return pid;
}

/* Is the kernel's report of pid's segfault in text? */
static int has_segfault_line(const char *text, pid_t pid)
{
	char needle[48];

	snprintf(needle, sizeof(needle), "[%d]: segfault at ", (int)pid);
	return strstr(text, needle) != NULL;
}

static const char *cleared_mark(void)
{
	static char path[128];

	snprintf(path, sizeof(path), "%s/" CLEARED_MARK, ut_tmpdir());
	return path;
}

void test_syslog_read_all(void)
{
	struct stat st;
	int len, size = log_size();
	char *log = log_read_all(SYSLOG_ACTION_READ_ALL, &len);

	EXPECT_TRUE(len > 0);
	EXPECT_TRUE(lines_well_formed(log));
	FERRY_ONLY(size >= 128 * 1024, "SIZE_BUFFER %d, below 128 KiB", size);
	if (strstr(log, BANNER)) {
		/* The first line of the boot, unless the log wrapped. */
		EXPECT_TRUE(!strncmp(log, "<6>[    0.", 10) || len > size / 2);
	} else if (stat(cleared_mark(), &st) == 0) {
		free(log);
		ut_skip("the log was cleared since boot (by syslog_clear)");
	} else {
		/* Only a log that wrapped, and so is nearly full, loses it. */
		FERRY_ONLY(len > size / 2, "no \"" BANNER "\" line in %d of "
			   "%d bytes", len, size);
	}
	free(log);
}

void test_syslog_segfault_logged(void)
{
	pid_t pid = segfault_child();
	char *log;
	int len;

	log = log_read_all(SYSLOG_ACTION_READ_ALL, &len);
	FERRY_ONLY(has_segfault_line(log, pid), "no segfault line for pid %d",
		   (int)pid);
	free(log);
}

/*
 * The bad buffers get the whole log's size: READ_ALL copies only the
 * newest records that fit, so a small length may copy nothing at all
 * and return 0 (Linux does the same).
 */
void test_syslog_errors(void)
{
	int size = log_size();
	char buf[64], *ro, *big;

	EXPECT_ERRNO(klogctl(42, buf, sizeof(buf)), EINVAL);
	EXPECT_ERRNO(klogctl(-1, buf, sizeof(buf)), EINVAL);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, NULL, 64), EINVAL);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, buf, -1), EINVAL);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0), EINVAL);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9), EINVAL);
	EXPECT_EQ(klogctl(SYSLOG_ACTION_READ_ALL, buf, 0), 0);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, (char *)UT_KERNEL_LOW,
			     size), EFAULT);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, (char *)UT_KERNEL_TEXT,
			     size), EFAULT);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, (char *)UT_UNMAPPED, size),
		     EFAULT);
	/* Mapped pages the process may not write. */
	ro = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(ro != MAP_FAILED);
	EXPECT_ERRNO(klogctl(SYSLOG_ACTION_READ_ALL, ro, size), EFAULT);
	EXPECT_EQ(ro[0], 0);
	munmap(ro, size);
	/* The log still reads after all that. */
	big = malloc(size);
	ASSERT_TRUE(big != NULL);
	EXPECT_TRUE(klogctl(SYSLOG_ACTION_READ_ALL, big, size) > 0);
	free(big);
}

void test_syslog_clear(void)
{
	pid_t before, after;
	int len, unread;
	char *log;

	if (ut_on_linux)
		ut_skip("would clear the host's kernel log");
	close(open(cleared_mark(), O_WRONLY | O_CREAT, 0644));
	before = segfault_child();
	unread = klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0);
	EXPECT_EQ(klogctl(SYSLOG_ACTION_CLEAR, NULL, 0), 0);
	/* CLEAR is for READ_ALL only: what READ has not returned stays. */
	EXPECT_TRUE(klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0) >= unread);
	log = log_read_all(SYSLOG_ACTION_READ_ALL, &len);
	EXPECT_TRUE(!has_segfault_line(log, before));
	EXPECT_TRUE(!strstr(log, BANNER));
	free(log);
	after = segfault_child();
	log = log_read_all(SYSLOG_ACTION_READ_CLEAR, &len);
	EXPECT_TRUE(has_segfault_line(log, after));
	EXPECT_TRUE(!has_segfault_line(log, before));
	EXPECT_TRUE(lines_well_formed(log));
	free(log);
	/* READ_CLEAR cleared what it returned. */
	log = log_read_all(SYSLOG_ACTION_READ_ALL, &len);
	EXPECT_TRUE(!has_segfault_line(log, after));
	free(log);
}

/*
 * Drain what READ has not returned, READ_PIECE bytes at a time, into a
 * new buffer; SIZE_UNREAD must fall to 0 within max reads.
 */
static char *read_unread(int *total)
{
	int cap = 4096, n, i;
	char *text = malloc(cap + 1);

	ASSERT_TRUE(text != NULL);
	*total = 0;
	for (i = 0; i < 100000; i++) {
		if (klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0) == 0)
			break;
		if (*total + READ_PIECE > cap) {
			cap *= 2;
			text = realloc(text, cap + 1);
			ASSERT_TRUE(text != NULL);
		}
		n = klogctl(SYSLOG_ACTION_READ, text + *total, READ_PIECE);
		ASSERT_TRUE(n > 0 && n <= READ_PIECE);
		*total += n;
	}
	EXPECT_EQ(klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0), 0);
	text[*total] = '\0';
	return text;
}

void test_syslog_read(void)
{
	int fds[2], total, unread;
	char got[4096];
	pid_t reader, faulty;
	ssize_t n;
	char *text;

	if (ut_on_linux)
		ut_skip("would consume the host's kernel log");
	unread = klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0);
	text = read_unread(&total);
	EXPECT_TRUE(total >= unread);
	EXPECT_TRUE(lines_well_formed(text));
	free(text);
	/* Nothing unread: READ waits for the next record. */
	ASSERT_OK(pipe(fds));
	reader = ut_fork();
	if (reader == 0) {
		close(fds[0]);
		n = klogctl(SYSLOG_ACTION_READ, got, sizeof(got) - 1);
		if (n > 0)
			ut_write_all(fds[1], got, n);
		_exit(n > 0 ? 0 : 1);
	}
	close(fds[1]);
	faulty = segfault_child();
	n = ut_read_full(fds[0], got, sizeof(got) - 1);
	close(fds[0]);
	EXPECT_EXIT(ut_wait(reader), 0);
	ASSERT_TRUE(n > 0 && got[0] == '<');
	got[n] = '\0';
	/* It woke for a new record; the segfault report is there or next. */
	text = read_unread(&total);
	EXPECT_TRUE(has_segfault_line(got, faulty) ||
		    has_segfault_line(text, faulty));
	free(text);
}
