/*
 * uaccess cases on ranges that are wholly good: every routine (copies,
 * get_user/put_user of each size, clear_user, the string routines)
 * copies exactly what it is asked to and returns Linux's values;
 * get_user/put_user evaluate their arguments once; the unchecked "__"
 * forms skip access_ok; verify_area walks the pages of a range.
 */
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "uaccess_test.h"

/* ---- every routine on a good range ---- */

void good_range_copies(struct kunit *test)
{
	size_t len = PAGE_SIZE + 500;	/* crosses a page boundary */
	u8 *src = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	u8 *dst = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	static const size_t sizes[] = { 1, 7, 8, 63, 64, PAGE_SIZE };
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	map(test, BASE, 3, RW);
	pattern(src, 2 * PAGE_SIZE, 3);

	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE + 100), src, len), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 100, src, len), -1L);
	memset(dst, 0x55, 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(BASE + 100), len), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, src, len), 0);
	KUNIT_EXPECT_EQ(test, first_not(dst + len, 0x55, 100), -1L);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		/* Odd addresses, the copy crossing into the third page. */
		unsigned long at = BASE + PAGE_SIZE + 4000 + i;
		size_t n = sizes[i];

		pattern(src, n, (int)i);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(at), src, n), 0UL,
				    "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, n), -1L, "size %d", (int)n);
		memset(dst, 0x55, n + 1);
		KUNIT_EXPECT_EQ_MSG(test, __copy_from_user(dst, U(at), n), 0UL,
				    "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, n), 0, "size %d", (int)n);
		KUNIT_EXPECT_EQ_MSG(test, dst[n], 0x55, "size %d", (int)n);
	}

	/* clear_user clears exactly its range. */
	user_fill(test, BASE, 0x77, 400);
	KUNIT_EXPECT_EQ(test, clear_user(U(BASE + 10), 300), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 10, 0, 300), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE, 0x77, 10), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 310, 0x77, 90), -1L);
	user_fill(test, BASE, 0x77, 400);
	KUNIT_EXPECT_EQ(test, __clear_user(U(BASE + 1), 2), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 1, 0, 2), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 3, 0x77, 10), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE, 0x77, 1), -1L);

	kfree(src);
	kfree(dst);
}

void good_range_get_put(struct kunit *test)
{
	u8 v8 = 0;
	u16 v16 = 0;
	u32 v32 = 0;
	u64 v64 = 0;
	int wide = -1;
	static const u8 le64[8] = { 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01 };

	map(test, BASE, 1, RW);
	/* Every size, at aligned and misaligned addresses. */
	KUNIT_EXPECT_EQ(test, put_user((u8)0xa5, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, user_first_not(BASE + 1, 0xa5, 1), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v8, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, v8, 0xa5);
	KUNIT_EXPECT_EQ(test, put_user((u16)0xbeef, (u16 __user *)(BASE + 0x11)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x11, "\xef\xbe", 2), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v16, (u16 __user *)(BASE + 0x11)), 0);
	KUNIT_EXPECT_EQ(test, v16, 0xbeef);
	KUNIT_EXPECT_EQ(test, put_user(0xdeadbeefU, (u32 __user *)(BASE + 0x20)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x20, "\xef\xbe\xad\xde", 4), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v32, (u32 __user *)(BASE + 0x20)), 0);
	KUNIT_EXPECT_EQ(test, v32, 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, put_user(0x0123456789abcdefULL,
				       (u64 __user *)(BASE + 0x33)), 0);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x33, le64, 8), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v64, (u64 __user *)(BASE + 0x33)), 0);
	KUNIT_EXPECT_EQ(test, v64, 0x0123456789abcdefULL);
	/* The value is converted to the target's type: zero-extended here. */
	KUNIT_EXPECT_EQ(test, get_user(wide, (u8 __user *)(BASE + 1)), 0);
	KUNIT_EXPECT_EQ(test, wide, 0xa5);

	/* The unchecked forms on the same good addresses. */
	KUNIT_EXPECT_EQ(test, __put_user((u8)0x5a, (u8 __user *)(BASE + 0x40)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v8, (u8 __user *)(BASE + 0x40)), 0);
	KUNIT_EXPECT_EQ(test, v8, 0x5a);
	KUNIT_EXPECT_EQ(test, __put_user((u16)0x1234, (u16 __user *)(BASE + 0x41)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v16, (u16 __user *)(BASE + 0x41)), 0);
	KUNIT_EXPECT_EQ(test, v16, 0x1234);
	KUNIT_EXPECT_EQ(test, __put_user(0xcafef00dU, (u32 __user *)(BASE + 0x43)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v32, (u32 __user *)(BASE + 0x43)), 0);
	KUNIT_EXPECT_EQ(test, v32, 0xcafef00dU);
	KUNIT_EXPECT_EQ(test, __put_user(~0ULL - 1, (u64 __user *)(BASE + 0x47)), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v64, (u64 __user *)(BASE + 0x47)), 0);
	KUNIT_EXPECT_EQ(test, v64, ~0ULL - 1);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x40,
				       "\x5a\x34\x12\x0d\xf0\xfe\xca", 7), -1L);
}

