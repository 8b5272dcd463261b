/*
 * Tests of directory listing with getdents64 (suite "readdir"): every
 * entry once with its type and inode number, record layout (8-byte
 * aligned lengths, NUL-terminated names, d_off chaining), a buffer too
 * small for one entry (-EINVAL), one entry per call, resuming after
 * entries were removed, rewinding with lseek, and the errors for a
 * non-directory, a bad descriptor and a bad buffer.
 */
#include <uapi/linux/dirent.h>

#include "fs_test.h"

#include <uapi/asm/stat.h>

#define DENTS_BUF	4096

/* Check each record in buf[0..len) and count names seen in names[]. */
static int walk_dents(struct kunit *test, void *buf, long len,
		      const char *const *names, int *seen, int nr,
		      long long *last_off)
{
	struct linux_dirent64 *d;
	long off = 0;
	int i, n = 0;

	while (off < len) {
		d = buf + off;
		KUNIT_EXPECT_EQ(test, d->d_reclen % 8, 0);
		KUNIT_EXPECT_LE(test, strlen(d->d_name) + 1 +
				offsetof(struct linux_dirent64, d_name),
				d->d_reclen);
		for (i = 0; i < nr; i++)
			if (!strcmp(d->d_name, names[i]))
				seen[i]++;
		*last_off = d->d_off;
		off += d->d_reclen;
		n++;
	}
	KUNIT_EXPECT_EQ(test, off, len);
	return n;
}

static void readdir_lists_every_entry_once(struct kunit *test)
{
	static const char *const names[] = { ".", "..", "a", "bb", "sub" };
	int seen[ARRAY_SIZE(names)] = { 0 }, i;
	void *buf = kmalloc(DENTS_BUF, GFP_KERNEL);
	struct linux_dirent64 *d;
	long long last;
	struct stat st;
	long fd, n, off;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("a", "1", 1), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("bb", "2", 1), 0);
	KUNIT_ASSERT_EQ(test, sys_mkdir("sub", 0755), 0);
	fd = sys_open(".", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	n = sys_getdents64(fd, buf, DENTS_BUF);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_EXPECT_EQ(test, walk_dents(test, buf, n, names, seen,
					 ARRAY_SIZE(names), &last), 5);
	for (i = 0; i < (int)ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_EQ_MSG(test, seen[i], 1, "%s", names[i]);
	/* Types and inode numbers agree with stat. */
	for (off = 0; off < n; off += d->d_reclen) {
		d = buf + off;
		if (d->d_name[0] == '.')
			continue;
		KUNIT_EXPECT_EQ(test, sys_stat(d->d_name, &st), 0);
		KUNIT_EXPECT_EQ_MSG(test, d->d_ino, st.st_ino, "%s", d->d_name);
		KUNIT_EXPECT_EQ_MSG(test, d->d_type,
				    S_ISDIR(st.st_mode) ? DT_DIR : DT_REG,
				    "%s", d->d_name);
	}
	KUNIT_EXPECT_EQ(test, sys_getdents64(fd, buf, DENTS_BUF), 0);	/* end */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_CUR), last);
	sys_close(fd);
	kfree(buf);
}

static void readdir_one_entry_per_call(struct kunit *test)
{
	static const char *const names[] = { ".", "..", "x1", "x2", "x3" };
	int seen[ARRAY_SIZE(names)] = { 0 }, calls = 0, i;
	/* Room for exactly one record with a two-letter name. */
	int one = ALIGN(offsetof(struct linux_dirent64, d_name) + 3, 8);
	void *buf = kmalloc(DENTS_BUF, GFP_KERNEL);
	long long last, prev_last = -1;
	long fd, n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 2; i < 5; i++)
		KUNIT_ASSERT_EQ(test, fs_test_write_file(names[i], "", 0), 0);
	fd = sys_open(".", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_getdents64(fd, buf, 10), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_getdents64(fd, buf, 0), -EINVAL);
	while ((n = sys_getdents64(fd, buf, one)) > 0) {
		KUNIT_EXPECT_EQ(test, walk_dents(test, buf, n, names, seen,
						 ARRAY_SIZE(names), &last), 1);
		KUNIT_EXPECT_GT(test, last, prev_last);	/* d_off moves on */
		prev_last = last;
		calls++;
	}
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, calls, 5);
	for (i = 0; i < (int)ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_EQ_MSG(test, seen[i], 1, "%s", names[i]);
	/* Rewind and see them all again. */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), 0);
	n = sys_getdents64(fd, buf, DENTS_BUF);
	KUNIT_EXPECT_EQ(test, walk_dents(test, buf, n, names, seen,
					 ARRAY_SIZE(names), &last), 5);
	sys_close(fd);
	kfree(buf);
}

static void readdir_resume_after_unlink(struct kunit *test)
{
	char name[8];
	int seen[40] = { 0 }, i, total = 0;
	void *buf = kmalloc(DENTS_BUF, GFP_KERNEL);
	int small = 3 * ALIGN(offsetof(struct linux_dirent64, d_name) + 4, 8);
	struct linux_dirent64 *d;
	long fd, n, off;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "f%02d", i);
		KUNIT_ASSERT_EQ(test, fs_test_write_file(name, "", 0), 0);
	}
	fd = sys_open(".", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	/* List a few at a time, removing each as it is listed. */
	while ((n = sys_getdents64(fd, buf, small)) > 0) {
		for (off = 0; off < n; off += d->d_reclen) {
			d = buf + off;
			if (d->d_name[0] != 'f')
				continue;
			i = (d->d_name[1] - '0') * 10 + d->d_name[2] - '0';
			KUNIT_ASSERT_TRUE(test, i >= 0 && i < 40);
			seen[i]++;
			total++;
			KUNIT_EXPECT_EQ(test, sys_unlink(d->d_name), 0);
		}
	}
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, total, 40);
	for (i = 0; i < 40; i++)
		KUNIT_EXPECT_EQ_MSG(test, seen[i], 1, "f%02d", i);
	sys_close(fd);
	kfree(buf);
}

static void readdir_errors(struct kunit *test)
{
	void *buf = kmalloc(DENTS_BUF, GFP_KERNEL);
	long fd;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	fd = sys_open("f", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_getdents64(fd, buf, DENTS_BUF), -ENOTDIR);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_getdents64(fd, buf, DENTS_BUF), -EBADF);
	fd = sys_open(".", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_getdents64(fd, buf, DENTS_BUF)),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_CUR), 0);	/* nothing read */
	KUNIT_EXPECT_GT(test, sys_getdents64(fd, buf, DENTS_BUF), 0);
	sys_close(fd);
	kfree(buf);
}

static struct kunit_case readdir_cases[] = {
	KUNIT_CASE(readdir_lists_every_entry_once),
	KUNIT_CASE(readdir_one_entry_per_call),
	KUNIT_CASE(readdir_resume_after_unlink),
	KUNIT_CASE(readdir_errors),
	{}
};

static struct kunit_suite readdir_suite = {
	.name = "readdir",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = readdir_cases,
};
kunit_test_suite(readdir_suite);
