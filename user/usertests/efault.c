/*
 * usertests: bad pointers in every system call that takes one, family
 * by family (files, partial transfers, paths, processes, time, the
 * terminal), so that a failure names its area.
 *
 * Each pointer argument is tried with NULL, an address in the kernel's
 * direct map, one in the kernel's text, two non-canonical addresses, an
 * unmapped user page and, for calls that write user memory, a read-only
 * page and the program's own text; and with ranges that run off the end
 * of a mapping (into an unmapped page, into the read-only page, past the
 * top of user space).  The expected answer is -1 with EFAULT, the
 * process alive and its files, directories, signal dispositions and
 * terminal unchanged.  Buffers are filled with a pattern first: after a
 * failed call they must hold the pattern, or (where the kernel copied
 * part of a structure before it reached the bad page) no word that
 * looks like a kernel address, and the read-only page never changes.
 *
 * Partial transfers.  The kernel's copy routines stop at the first byte
 * that faults (REFERENCE.md section 1) and Ferry's read() and write()
 * return the bytes moved before it, or EFAULT when there were none.
 * For read() of a file or of /dev/zero into a buffer that runs into an
 * unmapped or read-only page, Linux does the same; so both are held to
 * "EFAULT, or 1 to N bytes, all correct", and exactly N (the bytes that
 * fit) is checked for Ferry only.  Pipes differ: Linux answers EFAULT
 * and moves nothing when a pipe buffer cannot be copied whole, Ferry
 * moves what fits.  Both are accepted; no byte may be lost or invented.
 *
 * The calls are made with syscall(), so no C library can check or
 * touch the pointers first, and kernel structures are handled as raw
 * bytes of their Linux sizes (the host's C library has its own struct
 * stat, sigaction and termios).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE		4096UL
#define PATTERN		0x5a
#define USER_TOP	0x00007ffffffff000UL	/* TASK_SIZE */

/* Sizes of the kernel's structures on x86_64 Linux. */
#define KSTAT_SIZE	144
#define KRUSAGE_SIZE	144
#define KUTSNAME_SIZE	390
#define KTIMESPEC_SIZE	16
#define KSIGACTION_SIZE	32
#define KTERMIOS_SIZE	36
#define KWINSIZE_SIZE	8

/*
 * The memory the cases aim at, five pages mapped once per case:
 *
 *   rw1   read-write; its end meets...
 *   hole  ...an unmapped page
 *   rw2   read-write; its end meets...
 *   ro    ...a read-only page (a timespec of 1 ms, then the pattern)
 *         and an unmapped page after it
 */
static struct {
	char *rw1, *hole, *rw2, *ro;
} m;

struct bad {
	const char *name;
	unsigned long addr;
};

/* No access at all: every call must refuse these. */
static struct bad no_access[] = {
	{ "NULL", 0 },
	{ "the kernel's direct map", UT_KERNEL_LOW + 0x100000 },
	{ "the kernel's text", UT_KERNEL_TEXT + 0x100000 },
	{ "a non-canonical address", 0x0000800000000000UL + 0x1000 },
	{ "a high non-canonical address", 0x8000000000000000UL },
#define BAD_HOLE 5
	{ "an unmapped user page", 0 },		/* m.hole, set up */
	{ "unmapped user memory", UT_UNMAPPED },
};
#define NR_NO_ACCESS (int)(sizeof(no_access) / sizeof(no_access[0]))

/* Readable but not writable: calls that write must refuse these too. */
static struct bad read_only[] = {
	{ "a read-only page", 0 },		/* m.ro, set up */
	{ "the program's text", 0 },		/* a function, set up */
};
#define NR_READ_ONLY (int)(sizeof(read_only) / sizeof(read_only[0]))

/* Each bad pointer in turn: no access ones, then (w) read-only ones. */
#define for_each_bad(b, w)						\
	for (int __i = 0; __i < NR_NO_ACCESS + ((w) ? NR_READ_ONLY : 0) && \
	     ((b) = __i < NR_NO_ACCESS ? &no_access[__i] :		\
		    &read_only[__i - NR_NO_ACCESS], 1); __i++)

