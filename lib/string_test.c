/*
 * Tests for the string and memory functions, glob_match and crc32_le
 * (suite "string").  Expected values follow the C standard and Linux's
 * documented semantics (strlcpy, strscpy, glob_match).
 */
#include <kunit/test.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

static void string_memcpy_memset(struct kunit *test)
{
	char src[32], dst[32 + 2];
	int i;

	for (i = 0; i < 32; i++)
		src[i] = (char)i;
	memset(dst, 0x77, sizeof(dst));
	KUNIT_EXPECT_PTR_EQ(test, memcpy(dst + 1, src, 32), dst + 1);
	KUNIT_EXPECT_MEMEQ(test, dst + 1, src, 32);
	KUNIT_EXPECT_EQ(test, dst[0], 0x77);		/* untouched edges */
	KUNIT_EXPECT_EQ(test, dst[33], 0x77);

	KUNIT_EXPECT_PTR_EQ(test, memset(dst, 0x1ab, 10), dst);	/* (unsigned char)c */
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_EQ(test, (u8)dst[i], 0xab);
	KUNIT_EXPECT_EQ(test, (u8)dst[10], 9);
	memcpy(dst, src, 0);
	memset(dst, 0, 0);
	KUNIT_EXPECT_EQ(test, (u8)dst[0], 0xab);
}

static void string_memmove_overlap(struct kunit *test)
{
	char buf[16];

	memcpy(buf, "0123456789", 11);
	memmove(buf + 2, buf, 8);		/* forward overlap */
	KUNIT_EXPECT_STREQ(test, buf, "0101234567");

	memcpy(buf, "0123456789", 11);
	memmove(buf, buf + 2, 9);		/* backward overlap, with the NUL */
	KUNIT_EXPECT_STREQ(test, buf, "23456789");

	memcpy(buf, "abc", 4);
	memmove(buf, buf, 4);			/* same place */
	KUNIT_EXPECT_STREQ(test, buf, "abc");
}

static void string_compare(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, memcmp("abc", "abc", 3), 0);
	KUNIT_EXPECT_LT(test, memcmp("abc", "abd", 3), 0);
	KUNIT_EXPECT_GT(test, memcmp("\x80", "\x01", 1), 0);	/* unsigned */
	KUNIT_EXPECT_EQ(test, memcmp("a", "b", 0), 0);

	KUNIT_EXPECT_EQ(test, strcmp("", ""), 0);
	KUNIT_EXPECT_LT(test, strcmp("ab", "abc"), 0);
	KUNIT_EXPECT_GT(test, strcmp("b", "abc"), 0);
	KUNIT_EXPECT_GT(test, strcmp("\xff", "a"), 0);

	KUNIT_EXPECT_EQ(test, strncmp("abcdef", "abcxyz", 3), 0);
	KUNIT_EXPECT_LT(test, strncmp("abcdef", "abcxyz", 4), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abc", "xyz", 0), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abc", "abc", 100), 0);
	KUNIT_EXPECT_LT(test, strncmp("ab", "abc", 100), 0);
}

static void string_length_and_search(struct kunit *test)
{
	const char *s = "hello, world";

	KUNIT_EXPECT_EQ(test, strlen(""), 0);
	KUNIT_EXPECT_EQ(test, strlen(s), 12);
	KUNIT_EXPECT_EQ(test, strnlen(s, 5), 5);
	KUNIT_EXPECT_EQ(test, strnlen(s, 100), 12);
	KUNIT_EXPECT_EQ(test, strnlen(s, 0), 0);

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'o'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 8);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 12);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, '\0'), s + 12);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_NULL(test, strrchr(s, 'z'));

	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "world"), s + 7);
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, ""), s);
	KUNIT_EXPECT_NULL(test, strstr(s, "worlds"));
	KUNIT_EXPECT_PTR_EQ(test, memchr(s, 'w', 12), s + 7);
	KUNIT_EXPECT_NULL(test, memchr(s, 'w', 7));
}

