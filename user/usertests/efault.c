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
 *
 * This file holds the memory, the bad pointers and the checks the cases
 * share (efault.h); the cases are in efault_files.c (files and partial
 * transfers), efault_paths.c, efault_process.c, efault_time.c and
 * efault_tty.c.
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

#include "efault.h"

struct efault_mem m;

/* No access at all: every call must refuse these. */
struct bad no_access[] = {
	{ "NULL", 0 },
	{ "the kernel's direct map", UT_KERNEL_LOW + 0x100000 },
	{ "the kernel's text", UT_KERNEL_TEXT + 0x100000 },
	{ "a non-canonical address", 0x0000800000000000UL + 0x1000 },
	{ "a high non-canonical address", 0x8000000000000000UL },
#define BAD_HOLE 5
	{ "an unmapped user page", 0 },		/* m.hole, set up */
	{ "unmapped user memory", UT_UNMAPPED },
};

/* Readable but not writable: calls that write must refuse these too. */
struct bad read_only[] = {
	{ "a read-only page", 0 },		/* m.ro, set up */
	{ "the program's text", 0 },		/* a function, set up */
};

void setup_memory(void)
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
unsigned long off_end(size_t size)
{
	return (unsigned long)m.hole - size / 2;
}

/* A range of size bytes whose second half lies in the read-only page. */
unsigned long into_ro(size_t size)
{
	return (unsigned long)m.ro - size / 2;
}

/* A range of size bytes that crosses the top of user space. */
unsigned long past_top(size_t size)
{
	return USER_TOP - size / 2;
}

/* ---- checks ------------------------------------------------------- */

void expect_efault(const char *file, int line, const char *what,
		   const char *where, long ret, int err)
{
	if (ret == -1 && err == EFAULT)
		return;
	ut_fail(file, line, "Expected %s with %s to fail with EFAULT, got "
		"%ld (errno %s)", what, where, ret, ut_errno_name(err));
}

/* [p, p + n) must still hold the pattern. */
void check_pattern(const char *file, int line, const char *what,
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

/* No 8-byte word of [p, p + n) may look like a kernel address. */
void check_no_kernel_words(const char *file, int line,
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

/* The read-only page still holds its timespec and the pattern. */
void check_ro_page(const char *file, int line, const char *what)
{
	long ts[2];

	memcpy(ts, m.ro, sizeof(ts));
	if (ts[0] != 0 || ts[1] != 1000000)
		ut_fail(file, line, "%s changed the read-only page", what);
	check_pattern(file, line, what, m.ro + 16, PAGE - 16);
}

/* The lowest free descriptor (to see that failed calls leak none). */
int lowest_free_fd(void)
{
	int fd = dup(0);

	if (fd >= 0)
		close(fd);
	return fd;
}

/* The process still forks, pipes and reads. */
void expect_alive(void)
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
int scratch_file(const char *name, size_t len, char *path,
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

int file_bytes_ok(const unsigned char *p, size_t n, size_t offset)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (offset + i) % 251)
			return 0;
	return 1;
}

long file_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_size;
}