static void setup_memory(void)
{
	char *p = mmap(NULL, 5 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long ts[2] = { 0, 1000000 };

	ASSERT_TRUE(p != MAP_FAILED);
	m.rw1 = p;
	m.hole = p + PAGE;
	m.rw2 = p + 2 * PAGE;
	m.ro = p + 3 * PAGE;
	memset(p, PATTERN, 5 * PAGE);
	memcpy(m.ro, ts, sizeof(ts));
	ASSERT_OK(munmap(m.hole, PAGE));
	ASSERT_OK(munmap(m.ro + PAGE, PAGE));
	ASSERT_OK(mprotect(m.ro, PAGE, PROT_READ));
	no_access[BAD_HOLE].addr = (unsigned long)m.hole;
	read_only[0].addr = (unsigned long)m.ro + 16;
	read_only[1].addr = (unsigned long)&setup_memory;
}

/* A range of size bytes whose second half lies in the unmapped page. */
static unsigned long off_end(size_t size)
{
	return (unsigned long)m.hole - size / 2;
}

/* A range of size bytes whose second half lies in the read-only page. */
static unsigned long into_ro(size_t size)
{
	return (unsigned long)m.ro - size / 2;
}

/* A range of size bytes that crosses the top of user space. */
static unsigned long past_top(size_t size)
{
	return USER_TOP - size / 2;
}

/* ---- checks ------------------------------------------------------- */

static void expect_efault(const char *file, int line, const char *what,
			  const char *where, long ret, int err)
{
	if (ret == -1 && err == EFAULT)
		return;
	ut_fail(file, line, "Expected %s with %s to fail with EFAULT, got "
		"%ld (errno %s)", what, where, ret, ut_errno_name(err));
}

#define EXPECT_EFAULT(what, where, ...)					\
	do {								\
		errno = 0;						\
		long __r = syscall(__VA_ARGS__);			\
		expect_efault(__FILE__, __LINE__, what, where, __r,	\
			      errno);					\
	} while (0)

/* [p, p + n) must still hold the pattern. */
static void check_pattern(const char *file, int line, const char *what,
			  const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (b[i] != PATTERN) {
			ut_fail(file, line, "%s: byte %zu of the buffer is "
				"%#x, not the pattern %#x", what, i, b[i],
				PATTERN);
			return;
		}
	}
}

#define EXPECT_PATTERN(what, p, n) \
	check_pattern(__FILE__, __LINE__, what, p, n)

/* No 8-byte word of [p, p + n) may look like a kernel address. */
static void check_no_kernel_words(const char *file, int line,
				  const char *what, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		unsigned long v;

		memcpy(&v, b + i, 8);
		if (v >= UT_KERNEL_LOW && v != ~0UL &&
		    v != 0x5a5a5a5a5a5a5a5aUL) {
			ut_fail(file, line, "%s: word at %zu holds %#lx, a "
				"kernel address", what, i, v);
			return;
		}
	}
}

#define EXPECT_NO_KERNEL_WORDS(what, p, n) \
	check_no_kernel_words(__FILE__, __LINE__, what, p, n)

/* The read-only page still holds its timespec and the pattern. */
static void check_ro_page(const char *file, int line, const char *what)
{
	long ts[2];

	memcpy(ts, m.ro, sizeof(ts));
	if (ts[0] != 0 || ts[1] != 1000000)
		ut_fail(file, line, "%s changed the read-only page", what);
	check_pattern(file, line, what, m.ro + 16, PAGE - 16);
}

#define EXPECT_RO_PAGE(what) check_ro_page(__FILE__, __LINE__, what)

/*
 * A call writing size bytes at a range that runs off the end of a
 * mapping, and one into the read-only page: both EFAULT; what was
 * written before the fault is no kernel address; the read-only page is
 * untouched.  call(p) makes the call with the pointer.
 */
