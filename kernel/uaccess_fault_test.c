/*
 * uaccess cases on ranges that run into memory they may not touch: an
 * unmapped page (the exact split between copied and uncopied bytes, with
 * both copy loops and the inline constant-size copies, and
 * copy_from_user's zero fill), a read-only page, TASK_SIZE, and
 * get_user/put_user of each size across a page boundary.
 */
#include <asm/processor.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "uaccess_test.h"

/* ---- a range whose end runs into an unmapped page ---- */

/*
 * A 100-byte copy into dst[128] (filled with 0x55 before) from a range
 * with only its first k bytes mapped: left, the uncopied count, is
 * 100 - k; the k bytes copied, the rest of the 100 zeroed, nothing past
 * them touched.
 */
static void expect_copied_in(struct kunit *test, const u8 *dst, const u8 *src,
			     unsigned long k, unsigned long left)
{
	KUNIT_EXPECT_EQ_MSG(test, left, 100 - k, "%lu bytes mapped", k);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, k), 0, "%lu", k);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + k, 0, 100 - k), -1L, "%lu", k);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + 100, 0x55, 28), -1L, "%lu", k);
}

void end_in_unmapped_page(struct kunit *test)
{
	static const unsigned long before[] = { 1, 5, 64 };
	unsigned long end = BASE + PAGE_SIZE;	/* the first unmapped byte */
	u8 src[100], dst[128];
	unsigned int i;

	map(test, BASE, 1, RW);
	pattern(src, sizeof(src), 11);
	for (i = 0; i < ARRAY_SIZE(before); i++) {
		unsigned long k = before[i], at = end - k;

		/* copy_to_user: k bytes land, the rest is reported. */
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(at), src, 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at - 1, 0x77, 1), -1L,
				    "%lu", k);
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(at), src, 100), 100 - k,
				    "%lu bytes mapped", k);
		KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, k), -1L, "%lu", k);

		/*
		 * copy_from_user: the k mapped bytes copied, the rest of the
		 * kernel buffer zeroed byte by byte, nothing past n touched.
		 */
		memset(dst, 0x55, sizeof(dst));
		expect_copied_in(test, dst, src, k,
				 copy_from_user(dst, U(at), 100));
		memset(dst, 0x55, sizeof(dst));
		expect_copied_in(test, dst, src, k,
				 __copy_from_user(dst, U(at), 100));

		/* clear_user: k bytes cleared. */
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(at), 100), 100 - k, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at, 0, k), -1L, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at - 1, 0x77, 1), -1L,
				    "%lu", k);
		user_fill(test, at - 1, 0x77, k + 1);
		KUNIT_EXPECT_EQ_MSG(test, __clear_user(U(at), 100), 100 - k, "%lu", k);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at, 0, k), -1L, "%lu", k);
	}
	/* A whole page, then 10 bytes too many. */
	KUNIT_EXPECT_EQ(test, clear_user(U(BASE), PAGE_SIZE + 10), 10UL);
	/* Starting in the unmapped page: nothing at all. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(end), src, 8), 8UL);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(end), 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, first_not(dst + 8, 0x55, 8), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}

/*
 * One copy each way of n bytes starting k bytes before end, the first
 * unmapped byte: exactly min(k, n) bytes move, the rest is reported and
 * (copy_from_user) zeroed, nothing around is touched.
 */
static void copies_at_end(struct kunit *test, unsigned long end,
			  unsigned long k, unsigned long n, const char *how)
{
	unsigned long at = end - k, moved = min(k, n);
	u8 src[128], dst[136];

	pattern(src, sizeof(src), (int)(k + n));
	user_fill(test, end - 72, 0x77, 72);
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(at), src, n), n - moved,
			    "%s: %lu of %lu bytes mapped", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(at, src, moved), -1L,
			    "%s: %lu of %lu", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, user_first_not(end - 72, 0x77, 72 - k), -1L,
			    "%s: %lu of %lu: written before", how, k, n);
	if (k > n)
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(at + n, 0x77, k - n), -1L,
				    "%s: %lu of %lu: written after", how, k, n);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(dst, U(at), n), n - moved,
			    "%s: %lu of %lu bytes mapped", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(dst, src, moved), 0,
			    "%s: %lu of %lu", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + moved, 0, n - moved), -1L,
			    "%s: %lu of %lu: not zero-filled", how, k, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(dst + n, 0x55, sizeof(dst) - n), -1L,
			    "%s: %lu of %lu: written past n", how, k, n);
}

/*
 * Both copy routines: rep movsb (CPUs with ERMS) and words then bytes
 * (others), whichever this CPU uses and the other one by switching
 * cpu_has_erms for the case (both are correct on every CPU, so other
 * CPUs copying meanwhile are unaffected).  Faults in the first word, in
 * a later word, in the tail bytes, and at every offset of a word.
 */