static void string_bounded_copies(struct kunit *test)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "ab", 5);
	KUNIT_EXPECT_MEMEQ(test, buf, "ab\0\0\0xxx", 8);	/* padded */
	strncpy(buf, "abcdefgh", 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "abc\0\0xxx", 8);	/* not terminated */

	KUNIT_EXPECT_EQ(test, strlcpy(buf, "hello, world", sizeof(buf)), 12);
	KUNIT_EXPECT_STREQ(test, buf, "hello, ");
	KUNIT_EXPECT_EQ(test, strlcpy(buf, "hi", sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "hi");
	KUNIT_EXPECT_EQ(test, strlcpy(buf, "zzz", 0), 3);
	KUNIT_EXPECT_STREQ(test, buf, "hi");

	KUNIT_EXPECT_EQ(test, strlcat(buf, "-yo", sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hi-yo");
	KUNIT_EXPECT_EQ(test, strlcat(buf, "12345", sizeof(buf)), 10);
	KUNIT_EXPECT_STREQ(test, buf, "hi-yo12");

	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefgh", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefg", sizeof(buf)), 7);
	KUNIT_EXPECT_EQ(test, strscpy(buf, "a", 0), -E2BIG);
}

static void string_glob_match(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, glob_match("printk", "printk"));
	KUNIT_EXPECT_FALSE(test, glob_match("printk", "printk2"));
	KUNIT_EXPECT_TRUE(test, glob_match("print?", "printk"));
	KUNIT_EXPECT_FALSE(test, glob_match("print?", "print"));
	KUNIT_EXPECT_TRUE(test, glob_match("*_test", "buddy_test"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*b*c", "axxbyyc"));
	KUNIT_EXPECT_FALSE(test, glob_match("a*b*c", "axxbyy"));
	KUNIT_EXPECT_TRUE(test, glob_match("*aab", "aaaab"));	/* back-tracking */
	KUNIT_EXPECT_TRUE(test, glob_match("[a-c]x", "bx"));
	KUNIT_EXPECT_FALSE(test, glob_match("[a-c]x", "dx"));
	KUNIT_EXPECT_TRUE(test, glob_match("[!a-c]x", "dx"));
	KUNIT_EXPECT_FALSE(test, glob_match("", "a"));
	KUNIT_EXPECT_TRUE(test, glob_match("", ""));
	/* Only the first len bytes are the pattern. */
	KUNIT_EXPECT_TRUE(test, glob_match_len("print,x", 5, "print"));
	KUNIT_EXPECT_FALSE(test, glob_match_len("print,x", 5, "print,x"));
	KUNIT_EXPECT_TRUE(test, glob_match_len("p*.case", 2, "printk"));
	KUNIT_EXPECT_FALSE(test, glob_match_len("[a-c]x", 4, "b"));	/* cut set */
	KUNIT_EXPECT_TRUE(test, glob_match_len("anything", 0, ""));
}

static void string_crc32(struct kunit *test)
{
	/* The standard CRC-32 check value of "123456789". */
	KUNIT_EXPECT_EQ(test, ~crc32_le(~0U, "123456789", 9), 0xcbf43926U);
	KUNIT_EXPECT_EQ(test, ~crc32_le(~0U, "", 0), 0U);
	/* Feeding the data in two parts gives the same value. */
	KUNIT_EXPECT_EQ(test, ~crc32_le(crc32_le(~0U, "1234", 4), "56789", 5),
			0xcbf43926U);
}

static void string_kstrtox(struct kunit *test)
{
	unsigned long long ull = 0;
	unsigned long ul = 0;
	unsigned int u = 0;
	int i = 0;

	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &ull), 0);
	KUNIT_EXPECT_EQ(test, ull, 18446744073709551615ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &ull), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x1F", 0, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 31);
	KUNIT_EXPECT_EQ(test, kstrtoul("ff", 16, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 255);
	KUNIT_EXPECT_EQ(test, kstrtoul("017", 0, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 15);
	KUNIT_EXPECT_EQ(test, kstrtouint("42\n", 10, &u), 0);	/* one newline */
	KUNIT_EXPECT_EQ(test, u, 42);
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, -2147483647 - 1);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	ul = 7;
	KUNIT_EXPECT_EQ(test, kstrtoul("", 10, &ul), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("12a", 10, &ul), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("-1", 10, &ul), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x", 16, &ul), -EINVAL);
	KUNIT_EXPECT_EQ(test, ul, 7);		/* untouched on error */
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_memcpy_memset),
	KUNIT_CASE(string_memmove_overlap),
	KUNIT_CASE(string_compare),
	KUNIT_CASE(string_length_and_search),
	KUNIT_CASE(string_bounded_copies),
	KUNIT_CASE(string_glob_match),
	KUNIT_CASE(string_crc32),
	KUNIT_CASE(string_kstrtox),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
