/*
 * uaccess cases of the string routines (strnlen_user, strncpy_from_user)
 * at TASK_SIZE, at an address limit lowered by set_fs(), around an
 * unmapped page, and their counts for every length of string and buffer.
 */
#include <asm/processor.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "uaccess_test.h"

/* ---- the string routines ---- */

/*
 * "wxyz" in the last four bytes below end, where reading stops (the
 * address limit, or an unmapped page): with no NUL before end the string
 * routines fault, unless their count stops them first; a copy that count
 * stops is not terminated.
 */
static void expect_unterminated_before(struct kunit *test, unsigned long end)
{
	char dst[16];

	user_write(test, end - 4, "wxyz", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 5), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 4), 5L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 3), 4L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(end - 4)), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 100), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 5), (long)-EFAULT);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "wxyz", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[4], 0x55);
}

void strings_at_task_size(struct kunit *test)
{
	unsigned long top = TASK_SIZE;
	char dst[16];

	map(test, TOP_PAGE, 1, RW);
	/* A string whose NUL is the last byte below the limit. */
	user_write(test, top - 4, "abc", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 100), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top - 4), 3), 4L);	/* > n */
	KUNIT_EXPECT_EQ(test, strlen_user(US(top - 4)), 4L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 4), sizeof(dst)), 3L);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top - 1), 1), 0L);
	KUNIT_EXPECT_EQ(test, dst[0], '\0');

	/* No NUL before the limit. */
	expect_unterminated_before(test, top);

	/* At and above the limit. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top), 10), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(top), 10), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(top + PAGE_SIZE), 10), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(~0UL), 10), (long)-EFAULT);
}

/*
 * The string routines stop at the address limit even where memory goes
 * on: with the limit lowered into the middle of a mapped range, a string
 * crossing it is a fault, one ending below it is fine.  (Expectations
 * never end a case, and the suite's exit restores the limit anyway.)
 */
void strings_at_lowered_limit(struct kunit *test)
{
	unsigned long limit = BASE + PAGE_SIZE;
	mm_segment_t old = get_fs();
	char dst[16], dst2[16];

	map(test, BASE, 2, RW);
	user_write(test, limit - 4, "0123456789", 11);	/* crosses the limit */
	user_write(test, limit - 12, "ab", 3);
	set_fs((mm_segment_t){ limit });
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 100), 0L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(limit - 4)), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 4), 100), (long)-EFAULT);
	/* count or n inside the limit: no fault, "too long" answers. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 4), 5L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 4), 4), 4L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "0123", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[4], 0x55);
	/* Below the limit. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 12), 100), 3L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit - 12), 8), 2L);
	KUNIT_EXPECT_STREQ(test, dst, "ab");
	/* At the limit, and the copy routines across it. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit), 100), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(limit), 100), (long)-EFAULT);
	memset(dst2, 0x55, sizeof(dst2));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst2, U(limit - 4), 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst2, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(limit - 4), "abcdefgh", 8), 8UL);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(limit - 4), "abcd", 4), 0UL);
	set_fs(old);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	KUNIT_EXPECT_EQ(test, user_cmp(limit - 4, "abcd456789", 11), -1L);
	/* With USER_DS back, the same string reads through. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(limit - 4), 100), 11L);
}

void strings_around_unmapped_page(struct kunit *test)
{
	unsigned long end = BASE + PAGE_SIZE;
	char dst[16];

	map(test, BASE, 1, RW);
	/* The NUL is the last mapped byte. */
	user_write(test, end - 4, "abc", 4);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end - 4), 100), 4L);
	KUNIT_EXPECT_EQ(test, strlen_user(US(end - 4)), 4L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 100), 3L);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end - 4), 4), 3L);
	/* No NUL in the mapped part. */
	expect_unterminated_before(test, end);
	/* Starting in the unmapped page. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(end), 100), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(end), 100), (long)-EFAULT);
	KUNIT_EXPECT_NULL(test, user_kaddr(end));
}

void strings_counts(struct kunit *test)
{
	char dst[16];

	map(test, BASE, 1, RW);
	user_write(test, BASE, "hello world", 12);
	/* count <= 0: 0, dst untouched, whatever the address. */
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 0), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), -1), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), -LONG_MAX - 1), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, NULL, -5), 0L);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0x55, sizeof(dst)), -1L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 0), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), -1), 0L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), -LONG_MAX - 1), 0L);
	/* count reached before the NUL: count returned, dst not terminated. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 5), 5L);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "hello", 5), 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[5], 0x55);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 11), 11L);
	KUNIT_EXPECT_EQ(test, (u8)dst[11], 0x55);
	/* Room for the NUL: terminated. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, US(BASE), 12), 11L);
	KUNIT_EXPECT_STREQ(test, dst, "hello world");
	/* strnlen_user: with the NUL; n + 1 when there is none within n. */
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 12), 12L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 11), 12L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 5), 6L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), 1), 2L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(BASE), LONG_MAX), 12L);
}