/* Each macro evaluates its pointer and value once, as Linux's do. */
void get_put_user_evaluate_once(struct kunit *test)
{
	u16 __user *p = (u16 __user *)(BASE + 0x10);
	int evaluated = 0;
	u16 v = 0;

	map(test, BASE, 1, RW);
	KUNIT_EXPECT_EQ(test, put_user((u16)(0x1111 + evaluated++), p++), 0);
	KUNIT_EXPECT_EQ(test, __put_user((u16)(0x1111 + evaluated++), p++), 0);
	KUNIT_EXPECT_EQ(test, evaluated, 2);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(BASE + 0x14));
	KUNIT_EXPECT_EQ(test, user_cmp(BASE + 0x10, "\x11\x11\x12\x11", 4), -1L);
	p = (u16 __user *)(BASE + 0x10);
	KUNIT_EXPECT_EQ(test, get_user(v, p++), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1111);
	KUNIT_EXPECT_EQ(test, __get_user(v, p++), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1112);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(BASE + 0x14));
	/* A refused pointer is still stepped once. */
	p = (u16 __user *)(TASK_SIZE - 1);
	KUNIT_EXPECT_EQ(test, get_user(v, p++), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(v, p++), -EFAULT);
	KUNIT_EXPECT_PTR_EQ(test, p, (u16 __user *)(TASK_SIZE + 3));
}

void good_range_strings(struct kunit *test)
{
	char dst[32];

	map(test, BASE, 1, RW);
	user_write(test, BASE + 2000, "hello", 6);
	KUNIT_EXPECT_EQ(test, strlen_user(US(BASE + 2000)), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 2000), 100), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 2000), 6), 6L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE + 2000), sizeof(dst)), 5L);
	KUNIT_EXPECT_STREQ(test, dst, "hello");
	KUNIT_EXPECT_EQ(test, first_not(dst + 6, 0x55, sizeof(dst) - 6), -1L);
	/* The empty string. */
	user_write(test, BASE + 3000, "", 1);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE + 3000), 10), 1L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(BASE + 3000)), 1L);
	dst[0] = 'x';
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE + 3000), 10), 0L);
	KUNIT_EXPECT_EQ(test, dst[0], '\0');
}

/* ---- the unchecked "__" forms ---- */

/* An expectation naming the address that failed it. */
#define EXPECT_AT(l, r)	KUNIT_EXPECT_EQ_MSG(test, l, r, "at %lx", a)

