/*
 * uaccess case of user access from a context that cannot sleep: with a
 * spinlock held, preemption off or interrupts off, each access is
 * reported; one that needs a page faulted in fails instead of sleeping,
 * one to a present page works; from a context that may sleep there is no
 * report.
 *
 * Locking: uat_lock is taken only to make the accesses atomic; it
 * protects no data.
 */
#include <asm/percpu.h>
#include <kunit/capture.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "uaccess_test.h"

/* ---- user access from a context that cannot sleep ---- */

/* How many times needle occurs in haystack. */
static int count_of(const char *haystack, const char *needle)
{
	int n = 0;

	while ((haystack = strstr(haystack, needle))) {
		n++;
		haystack += strlen(needle);
	}
	return n;
}

/* Held only to make the accesses below atomic; protects no data. */
static DEFINE_SPINLOCK(uat_lock);

void might_fault_atomic(struct kunit *test)
{
	unsigned long mapped = BASE, fresh = BASE + PAGE_SIZE;
	unsigned long left, flags;
	const char *out;
	char name[64];
	u32 v = 1, w = 0;
	u8 dst[4];
	int err, err2;

	map(test, BASE, 3, RW);
	user_write(test, mapped, "\x11\x22\x33\x44", 4);
	snprintf(name, sizeof(name), "%s+0x", __func__);

	/* One report per access: the copy and the get_user. */
	kunit_info(test, "reports of a user access from a context that "
		   "cannot sleep follow; they are expected");
	kunit_capture_start();
	spin_lock(&uat_lock);
	left = copy_to_user(U(fresh), "x", 1);
	err = get_user(v, (u32 __user *)fresh);
	spin_unlock(&uat_lock);
	out = kunit_capture_stop();
	/* Not yet faulted in: the access fails instead of sleeping. */
	KUNIT_EXPECT_EQ(test, left, 1UL);
	KUNIT_EXPECT_EQ(test, err, -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh));
	KUNIT_EXPECT_EQ(test, count_of(out, "BUG: user access from a context "
				       "that cannot sleep (preempt_count 1"), 2);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "interrupts on"));
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, name), "report:\n%s", out);

	/* A present page still works with preemption off; still reported. */
	kunit_info(test, "another such report follows; it is expected");
	kunit_capture_start();
	preempt_disable();
	err = get_user(w, (u32 __user *)mapped);
	preempt_enable();
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, w, 0x44332211U);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"BUG: user access from a context that cannot sleep"));

	/* Interrupts off. */
	kunit_info(test, "more such reports follow; they are expected");
	memset(dst, 0x55, sizeof(dst));
	kunit_capture_start();
	local_irq_save(flags);
	left = copy_from_user(dst, U(fresh + PAGE_SIZE), 4);
	local_irq_restore(flags);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, left, 4UL);
	KUNIT_EXPECT_EQ(test, first_not(dst, 0, 4), -1L);
	KUNIT_EXPECT_NULL(test, user_kaddr(fresh + PAGE_SIZE));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "(preempt_count 0, interrupts off)"));

	/* From a context that may sleep: no report, the page is faulted in. */
	kunit_capture_start();
	left = copy_to_user(U(fresh), "x", 1);
	err2 = get_user(v, (u32 __user *)fresh);
	out = kunit_capture_stop();
	KUNIT_EXPECT_EQ(test, left, 0UL);
	KUNIT_EXPECT_EQ(test, err2, 0);
	KUNIT_EXPECT_EQ(test, v, (u32)'x');
	KUNIT_EXPECT_NULL(test, strstr(out, "cannot sleep"));
}
