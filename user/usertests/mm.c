/*
 * usertests: a process's memory.  Copy-on-write after fork, the program
 * break (brk/sbrk), anonymous mmap, munmap and mprotect, and the errors
 * of bad mapping requests.
 *
 * Accesses expected to fault are made in a child, whose wait status
 * must then say SIGSEGV; the case's own process never faults on purpose.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE_SIZE	4096UL

/* ---- copy-on-write ------------------------------------------------ */

static volatile long cow_global = 1;

/* Block until the other side writes a byte to fd. */
static void wait_token(int fd)
{
	char c;

	read(fd, &c, 1);
}

static void send_token(int fd)
{
	write(fd, "t", 1);
}

void test_cow_variables(void)
{
	volatile long stack_var = 2;
	volatile long *heap = malloc(sizeof(*heap));
	int to_child[2], to_parent[2];
	pid_t pid;

	ASSERT_TRUE(heap != NULL);
	*heap = 3;
	ASSERT_OK(pipe(to_child));
	ASSERT_OK(pipe(to_parent));
	pid = ut_fork();
	if (pid == 0) {
		/* Still the parent's values, then our own. */
		EXPECT_EQ(cow_global, 1);
		EXPECT_EQ(stack_var, 2);
		EXPECT_EQ(*heap, 3);
		cow_global = 100;
		stack_var = 200;
		*heap = 300;
		send_token(to_parent[1]);
		wait_token(to_child[0]);	/* the parent wrote too */
		EXPECT_EQ(cow_global, 100);
		EXPECT_EQ(stack_var, 200);
		EXPECT_EQ(*heap, 300);
		ut_end();
	}
	wait_token(to_parent[0]);		/* the child wrote */
	EXPECT_EQ(cow_global, 1);
	EXPECT_EQ(stack_var, 2);
	EXPECT_EQ(*heap, 3);
	cow_global = 10;
	stack_var = 20;
	*heap = 30;
	send_token(to_child[1]);
	EXPECT_EXIT(ut_wait(pid), 0);
	EXPECT_EQ(cow_global, 10);
	EXPECT_EQ(stack_var, 20);
	EXPECT_EQ(*heap, 30);
	free((void *)heap);
}

#define BIG_SIZE	(1024 * 1024)

/* The byte at offset i of the parent's copy. */
static unsigned char parent_byte(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 12));
}

static void cow_child(void *arg)
{
	unsigned char *big = arg;
	size_t i, bad = 0;

	/* Each page: check what was inherited, then change it all. */
	for (i = 0; i < BIG_SIZE; i += PAGE_SIZE) {
		bad += big[i] != parent_byte(i) ||
		       big[i + PAGE_SIZE - 1] != parent_byte(i + PAGE_SIZE - 1);
		memset(big + i, 0xa5, PAGE_SIZE);
	}
	EXPECT_EQ(bad, 0);
	for (i = 0, bad = 0; i < BIG_SIZE; i++)
		bad += big[i] != 0xa5;
	EXPECT_EQ(bad, 0);
}

void test_cow_large_buffer(void)
{
	unsigned char *big = malloc(BIG_SIZE);
	size_t i, bad = 0;

	ASSERT_TRUE(big != NULL);
	for (i = 0; i < BIG_SIZE; i++)
		big[i] = parent_byte(i);
	EXPECT_EXIT(ut_run_child(cow_child, big), 0);
	for (i = 0; i < BIG_SIZE; i++)
		bad += big[i] != parent_byte(i);
	EXPECT_MSG(bad == 0, "Expected the parent's 1 MiB buffer to be "
		   "intact after the child changed it, %lu bytes differ",
		   (unsigned long)bad);
	free(big);
}

/* ---- the program break -------------------------------------------- */

static void touch(void *arg)
{
	*(volatile char *)arg = 1;
}

static void touch_read(void *arg)
{
	(void)*(volatile char *)arg;
}

/* Count the non-zero bytes of [p, p + len). */
static size_t nonzero(const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t n = 0;

	while (len--)
		n += *b++ != 0;
	return n;
}

