/*
 * Tests of x86's memcpy() and memset() (suite "string_x86",
 * arch/x86/lib/memcpy_64.c): both ways, rep movsb/stosb (ERMS) and
 * words then bytes, at every size to 80 bytes and around 128 and 4096,
 * from and to every offset in a word.  Each checks every byte written,
 * GUARD bytes on each side untouched, and the return value.
 *
 * Invariants: cpu_has_erms is as booted when a case ends (the exit hook
 * puts it back).  Switching it is safe while other CPUs copy: both ways
 * are correct on every CPU.
 */
#include <asm/percpu.h>
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define BUF_SIZE	(8192 + 64)
#define GUARD		16	/* bytes checked on each side */
#define GUARD_BYTE	0xee

struct string_x86_env {
	u8 *src, *dst;
	bool old_erms;
};

static const size_t big_sizes[] = { 127, 128, 129, 4095, 4096, 4097, 8191 };

static int string_x86_init(struct kunit *test)
{
	struct string_x86_env *env = kzalloc(sizeof(*env), GFP_KERNEL);
	int i;

	if (!env)
		return -ENOMEM;
	env->old_erms = cpu_has_erms;
	env->src = kmalloc(BUF_SIZE, GFP_KERNEL);
	env->dst = kmalloc(BUF_SIZE, GFP_KERNEL);
	test->priv = env;
	if (!env->src || !env->dst)
		return -ENOMEM;
	for (i = 0; i < BUF_SIZE; i++)
		env->src[i] = (u8)(i * 7 + i / 251 + 1);
	return 0;
}

static void string_x86_exit(struct kunit *test)
{
	struct string_x86_env *env = test->priv;

	if (!env)
		return;
	cpu_has_erms = env->old_erms;
	kfree(env->src);
	kfree(env->dst);
	kfree(env);
}

/* GUARD bytes before and after dst[off, off + n) still read GUARD_BYTE. */
static bool guards_intact(const u8 *dst, size_t off, size_t n)
{
	size_t i;

	for (i = off - GUARD; i < off; i++)
		if (dst[i] != GUARD_BYTE)
			return false;
	for (i = off + n; i < off + n + GUARD; i++)
		if (dst[i] != GUARD_BYTE)
			return false;
	return true;
}

/* One memcpy of n bytes between the word offsets so and dso. */
static void check_memcpy(struct kunit *test, size_t n, int so, int dso,
			 const char *way)
{
	struct string_x86_env *env = test->priv;
	u8 *dst = env->dst + GUARD + dso, *src = env->src + GUARD + so;
	size_t i;

	for (i = 0; i < n + 2 * GUARD; i++)
		env->dst[dso + i] = GUARD_BYTE;
	KUNIT_EXPECT_PTR_EQ(test, memcpy(dst, src, n), dst);
	for (i = 0; i < n && dst[i] == src[i]; i++)
		;
	KUNIT_EXPECT_EQ_MSG(test, i, n, "%s: memcpy of %zu bytes, offsets %d/%d",
			    way, n, so, dso);
	KUNIT_EXPECT_TRUE_MSG(test, guards_intact(env->dst, GUARD + dso, n),
			      "%s: memcpy of %zu bytes, offsets %d/%d", way, n,
			      so, dso);
}

static void check_memset(struct kunit *test, size_t n, int dso,
			 const char *way)
{
	struct string_x86_env *env = test->priv;
	u8 *dst = env->dst + GUARD + dso;
	size_t i;

	for (i = 0; i < n + 2 * GUARD; i++)
		env->dst[dso + i] = GUARD_BYTE;
	KUNIT_EXPECT_PTR_EQ(test, memset(dst, 0x1a5, n), dst);	/* (u8)c */
	for (i = 0; i < n && dst[i] == 0xa5; i++)
		;
	KUNIT_EXPECT_EQ_MSG(test, i, n, "%s: memset of %zu bytes at offset %d",
			    way, n, dso);
	KUNIT_EXPECT_TRUE_MSG(test, guards_intact(env->dst, GUARD + dso, n),
			      "%s: memset of %zu bytes at offset %d", way, n, dso);
}

/* Sizes 0..80 and big_sizes, every pair of word offsets. */
static void check_both(struct kunit *test, bool erms)
{
	const char *way = erms ? "rep movsb" : "words";
	size_t n;
	int so, dso, i;

	cpu_has_erms = erms;
	for (i = 0; i <= 80 + (int)ARRAY_SIZE(big_sizes); i++) {
		n = i <= 80 ? i : big_sizes[i - 81];
		for (dso = 0; dso < 8; dso++) {
			for (so = 0; so < 8; so++)
				check_memcpy(test, n, so, dso, way);
			check_memset(test, n, dso, way);
		}
	}
}

static void string_x86_erms(struct kunit *test)
{
	check_both(test, true);
}

static void string_x86_words(struct kunit *test)
{
	check_both(test, false);
}

static struct kunit_case string_x86_cases[] = {
	KUNIT_CASE(string_x86_erms),
	KUNIT_CASE(string_x86_words),
	{}
};

static struct kunit_suite string_x86_suite = {
	.name = "string_x86",
	.init = string_x86_init,
	.exit = string_x86_exit,
	.test_cases = string_x86_cases,
};
kunit_test_suite(string_x86_suite);
