/*
 * Tests of /dev/null and /dev/zero (suite "mem"), opened by path as a
 * program would: null reads as end of file and swallows writes of any
 * size; zero fills buffers of any size with zeros; a bad buffer is
 * -EFAULT for zero and never touched by null; seeking lands at 0; an
 * unknown minor of major 1 cannot be opened (-ENXIO).
 */
#include <asm/page.h>
#include <kunit/test.h>
#include <linux/devfs_fs_kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/major.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static struct file *open_dev(struct kunit *test, const char *path)
{
	struct file *f = filp_open(path, O_RDWR, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: error %ld", path,
			       PTR_ERR(f));
	return f;
}

static void mem_null_reads_eof(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/null");
	char buf[8] = "intact";
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KUNIT_EXPECT_STREQ(test, buf, "intact");
	KUNIT_EXPECT_EQ(test, pos, 0);
	filp_close(f, NULL);
}

static void mem_null_swallows_writes(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/null");
	size_t big = 3 * PAGE_SIZE + 5;
	char *buf = kzalloc(big, GFP_KERNEL);
	loff_t pos = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, big, &pos), big);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 0, &pos), 0);
	kfree(buf);
	filp_close(f, NULL);
}

static void mem_zero_reads_zeros(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/zero");
	size_t big = 3 * PAGE_SIZE + 100, i, nonzero = 0;
	char *buf = kmalloc(big + 1, GFP_KERNEL);
	loff_t pos = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0xaa, big + 1);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, big, &pos), big);
	for (i = 0; i < big; i++)
		nonzero += buf[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, 0);
	KUNIT_EXPECT_EQ(test, (u8)buf[big], 0xaa);	/* not one byte more */
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 17, &pos), 17);
	kfree(buf);
	filp_close(f, NULL);
}

/*
 * The drivers' own read and write with bad user buffers (the test runs
 * with USER_DS): a kernel address, refused by access_ok, and NULL,
 * which faults.
 */
static void mem_bad_buffers(struct kunit *test)
{
	struct file *zero = open_dev(test, "/dev/zero");
	struct file *null = open_dev(test, "/dev/null");
	char kbuf[16] = "kernel";
	char __user *bad[] = { (char __user *)kbuf, NULL };
	unsigned int i;
	loff_t pos = 0;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, zero->f_op->read(zero, bad[i], 16, &pos),
				-EFAULT);
		KUNIT_EXPECT_EQ(test, null->f_op->read(null, bad[i], 16, &pos),
				0);
		KUNIT_EXPECT_EQ(test, null->f_op->write(null, bad[i], 16, &pos),
				16);
		KUNIT_EXPECT_EQ(test, zero->f_op->write(zero, bad[i], 16, &pos),
				16);
	}
	KUNIT_EXPECT_STREQ(test, kbuf, "kernel");
	/* Through the read system call's path too. */
	KUNIT_EXPECT_EQ(test, vfs_read(zero, (char __user *)kbuf, 16, &pos),
			-EFAULT);
	KUNIT_EXPECT_STREQ(test, kbuf, "kernel");
	filp_close(zero, NULL);
	filp_close(null, NULL);
}

static void mem_seek_lands_at_zero(struct kunit *test)
{
	struct file *f = open_dev(test, "/dev/zero");

	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 1000, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, f->f_pos, 0);
	filp_close(f, NULL);
}

static void mem_unknown_minor(struct kunit *test)
{
	struct file *f;

	KUNIT_ASSERT_EQ(test, devfs_register("memtest7", MEM_MAJOR, 7, 0600), 0);
	f = filp_open("/dev/memtest7", O_RDONLY, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(f));
	if (IS_ERR(f))
		KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	else
		filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, devfs_unregister("memtest7"), 0);
}

static struct kunit_case mem_cases[] = {
	KUNIT_CASE(mem_null_reads_eof),
	KUNIT_CASE(mem_null_swallows_writes),
	KUNIT_CASE(mem_zero_reads_zeros),
	KUNIT_CASE(mem_bad_buffers),
	KUNIT_CASE(mem_seek_lands_at_zero),
	KUNIT_CASE(mem_unknown_minor),
	{}
};

static struct kunit_suite mem_suite = {
	.name = "mem",
	.test_cases = mem_cases,
};
kunit_test_suite(mem_suite);
