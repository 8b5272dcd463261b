/*
 * Tests of ramfs regular files through the file system calls (suite
 * "ramfs"): create, write and read back across pages, seeking past the
 * end (a hole reads as zeros), O_TRUNC and shrinking truncation (the old
 * bytes never reappear), O_APPEND, a file unlinked while open, lseek's
 * and read/write's error returns, the size limit, and user pointers
 * refused under USER_DS with the file left unchanged, and threads on
 * every CPU making, reading, listing and removing entries of one
 * directory at once.
 */
#include <asm/page.h>
#include <linux/completion.h>
#include <linux/smp.h>
#include <uapi/linux/fcntl.h>

#include "fs_test.h"

#include <uapi/asm/stat.h>

static u8 pattern(size_t i)
{
	return (u8)(i * 7 + (i >> 8) * 13);
}

static void ramfs_create_write_read(struct kunit *test)
{
	char buf[16] = { 0 };
	struct stat st;
	long fd;

	fd = sys_open("f", O_RDWR | O_CREAT, 0640);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "hello", 5), 5);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, sizeof(buf)), 0);	/* at EOF */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 5);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFREG | 0640);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 1);
	KUNIT_EXPECT_EQ(test, st.st_blksize, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sys_close(fd), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("f", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 5);
}

static void ramfs_multi_page_odd_chunks(struct kunit *test)
{
	size_t len = 3 * PAGE_SIZE + 123, i, done = 0;
	u8 *data = kmalloc(len, GFP_KERNEL), *back = kzalloc(len, GFP_KERNEL);
	long fd, n;

	KUNIT_ASSERT_TRUE(test, data && back);
	for (i = 0; i < len; i++)
		data[i] = pattern(i);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("big", data, len), 0);
	fd = sys_open("big", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	while ((n = sys_read(fd, (char *)back + done, 1000)) > 0)
		done += n;
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, done, len);
	KUNIT_EXPECT_MEMEQ(test, back, data, len);
	/* A read that straddles a page boundary, at an odd offset. */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, PAGE_SIZE - 3, SEEK_SET), PAGE_SIZE - 3);
	KUNIT_EXPECT_EQ(test, sys_read(fd, (char *)back, 7), 7);
	KUNIT_EXPECT_MEMEQ(test, back, data + PAGE_SIZE - 3, 7);
	sys_close(fd);
	kfree(data);
	kfree(back);
}

static void ramfs_seek_past_end_reads_zeros(struct kunit *test)
{
	size_t end = 3 * PAGE_SIZE + 10, i;
	u8 *back = kmalloc(end + 1, GFP_KERNEL);
	struct stat st;
	long fd;

	KUNIT_ASSERT_NOT_NULL(test, back);
	fd = sys_open("hole", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "A", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, end, SEEK_SET), end);
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 1);	/* seeking alone does not grow it */
	KUNIT_EXPECT_EQ(test, sys_write(fd, "B", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, end + 1);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), 0);
	memset(back, 0x55, end + 1);
	KUNIT_EXPECT_EQ(test, sys_read(fd, (char *)back, end + 1), end + 1);
	KUNIT_EXPECT_EQ(test, back[0], 'A');
	KUNIT_EXPECT_EQ(test, back[end], 'B');
	for (i = 1; i < end; i++)
		if (back[i])
			break;
	KUNIT_EXPECT_EQ_MSG(test, i, end, "byte %zu of the hole is not zero", i);
	sys_close(fd);
	kfree(back);
}

static void ramfs_o_trunc(struct kunit *test)
{
	char big[300], buf[8];
	struct stat st;
	long fd;

	memset(big, 'x', sizeof(big));
	KUNIT_ASSERT_EQ(test, fs_test_write_file("t", big, sizeof(big)), 0);
	fd = sys_open("t", O_RDWR | O_TRUNC, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 0);
	/* Growing it again shows zeros, never the old bytes. */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 100, SEEK_SET), 100);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "y", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 96, SEEK_SET), 96);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 8), 5);
	KUNIT_EXPECT_MEMEQ(test, buf, "\0\0\0\0y", 5);
	sys_close(fd);
	/* O_TRUNC without O_CREAT on a missing file. */
	KUNIT_EXPECT_EQ(test, sys_open("missing", O_RDWR | O_TRUNC, 0), -ENOENT);
}

