/*
 * dmesg [-c | -C] [-r]: print the kernel log, read with klogctl()
 * (syslog(2)) as util-linux's dmesg does when it cannot use /dev/kmsg.
 *
 * The kernel gives "<level>[seconds.micros] text" per line; dmesg
 * prints the lines without the "<level>" (all of it with -r).  -c reads
 * then clears the log (SYSLOG_ACTION_READ_CLEAR), -C only clears it.
 * A failed call is reported as "dmesg: read kernel buffer failed:
 * reason" (util-linux's words) with status 1; a bad option gives usage
 * and status 2.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/klog.h>

static void usage(void)
{
	fprintf(stderr, "usage: dmesg [-c | -C] [-r]\n"
		"  -c  print the log, then clear it\n"
		"  -C  clear the log without printing it\n"
		"  -r  raw: keep each line's <level> prefix\n");
}

/* Length of a "<digits>" prefix at the start of s (0 if none). */
static size_t level_prefix(const char *s, size_t len)
{
	size_t i = 1;

	if (!len || s[0] != '<')
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 1 && i < len && s[i] == '>' ? i + 1 : 0;
}

/* Write the log text, each line's level prefix dropped unless raw. */
static int print_log(const char *buf, size_t len, int raw)
{
	const char *end = buf + len, *nl;
	size_t skip, n;

	while (buf < end) {
		nl = memchr(buf, '\n', end - buf);
		n = nl ? (size_t)(nl - buf) + 1 : (size_t)(end - buf);
		skip = raw ? 0 : level_prefix(buf, n);
		if (fwrite(buf + skip, 1, n - skip, stdout) != n - skip)
			return -1;
		buf += n;
	}
	return fflush(stdout) ? -1 : 0;
}

static int clear_log(void)
{
	if (klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) < 0) {
		fprintf(stderr, "dmesg: clear kernel buffer failed: %s\n",
			strerror(errno));
		return 1;
	}
	return 0;
}

static int read_log(int clear, int raw)
{
	int size, n;
	char *buf;

	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size <= 0)
		size = 16384;
	buf = malloc(size);
	if (!buf) {
		fprintf(stderr, "dmesg: %s\n", strerror(ENOMEM));
		return 1;
	}
	n = klogctl(clear ? SYSLOG_ACTION_READ_CLEAR : SYSLOG_ACTION_READ_ALL,
		    buf, size);
	if (n < 0) {
		fprintf(stderr, "dmesg: read kernel buffer failed: %s\n",
			strerror(errno));
		free(buf);
		return 1;
	}
	if (print_log(buf, n, raw) < 0) {
		fprintf(stderr, "dmesg: write error: %s\n", strerror(errno));
		n = -1;
	}
	free(buf);
	return n < 0;
}

int main(int argc, char **argv)
{
	int c, clear = 0, clear_only = 0, raw = 0;

	while ((c = getopt(argc, argv, "cCrh")) != -1) {
		switch (c) {
		case 'c': clear = 1; break;
		case 'C': clear_only = 1; break;
		case 'r': raw = 1; break;
		default: goto usage;
		}
	}
	if (optind != argc || (clear && clear_only))
		goto usage;
	if (clear_only)
		return clear_log();
	return read_log(clear, raw);
usage:
	usage();
	return 2;
}
