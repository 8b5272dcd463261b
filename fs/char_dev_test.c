/*
 * Tests of character devices (suite "chrdev"): register_chrdev() with a
 * fixed and a dynamic major, its -EBUSY and -EINVAL cases and
 * unregister_chrdev(); opening an S_IFCHR inode reaches the driver's
 * open with the inode's minor number, then read, ioctl, lseek (-ESPIPE
 * without an llseek), fstat and the last close go to the driver; a major
 * with no driver gives -ENXIO, and a driver's failed open leaves nothing.
 */
#include "fs_test.h"

#include <uapi/asm/stat.h>

#define TEST_MAJOR	200	/* below the dynamic range, unused here */

struct chr_counts {
	int opens, releases;
	unsigned int minor;
};

static struct chr_counts counts;

static int tchr_open(struct inode *inode, struct file *filp)
{
	counts.opens++;
	counts.minor = MINOR(inode->i_rdev);
	if (counts.minor == 13)
		return -EIO;		/* this minor's open fails */
	filp->private_data = &counts;
	return 0;
}

static int tchr_release(struct inode *inode, struct file *filp)
{
	counts.releases++;
	return 0;
}

static ssize_t tchr_read(struct file *filp, char __user *buf, size_t count,
			 loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, "device\n", 7);
}

static long tchr_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	return cmd == 0x1234 ? (long)arg + 1 : -ENOTTY;
}

static const struct file_operations tchr_fops = {
	.open = tchr_open,
	.release = tchr_release,
	.read = tchr_read,
	.unlocked_ioctl = tchr_ioctl,
};

/* Open a fresh S_IFCHR inode for dev: a descriptor or -errno. */
static long open_chr(dev_t dev)
{
	struct inode *inode = new_inode(NULL);
	struct file *file;
	int fd;

	if (!inode)
		return -ENOMEM;
	init_special_inode(inode, S_IFCHR | 0600, dev);
	file = open_inode(inode, O_RDWR);
	iput(inode);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fd = get_unused_fd_flags(0);
	if (fd < 0)
		fput(file);
	else
		fd_install(fd, file);
	return fd;
}

static void chrdev_register_rules(struct kunit *test)
{
	int dyn, dyn2;

	KUNIT_ASSERT_EQ(test, register_chrdev(TEST_MAJOR, "tchr", &tchr_fops), 0);
	KUNIT_EXPECT_EQ(test, register_chrdev(TEST_MAJOR, "other", &tchr_fops),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev(CHRDEV_MAJOR_MAX, "tchr", &tchr_fops),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, register_chrdev(7, "tchr", NULL), -EINVAL);
	dyn = register_chrdev(0, "tdyn", &tchr_fops);
	dyn2 = register_chrdev(0, "tdyn2", &tchr_fops);
	KUNIT_EXPECT_GE(test, dyn, 234);
	KUNIT_EXPECT_LE(test, dyn, 254);
	KUNIT_EXPECT_GE(test, dyn2, 234);
	KUNIT_EXPECT_NE(test, dyn, dyn2);
	unregister_chrdev(dyn2, "tdyn2");
	unregister_chrdev(dyn, "tdyn");
	KUNIT_EXPECT_EQ(test, register_chrdev(0, "tdyn", &tchr_fops), dyn);
	unregister_chrdev(dyn, "tdyn");
	/* A wrong name unregisters nothing. */
	unregister_chrdev(TEST_MAJOR, "other");
	KUNIT_EXPECT_EQ(test, register_chrdev(TEST_MAJOR, "x", &tchr_fops), -EBUSY);
	unregister_chrdev(TEST_MAJOR, "tchr");
	KUNIT_EXPECT_EQ(test, register_chrdev(TEST_MAJOR, "tchr", &tchr_fops), 0);
	unregister_chrdev(TEST_MAJOR, "tchr");
}

static void chrdev_open_reaches_driver(struct kunit *test)
{
	char buf[16] = { 0 };
	struct stat st;
	long fd;

	memset(&counts, 0, sizeof(counts));
	KUNIT_ASSERT_EQ(test, register_chrdev(TEST_MAJOR, "tchr", &tchr_fops), 0);
	fd = open_chr(MKDEV(TEST_MAJOR, 5));
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, counts.opens, 1);
	KUNIT_EXPECT_EQ(test, counts.minor, 5);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 4), 4);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf + 4, 16), 3);
	KUNIT_EXPECT_STREQ(test, buf, "device\n");
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 16), 0);
	KUNIT_EXPECT_EQ(test, sys_ioctl(fd, 0x1234, 41), 42);
	KUNIT_EXPECT_EQ(test, sys_ioctl(fd, 0x5401, 0), -ENOTTY);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), -ESPIPE);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "x", 1), -EINVAL);	/* no write */
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFCHR | 0600);
	KUNIT_EXPECT_EQ(test, st.st_rdev, (unsigned long)(TEST_MAJOR << 8 | 5));
	KUNIT_EXPECT_EQ(test, sys_dup2(fd, 5), 5);
	KUNIT_EXPECT_EQ(test, sys_close(fd), 0);
	KUNIT_EXPECT_EQ(test, counts.releases, 0);	/* fd 5 still has it */
	KUNIT_EXPECT_EQ(test, sys_close(5), 0);
	KUNIT_EXPECT_EQ(test, counts.releases, 1);
	/* A failing driver open: the error, no release, no descriptor. */
	KUNIT_EXPECT_EQ(test, open_chr(MKDEV(TEST_MAJOR, 13)), -EIO);
	KUNIT_EXPECT_EQ(test, counts.releases, 1);
	KUNIT_EXPECT_EQ(test, sys_dup(0), -EBADF);
	unregister_chrdev(TEST_MAJOR, "tchr");
	KUNIT_EXPECT_EQ(test, open_chr(MKDEV(TEST_MAJOR, 5)), -ENXIO);
	KUNIT_EXPECT_EQ(test, open_chr(MKDEV(0, 1)), -ENXIO);
}

static void simple_read_from_buffer_edges(struct kunit *test)
{
	char buf[8];
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, simple_read_from_buffer(buf, 8, &pos, "abc", 3), 3);
	KUNIT_EXPECT_EQ(test, pos, 3);
	KUNIT_EXPECT_EQ(test, simple_read_from_buffer(buf, 8, &pos, "abc", 3), 0);
	pos = -1;
	KUNIT_EXPECT_EQ(test, simple_read_from_buffer(buf, 8, &pos, "abc", 3),
			-EINVAL);
	pos = 1;
	KUNIT_EXPECT_EQ(test, simple_read_from_buffer(buf, 0, &pos, "abc", 3), 0);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(simple_read_from_buffer(buf, 2, &pos,
								 "abc", 3)),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, pos, 1);
	pos = 0;
	KUNIT_EXPECT_EQ(test, simple_write_to_buffer(buf, 4, &pos, "wxyz!", 5), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "wxyz", 4);
	KUNIT_EXPECT_EQ(test, simple_write_to_buffer(buf, 4, &pos, "!", 1), 0);
}

static struct kunit_case chrdev_cases[] = {
	KUNIT_CASE(chrdev_register_rules),
	KUNIT_CASE(chrdev_open_reaches_driver),
	KUNIT_CASE(simple_read_from_buffer_edges),
	{}
};

static struct kunit_suite chrdev_suite = {
	.name = "chrdev",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = chrdev_cases,
};
kunit_test_suite(chrdev_suite);
