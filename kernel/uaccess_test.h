/*
 * What the files of the "uaccess" suite share (kernel/uaccess_test.c and
 * kernel/uaccess_*_test.c): the per-case environment, a fresh user
 * address space the case maps its own regions in, helpers that read and
 * write that user memory without the routines under test, and the cases
 * themselves, which kernel/uaccess_test.c lists.
 *
 * Invariants and locking: see kernel/uaccess_test.c.
 */
#ifndef _KERNEL_UACCESS_TEST_H
#define _KERNEL_UACCESS_TEST_H

#include <kunit/test.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/uaccess.h>

#define BASE		0x10000000UL	/* where the cases put their regions */
#define TOP_PAGE	(TASK_SIZE - PAGE_SIZE)	/* the highest user page */
#define NONCANONICAL	0x8000000000000000UL	/* #GP, not #PF */
#define RW		(VM_READ | VM_WRITE)

/* The case's environment (test->priv), undone by uaccess_test_exit(). */
struct uat_env {
	struct mm_struct *mm;
	mm_segment_t old_fs;
	bool own_files;		/* the case gave the thread files and fs */
	struct files_struct *old_files;
	struct fs_struct *old_fs_struct;
	bool erms_changed;	/* the case switched the copy routine */
	bool old_erms;
};

/* Helpers (kernel/uaccess_test.c) */
void map(struct kunit *test, unsigned long start, unsigned long pages,
	 unsigned long vm_flags);
struct page *mapped_page(struct mm_struct *mm, unsigned long addr);
u8 *user_kaddr(unsigned long addr);
void user_write(struct kunit *test, unsigned long addr, const void *buf,
		size_t len);
void user_fill(struct kunit *test, unsigned long addr, int c, size_t len);
long user_cmp(unsigned long addr, const void *buf, size_t len);
long user_first_not(unsigned long addr, int c, size_t len);
long first_not(const void *p, int c, size_t len);
void pattern(void *buf, size_t len, int seed);

#define U(addr)		((void __user *)(unsigned long)(addr))
#define US(addr)	((const char __user *)(unsigned long)(addr))

/* A wrapping copy_from_user must write nothing (uaccess_args_test.c). */
void wrapping_copy_from_user(struct kunit *test, unsigned long from,
			     unsigned long n);

/* Every routine on a good range; the "__" forms; verify_area */
void good_range_copies(struct kunit *test);
void good_range_get_put(struct kunit *test);
void get_put_user_evaluate_once(struct kunit *test);
void good_range_strings(struct kunit *test);
void unchecked_variants(struct kunit *test);
void verify_area_pages(struct kunit *test);

/* Ranges running into an unmapped or read-only page, or past TASK_SIZE */
void end_in_unmapped_page(struct kunit *test);
void copy_variants_at_unmapped_page(struct kunit *test);
void small_constant_copies(struct kunit *test);
void read_only_page(struct kunit *test);
void straddle_task_size(struct kunit *test);
void get_put_user_page_boundary(struct kunit *test);

/* Kernel addresses, NULL, size 0, wrapping sizes */
void kernel_addresses_refused(struct kunit *test);
void null_pointer(struct kunit *test);
void size_zero(struct kunit *test);
void wrapping_sizes_refused(struct kunit *test);

/* The string routines */
void strings_at_task_size(struct kunit *test);
void strings_at_lowered_limit(struct kunit *test);
void strings_around_unmapped_page(struct kunit *test);
void strings_counts(struct kunit *test);

/* set_fs(): KERNEL_DS and the leak check */
void kernel_ds_reaches_kernel(struct kunit *test);
void sys_open_kernel_path(struct kunit *test);
void set_fs_leak_reported(struct kunit *test);

/* User access from atomic context */
void might_fault_atomic(struct kunit *test);

/* SMAP, SMEP and the exception table */
void smap_blocks_plain_access(struct kunit *test);
void smep_blocks_user_code(struct kunit *test);
void exception_table_entries(struct kunit *test);
void smap_sites_patched(struct kunit *test);

#endif
