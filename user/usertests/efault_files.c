/*
 * usertests: bad pointers in the file calls (read, write, fstat,
 * getdents64, pipe, pipe2), and partial transfers: read() and write()
 * of a buffer that runs into an unmapped or read-only page move the bytes
 * before it, or fail with EFAULT, and lose or invent none.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "efault.h"

/* ---- files: read, write, fstat, getdents64, pipe, pipe2 ----------- */

void test_efault_files(void)
{
	char path[128], buf[16] = "";
	int file = scratch_file("ut-efault-files", 8192, path, sizeof(path));
	int dir = open("/", O_RDONLY | O_DIRECTORY);
	int pipe_fds[2], fd_before;
	const struct bad *b;

	setup_memory();
	ASSERT_TRUE(dir >= 0);
	ASSERT_OK(pipe(pipe_fds));
	ASSERT_TRUE(write(pipe_fds[1], "pipe data", 9) == 9);
	fd_before = lowest_free_fd();

	for_each_bad(b, 1) {
		EXPECT_EFAULT("read(file)", b->name, SYS_read, file, b->addr,
			      100);
		EXPECT_EFAULT("read(pipe)", b->name, SYS_read, pipe_fds[0],
			      b->addr, 9);
		EXPECT_EFAULT("fstat", b->name, SYS_fstat, file, b->addr);
		EXPECT_EFAULT("getdents64", b->name, SYS_getdents64, dir,
			      b->addr, 4096);
		EXPECT_EFAULT("pipe", b->name, SYS_pipe, b->addr);
		EXPECT_EFAULT("pipe2", b->name, SYS_pipe2, b->addr, 0);
		EXPECT_EFAULT("pipe2(O_CLOEXEC)", b->name, SYS_pipe2, b->addr,
			      O_CLOEXEC);
	}
	for_each_bad(b, 0) {
		EXPECT_EFAULT("write(pipe)", b->name, SYS_write, pipe_fds[1],
			      b->addr, 16);
		EXPECT_EFAULT("write(file)", b->name, SYS_write, file,
			      b->addr, 16);
	}
	EXPECT_EFAULT_CROSSING("fstat", KSTAT_SIZE, p, SYS_fstat, file, p);
	EXPECT_EFAULT_CROSSING("pipe", 8, p, SYS_pipe, p);
	EXPECT_EFAULT_CROSSING("pipe2", 8, p, SYS_pipe2, p, 0);
	/* 16 bytes cannot hold the first record (24 bytes at least). */
	memset(m.rw1, PATTERN, PAGE);
	EXPECT_EFAULT("getdents64", "16 bytes before an unmapped page",
		      SYS_getdents64, dir, off_end(32), 4096);

	/* Nothing moved, nothing leaked, nothing consumed. */
	EXPECT_EQ(lseek(file, 0, SEEK_CUR), 0);
	EXPECT_EQ(file_size(file), 8192);
	EXPECT_EQ(lowest_free_fd(), fd_before);
	EXPECT_EQ(read(pipe_fds[0], buf, sizeof(buf)), 9);
	EXPECT_TRUE(!memcmp(buf, "pipe data", 9));
	EXPECT_TRUE(syscall(SYS_getdents64, dir, m.rw2, 4096) > 0);
	close(file);
	close(dir);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	unlink(path);
	expect_alive();
}

/* ---- partial transfers -------------------------------------------- */

/*
 * read() of n bytes at p, of which fit lie before a page that faults:
 * EFAULT, or 1 to fit bytes; exactly fit on Ferry.  Returns the count
 * (0 for EFAULT).
 */
static long expect_partial(const char *what, long ret, int err, size_t fit,
			   int line)
{
	if (ret == -1 && err == EFAULT) {
		FERRY_ONLY(0, "%s: EFAULT, expected the %zu bytes that fit",
			   what, fit);
		return 0;
	}
	if (ret <= 0 || (size_t)ret > fit) {
		ut_fail(__FILE__, line, "%s: expected EFAULT or 1 to %zu bytes,"
			" got %ld (errno %s)", what, fit, ret,
			ut_errno_name(err));
		return 0;
	}
	FERRY_ONLY((size_t)ret == fit, "%s: %ld bytes, expected all %zu "
		   "that fit", what, ret, fit);
	return ret;
}

#define PARTIAL(what, fit, ...)						\
	({								\
		errno = 0;						\
		long __r = syscall(__VA_ARGS__);			\
		expect_partial(what, __r, errno, fit, __LINE__);	\
	})

/* read(file) of 200 bytes from the file's start into p, where 100 fit:
 * those bytes, and the file offset moved by as many. */
static void partial_file_read(int file, unsigned char *p, const char *what)
{
	long n;

	lseek(file, 0, SEEK_SET);
	n = PARTIAL(what, 100, SYS_read, file, p, 200);
	EXPECT_MSG(file_bytes_ok(p, n, 0), "read(file): wrong bytes");
	EXPECT_EQ(lseek(file, 0, SEEK_CUR), n);
}

/* A file read into the end of rw1 (then unmapped) and of rw2 (then
 * read-only): the bytes that fit, from the file's start. */
