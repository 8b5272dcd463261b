/*
 * uaccess cases on arguments that are not a user range: kernel addresses
 * (the direct map, the kernel text) are refused by every routine with
 * nothing written or read, NULL passes the checks and fails at the page
 * fault, size 0 touches nothing at any address, and sizes that wrap
 * around the address space are refused before any byte moves.
 */
#include <asm/processor.h>
#include <asm/sections.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "uaccess_test.h"

/* ---- kernel addresses, NULL, size 0 ---- */

/* An expectation naming the kind of kernel address that failed it. */
#define EXPECT_WHAT(l, r)	KUNIT_EXPECT_EQ_MSG(test, l, r, "%s", what)

static void kernel_address_one(struct kunit *test, void *kaddr, const char *what)
{
	u8 dst[16], src[16], before[16];
	u8 v8 = 1;
	u16 v16 = 1;
	u32 v32 = 1;
	u64 v64 = 1;
	char s[8];

	memcpy(before, kaddr, 16);
	pattern(src, 16, 1);
	EXPECT_WHAT(copy_to_user(U(kaddr), src, 16), 16UL);
	EXPECT_WHAT(clear_user(U(kaddr), 16), 16UL);
	EXPECT_WHAT(put_user((u8)1, (u8 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user((u16)1, (u16 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user(1U, (u32 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(put_user(1ULL, (u64 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(memcmp(kaddr, before, 16), 0);	/* not written */
	/* Nothing of the kernel's data reaches the buffer: zeroes. */
	memset(dst, 0x55, sizeof(dst));
	EXPECT_WHAT(copy_from_user(dst, U(kaddr), 16), 16UL);
	EXPECT_WHAT(first_not(dst, 0, 16), -1L);
	EXPECT_WHAT(get_user(v8, (u8 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v16, (u16 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v32, (u32 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(get_user(v64, (u64 __user *)kaddr), -EFAULT);
	EXPECT_WHAT(v8 | v16 | v32 | v64, 0ULL);	/* get_user zeroes */
	EXPECT_WHAT(strnlen_user(US(kaddr), 100), 0L);
	EXPECT_WHAT(strlen_user(US(kaddr)), 0L);
	EXPECT_WHAT(strncpy_from_user(s, US(kaddr), sizeof(s)), (long)-EFAULT);
	EXPECT_WHAT(verify_area(VERIFY_READ, U(kaddr), 16), -EFAULT);
	EXPECT_WHAT(access_ok(VERIFY_READ, kaddr, 1), false);
}
#undef EXPECT_WHAT

void kernel_addresses_refused(struct kunit *test)
{
	u8 *kbuf = kmalloc(64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid((unsigned long)kbuf));
	memset(kbuf, 0x3c, 64);
	strscpy((char *)kbuf, "kernel", 64);
	kernel_address_one(test, kbuf, "direct map");
	kernel_address_one(test, _text, "kernel text");
	kernel_address_one(test, (void *)kernel_address_one, "a function");
	kfree(kbuf);
}

void null_pointer(struct kunit *test)
{
	u8 src[8] = "abcdefg", dst[8];
	u32 v = 1;
	char s[8];

	/* NULL is below the limit: the checks pass, the page fault fails. */
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, NULL, 8));
	KUNIT_EXPECT_EQ(test, copy_to_user(NULL, src, 8), 8UL);
	KUNIT_EXPECT_EQ(test, __copy_to_user(NULL, src, 8), 8UL);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	memset(dst, 0x55, sizeof(dst));
	KUNIT_EXPECT_EQ(test, __copy_from_user(dst, NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 8), -1L);
	KUNIT_EXPECT_EQ(test, clear_user(NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, __clear_user(NULL, 8), 8UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	v = 1;
	KUNIT_EXPECT_EQ(test, __get_user(v, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, put_user(1U, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, __put_user(1U, (u32 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(NULL, 10), 0L);
	KUNIT_EXPECT_EQ(test, strlen_user(NULL), 0L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, NULL, sizeof(s)), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_READ, NULL, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, current->mm->rss, 0UL);
}

void size_zero(struct kunit *test)
{
	u8 src[8] = "abcdefg", dst[8];
	char s[8];
	u8 *kbuf = kmalloc(16, GFP_KERNEL);
	const unsigned long addrs[] = {
		BASE, BASE + 5, 0, TASK_SIZE, (unsigned long)kbuf, NONCANONICAL,
	};
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	memset(kbuf, 0x3c, 16);
	map(test, BASE, 1, RW);		/* mapped, never faulted in */
	for (i = 0; i < ARRAY_SIZE(addrs); i++) {
		unsigned long a = addrs[i];

		memset(dst, 0x55, sizeof(dst));
		memset(s, 0x55, sizeof(s));
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(a), src, 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, copy_from_user(dst, U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __copy_to_user(U(a), src, 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __copy_from_user(dst, U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, __clear_user(U(a), 0), 0UL, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, strnlen_user(US(a), 0), 0L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, strncpy_from_user(s, US(a), 0), 0L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, first_not(dst, 0x55, 8), -1L, "%lx", a);
		KUNIT_EXPECT_EQ_MSG(test, first_not(s, 0x55, 8), -1L, "%lx", a);
	}
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(BASE), 0), 0);
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, TASK_SIZE, 0));
	/* Nothing was faulted in or written. */
	KUNIT_EXPECT_NULL(test, user_kaddr(BASE));
	KUNIT_EXPECT_EQ(test, current->mm->rss, 0UL);
	KUNIT_EXPECT_EQ(test, first_not(kbuf, 0x3c, 16), -1L);
	kfree(kbuf);
}

/* ---- sizes that wrap around the address space ---- */

struct copy_call {
	void *to;
	const void __user *from;
	unsigned long n;
	unsigned long ret;
};

static void call_copy_from_user(void *arg)
{
	struct copy_call *c = arg;

	c->ret = copy_from_user(c->to, c->from, c->n);
}

/*
 * copy_from_user(to, from, n) with a size so large that from + n wraps:
 * it must be refused without writing to the kernel buffer (there is no
 * buffer of that size to zero-fill).  to lies 16 bytes before a vmalloc
 * guard page, so a routine that writes on anyway faults there at once
 * (caught) instead of wiping kernel memory.
 */
void wrapping_copy_from_user(struct kunit *test, unsigned long from,
			     unsigned long n)
{
	u8 *area = vmalloc(PAGE_SIZE);
	struct copy_call c;
	int fault;

	KUNIT_ASSERT_NOT_NULL(test, area);
	c.to = area + PAGE_SIZE - 16;
	c.from = U(from);
	c.n = n;
	c.ret = 0x5a5a;
	memset(c.to, 0x55, 16);
	fault = kunit_expect_fault(call_copy_from_user, &c, NULL);
	KUNIT_EXPECT_EQ_MSG(test, fault, -1, "from %lx size %lx: copy_from_user "
			    "wrote past its 16-byte buffer into the guard page",
			    from, n);
	if (fault == -1)
		KUNIT_EXPECT_EQ_MSG(test, c.ret, n, "from %lx size %lx", from, n);
	KUNIT_EXPECT_EQ_MSG(test, first_not(c.to, 0x55, 16), -1L,
			    "from %lx size %lx: buffer written", from, n);
	vfree(area);
}

void wrapping_sizes_refused(struct kunit *test)
{
	/* BASE + n wraps to 0, to 1, and far past it. */
	const unsigned long sizes[] = { -BASE, -BASE + 1, ~0UL, ~0UL - 7 };
	u8 *src = kmalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, src);
	pattern(src, PAGE_SIZE, 2);
	map(test, BASE, 1, RW);
	user_fill(test, BASE, 0x77, PAGE_SIZE);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long n = sizes[i];

		KUNIT_EXPECT_FALSE_MSG(test, access_ok(VERIFY_WRITE, BASE, n), "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, copy_to_user(U(BASE), src, n), n, "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, clear_user(U(BASE), n), n, "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, verify_area(VERIFY_WRITE, U(BASE), n), -EFAULT,
				    "%lx", n);
		KUNIT_EXPECT_EQ_MSG(test, user_first_not(BASE, 0x77, PAGE_SIZE), -1L,
				    "size %lx: user page written", n);
		wrapping_copy_from_user(test, BASE, n);
	}
	kfree(src);
}
