/*
 * uaccess cases of the set_fs() address limit: under KERNEL_DS the
 * routines reach kernel memory (faults still fixed up, wrapping ranges
 * still refused), a kernel routine calls sys_open() on a kernel path the
 * course-text way, and a limit left raised at the return to user space
 * is reported, naming where set_fs() raised it, and reset.  Modern Linux
 * has no set_fs(): kernel buffers go through kernel_read()/kernel_write()
 * and iov_iter instead.
 */
#include <asm/sections.h>
#include <kunit/capture.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <uapi/linux/fcntl.h>

#include "uaccess_test.h"

/* ---- KERNEL_DS ---- */

/*
 * Under KERNEL_DS every address passes access_ok, so the copy routines
 * reach kernel memory; faults on kernel addresses are still fixed up.
 * (Expectations never end a case; the suite's exit restores the limit.)
 */
void kernel_ds_reaches_kernel(struct kunit *test)
{
	static const char kstr[] = "a kernel string";
	mm_segment_t old = get_fs();
	u8 *a = kmalloc(64, GFP_KERNEL), *b = kmalloc(64, GFP_KERNEL);
	u8 *vbuf = vmalloc(PAGE_SIZE), *guarded;
	u64 kval = 0x0102030405060708ULL, v = 0;
	unsigned long wrap;
	u8 text[16];
	char s[32];

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, vbuf);
	KUNIT_ASSERT_TRUE(test, segment_eq(old, USER_DS));
	map(test, BASE, 1, RW);
	pattern(a, 64, 6);
	memset(b, 0x55, 64);
	/*
	 * The wrapping-size checks write (on a bug) towards a guard page,
	 * where the copy routines' own fault handling stops them.
	 */
	guarded = vbuf + PAGE_SIZE - 16;
	memset(guarded, 0x55, 16);
	wrap = ~0UL - (unsigned long)guarded + 2;	/* guarded + wrap == 1 */

	/* USER_DS: kernel addresses refused. */
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, a, 64));
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0x55, 64), -1L);

	set_fs(KERNEL_DS);
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, a, 64));
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, _text, 16));
	/* The limit ~0UL itself is excluded, as USER_DS excludes TASK_SIZE. */
	KUNIT_EXPECT_TRUE(test, access_ok(VERIFY_READ, ~0UL - 8, 8));
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, ~0UL - 7, 8));
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_READ, ~0UL - 7, 9));	/* wraps */
	KUNIT_EXPECT_FALSE(test, access_ok(VERIFY_WRITE, guarded, wrap));
	/* From one kernel buffer to another through copy_to_user. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 64), 0);
	memset(b, 0x55, 64);
	KUNIT_EXPECT_EQ(test, copy_from_user(b, U(a), 64), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(a, b, 64), 0);
	KUNIT_EXPECT_EQ(test, copy_from_user(text, U(_text), 16), 0UL);
	KUNIT_EXPECT_EQ(test, memcmp(text, _text, 16), 0);
	KUNIT_EXPECT_EQ(test, clear_user(U(b), 16), 0UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0, 16), -1L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, v, 0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, put_user(v + 1, (u64 __user *)&kval), 0);
	KUNIT_EXPECT_EQ(test, kval, 0x0102030405060709ULL);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(kstr), 100), (long)sizeof(kstr));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(s, US(kstr), sizeof(s)),
			(long)sizeof(kstr) - 1);
	KUNIT_EXPECT_STREQ(test, s, kstr);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(b), 64), 0);
	/* Wrapping ranges are still refused, and nothing is written. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(guarded), a, wrap), wrap);
	KUNIT_EXPECT_EQ(test, clear_user(U(guarded), wrap), wrap);
	KUNIT_EXPECT_EQ(test, first_not(guarded, 0x55, 16), -1L);
	v = 1;
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)(~0UL - 3)), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0ULL);
	/* A kernel fault is fixed up: the copy stops at the guard page. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(vbuf + PAGE_SIZE - 4), a, 8), 4UL);
	KUNIT_EXPECT_EQ(test, memcmp(vbuf + PAGE_SIZE - 4, a, 4), 0);
	/* User memory is reached as before. */
	KUNIT_EXPECT_EQ(test, copy_to_user(U(BASE), a, 16), 0UL);
	KUNIT_EXPECT_EQ(test, user_cmp(BASE, a, 16), -1L);
	set_fs(old);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* Back under USER_DS the same calls fail again. */
	memset(b, 0x55, 64);
	KUNIT_EXPECT_EQ(test, copy_to_user(U(b), a, 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0x55, 64), -1L);
	KUNIT_EXPECT_EQ(test, copy_from_user(b, U(a), 64), 64UL);
	KUNIT_EXPECT_EQ(test, first_not(b, 0, 64), -1L);
	KUNIT_EXPECT_EQ(test, strnlen_user(US(kstr), 100), 0L);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)&kval), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(v, (u64 __user *)&kval), -EFAULT);
	KUNIT_EXPECT_EQ(test, kval, 0x0102030405060709ULL);
	KUNIT_EXPECT_EQ(test, verify_area(VERIFY_WRITE, U(b), 64), -EFAULT);

	/* A wrapping copy_from_user under KERNEL_DS: refused, no write. */
	set_fs(KERNEL_DS);
	wrapping_copy_from_user(test, (unsigned long)a, ~0UL - (unsigned long)a + 2);
	set_fs(old);
	vfree(vbuf);
	kfree(a);
	kfree(b);
}