#define EXPECT_EFAULT_CROSSING(what, size, p, ...)			\
	do {								\
		unsigned long p;					\
		memset(m.rw1, PATTERN, PAGE);				\
		memset(m.rw2, PATTERN, PAGE);				\
		p = off_end(size);					\
		EXPECT_EFAULT(what, "a range running into an unmapped "\
			      "page", __VA_ARGS__);			\
		EXPECT_NO_KERNEL_WORDS(what, m.rw1, PAGE);		\
		p = into_ro(size);					\
		EXPECT_EFAULT(what, "a range running into a read-only "\
			      "page", __VA_ARGS__);			\
		EXPECT_NO_KERNEL_WORDS(what, m.rw2, PAGE);		\
		EXPECT_RO_PAGE(what);					\
		p = past_top(size);					\
		EXPECT_EFAULT(what, "a range past the top of user "	\
			      "space", __VA_ARGS__);			\
	} while (0)

/* The lowest free descriptor (to see that failed calls leak none). */
static int lowest_free_fd(void)
{
	int fd = dup(0);

	if (fd >= 0)
		close(fd);
	return fd;
}

/* The process still forks, pipes and reads. */
static void expect_alive(void)
{
	int fds[2], status;
	char buf[4] = "";
	pid_t pid;

	ASSERT_OK(pipe(fds));
	EXPECT_EQ(write(fds[1], "ok", 2), 2);
	EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 2);
	EXPECT_TRUE(!memcmp(buf, "ok", 2));
	close(fds[0]);
	close(fds[1]);
	pid = ut_fork();
	if (pid == 0)
		_exit(getppid() > 0 ? 0 : 1);
	status = ut_wait(pid);
	EXPECT_EXIT(status, 0);
}

/* A scratch file of len bytes, byte i = i % 251, open read-write. */
static int scratch_file(const char *name, size_t len, char *path,
			size_t size)
{
	char buf[1024];
	size_t i, done = 0;
	int fd;

	snprintf(path, size, "%s/%s.%d", ut_tmpdir(), name, (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	ASSERT_TRUE(fd >= 0);
	while (done < len) {
		size_t n = len - done < sizeof(buf) ? len - done : sizeof(buf);

		for (i = 0; i < n; i++)
			buf[i] = (done + i) % 251;
		ASSERT_OK(ut_write_all(fd, buf, n));
		done += n;
	}
	ASSERT_TRUE(lseek(fd, 0, SEEK_SET) == 0);
	return fd;
}

static int file_bytes_ok(const unsigned char *p, size_t n, size_t offset)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (offset + i) % 251)
			return 0;
	return 1;
}

static long file_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_size;
}

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

/* A file read into the end of rw1 (then unmapped) and of rw2 (then
 * read-only): the bytes that fit, from the file's start. */