void copy_variants_at_unmapped_page(struct kunit *test)
{
	static const unsigned long ks[] = { 0, 1, 3, 5, 7, 8, 9, 13, 16, 17, 64 };
	static const unsigned long ns[] = { 1, 3, 7, 8, 9, 13, 16, 17, 24, 100 };
	struct uat_env *env = test->priv;
	unsigned long end = BASE + PAGE_SIZE;
	unsigned int v, i, j;

	map(test, BASE, 1, RW);
	env->old_erms = cpu_has_erms;
	env->erms_changed = true;
	for (v = 0; v < 2; v++) {
		cpu_has_erms = v == 0;
		for (i = 0; i < ARRAY_SIZE(ks); i++)
			for (j = 0; j < ARRAY_SIZE(ns); j++)
				copies_at_end(test, end, ks[i], ns[j],
					      v == 0 ? "rep movsb" : "words");
	}
	cpu_has_erms = env->old_erms;
	env->erms_changed = false;
}

/*
 * Copies of a constant 1, 2, 4 or 8 bytes are inline movs; when one
 * faults the general routine redoes it, so the bytes before the
 * faulting one still move and the rest is still zero-filled.
 */
#define SMALL_COPIES(test, end, kbuf, n)					\
do {										\
	u8 __s[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, __d[16];			\
	unsigned long __at = (end) - (n) + 1;	/* n - 1 bytes mapped */	\
										\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(BASE + 1), __s, n), 0UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(BASE + 1, __s, n), -1L, "size %d", n); \
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(BASE + 1), n), 0UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, memcmp(__d, __s, n), 0, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d + (n), 0x55, 8), -1L, "size %d", n); \
	/* Straddling the unmapped page. */					\
	user_fill(test, __at - 1, 0x77, n);					\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(__at), __s, n), 1UL,		\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(__at, __s, (n) - 1), -1L,		\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, user_first_not(__at - 1, 0x77, 1), -1L,	\
			    "size %d", n);					\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(__at), n), 1UL,	\
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, memcmp(__d, __s, (n) - 1), 0, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, __d[(n) - 1], 0, "size %d", n);		\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d + (n), 0x55, 8), -1L, "size %d", n); \
	/* Wholly unmapped, and a kernel address. */				\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(end), __s, n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(end), n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d, 0, n), -1L, "size %d", n);	\
	memset(__d, 0x55, sizeof(__d));						\
	KUNIT_EXPECT_EQ_MSG(test, copy_from_user(__d, U(kbuf), n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(__d, 0, n), -1L, "size %d", n);	\
	KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(kbuf), __s, n), (unsigned long)(n), \
			    "size %d", n);					\
	KUNIT_EXPECT_EQ_MSG(test, first_not(kbuf, 0x3c, 8), -1L, "size %d", n);	\
} while (0)

void small_constant_copies(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;
	u8 *kbuf = kmalloc(8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	memset(kbuf, 0x3c, 8);
	map(test, BASE, 1, RW);
	SMALL_COPIES(test, end, kbuf, 1);
	SMALL_COPIES(test, end, kbuf, 2);
	SMALL_COPIES(test, end, kbuf, 4);
	SMALL_COPIES(test, end, kbuf, 8);
	kfree(kbuf);
}

void read_only_page(struct kunit *test)
{
	unsigned long ro = BASE + PAGE_SIZE;
	u8 src[16], dst[16];
	u32 v = 1;

	map(test, BASE, 1, RW);
	map(test, ro, 1, VM_READ);
	pattern(src, sizeof(src), 5);
	/* Reading a read-only page works (demand-zero). */
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(ro), 16), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)ro), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	/* Writing it fails and changes nothing. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(ro), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, clear_user(U(ro), 16), 16UL);
	KUNIT_EXPECT_EQ(test, put_user(7U, (u32 __user *)ro), -EFAULT);
	KUNIT_EXPECT_EQ(test, __put_user(7U, (u32 __user *)ro), -EFAULT);
	KUNIT_EXPECT_EQ(test, user_first_not(ro, 0, 16), -1L);
	/* A write from a writable page into it stops at the boundary. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(ro - 8), src, 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_cmp(ro - 8, src, 8), -1L);
	KUNIT_EXPECT_EQ(test, user_first_not(ro, 0, 8), -1L);
}

/* ---- ranges straddling TASK_SIZE ---- */