/*
 * The course-text pattern: a kernel routine calls a system call on
 * kernel buffers by raising the address limit around it.
 */
void sys_open_kernel_path(struct kunit *test)
{
	static const char path[] = "/etc/motd";
	struct uat_env *env = test->priv;
	char *buf = kzalloc(512, GFP_KERNEL), *ubuf_copy = kzalloc(512, GFP_KERNEL);
	struct file *f = filp_open(path, O_RDONLY, 0);
	mm_segment_t old_fs;
	long fd, n, un, err;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, ubuf_copy);
	if (IS_ERR(f)) {
		kfree(buf);
		kfree(ubuf_copy);
		kunit_skip(test, "no initrd with /etc/motd");
	}
	filp_close(f, NULL);
	env->old_files = current->files;
	env->old_fs_struct = current->fs;
	env->own_files = true;
	current->files = alloc_files();
	current->fs = alloc_root_fs_struct();
	KUNIT_ASSERT_NOT_NULL(test, current->files);
	KUNIT_ASSERT_NOT_NULL(test, current->fs);

	/* Under USER_DS a kernel path is refused like any bad pointer. */
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));
	KUNIT_EXPECT_EQ(test, sys_open(path, O_RDONLY, 0), (long)-EFAULT);

	/* Step by step: save, raise, call, restore. */
	old_fs = get_fs();
	set_fs(KERNEL_DS);
	fd = sys_open(path, O_RDONLY, 0);
	n = fd >= 0 ? sys_read(fd, buf, 511) : -EBADF;
	err = fd >= 0 ? sys_close(fd) : -EBADF;
	set_fs(old_fs);

	KUNIT_EXPECT_GE(test, fd, 0L);
	KUNIT_EXPECT_GT(test, n, 0L);
	KUNIT_EXPECT_EQ(test, err, 0L);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "Welcome to Ferry"));
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* Without the raised limit, reading into a kernel buffer fails too. */
	map(test, BASE, 1, RW);
	user_write(test, BASE, path, sizeof(path));
	fd = sys_open(US(BASE), O_RDONLY, 0);	/* a real user pointer */
	KUNIT_ASSERT_GE(test, fd, 0L);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf + 256, 16), (long)-EFAULT);
	un = sys_read(fd, (char __user *)(BASE + 16), 511);
	KUNIT_EXPECT_EQ(test, un, n);
	if (un > 0)
		KUNIT_EXPECT_EQ(test, copy_from_user(ubuf_copy, U(BASE + 16), un), 0UL);
	KUNIT_EXPECT_STREQ(test, ubuf_copy, buf);
	KUNIT_EXPECT_EQ(test, sys_close(fd), 0L);
	kfree(buf);
	kfree(ubuf_copy);
}

/* ---- the set_fs() leak check ---- */

void set_fs_leak_reported(struct kunit *test)
{
	mm_segment_t old = get_fs();
	const char *out;
	char name[64];
	bool leaked;

	KUNIT_ASSERT_TRUE(test, segment_eq(old, USER_DS));
	set_fs(KERNEL_DS);	/* and "forget" to restore it */
	kunit_info(test, "a set_fs() leak report follows; it is expected");
	kunit_capture_start();
	leaked = addr_limit_user_check();
	out = kunit_capture_stop();
	KUNIT_EXPECT_TRUE(test, leaked);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out,
		"returning to user mode with addr_limit 0xffffffffffffffff"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "set_fs() raised it at:"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, current->comm));
	snprintf(name, sizeof(name), " %s+0x", __func__);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, name), "report:\n%s", out);
	KUNIT_EXPECT_TRUE(test, segment_eq(get_fs(), USER_DS));

	/* With USER_DS: nothing to report. */
	kunit_capture_start();
	leaked = addr_limit_user_check();
	out = kunit_capture_stop();
	KUNIT_EXPECT_FALSE(test, leaked);
	KUNIT_EXPECT_NULL(test, strstr(out, "addr_limit"));
	KUNIT_EXPECT_NULL(test, strstr(out, "BUG"));
	set_fs(old);
}
