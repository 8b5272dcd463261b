/*
 * usertests: what the files of the EFAULT tests share (efault.c and
 * efault_*.c): the memory the cases aim at, the lists of bad pointers,
 * and the checks that a call failed with EFAULT and changed nothing.
 * See efault.c for what is checked and why.
 *
 * Invariants: setup_memory() maps the pages of m once per case and fills
 * in the addresses of the bad pointers that depend on them.
 */
#ifndef USERTESTS_EFAULT_H
#define USERTESTS_EFAULT_H

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
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
struct efault_mem {
	char *rw1, *hole, *rw2, *ro;
};
extern struct efault_mem m;

struct bad {
	const char *name;
	unsigned long addr;
};

/* The bad pointers (efault.c); the compiler checks the counts. */
extern struct bad no_access[7];
#define NR_NO_ACCESS (int)(sizeof(no_access) / sizeof(no_access[0]))
extern struct bad read_only[2];
#define NR_READ_ONLY (int)(sizeof(read_only) / sizeof(read_only[0]))

/* Each bad pointer in turn: no access ones, then (w) read-only ones. */
#define for_each_bad(b, w)						\
	for (int __i = 0; __i < NR_NO_ACCESS + ((w) ? NR_READ_ONLY : 0) && \
	     ((b) = __i < NR_NO_ACCESS ? &no_access[__i] :		\
		    &read_only[__i - NR_NO_ACCESS], 1); __i++)

void setup_memory(void);
unsigned long off_end(size_t size);
unsigned long into_ro(size_t size);
unsigned long past_top(size_t size);

/* ---- checks (efault.c) -------------------------------------------- */

void expect_efault(const char *file, int line, const char *what,
		   const char *where, long ret, int err);

#define EXPECT_EFAULT(what, where, ...)					\
	do {								\
		errno = 0;						\
		long __r = syscall(__VA_ARGS__);			\
		expect_efault(__FILE__, __LINE__, what, where, __r,	\
			      errno);					\
	} while (0)

/* [p, p + n) must still hold the pattern. */
void check_pattern(const char *file, int line, const char *what,
		   const void *p, size_t n);

#define EXPECT_PATTERN(what, p, n) \
	check_pattern(__FILE__, __LINE__, what, p, n)

/* No 8-byte word of [p, p + n) may look like a kernel address. */
void check_no_kernel_words(const char *file, int line,
			   const char *what, const void *p, size_t n);

#define EXPECT_NO_KERNEL_WORDS(what, p, n) \
	check_no_kernel_words(__FILE__, __LINE__, what, p, n)

/* The read-only page still holds its timespec and the pattern. */
void check_ro_page(const char *file, int line, const char *what);

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

/* Files and processes (efault.c) */
int lowest_free_fd(void);
void expect_alive(void);
int scratch_file(const char *name, size_t len, char *path,
		 size_t size);
int file_bytes_ok(const unsigned char *p, size_t n, size_t offset);
long file_size(int fd);

/* n bytes of 'x' up to the hole, with no NUL (efault_paths.c) */
char *unterminated_at_end(size_t n);

#endif