void straddle_task_size(struct kunit *test)
{
	unsigned long top = TASK_SIZE;
	u8 src[16], dst[16];
	u64 v = 1;

	map(test, TOP_PAGE, 1, RW);
	user_fill(test, TOP_PAGE, 0x77, PAGE_SIZE);
	pattern(src, sizeof(src), 9);

	/* The checked routines refuse the whole range: no partial copy. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top - 8), src, 16), 16UL);
	KUNIT_EXPECT_EQ(test, clear_user(U(top - 8), 16), 16UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0x77, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, U(top - 8), 16), 16UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(top - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	KUNIT_EXPECT_EQ(test, put_user(1ULL, (u64 __user *)(top - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user((u16)1, (u16 __user *)(top - 1)), -EFAULT);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0x77, 8), -1L);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, U(top - 8), 16), -EFAULT);
	/* At the limit itself, even one byte is refused. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top), src, 1), 1UL);
	KUNIT_EXPECT_EQ(test, put_user((u8)1, (u8 __user *)top), -EFAULT);

	/* A range ending exactly at the limit is fine. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(top - 8), src, 8), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(top - 8, src, 8), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(top - 8)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(&v, src, 8), 0);
	KUNIT_EXPECT_EQ(test, clear_user(U(top - 8), 8), 0UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0, 8), -1L);

	/*
	 * The "__" forms do not look at the limit: they copy up to the
	 * first byte that faults (TASK_SIZE is not mapped).
	 */
	KUNIT_EXPECT_EQ(test, __copy_to_user(U(top - 8), src, 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_cmp(top - 8, src, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, U(top - 8), 16), 8UL);
	KUNIT_EXPECT_EQ(test, memcmp(dst, src, 8), 0);
	KUNIT_EXPECT_EQ(test, first_not(dst + 8, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, __clear_user(U(top - 8), 16), 8UL);
	KUNIT_EXPECT_EQ(test, user_first_not(top - 8, 0, 8), -1L);
}

/* ---- get_user/put_user of each size at a page boundary ---- */

#define DEFINE_BOUNDARY_CHECK(type, value)					\
static void boundary_##type(struct kunit *test, unsigned long end)		\
{										\
	const int s = sizeof(type);						\
	const type want = (value);						\
	type __user *fits = (type __user *)(end - s);				\
	type __user *straddles = (type __user *)(end - s + 1);			\
	type __user *beyond = (type __user *)end;				\
	type v;									\
										\
	user_fill(test, end - s, 0x77, s);					\
	KUNIT_EXPECT_EQ_MSG(test, put_user(want, fits), 0, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, user_cmp(end - s, &want, s), -1L, "size %d", s); \
	v = 0;									\
	KUNIT_EXPECT_EQ_MSG(test, get_user(v, fits), 0, "size %d", s);		\
	KUNIT_EXPECT_EQ_MSG(test, v, want, "size %d", s);			\
	v = 0;									\
	KUNIT_EXPECT_EQ_MSG(test, __put_user((type)~want, fits), 0, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, __get_user(v, fits), 0, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, v, (type)~want, "size %d", s);		\
	if (s > 1) {								\
		/* Half mapped: fails whole, nothing written, target zeroed. */	\
		user_fill(test, end - s + 1, 0x77, s - 1);			\
		v = want;							\
		KUNIT_EXPECT_EQ_MSG(test, get_user(v, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);		\
		v = want;							\
		KUNIT_EXPECT_EQ_MSG(test, __get_user(v, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);		\
		KUNIT_EXPECT_EQ_MSG(test, put_user(want, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, __put_user(want, straddles), -EFAULT,	\
				    "size %d", s);				\
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(end - s + 1, 0x77, s - 1), \
				    -1L, "size %d: partly written", s);		\
	}									\
	/* Wholly in the unmapped page. */					\
	v = want;								\
	KUNIT_EXPECT_EQ_MSG(test, get_user(v, beyond), -EFAULT, "size %d", s);	\
	KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);			\
	v = want;								\
	KUNIT_EXPECT_EQ_MSG(test, __get_user(v, beyond), -EFAULT, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, v, (type)0, "size %d", s);			\
	KUNIT_EXPECT_EQ_MSG(test, put_user(want, beyond), -EFAULT, "size %d", s); \
	KUNIT_EXPECT_EQ_MSG(test, __put_user(want, beyond), -EFAULT, "size %d", s); \
}

DEFINE_BOUNDARY_CHECK(u8, 0xa7)
DEFINE_BOUNDARY_CHECK(u16, 0xa7b6)
DEFINE_BOUNDARY_CHECK(u32, 0xa7b6c5d4U)
DEFINE_BOUNDARY_CHECK(u64, 0xa7b6c5d4e3f20110ULL)

void get_put_user_page_boundary(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;

	map(test, BASE, 1, RW);
	boundary_u8(test, end);
	boundary_u16(test, end);
	boundary_u32(test, end);
	boundary_u64(test, end);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}