static void partial_file_reads(int file)
{
	memset(m.rw1, PATTERN, PAGE);
	partial_file_read(file, (unsigned char *)off_end(200),
			  "read(file) running into an unmapped page");
	EXPECT_PATTERN("read(file)", m.rw1, PAGE - 100);

	memset(m.rw2, PATTERN, PAGE);
	partial_file_read(file, (unsigned char *)into_ro(200),
			  "read(file) running into a read-only page");
	EXPECT_RO_PAGE("read(file)");
}

/* /dev/zero into a buffer that runs into the read-only page: exactly
 * the writable part is zeroed, nothing before it or after. */
static void partial_zero_read(void)
{
	int zero = open("/dev/zero", O_RDONLY);
	unsigned char *p = (unsigned char *)into_ro(2 * PAGE);
	long n, i;

	ASSERT_TRUE(zero >= 0);
	memset(m.rw2, PATTERN, PAGE);
	n = PARTIAL("read(/dev/zero) running into a read-only page", PAGE,
		    SYS_read, zero, p, 2 * PAGE);
	for (i = 0; i < n; i++)
		if (p[i]) {
			EXPECT_MSG(0, "read(/dev/zero): byte %ld is %#x", i,
				   p[i]);
			break;
		}
	EXPECT_PATTERN("read(/dev/zero)", m.rw2 + n, PAGE - n);
	EXPECT_RO_PAGE("read(/dev/zero)");
	/* Off the end of a mapping, into nothing at all. */
	memset(m.rw1, PATTERN, PAGE);
	n = PARTIAL("read(/dev/zero) running into an unmapped page", 1000,
		    SYS_read, zero, off_end(2000), 2000);
	EXPECT_PATTERN("read(/dev/zero)", m.rw1, PAGE - 1000);
	close(zero);
}

/*
 * A pipe read into a buffer with 4 bytes before the hole: Linux moves
 * nothing (EFAULT), Ferry the 4 that fit; either way the rest of the
 * data is still there, in order.
 */
static void partial_pipe(void)
{
	int fds[2];
	char buf[16] = "", *p = (char *)off_end(8);
	long n;

	ASSERT_OK(pipe(fds));
	ASSERT_TRUE(write(fds[1], "pipe data", 9) == 9);
	errno = 0;
	n = syscall(SYS_read, fds[0], p, 9);
	if (n == -1 && errno == EFAULT) {
		EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 9);
		EXPECT_TRUE(!memcmp(buf, "pipe data", 9));
		FERRY_ONLY(0, "read(pipe): EFAULT, expected the 4 bytes that "
			   "fit");
	} else {
		EXPECT_MSG(n > 0 && n <= 4, "read(pipe) with 4 bytes before "
			   "an unmapped page: %ld (errno %s)", n,
			   ut_errno_name(errno));
		if (n > 0 && n <= 4) {
			EXPECT_TRUE(!memcmp(p, "pipe data", n));
			EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 9 - n);
			EXPECT_TRUE(!memcmp(buf, &"pipe data"[n], 9 - n));
		}
	}
	/* A write whose last bytes lie in the hole: the readable ones, or
	 * nothing; the pipe then holds exactly what was reported. */
	p = (char *)off_end(16);
	memcpy(p, "12345678", 8);
	errno = 0;
	n = syscall(SYS_write, fds[1], p, 16);
	EXPECT_MSG((n == -1 && errno == EFAULT) || (n > 0 && n <= 8),
		   "write(pipe) of 16 bytes, 8 readable: %ld (errno %s)", n,
		   ut_errno_name(errno));
	if (n > 0 && n <= 8) {
		EXPECT_EQ(read(fds[0], buf, sizeof(buf)), n);
		EXPECT_TRUE(!memcmp(buf, "12345678", n));
	}
	close(fds[1]);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 0);	/* nothing more */
	close(fds[0]);
}

/* A file write whose last bytes lie in the hole: what is reported is
 * what the file holds. */
static void partial_file_write(void)
{
	char path[128];
	int file = scratch_file("ut-efault-write", 0, path, sizeof(path));
	unsigned char *p = (unsigned char *)off_end(20), back[16];
	long n;
	int i;

	for (i = 0; i < 10; i++)
		p[i] = i;
	errno = 0;
	n = syscall(SYS_write, file, p, 20);
	EXPECT_MSG((n == -1 && errno == EFAULT) || (n > 0 && n <= 10),
		   "write(file) of 20 bytes, 10 readable: %ld (errno %s)", n,
		   ut_errno_name(errno));
	FERRY_ONLY(n == 10, "write(file): %ld, expected the 10 readable "
		   "bytes", n);
	if (n < 0)
		n = 0;
	EXPECT_EQ(file_size(file), n);
	lseek(file, 0, SEEK_SET);
	EXPECT_EQ(read(file, back, sizeof(back)), n);
	EXPECT_TRUE(!memcmp(back, p, n));
	close(file);
	unlink(path);
}

void test_efault_partial(void)
{
	char path[128];
	int file = scratch_file("ut-efault-partial", 8192, path,
				sizeof(path));

	setup_memory();
	partial_file_reads(file);
	partial_zero_read();
	partial_pipe();
	partial_file_write();
	close(file);
	unlink(path);
	expect_alive();
}