void test_brk(void)
{
	const size_t grow = 64 * 1024;
	char *start = sbrk(0), *old, *end;

	ASSERT_TRUE(start != (char *)-1);
	/* Grow: the old break comes back, the new memory is zero. */
	old = sbrk(grow);
	ASSERT_TRUE(old != (char *)-1);
	EXPECT_TRUE(old == start);
	end = sbrk(0);
	EXPECT_TRUE(end == start + grow);
	EXPECT_EQ(nonzero(old, grow), 0);
	memset(old, 0x5a, grow);

	/* Shrink: the pages past the new break are gone. */
	EXPECT_TRUE(sbrk(-(intptr_t)grow) == end);
	EXPECT_TRUE(sbrk(0) == start);
	char *gone = (char *)(((uintptr_t)start + PAGE_SIZE - 1) &
			      ~(PAGE_SIZE - 1)) + PAGE_SIZE;
	EXPECT_KILLED(ut_run_child(touch_read, gone), SIGSEGV);

	/* Grow again: fresh zero pages, not the old contents. */
	old = sbrk(grow);
	ASSERT_TRUE(old == start);
	EXPECT_MSG(nonzero(gone, grow - 2 * PAGE_SIZE) == 0,
		   "Expected memory regained by brk to read zero");
	memset(old, 1, grow);
	EXPECT_TRUE(sbrk(-(intptr_t)grow) == start + grow);

	/* A break below the start of the heap is refused: the system call
	 * returns the break unchanged. */
	EXPECT_EQ(syscall(SYS_brk, start - 16 * 1024 * 1024), (long)start);
	EXPECT_EQ(syscall(SYS_brk, 0), (long)start);
	EXPECT_TRUE(sbrk(0) == start);
}

/* ---- mmap, munmap, mprotect --------------------------------------- */

static void *map_anon(size_t len, int prot)
{
	return mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

/* The address of a page nothing is mapped at (mapped, then unmapped). */
static char *free_page_address(void)
{
	char *p = map_anon(PAGE_SIZE, PROT_READ);

	if (p == MAP_FAILED) {
		ut_fail(__FILE__, __LINE__, "mmap failed: %s",
			ut_errno_name(errno));
		ut_end();
	}
	munmap(p, PAGE_SIZE);
	return p;
}

void test_mmap_anon(void)
{
	static const size_t sizes[] = {
		PAGE_SIZE, 3 * PAGE_SIZE, 64 * 1024, 1024 * 1024,
		4 * 1024 * 1024 + PAGE_SIZE, 100,
	};
	void *maps[sizeof(sizes) / sizeof(sizes[0])];
	size_t i, j;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t len = sizes[i];
		unsigned char *p = map_anon(len, PROT_READ | PROT_WRITE);

		maps[i] = p;
		EXPECT_MSG(p != MAP_FAILED, "mmap of %lu bytes failed: %s",
			   (unsigned long)len, ut_errno_name(errno));
		if (p == MAP_FAILED)
			continue;
		EXPECT_EQ((uintptr_t)p % PAGE_SIZE, 0);
		EXPECT_MSG(nonzero(p, len) == 0,
			   "Expected a new %lu-byte mapping to read zero",
			   (unsigned long)len);
		for (j = 0; j < len; j += PAGE_SIZE)
			p[j] = (unsigned char)(i + j / PAGE_SIZE + 1);
		p[len - 1] = 0xee;
		/* No two live mappings overlap. */
		for (j = 0; j < i; j++) {
			char *q = maps[j];

			if (q == MAP_FAILED)
				continue;
			EXPECT_TRUE((char *)p + len <= q ||
				    q + sizes[j] <= (char *)p);
		}
	}
	/* Everything written is still there, then unmap it all. */
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = maps[i];
		size_t bad = 0;

		if (p == MAP_FAILED)
			continue;
		for (j = 0; j + 1 < sizes[i]; j += PAGE_SIZE)
			bad += p[j] != (unsigned char)(i + j / PAGE_SIZE + 1);
		bad += p[sizes[i] - 1] != 0xee;
		EXPECT_EQ(bad, 0);
		EXPECT_OK(munmap(p, sizes[i]));
	}
	/* MAP_FIXED at a free page (just unmapped) is honoured. */
	char *fixed = free_page_address();
	char *p = mmap(fixed, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	EXPECT_TRUE(p == fixed);
	if (p == fixed) {
		EXPECT_EQ(nonzero(p, PAGE_SIZE), 0);
		p[0] = 1;
		EXPECT_OK(munmap(p, PAGE_SIZE));
	}
}

