/*
 * usertests: pipes between processes.  A megabyte from a writer process
 * to a reader process, byte for byte; end of file once every writer has
 * closed; EPIPE and SIGPIPE once every reader has.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

#define PIPE_TOTAL	(1024 * 1024)

/* The byte at offset i of the stream: no period the pipe could hide. */
static unsigned char stream_byte(uint32_t i)
{
	uint32_t x = i * 2654435761u;

	return (unsigned char)(x >> 24 ^ x >> 11 ^ i);
}

/* FNV-1a over the stream, as both ends compute it. */
static uint32_t fnv1a(uint32_t hash, const unsigned char *p, size_t len)
{
	while (len--) {
		hash ^= *p++;
		hash *= 16777619u;
	}
	return hash;
}

/* Write the stream in chunks of changing, odd sizes; its checksum. */
static void pipe_writer(int fd, int sum_fd)
{
	static const size_t chunks[] = { 1, 4096, 7, 65536, 1000, 3 * 4096 + 1 };
	unsigned char buf[65536];
	uint32_t off = 0, hash = 2166136261u;
	size_t k = 0;

	while (off < PIPE_TOTAL) {
		size_t len = chunks[k++ % (sizeof(chunks) / sizeof(chunks[0]))];
		size_t i;

		if (len > PIPE_TOTAL - off)
			len = PIPE_TOTAL - off;
		for (i = 0; i < len; i++)
			buf[i] = stream_byte(off + i);
		hash = fnv1a(hash, buf, len);
		if (ut_write_all(fd, buf, len) < 0)
			_exit(2);
		off += len;
	}
	ut_write_all(sum_fd, &hash, sizeof(hash));
	_exit(0);
}

/* Read the stream to EOF in its own chunk sizes; report as exit code. */
static void pipe_reader(int fd, int sum_fd)
{
	static const size_t chunks[] = { 5000, 1, 65536, 4096, 333 };
	unsigned char buf[65536];
	uint32_t off = 0, hash = 2166136261u, bad = 0;
	size_t k = 0;
	ssize_t n;

	for (;;) {
		size_t want = chunks[k++ % (sizeof(chunks) / sizeof(chunks[0]))];

		n = read(fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			bad += buf[i] != stream_byte(off + i);
		hash = fnv1a(hash, buf, n);
		off += n;
		if (off > PIPE_TOTAL)
			break;
	}
	/* What it got, for the parent to compare: size, errors, checksum. */
	uint32_t report[4] = { off, bad, hash, n < 0 ? (uint32_t)errno : 0 };

	ut_write_all(sum_fd, report, sizeof(report));
	_exit(0);
}

void test_pipe_1mib(void)
{
	int data[2], wsum[2], rsum[2];
	uint32_t whash = 0, report[4] = { 0, 0, 0, 0 };
	pid_t writer, reader;

	ASSERT_OK(pipe(data));
	ASSERT_OK(pipe(wsum));
	ASSERT_OK(pipe(rsum));
	writer = ut_fork();
	if (writer == 0) {
		close(data[0]);
		pipe_writer(data[1], wsum[1]);
	}
	reader = ut_fork();
	if (reader == 0) {
		close(data[1]);
		pipe_reader(data[0], rsum[1]);
	}
	/* Only the two children hold the ends now. */
	close(data[0]);
	close(data[1]);
	close(wsum[1]);
	close(rsum[1]);
	EXPECT_EQ(ut_read_full(wsum[0], &whash, sizeof(whash)), sizeof(whash));
	EXPECT_EQ(ut_read_full(rsum[0], report, sizeof(report)),
		  sizeof(report));
	EXPECT_EXIT(ut_wait(writer), 0);
	EXPECT_EXIT(ut_wait(reader), 0);
	EXPECT_MSG(report[0] == PIPE_TOTAL, "Expected the reader to get %d "
		   "bytes, got %u", PIPE_TOTAL, report[0]);
	EXPECT_MSG(report[1] == 0, "%u bytes arrived changed", report[1]);
	EXPECT_MSG(report[2] == whash, "checksum: writer %#x, reader %#x",
		   whash, report[2]);
	EXPECT_MSG(report[3] == 0, "the reader's read failed: %s",
		   ut_errno_name(report[3]));
	close(wsum[0]);
	close(rsum[0]);
}

void test_pipe_eof(void)
{
	int fds[2];
	char buf[16];
	pid_t pid;

	ASSERT_OK(pipe(fds));
	/* Data written before the close is read first, then EOF. */
	EXPECT_EQ(write(fds[1], "abc", 3), 3);
	pid = ut_fork();
	if (pid == 0) {
		close(fds[0]);
		ut_msleep(50);		/* the parent is blocked reading */
		write(fds[1], "de", 2);
		_exit(0);		/* closes the child's write end */
	}
	close(fds[1]);			/* the child holds the only writer */
	EXPECT_EQ(ut_read_full(fds[0], buf, sizeof(buf)), 5);
	EXPECT_TRUE(!memcmp(buf, "abcde", 5));
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);	/* and stays so */
	EXPECT_EXIT(ut_wait(pid), 0);
	close(fds[0]);

	/* Each end is only for its direction. */
	ASSERT_OK(pipe(fds));
	EXPECT_ERRNO(write(fds[0], "x", 1), EBADF);
	EXPECT_ERRNO(read(fds[1], buf, 1), EBADF);
	close(fds[0]);
	close(fds[1]);
	EXPECT_ERRNO(read(fds[0], buf, 1), EBADF);
}

static void write_to_closed_pipe(void *arg)
{
	int *fds = arg;

	write(fds[1], "x", 1);	/* SIGPIPE, if it is not ignored */
	_exit(0);
}

void test_pipe_epipe(void)
{
	int fds[2];

	ASSERT_OK(pipe(fds));
	close(fds[0]);
	/* The harness ignores SIGPIPE, so the case inherits that. */
	signal(SIGPIPE, SIG_IGN);
	EXPECT_ERRNO(write(fds[1], "x", 1), EPIPE);
	EXPECT_ERRNO(write(fds[1], "x", 1), EPIPE);
	EXPECT_EXIT(ut_run_child(write_to_closed_pipe, fds), 0);
	/* A child with the default action is killed by SIGPIPE. */
	signal(SIGPIPE, SIG_DFL);
	EXPECT_KILLED(ut_run_child(write_to_closed_pipe, fds), SIGPIPE);
	signal(SIGPIPE, SIG_IGN);
	close(fds[1]);
}
