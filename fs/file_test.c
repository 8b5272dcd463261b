/*
 * Tests of descriptor tables (suite "fdtable"): the lowest free
 * descriptor first, the 256 limit (-EMFILE, with nothing leaked), -EBADF
 * from every call on a bad descriptor, dup sharing the file position,
 * dup2's corner cases (same descriptor, out of range, replacing an open
 * one, close-on-exec cleared), O_CLOEXEC and do_close_on_exec(),
 * fork's dup_fd() and put_files_struct(), and ioctl without a driver.
 */
#include <linux/pipe_fs_i.h>
#include <uapi/linux/dirent.h>

#include "fs_test.h"

#include <uapi/asm/stat.h>

static bool fd_is_cloexec(unsigned int fd)
{
	unsigned long *map = current->files->close_on_exec;

	return map[fd / (8 * sizeof(long))] & (1UL << (fd % (8 * sizeof(long))));
}

static void fdtable_lowest_free_first(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), 0);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), 1);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), 2);
	KUNIT_EXPECT_EQ(test, sys_close(1), 0);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), 1);
	KUNIT_EXPECT_EQ(test, sys_close(0), 0);
	KUNIT_EXPECT_EQ(test, sys_dup(2), 0);
	/* A failed open leaves its reserved descriptor free again. */
	KUNIT_EXPECT_EQ(test, sys_open("missing", O_RDONLY, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), 3);
}

static void fdtable_emfile(struct kunit *test)
{
	int fds[2] = { -1, -1 };
	long fd, i;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	fd = sys_open("f", O_RDONLY, 0);
	KUNIT_ASSERT_EQ(test, fd, 0);
	for (i = 1; i < NR_OPEN_DEFAULT; i++)
		KUNIT_ASSERT_EQ(test, sys_dup(0), i);
	KUNIT_EXPECT_EQ(test, sys_dup(0), -EMFILE);
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDONLY, 0), -EMFILE);
	KUNIT_EXPECT_EQ(test, sys_pipe(fds), -EMFILE);
	KUNIT_EXPECT_EQ(test, fds[0], -1);
	KUNIT_EXPECT_EQ(test, sys_close(200), 0);
	KUNIT_EXPECT_EQ(test, sys_pipe(fds), -EMFILE);	/* needs two */
	KUNIT_EXPECT_EQ(test, sys_dup(0), 200);	/* and the one stayed free */
	KUNIT_EXPECT_EQ(test, sys_dup2(0, NR_OPEN_DEFAULT - 1), NR_OPEN_DEFAULT - 1);
}

static void fdtable_ebadf_everywhere(struct kunit *test)
{
	struct linux_dirent64 *d = kmalloc(256, GFP_KERNEL);
	char buf[8];
	struct stat st;
	static const unsigned int bad[] = { 0, 5, NR_OPEN_DEFAULT, -1U };
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, d);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ(test, sys_close(bad[i]), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_read(bad[i], buf, 1), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_write(bad[i], buf, 1), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_lseek(bad[i], 0, SEEK_SET), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_fstat(bad[i], &st), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_ioctl(bad[i], 0, 0), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_getdents64(bad[i], d, 256), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_dup(bad[i]), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_dup2(bad[i], 3), -EBADF);
		KUNIT_EXPECT_EQ(test, sys_dup2(bad[i], bad[i]), -EBADF);
	}
	kfree(d);
}

static void fdtable_dup_shares_position(struct kunit *test)
{
	long a, b;

	a = sys_open("f", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_GE(test, a, 0);
	b = sys_dup(a);
	KUNIT_ASSERT_GE(test, b, 0);
	KUNIT_EXPECT_EQ(test, sys_write(a, "abc", 3), 3);
	KUNIT_EXPECT_EQ(test, sys_lseek(b, 0, SEEK_CUR), 3);
	KUNIT_EXPECT_EQ(test, sys_close(a), 0);
	KUNIT_EXPECT_EQ(test, sys_write(b, "d", 1), 1);	/* still open */
	KUNIT_EXPECT_EQ(test, sys_close(b), 0);
	KUNIT_EXPECT_EQ(test, sys_close(b), -EBADF);
}

static void fdtable_dup2_semantics(struct kunit *test)
{
	int p[2];
	char c;
	long f;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	f = sys_open("f", O_RDONLY | O_CLOEXEC, 0);
	KUNIT_ASSERT_EQ(test, f, 0);
	KUNIT_EXPECT_EQ(test, sys_dup2(0, 0), 0);	/* same: nothing happens */
	KUNIT_EXPECT_TRUE(test, fd_is_cloexec(0));	/* ... not even this */
	KUNIT_EXPECT_EQ(test, sys_dup2(0, NR_OPEN_DEFAULT), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_dup2(0, -1U), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_dup2(0, 7), 7);
	KUNIT_EXPECT_FALSE(test, fd_is_cloexec(7));
	/* Replacing an open descriptor closes its file: the pipe sees EOF. */
	KUNIT_ASSERT_EQ(test, sys_pipe(p), 0);
	KUNIT_EXPECT_EQ(test, sys_dup2(0, p[1]), p[1]);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], &c, 1), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[1], &c, 1), 1);	/* now "f" */
	KUNIT_EXPECT_EQ(test, c, 'x');
}