static void ramfs_truncate_shrink_keeps_tail_zero(struct kunit *test)
{
	u8 *data = kmalloc(2 * PAGE_SIZE, GFP_KERNEL), buf[64];
	struct inode *inode;
	long fd;

	KUNIT_ASSERT_NOT_NULL(test, data);
	memset(data, 0xff, 2 * PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("s", data, 2 * PAGE_SIZE), 0);
	kfree(data);
	inode = kern_path("s");
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_EQ(test, inode->i_op->truncate(inode, 10), 0);
	KUNIT_EXPECT_EQ(test, inode->i_size, 10);
	KUNIT_EXPECT_EQ(test, inode->i_op->truncate(inode, -1), -EINVAL);
	KUNIT_EXPECT_EQ(test, inode->i_op->truncate(inode, 1LL << 40), -EFBIG);
	iput(inode);
	fd = sys_open("s", O_RDWR, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, PAGE_SIZE + 5, SEEK_SET), PAGE_SIZE + 5);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "z", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 8, SEEK_SET), 8);
	KUNIT_EXPECT_EQ(test, sys_read(fd, (char *)buf, 4), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "\xff\xff\0\0", 4);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, PAGE_SIZE, SEEK_SET), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, sys_read(fd, (char *)buf, 64), 6);
	KUNIT_EXPECT_MEMEQ(test, buf, "\0\0\0\0\0z", 6);
	sys_close(fd);
}

static void ramfs_o_append(struct kunit *test)
{
	char buf[16] = { 0 };
	long fd;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("a", "abc", 3), 0);
	fd = sys_open("a", O_WRONLY | O_APPEND, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "de", 2), 2);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_CUR), 5);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, fs_test_read_file("a", buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "abcde");
}

static void ramfs_unlink_while_open(struct kunit *test)
{
	char buf[16] = { 0 };
	struct stat st;
	long fd;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("u", "still", 5), 0);
	fd = sys_open("u", O_RDWR, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_unlink("u"), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("u", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_open("u", O_RDONLY, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "still");
	KUNIT_EXPECT_EQ(test, sys_write(fd, "!", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_fstat(fd, &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 6);
	/* A new file of the same name is another file. */
	KUNIT_ASSERT_EQ(test, fs_test_write_file("u", "new", 3), 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, sizeof(buf)), 6);
	KUNIT_EXPECT_MEMEQ(test, buf, "still!", 6);
	KUNIT_EXPECT_EQ(test, sys_close(fd), 0);
	KUNIT_EXPECT_EQ(test, fs_test_read_file("u", buf, sizeof(buf)), 3);
}

static void ramfs_lseek_errors(struct kunit *test)
{
	long fd;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("l", "0123456789", 10), 0);
	fd = sys_open("l", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, -11, SEEK_END), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, 3), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, -1U), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 1L << 40, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0x7fffffffffffffffL, SEEK_SET), -EINVAL);
	/* A failed seek leaves the position alone. */
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_CUR), 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, -2, SEEK_END), 8);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, -3, SEEK_CUR), 5);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 20, SEEK_CUR), 25);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_SET), -EBADF);
}

static void ramfs_access_mode_errors(struct kunit *test)
{
	char buf[4];
	long fd;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("m", "m", 1), 0);
	fd = sys_open("m", O_WRONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 1), -EBADF);
	sys_close(fd);
	fd = sys_open("m", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "x", 1), -EBADF);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_open("m", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_open("m", O_RDWR | O_CREAT | O_EXCL, 0644), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir("d", 0755), 0);
	KUNIT_EXPECT_EQ(test, sys_open("d", O_WRONLY, 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_open("d", O_RDWR, 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_open("d", O_RDONLY | O_CREAT, 0644), -EISDIR);
	fd = sys_open("d", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 1), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "x", 1), -EBADF);
	sys_close(fd);
}

static void ramfs_size_limit_efbig(struct kunit *test)
{
	struct inode *dir = kern_path(".");
	loff_t max;
	long fd;

	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	max = dir->i_sb->s_maxbytes;
	iput(dir);
	KUNIT_ASSERT_LT(test, max, 1LL << 40);
	fd = sys_open("limit", O_RDWR | O_CREAT, 0644);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, max - 1, SEEK_SET),
			max - 1);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "ab", 2), 1);	/* up to the limit */
	KUNIT_EXPECT_EQ(test, sys_write(fd, "c", 1), -EFBIG);
	KUNIT_EXPECT_EQ(test, sys_write(fd, "", 0), 0);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, max + 1, SEEK_SET), -EINVAL);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_unlink("limit"), 0);
}

static void ramfs_user_pointers_efault(struct kunit *test)
{
	char buf[8] = { 0 };
	long fd;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("p", "keep", 4), 0);
	fd = sys_open("p", O_RDWR, 0);
	KUNIT_ASSERT_GE(test, fd, 0);
	/* Kernel addresses as user pointers: refused whole, file unchanged. */
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_write(fd, "evil", 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_read(fd, buf, 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, sys_lseek(fd, 0, SEEK_CUR), 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 8), 4);
	KUNIT_EXPECT_STREQ(test, buf, "keep");
	/* A buffer that wraps around the address space. */
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_read(fd, (char *)0x1000, ~0UL)), -EFAULT);
	sys_close(fd);
}