void unchecked_variants(struct kunit *test)
{
	const unsigned long bad[] = { BASE + 16 * PAGE_SIZE, 0, NONCANONICAL };
	u8 src[16], dst[16], *kbuf = kmalloc(32, GFP_KERNEL);
	u64 kval = 0x1122334455667788ULL, v;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	pattern(src, sizeof(src), 4);
	/*
	 * Unmapped user addresses, NULL, and a non-canonical address
	 * (which raises #GP, not #PF): each returns its error through the
	 * exception table instead of oopsing.
	 */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		unsigned long a = bad[i];

		EXPECT_AT(__copy_to_user(U(a), src, 16), 16UL);
		memset(dst, 0x55, sizeof(dst));
		EXPECT_AT(__copy_from_user(dst, U(a), 16), 16UL);
		EXPECT_AT(first_not(dst, 0, 16), -1L);
		EXPECT_AT(__clear_user(U(a), 16), 16UL);
		v = 1;
		EXPECT_AT(__get_user(v, (u64 __user *)a), -EFAULT);
		EXPECT_AT(v, 0ULL);
		EXPECT_AT(__put_user(v, (u64 __user *)a), -EFAULT);
	}
	/* The checked forms refuse the non-canonical address up front. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(NONCANONICAL), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)NONCANONICAL), -EFAULT);

	/*
	 * The "__" forms do not check the address limit: under USER_DS a
	 * kernel address passed as the "user" pointer is read and written
	 * like any other.  That is exactly why they are dangerous: a
	 * caller that skips access_ok() lets a program name kernel memory.
	 */
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	pattern(kbuf, 32, 8);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, U(kbuf), 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, kbuf, 16), 0);
	KUNIT_EXPECT_EQ(test, __get_user(v, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, v, 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, __copy_to_user(U(kbuf + 16), src, 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(kbuf + 16, src, 16), 0);
	KUNIT_EXPECT_EQ(test, __put_user(7ULL, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, kval, 7ULL);
	KUNIT_EXPECT_EQ(test, __clear_user(U(kbuf), 8), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(kbuf, 0, 8), -1L);
	/* ... where the checked forms refuse. */
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(kbuf), 16), 16UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), -EFAULT);
	kfree(kbuf);
}
#undef EXPECT_AT

/* ---- verify_area ---- */

void verify_area_pages(struct kunit *test)
{
	struct mm_struct *mm = current->mm, *child;
	unsigned long rw = BASE, ro = BASE + PAGE_SIZE;
	unsigned long hole = BASE + 2 * PAGE_SIZE, fresh = BASE + 3 * PAGE_SIZE;
	struct page *shared;
	unsigned long *pte;

	map(test, rw, 1, RW);
	map(test, ro, 1, VM_READ);
	map(test, fresh, 2, RW);
	user_write(test, rw, "data", 5);

	/* Read-only. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(ro), PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(ro), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(rw), PAGE_SIZE + 1), -EFAULT);
	/* Unmapped, and ranges running into it. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(hole), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(hole + 100), 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 3 * PAGE_SIZE), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(hole - 1), 2), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, NULL, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 2 * PAGE_SIZE), 0);

	/* Not yet faulted in: verify_area faults it in (demand-zero). */
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(fresh + 10), 1), 0);
	KUNIT_ASSERT_NOT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, user_first_not(fresh, 0, PAGE_SIZE), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(fresh + PAGE_SIZE), 8), 0);
	KUNIT_ASSERT_NOT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	pte = user_pte(mm, fresh + PAGE_SIZE, false, NULL);
	KUNIT_EXPECT_TRUE(test, *pte & _PAGE_RW);

	/* Copy-on-write after fork. */
	shared = mapped_page(mm, rw);
	KUNIT_ASSERT_NOT_NULL(test, shared);
	child = dup_mm(mm);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	/* VERIFY_READ does not break the sharing... */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(rw), 5), 0);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(mm, rw), shared);
	KUNIT_EXPECT_EQ(test, page_count(shared), 2);
	KUNIT_EXPECT_FALSE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	/* ... VERIFY_WRITE does: this mm gets its own writable copy. */
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(rw), 5), 0);
	KUNIT_EXPECT_PTR_NE(test, mapped_page(mm, rw), shared);
	KUNIT_EXPECT_TRUE(test, *user_pte(mm, rw, false, NULL) & _PAGE_RW);
	KUNIT_EXPECT_EQ(test, page_count(shared), 1);
	KUNIT_EXPECT_PTR_EQ(test, mapped_page(child, rw), shared);
	KUNIT_EXPECT_EQ(test, user_cmp(rw, "data", 5), -1L);
	KUNIT_EXPECT_STREQ(test, (char *)page_address(shared), "data");
	mmput(child);
}