static void fdtable_cloexec(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDONLY | O_CLOEXEC, 0), 0);
	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDONLY, 0), 1);
	KUNIT_ASSERT_EQ(test, sys_dup(0), 2);
	KUNIT_EXPECT_TRUE(test, fd_is_cloexec(0));
	KUNIT_EXPECT_FALSE(test, fd_is_cloexec(1));
	KUNIT_EXPECT_FALSE(test, fd_is_cloexec(2));	/* dup clears it */
	do_close_on_exec(current->files);
	KUNIT_EXPECT_EQ(test, sys_close(0), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_close(1), 0);
	KUNIT_EXPECT_EQ(test, sys_close(2), 0);
	/* A reused descriptor does not inherit the old flag. */
	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDONLY | O_CLOEXEC, 0), 0);
	KUNIT_ASSERT_EQ(test, sys_close(0), 0);
	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDONLY, 0), 0);
	KUNIT_EXPECT_FALSE(test, fd_is_cloexec(0));
}

static void fdtable_dup_fd_for_fork(struct kunit *test)
{
	struct files_struct *parent = current->files, *child;
	struct file *file;

	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDWR | O_CREAT | O_CLOEXEC, 0644), 0);
	KUNIT_ASSERT_EQ(test, sys_dup2(0, 9), 9);
	file = fget(0);
	KUNIT_ASSERT_NOT_NULL(test, file);
	KUNIT_EXPECT_EQ(test, file_count(file), 3);	/* 0, 9 and ours */
	child = dup_fd(parent);
	KUNIT_ASSERT_NOT_NULL(test, child);
	KUNIT_EXPECT_EQ(test, file_count(file), 5);
	KUNIT_EXPECT_PTR_EQ(test, child->fd[0], file);
	KUNIT_EXPECT_PTR_EQ(test, child->fd[9], file);
	KUNIT_EXPECT_PTR_EQ(test, child->fd[1], NULL);
	/* The child's table, used as current's: shared offset, own slots. */
	current->files = child;
	KUNIT_EXPECT_TRUE(test, fd_is_cloexec(0));
	KUNIT_EXPECT_FALSE(test, fd_is_cloexec(9));
	KUNIT_EXPECT_EQ(test, sys_write(9, "ab", 2), 2);
	KUNIT_EXPECT_EQ(test, sys_close(0), 0);
	current->files = parent;
	KUNIT_EXPECT_EQ(test, sys_lseek(0, 0, SEEK_CUR), 2);
	KUNIT_EXPECT_EQ(test, file_count(file), 4);
	put_files_struct(child);
	KUNIT_EXPECT_EQ(test, file_count(file), 3);
	fput(file);
}

static void fdtable_ioctl_without_driver(struct kunit *test)
{
	int p[2];

	KUNIT_ASSERT_EQ(test, sys_open("f", O_RDWR | O_CREAT, 0644), 0);
	KUNIT_EXPECT_EQ(test, sys_ioctl(0, 0x5401, 0), -ENOTTY);
	KUNIT_ASSERT_EQ(test, sys_pipe(p), 0);
	KUNIT_EXPECT_EQ(test, sys_ioctl(p[0], 0x5401, 0), -ENOTTY);
}

static struct kunit_case fdtable_cases[] = {
	KUNIT_CASE(fdtable_lowest_free_first),
	KUNIT_CASE(fdtable_emfile),
	KUNIT_CASE(fdtable_ebadf_everywhere),
	KUNIT_CASE(fdtable_dup_shares_position),
	KUNIT_CASE(fdtable_dup2_semantics),
	KUNIT_CASE(fdtable_cloexec),
	KUNIT_CASE(fdtable_dup_fd_for_fork),
	KUNIT_CASE(fdtable_ioctl_without_driver),
	{}
};

static struct kunit_suite fdtable_suite = {
	.name = "fdtable",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = fdtable_cases,
};
kunit_test_suite(fdtable_suite);