static void partial_file_reads(int file)
{
	unsigned char *p;
	long n;

	memset(m.rw1, PATTERN, PAGE);
	lseek(file, 0, SEEK_SET);
	p = (unsigned char *)off_end(200);
	n = PARTIAL("read(file) running into an unmapped page", 100,
		    SYS_read, file, p, 200);
	EXPECT_MSG(file_bytes_ok(p, n, 0), "read(file): wrong bytes");
	EXPECT_EQ(lseek(file, 0, SEEK_CUR), n);
	EXPECT_PATTERN("read(file)", m.rw1, PAGE - 100);

	memset(m.rw2, PATTERN, PAGE);
	lseek(file, 0, SEEK_SET);
	p = (unsigned char *)into_ro(200);
	n = PARTIAL("read(file) running into a read-only page", 100,
		    SYS_read, file, p, 200);
	EXPECT_MSG(file_bytes_ok(p, n, 0), "read(file): wrong bytes");
	EXPECT_EQ(lseek(file, 0, SEEK_CUR), n);
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

/* ---- paths -------------------------------------------------------- */

/* s copied so that its NUL is the last byte before the hole. */
static char *string_at_end(const char *s)
{
	size_t len = strlen(s) + 1;
	char *p = m.hole - len;

	memcpy(p, s, len);
	return p;
}

/* n bytes of 'x' up to the hole, with no NUL: "xxxx" then nothing. */
static char *unterminated_at_end(size_t n)
{
	char *p = m.hole - n;

	memset(p, 'x', n);
	return p;
}

/* Every path call with path pointer p (where: what p is). */
static void paths_with(const char *where, unsigned long p, int dir)
{
	unsigned char st[KSTAT_SIZE];

	EXPECT_EFAULT("open", where, SYS_open, p, O_RDONLY);
	EXPECT_EFAULT("open(O_CREAT)", where, SYS_open, p,
		      O_RDWR | O_CREAT, 0644);
	EXPECT_EFAULT("openat(AT_FDCWD)", where, SYS_openat, AT_FDCWD, p,
		      O_RDONLY);
	EXPECT_EFAULT("openat(dir, O_CREAT)", where, SYS_openat, dir, p,
		      O_RDWR | O_CREAT, 0644);
	memset(st, PATTERN, sizeof(st));
	EXPECT_EFAULT("stat", where, SYS_stat, p, st);
	EXPECT_PATTERN("stat with a bad path", st, sizeof(st));
	EXPECT_EFAULT("lstat", where, SYS_lstat, p, st);
	EXPECT_PATTERN("lstat with a bad path", st, sizeof(st));
	EXPECT_EFAULT("chdir", where, SYS_chdir, p);
	EXPECT_EFAULT("mkdir", where, SYS_mkdir, p, 0755);
	EXPECT_EFAULT("mkdirat(AT_FDCWD)", where, SYS_mkdirat, AT_FDCWD, p,
		      0755);
	EXPECT_EFAULT("mkdirat(dir)", where, SYS_mkdirat, dir, p, 0755);
	EXPECT_EFAULT("rmdir", where, SYS_rmdir, p);
	EXPECT_EFAULT("unlink", where, SYS_unlink, p);
	EXPECT_EFAULT("unlinkat", where, SYS_unlinkat, AT_FDCWD, p, 0);
	EXPECT_EFAULT("unlinkat(AT_REMOVEDIR)", where, SYS_unlinkat, dir, p,
		      AT_REMOVEDIR);
}

void test_efault_paths(void)
{
	char dir_path[128], cwd[512], cwd_after[512], name[64];
	unsigned char st[KSTAT_SIZE];
	const struct bad *b;
	int dir, fd, fd_before;
	char *p;

	setup_memory();
	/* A directory of our own, as working directory and dirfd. */
	snprintf(dir_path, sizeof(dir_path), "%s/ut-efault-paths.%d",
		 ut_tmpdir(), (int)getpid());
	ASSERT_TRUE(mkdir(dir_path, 0755) == 0 || errno == EEXIST);
	ASSERT_OK(chdir(dir_path));
	ASSERT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	dir = open(".", O_RDONLY | O_DIRECTORY);
	ASSERT_TRUE(dir >= 0);
	fd_before = lowest_free_fd();

	for_each_bad(b, 0)
		paths_with(b->name, b->addr, dir);
	/* A name that runs into the hole without its NUL. */
	p = unterminated_at_end(16);
	paths_with("a name running into an unmapped page", (unsigned long)p,
		   dir);
	/* Nothing of it was taken as a shorter name. */
	memcpy(name, p, 16);
	name[16] = '\0';
	EXPECT_ERRNO(stat(name, (struct stat *)st), ENOENT);

	/* The stat buffer: bad, read-only, and running off a mapping. */
	for_each_bad(b, 1) {
		EXPECT_EFAULT("stat(buf)", b->name, SYS_stat, ".", b->addr);
		EXPECT_EFAULT("lstat(buf)", b->name, SYS_lstat, ".", b->addr);
		EXPECT_EFAULT("getcwd", b->name, SYS_getcwd, b->addr, 512);
	}
	EXPECT_EFAULT_CROSSING("stat(buf)", KSTAT_SIZE, q, SYS_stat, ".", q);
	EXPECT_EFAULT_CROSSING("lstat(buf)", KSTAT_SIZE, q, SYS_lstat, ".",
			       q);
	/* getcwd into fewer bytes than the name needs, before the hole. */
	EXPECT_EFAULT("getcwd", "a buffer running into an unmapped page",
		      SYS_getcwd, off_end(2 * strlen(cwd) - 2), 512);

	/* A name whose NUL is the last byte before the hole is fine. */
	p = string_at_end("edge");
	EXPECT_EQ(syscall(SYS_mkdir, p, 0755), 0);
	EXPECT_EQ(syscall(SYS_stat, p, st), 0);
	EXPECT_EQ(syscall(SYS_rmdir, p), 0);
	fd = syscall(SYS_open, string_at_end("/dev/null"), O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	if (fd >= 0)
		close(fd);

	/* Nothing changed: cwd, descriptors, the directory is empty. */
	EXPECT_TRUE(getcwd(cwd_after, sizeof(cwd_after)) != NULL);
	EXPECT_TRUE(!strcmp(cwd, cwd_after));
	EXPECT_EQ(lowest_free_fd(), fd_before);
	EXPECT_EQ(syscall(SYS_getdents64, dir, m.rw2, PAGE), 48);
	close(dir);
	ASSERT_OK(chdir("/"));
	EXPECT_OK(rmdir(dir_path));
	expect_alive();
}

/* ---- processes: execve, wait4, rt_sigaction ----------------------- */

/* execve in a child: its status (exit 100 + errno if it failed). */
static int execve_child(unsigned long path, unsigned long argv,
			unsigned long envp)
{
	pid_t pid = ut_fork();

	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(100 + errno);
	}
	return ut_wait(pid);
}

#define EXPECT_EXECVE_EFAULT(what, where, path, argv, envp)		\
	do {								\
		int __s = execve_child((unsigned long)(path),		\
				       (unsigned long)(argv),		\
				       (unsigned long)(envp));		\
		EXPECT_MSG(__s == (100 + EFAULT) << 8, "execve with %s "\
			   "as %s: the child %s, expected exit 100 + "	\
			   "EFAULT", where, what, ut_status_str(__s));	\
	} while (0)

static void efault_execve(void)
{
	static char *argv[] = { "true", NULL }, *envp[] = { NULL };
	static char *bad_argv[] = { "true", NULL, NULL };
	static char *bad_envp[] = { "A=1", NULL, NULL };
	const struct bad *b;
	unsigned long *edge;

	for_each_bad(b, 0) {
		EXPECT_EXECVE_EFAULT("the path", b->name, b->addr, argv, envp);
		if (!b->addr)
			continue;	/* NULL argv, envp or entry: allowed */
		EXPECT_EXECVE_EFAULT("argv", b->name, "/bin/true", b->addr,
				     envp);
		EXPECT_EXECVE_EFAULT("envp", b->name, "/bin/true", argv,
				     b->addr);
		bad_argv[1] = (char *)b->addr;
		EXPECT_EXECVE_EFAULT("argv[1]", b->name, "/bin/true",
				     bad_argv, envp);
		bad_envp[1] = (char *)b->addr;
		EXPECT_EXECVE_EFAULT("envp[1]", b->name, "/bin/true", argv,
				     bad_envp);
	}
	EXPECT_EXECVE_EFAULT("the path", "a name running into an unmapped "
			     "page", unterminated_at_end(16), argv, envp);
	/* argv whose NULL would lie in the hole. */
	edge = (unsigned long *)(m.hole - 8);
	edge[0] = (unsigned long)"true";
	EXPECT_EXECVE_EFAULT("argv", "an array running into an unmapped "
			     "page", "/bin/true", edge, envp);
	EXPECT_EXECVE_EFAULT("envp", "an array running into an unmapped "
			     "page", "/bin/true", argv, edge);
	/* An argument string running into the hole. */
	bad_argv[1] = unterminated_at_end(16);
	EXPECT_EXECVE_EFAULT("argv[1]", "a string running into an unmapped "
			     "page", "/bin/true", bad_argv, envp);
	/* The same calls with good pointers do run /bin/true. */
	EXPECT_EXIT(execve_child((unsigned long)"/bin/true",
				 (unsigned long)argv, (unsigned long)envp), 0);
}

/*
 * wait4 with a bad status or rusage pointer and an exited child to
 * report: EFAULT.  Linux reaps the child anyway; Ferry keeps it for a
 * later wait (docs/process.md); either way none is left over.
 */
static int wait4_with(const char *what, const char *where,
		      unsigned long status, unsigned long ru)
{
	pid_t pid = ut_fork(), got;
	int s;

	if (pid == 0)
		_exit(7);
	ut_msleep(20);			/* let it exit */
	EXPECT_EFAULT(what, where, SYS_wait4, pid, status, 0, ru);
	errno = 0;
	got = waitpid(pid, &s, 0);
	EXPECT_MSG((got == pid && WIFEXITED(s) && WEXITSTATUS(s) == 7) ||
		   (got == -1 && errno == ECHILD), "after %s with %s: "
		   "waitpid gave %d (errno %s)", what, where, (int)got,
		   ut_errno_name(errno));
	EXPECT_ERRNO(waitpid(pid, NULL, WNOHANG), ECHILD);
	return got != pid;
}

static void efault_wait4(void)
{
	unsigned char ru[KRUSAGE_SIZE];
	const struct bad *b;
	int tries = 0, reaped = 0;

	for_each_bad(b, 1) {
		if (!b->addr)
			continue;	/* NULL: no status, no rusage */
		reaped += wait4_with("wait4(status)", b->name, b->addr, 0);
		reaped += wait4_with("wait4(rusage)", b->name, 0, b->addr);
		tries += 2;
	}
	reaped += wait4_with("wait4(status)", "a range running into an "
			     "unmapped page", off_end(4), 0);
	reaped += wait4_with("wait4(rusage)", "a range running into an "
			     "unmapped page", 0, off_end(KRUSAGE_SIZE));
	reaped += wait4_with("wait4(rusage)", "a range running into a "
			     "read-only page", 0, into_ro(KRUSAGE_SIZE));
	tries += 3;
	EXPECT_RO_PAGE("wait4(rusage)");
	FERRY_ONLY(!reaped, "%d of %d wait4 calls that failed with EFAULT "
		   "reaped their child; Ferry keeps it for a later wait",
		   reaped, tries);
	/* A good rusage pointer works. */
	pid_t pid = ut_fork();
	int status = 0;

	if (pid == 0)
		_exit(3);
	EXPECT_EQ(syscall(SYS_wait4, pid, &status, 0, ru), pid);
	EXPECT_EXIT(status, 3);
}

/* The kernel's struct sigaction. */
struct ksigaction {
	unsigned long handler, flags, restorer, mask;
};

static unsigned long disposition(int sig)
{
	struct ksigaction old;

	memset(&old, PATTERN, sizeof(old));
	if (syscall(SYS_rt_sigaction, sig, NULL, &old, 8))
		return -2UL;
	return old.handler;
}

static void efault_sigaction(void)
{
	struct ksigaction ign = { (unsigned long)SIG_IGN, 0, 0, 0 };
	unsigned long *act;
	const struct bad *b;

	EXPECT_EQ(disposition(SIGUSR1), (unsigned long)SIG_DFL);
	for_each_bad(b, 0) {
		if (b->addr)		/* NULL: no new action, allowed */
			EXPECT_EFAULT("rt_sigaction(act)", b->name,
				      SYS_rt_sigaction, SIGUSR1, b->addr,
				      NULL, 8);
	}
	for_each_bad(b, 1) {
		if (b->addr)		/* NULL: no old action wanted */
			EXPECT_EFAULT("rt_sigaction(oldact)", b->name,
				      SYS_rt_sigaction, SIGUSR1, NULL,
				      b->addr, 8);
	}
	/* An act running into the hole: its handler readable, the rest not. */
	act = (unsigned long *)off_end(KSIGACTION_SIZE);
	act[0] = (unsigned long)SIG_IGN;
	act[1] = 0;
	EXPECT_EFAULT("rt_sigaction(act)", "a range running into an unmapped "
		      "page", SYS_rt_sigaction, SIGUSR1, act, NULL, 8);
	EXPECT_EQ(disposition(SIGUSR1), (unsigned long)SIG_DFL);
	EXPECT_EFAULT_CROSSING("rt_sigaction(oldact)", KSIGACTION_SIZE, q,
			       SYS_rt_sigaction, SIGUSR1, NULL, q, 8);
	/*
	 * A good act with a bad oldact: EFAULT.  Linux has installed the new
	 * action by then; Ferry checks oldact first and changes nothing.
	 * Either is accepted; the disposition is one of the two.
	 */
	EXPECT_EFAULT("rt_sigaction(SIG_IGN, oldact)", "an unmapped user page",
		      SYS_rt_sigaction, SIGUSR1, &ign, m.hole, 8);
	unsigned long now = disposition(SIGUSR1);

	EXPECT_MSG(now == (unsigned long)SIG_DFL ||
		   now == (unsigned long)SIG_IGN, "SIGUSR1's disposition is "
		   "%#lx after a failed rt_sigaction", now);
	ut_diag("%s: after rt_sigaction(SIG_IGN) with a bad oldact, SIGUSR1 "
		"is %s", ut_current, now == (unsigned long)SIG_IGN ?
		"ignored (the new action was installed)" :
		"still default (nothing was changed)");
	signal(SIGUSR1, SIG_DFL);
}

void test_efault_process(void)
{
	setup_memory();
	efault_execve();
	efault_wait4();
	efault_sigaction();
	expect_alive();
}

/* ---- time and the system: nanosleep, clock_gettime, uname --------- */

void test_efault_time(void)
{
	long req[2] = { 0, 1000 };
	const struct bad *b;

	setup_memory();
	for_each_bad(b, 0)
		EXPECT_EFAULT("nanosleep(req)", b->name, SYS_nanosleep,
			      b->addr, NULL);
	EXPECT_EFAULT("nanosleep(req)", "a range running into an unmapped "
		      "page", SYS_nanosleep, off_end(KTIMESPEC_SIZE), NULL);
	/* The read-only page holds a timespec of 1 ms: readable is fine. */
	EXPECT_EQ(syscall(SYS_nanosleep, m.ro, NULL), 0);
	/* rem is written only when a sleep is interrupted: not here. */
	for_each_bad(b, 1)
		EXPECT_MSG(syscall(SYS_nanosleep, req, b->addr) == 0,
			   "nanosleep of 1 us with rem at %s failed (errno "
			   "%s); rem is only written on EINTR", b->name,
			   ut_errno_name(errno));

	for_each_bad(b, 1) {
		EXPECT_EFAULT("clock_gettime(CLOCK_MONOTONIC)", b->name,
			      SYS_clock_gettime, CLOCK_MONOTONIC, b->addr);
		EXPECT_EFAULT("clock_gettime(CLOCK_REALTIME)", b->name,
			      SYS_clock_gettime, CLOCK_REALTIME, b->addr);
		EXPECT_EFAULT("uname", b->name, SYS_uname, b->addr);
	}
	EXPECT_EFAULT_CROSSING("clock_gettime", KTIMESPEC_SIZE, q,
			       SYS_clock_gettime, CLOCK_MONOTONIC, q);
	EXPECT_EFAULT_CROSSING("uname", KUTSNAME_SIZE, q, SYS_uname, q);
	expect_alive();
}

/* ---- the terminal: TCGETS, TCSETS, TIOCGPGRP, TIOCSPGRP, TIOCGWINSZ */

/* A descriptor on a terminal (0, 1 or 2), or -1. */
static int find_tty(unsigned char *termios)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (syscall(SYS_ioctl, fd, TCGETS, termios) == 0)
			return fd;
	return -1;
}