/* One of the threads of ramfs_concurrent_entries. */
struct churn {
	const char *dir;	/* absolute */
	int id;
	int errors;
	struct completion done;
};

#define CHURN_ROUNDS	150

struct churn_names {
	struct dir_context ctx;
	int n;
};

static bool churn_count(struct dir_context *ctx, const char *name, int len,
			loff_t off, u64 ino, unsigned int type)
{
	container_of(ctx, struct churn_names, ctx)->n++;
	return true;
}

/* Make, check and remove files, and fight over one directory name. */
static void churn_round(struct churn *c, int i, char *path, char *buf)
{
	struct churn_names names = { .ctx.actor = churn_count };
	struct file *f;
	loff_t pos = 0;
	int ret;

	snprintf(path, 64, "%s/t%d.%d", c->dir, c->id, i);
	f = filp_open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	if (IS_ERR(f)) {
		c->errors++;
		return;
	}
	if (kernel_write(f, path, 16, &pos) != 16)
		c->errors++;
	pos = 0;
	if (kernel_read(f, buf, 16, &pos) != 16 || memcmp(buf, path, 16))
		c->errors++;
	fput(f);
	ret = vfs_unlinkat(NULL, path);
	c->errors += ret != 0;
	snprintf(path, 64, "%s/shared", c->dir);
	ret = vfs_mkdirat(NULL, path, 0755);
	c->errors += ret && ret != -EEXIST;
	ret = vfs_rmdirat(NULL, path);
	c->errors += ret && ret != -ENOENT;
	f = filp_open(c->dir, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(f) || iterate_dir(f, &names.ctx) || names.n < 2)
		c->errors++;
	if (!IS_ERR(f))
		fput(f);
}

static int churn_fn(void *data)
{
	struct churn *c = data;
	char *path = kmalloc(64, GFP_KERNEL), *buf = kmalloc(16, GFP_KERNEL);
	int i;

	for (i = 0; path && buf && i < CHURN_ROUNDS; i++)
		churn_round(c, i, path, buf);
	if (!path || !buf)
		c->errors++;
	kfree(path);
	kfree(buf);
	complete(&c->done);
	return 0;
}

static void ramfs_concurrent_entries(struct kunit *test)
{
	struct fs_test_env *env = test->priv;
	int cpus = num_online_cpus(), nr = max(cpus, 2) * 2, i;
	struct churn *c = kcalloc(nr, sizeof(*c), GFP_KERNEL);
	struct stat st;

	KUNIT_ASSERT_NOT_NULL(test, c);
	for (i = 0; i < nr; i++) {
		c[i].dir = env->dir;
		c[i].id = i;
		init_completion(&c[i].done);
		KUNIT_ASSERT_NOT_NULL(test, kthread_run_on_cpu(churn_fn, &c[i],
							       i % cpus, "churn"));
	}
	for (i = 0; i < nr; i++) {
		wait_for_completion(&c[i].done);
		KUNIT_EXPECT_EQ_MSG(test, c[i].errors, 0, "thread %d", i);
	}
	/* Everything made was removed: only "." and ".." are left. */
	KUNIT_EXPECT_EQ(test, sys_stat(".", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 2);
	KUNIT_EXPECT_EQ(test, sys_rmdir(env->dir), 0);
	KUNIT_EXPECT_EQ(test, sys_mkdir(env->dir, 0755), 0);
	kfree(c);
}

static struct kunit_case ramfs_cases[] = {
	KUNIT_CASE(ramfs_create_write_read),
	KUNIT_CASE(ramfs_multi_page_odd_chunks),
	KUNIT_CASE(ramfs_seek_past_end_reads_zeros),
	KUNIT_CASE(ramfs_o_trunc),
	KUNIT_CASE(ramfs_truncate_shrink_keeps_tail_zero),
	KUNIT_CASE(ramfs_o_append),
	KUNIT_CASE(ramfs_unlink_while_open),
	KUNIT_CASE(ramfs_lseek_errors),
	KUNIT_CASE(ramfs_access_mode_errors),
	KUNIT_CASE(ramfs_size_limit_efbig),
	KUNIT_CASE(ramfs_user_pointers_efault),
	KUNIT_CASE(ramfs_concurrent_entries),
	{}
};

static struct kunit_suite ramfs_suite = {
	.name = "ramfs",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = ramfs_cases,
};
kunit_test_suite(ramfs_suite);