void test_munmap_segv(void)
{
	char *p = map_anon(4 * PAGE_SIZE, PROT_READ | PROT_WRITE);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 1, 4 * PAGE_SIZE);
	/* Unmap the middle two pages: the ends stay, the middle faults. */
	EXPECT_OK(munmap(p + PAGE_SIZE, 2 * PAGE_SIZE));
	EXPECT_KILLED(ut_run_child(touch, p + PAGE_SIZE), SIGSEGV);
	EXPECT_KILLED(ut_run_child(touch_read, p + 2 * PAGE_SIZE), SIGSEGV);
	EXPECT_EXIT(ut_run_child(touch, p), 0);
	EXPECT_EXIT(ut_run_child(touch, p + 3 * PAGE_SIZE), 0);
	EXPECT_EQ(p[0] + p[3 * PAGE_SIZE], 2);
	/* Unmapping what is not mapped is not an error. */
	EXPECT_OK(munmap(p + PAGE_SIZE, 2 * PAGE_SIZE));
	EXPECT_OK(munmap(p, 4 * PAGE_SIZE));
	EXPECT_KILLED(ut_run_child(touch_read, p), SIGSEGV);
	EXPECT_KILLED(ut_run_child(touch, p + 3 * PAGE_SIZE), SIGSEGV);
}

void test_mprotect(void)
{
	char *p = map_anon(2 * PAGE_SIZE, PROT_READ | PROT_WRITE);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'a';
	p[PAGE_SIZE] = 'b';
	/* Read-only: reads work, a write kills the child. */
	EXPECT_OK(mprotect(p, PAGE_SIZE, PROT_READ));
	EXPECT_EQ(p[0], 'a');
	EXPECT_KILLED(ut_run_child(touch, p), SIGSEGV);
	EXPECT_EXIT(ut_run_child(touch, p + PAGE_SIZE), 0); /* other page */
	/* No access at all: even a read faults. */
	EXPECT_OK(mprotect(p, PAGE_SIZE, PROT_NONE));
	EXPECT_KILLED(ut_run_child(touch_read, p), SIGSEGV);
	/* Back to read-write: the contents are kept and writes work. */
	EXPECT_OK(mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE));
	EXPECT_EQ(p[0], 'a');
	p[0] = 'c';
	EXPECT_EQ(p[0], 'c');
	EXPECT_EXIT(ut_run_child(touch, p), 0);
	/* Errors: unaligned start, an unmapped range. */
	EXPECT_ERRNO(mprotect(p + 1, PAGE_SIZE, PROT_READ), EINVAL);
	EXPECT_OK(munmap(p, 2 * PAGE_SIZE));
	EXPECT_ERRNO(mprotect(p, PAGE_SIZE, PROT_READ), ENOMEM);
}

void test_mmap_einval(void)
{
	const int rw = PROT_READ | PROT_WRITE;
	const int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	void *p;

	EXPECT_TRUE(mmap(NULL, 0, rw, anon, -1, 0) == MAP_FAILED);
	EXPECT_EQ(errno, EINVAL);
	p = mmap(free_page_address() + 0x123, PAGE_SIZE, rw,
		 anon | MAP_FIXED, -1, 0);
	EXPECT_TRUE(p == MAP_FAILED);
	EXPECT_EQ(errno, EINVAL);
	/* Neither MAP_PRIVATE nor MAP_SHARED. */
	p = mmap(NULL, PAGE_SIZE, rw, MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(p == MAP_FAILED);
	EXPECT_EQ(errno, EINVAL);
	/* Unknown protection bits. */
	errno = 0;
	p = mmap(NULL, PAGE_SIZE, rw | 0x100, anon, -1, 0);
	FERRY_ONLY(p == MAP_FAILED && errno == EINVAL,
		   "Expected mmap with prot 0x103 to fail with EINVAL, got "
		   "%#lx (%s)", (unsigned long)p, ut_errno_name(errno));
	if (p != MAP_FAILED)
		munmap(p, PAGE_SIZE);
	/* A length that wraps around the address space. */
	p = mmap(NULL, (size_t)-PAGE_SIZE, rw, anon, -1, 0);
	EXPECT_TRUE(p == MAP_FAILED);
	EXPECT_TRUE(errno == ENOMEM || errno == EINVAL);
	/* A fixed mapping in the kernel's half. */
	p = mmap((void *)UT_KERNEL_LOW, PAGE_SIZE, rw, anon | MAP_FIXED,
		 -1, 0);
	EXPECT_TRUE(p == MAP_FAILED);
	EXPECT_TRUE(errno == ENOMEM || errno == EINVAL);

	/* munmap: unaligned start, zero length, the kernel's half. */
	p = map_anon(2 * PAGE_SIZE, rw);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(munmap((char *)p + 1, PAGE_SIZE), EINVAL);
	EXPECT_ERRNO(munmap(p, 0), EINVAL);
	EXPECT_ERRNO(munmap((void *)UT_KERNEL_TEXT, PAGE_SIZE), EINVAL);
	/* And nothing was unmapped by those. */
	EXPECT_EXIT(ut_run_child(touch, p), 0);
	*(char *)p = 1;
	EXPECT_OK(munmap(p, 2 * PAGE_SIZE));
}