void test_efault_tty(void)
{
	unsigned char before[64], after[64];
	int tty, null, pgrp_before = 0, pgrp_after = 0;
	const struct bad *b;

	setup_memory();
	/* This case runs in a process group of its own, in the background
	 * as far as a Linux terminal is concerned: TCSETS and TIOCSPGRP
	 * would stop it with SIGTTOU unless it is ignored. */
	signal(SIGTTOU, SIG_IGN);
	null = open("/dev/null", O_RDWR);
	ASSERT_TRUE(null >= 0);
	EXPECT_ERRNO(syscall(SYS_ioctl, null, TCGETS, before), ENOTTY);
	close(null);
	memset(before, 0, sizeof(before));
	tty = find_tty(before);
	if (tty < 0)
		ut_skip("no terminal on descriptors 0-2 (/dev/null answers "
			"ENOTTY, checked)");
	syscall(SYS_ioctl, tty, TIOCGPGRP, &pgrp_before);

	for_each_bad(b, 1) {
		EXPECT_EFAULT("ioctl(TCGETS)", b->name, SYS_ioctl, tty, TCGETS,
			      b->addr);
		EXPECT_EFAULT("ioctl(TIOCGWINSZ)", b->name, SYS_ioctl, tty,
			      TIOCGWINSZ, b->addr);
		errno = 0;
		long r = syscall(SYS_ioctl, tty, TIOCGPGRP, b->addr);

		/* Linux answers ENOTTY first when it is not our terminal. */
		FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCGPGRP) "
			   "with %s: %ld (errno %s)", b->name, r,
			   ut_errno_name(errno));
	}
	for_each_bad(b, 0) {
		EXPECT_EFAULT("ioctl(TCSETS)", b->name, SYS_ioctl, tty, TCSETS,
			      b->addr);
		errno = 0;
		long r = syscall(SYS_ioctl, tty, TIOCSPGRP, b->addr);

		FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCSPGRP) "
			   "with %s: %ld (errno %s)", b->name, r,
			   ut_errno_name(errno));
	}
	EXPECT_EFAULT_CROSSING("ioctl(TCGETS)", KTERMIOS_SIZE, q, SYS_ioctl,
			       tty, TCGETS, q);
	EXPECT_EFAULT_CROSSING("ioctl(TIOCGWINSZ)", KWINSIZE_SIZE, q,
			       SYS_ioctl, tty, TIOCGWINSZ, q);
	/* A termios running into the hole: nothing of it is applied. */
	memcpy((void *)off_end(KTERMIOS_SIZE), before, KTERMIOS_SIZE / 2);
	EXPECT_EFAULT("ioctl(TCSETS)", "a range running into an unmapped "
		      "page", SYS_ioctl, tty, TCSETS, off_end(KTERMIOS_SIZE));
	errno = 0;
	long r = syscall(SYS_ioctl, tty, TIOCSPGRP, off_end(4));

	FERRY_ONLY(r == -1 && errno == EFAULT, "ioctl(TIOCSPGRP) with a "
		   "range running into an unmapped page: %ld (errno %s)", r,
		   ut_errno_name(errno));

	/* The terminal is as it was. */
	memset(after, 0, sizeof(after));
	EXPECT_EQ(syscall(SYS_ioctl, tty, TCGETS, after), 0);
	EXPECT_TRUE(!memcmp(before, after, KTERMIOS_SIZE));
	syscall(SYS_ioctl, tty, TIOCGPGRP, &pgrp_after);
	EXPECT_EQ(pgrp_after, pgrp_before);
	expect_alive();
}
