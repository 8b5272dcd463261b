/*
 * Tests of path names (suite "namei"): ".", "..", repeated and trailing
 * slashes, every error of the walk and of mkdir, rmdir and unlink, the
 * *at() forms with a directory descriptor, chdir and getcwd (also in a
 * removed directory and across mounts), mounting both a ramfs and a
 * file system that makes its inodes at each lookup (as /proc does), user
 * pointers refused under USER_DS, and a kernel thread without a table
 * or working directory.
 */
#include "fs_test.h"

#include <uapi/linux/dirent.h>

#include <uapi/asm/stat.h>

static u64 ino_of(const char *path)
{
	struct stat st;

	return sys_stat(path, &st) ? 0 : st.st_ino;
}

static void namei_dot_and_dotdot(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, sys_mkdir("a", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_mkdir("a/b", 0755), 0);
	KUNIT_EXPECT_NE(test, ino_of("a/b"), 0);
	KUNIT_EXPECT_EQ(test, ino_of("a/./b/../b/."), ino_of("a/b"));
	KUNIT_EXPECT_EQ(test, ino_of("a/b/.."), ino_of("a"));
	KUNIT_EXPECT_EQ(test, ino_of("."), ino_of(((struct fs_test_env *)test->priv)->dir));
	/* ".." of the root is the root. */
	KUNIT_EXPECT_EQ(test, ino_of("/.."), ino_of("/"));
	KUNIT_EXPECT_EQ(test, ino_of("/../../tmp"), ino_of("/tmp"));
}

static void namei_repeated_slashes(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, sys_mkdir("a", 0755), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("a/f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, ino_of("a//f"), ino_of("a/f"));
	KUNIT_EXPECT_EQ(test, ino_of("a///"), ino_of("a"));
	KUNIT_EXPECT_EQ(test, ino_of("//tmp//"), ino_of("/tmp"));
	KUNIT_EXPECT_EQ(test, ino_of("///"), ino_of("/"));
}

static void namei_trailing_slash_on_file(struct kunit *test)
{
	struct stat st;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("f/", &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_stat("f/.", &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_stat("f/..", &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_stat("f/x", &st), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_open("f/", O_RDONLY, 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_open("f/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_open("new/", O_RDWR | O_CREAT, 0644), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_open("f/new", O_RDWR | O_CREAT, 0644), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_mkdir("f/d", 0755), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_chdir("f"), -ENOTDIR);
}

static void namei_enoent(struct kunit *test)
{
	struct stat st;

	KUNIT_EXPECT_EQ(test, sys_stat("nope", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_stat("nope/x", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_stat("", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_open("", O_RDONLY, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_open("nope/x", O_RDWR | O_CREAT, 0644), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_mkdir("nope/x", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_chdir("nope"), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_unlink("nope"), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_rmdir("nope"), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_unlink("nope/"), -ENOENT);
}

static void namei_name_too_long(struct kunit *test)
{
	char *path = kmalloc(PATH_MAX + 1, GFP_KERNEL);
	struct stat st;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, path);
	memset(path, 'n', NAME_MAX);
	path[NAME_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, sys_mkdir(path, 0755), 0);	/* 255: fine */
	KUNIT_EXPECT_EQ(test, sys_stat(path, &st), 0);
	KUNIT_EXPECT_EQ(test, sys_rmdir(path), 0);
	memcpy(path + NAME_MAX, "n", 2);			/* 256 */
	KUNIT_EXPECT_EQ(test, sys_mkdir(path, 0755), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, sys_stat(path, &st), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, sys_open(path, O_RDWR | O_CREAT, 0644), -ENAMETOOLONG);
	/* A path of PATH_MAX - 1 bytes is walked; one of PATH_MAX is not. */
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	for (i = 0; i < PATH_MAX - 2; i += 2)
		memcpy(path + i, "./", 2);
	memcpy(path + PATH_MAX - 2, "f", 2);
	KUNIT_EXPECT_EQ(test, strlen(path), PATH_MAX - 1);
	KUNIT_EXPECT_EQ(test, sys_stat(path, &st), 0);
	memmove(path + 1, path, PATH_MAX);
	path[0] = '/';
	path[1] = '.';		/* "/../././...f": PATH_MAX bytes */
	KUNIT_EXPECT_EQ(test, strlen(path), PATH_MAX);
	KUNIT_EXPECT_EQ(test, sys_stat(path, &st), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, sys_open(path, O_RDONLY, 0), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, sys_chdir(path), -ENAMETOOLONG);
	kfree(path);
}

static void namei_mkdir_errors(struct kunit *test)
{
	struct stat st;

	KUNIT_ASSERT_EQ(test, sys_mkdir("d", 0750), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("d", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFDIR | 0750);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 2);
	KUNIT_EXPECT_EQ(test, sys_mkdir("d", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir("d/", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir(".", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir("..", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir("/", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, sys_mkdir("d/e/", 0755), 0);	/* trailing slash ok */
	KUNIT_EXPECT_EQ(test, sys_stat("d", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 3);			/* d/e's ".." */
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_mkdir("f", 0755), -EEXIST);
}

static void namei_rmdir_errors(struct kunit *test)
{
	struct stat st;

	KUNIT_ASSERT_EQ(test, sys_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_mkdir("d/e", 0755), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, sys_rmdir("f"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_rmdir("f/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d/e/."), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_rmdir("."), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d/e/.."), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, sys_rmdir("/"), -EBUSY);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d/e/"), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("d", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_nlink, 2);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d"), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("d", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_rmdir("d"), -ENOENT);
}

static void namei_unlink_errors(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, sys_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_unlink("d"), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("d/"), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("f/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("."), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("/"), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("f/x"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_unlink("f"), 0);
	KUNIT_EXPECT_EQ(test, sys_unlink("f"), -ENOENT);
}

static void namei_at_calls_with_dfd(struct kunit *test)
{
	struct stat st;
	long dfd, ffd, fd;

	KUNIT_ASSERT_EQ(test, sys_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	dfd = sys_open("d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_GE(test, dfd, 0);
	ffd = sys_open("f", O_RDONLY, 0);
	KUNIT_ASSERT_GE(test, ffd, 0);
	KUNIT_EXPECT_EQ(test, sys_mkdirat(dfd, "x", 0755), 0);
	fd = sys_openat(dfd, "x/g", O_WRONLY | O_CREAT, 0600);
	KUNIT_EXPECT_GE(test, fd, 0);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_stat("d/x/g", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFREG | 0600);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(dfd, "x", 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(dfd, "x/g", AT_REMOVEDIR), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(dfd, "x/g", 0), 0);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(dfd, "x", 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(dfd, "x", AT_REMOVEDIR), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("d/x", &st), -ENOENT);
	/* A bad or non-directory dfd matters only for a relative path. */
	KUNIT_EXPECT_EQ(test, sys_mkdirat(99, "y", 0755), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_openat(-5, "f", O_RDONLY, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_mkdirat(ffd, "y", 0755), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, sys_openat(ffd, "f", O_RDONLY, 0), -ENOTDIR);
	fd = sys_openat(99, "/tmp", O_RDONLY, 0);
	KUNIT_EXPECT_GE(test, fd, 0);
	sys_close(fd);
	KUNIT_EXPECT_EQ(test, sys_mkdirat(AT_FDCWD, "y", 0755), 0);
	KUNIT_EXPECT_EQ(test, sys_unlinkat(AT_FDCWD, "y", AT_REMOVEDIR), 0);
	sys_close(dfd);
	sys_close(ffd);
}

/* getcwd() into buf: the length it returned (with the NUL) or -errno. */
static long cwd(char *buf, unsigned long size)
{
	memset(buf, 0, size);
	return sys_getcwd(buf, size);
}

static void namei_chdir_and_getcwd(struct kunit *test)
{
	struct fs_test_env *env = test->priv;
	char buf[64], want[64];
	size_t len = strlen(env->dir) + 1;

	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), len);
	KUNIT_EXPECT_STREQ(test, buf, env->dir);
	KUNIT_EXPECT_EQ(test, cwd(buf, len), len);
	KUNIT_EXPECT_EQ(test, cwd(buf, len - 1), -ERANGE);
	KUNIT_EXPECT_EQ(test, cwd(buf, 0), -ERANGE);
	KUNIT_ASSERT_EQ(test, sys_mkdir("a", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_mkdir("a/bc", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_chdir("a//bc/"), 0);
	snprintf(want, sizeof(want), "%s/a/bc", env->dir);
	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), strlen(want) + 1);
	KUNIT_EXPECT_STREQ(test, buf, want);
	KUNIT_EXPECT_EQ(test, ino_of("../bc"), ino_of("."));
	KUNIT_ASSERT_EQ(test, sys_chdir("../.."), 0);
	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), len);
	KUNIT_ASSERT_EQ(test, sys_chdir("/"), 0);
	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "/");
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_getcwd(buf, sizeof(buf))), -EFAULT);
}

static void namei_getcwd_removed_dir(struct kunit *test)
{
	char buf[64];

	KUNIT_ASSERT_EQ(test, sys_mkdir("gone", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_chdir("gone"), 0);
	KUNIT_EXPECT_EQ(test, sys_rmdir("../gone"), 0);
	KUNIT_EXPECT_EQ(test, sys_getcwd(buf, sizeof(buf)), -ENOENT);
	/* Nothing can be made in a removed directory. */
	KUNIT_EXPECT_EQ(test, sys_open("f", O_RDWR | O_CREAT, 0644), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_mkdir("d", 0755), -ENOENT);
	KUNIT_EXPECT_GE(test, ino_of("."), 1);
	KUNIT_EXPECT_EQ(test, sys_chdir(".."), 0);	/* ".." still leads out */
	KUNIT_EXPECT_EQ(test, sys_getcwd(buf, sizeof(buf)),
			strlen(((struct fs_test_env *)test->priv)->dir) + 1);
}

static void namei_mount_ramfs(struct kunit *test)
{
	struct fs_test_env *env = test->priv;
	struct inode *root = ramfs_get_root();
	char buf[64], want[64];
	struct stat st;

	KUNIT_ASSERT_NOT_NULL(test, root);
	KUNIT_ASSERT_EQ(test, sys_mkdir("m", 0755), 0);
	KUNIT_ASSERT_EQ(test, fs_test_write_file("m/under", "u", 1), 0);
	snprintf(want, sizeof(want), "%s/m", env->dir);
	KUNIT_ASSERT_EQ(test, kern_mount(want, root), 0);
	KUNIT_EXPECT_EQ(test, kern_mount(want, root), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_mount("/", root), -EBUSY);
	KUNIT_EXPECT_EQ(test, kern_mount("nope", root), -ENOENT);
	/* The mounted root hides what was there. */
	KUNIT_EXPECT_EQ(test, ino_of("m"), root->i_ino);
	KUNIT_EXPECT_EQ(test, sys_stat("m/under", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, fs_test_write_file("m/over", "o", 1), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("m", &st), 0);
	KUNIT_EXPECT_NE(test, st.st_dev, 0);
	KUNIT_EXPECT_EQ(test, ino_of("m/.."), ino_of("."));
	KUNIT_EXPECT_EQ(test, sys_rmdir("m"), -EBUSY);
	KUNIT_ASSERT_EQ(test, sys_chdir("m"), 0);
	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), strlen(want) + 1);
	KUNIT_EXPECT_STREQ(test, buf, want);
	KUNIT_ASSERT_EQ(test, sys_chdir(".."), 0);
	KUNIT_EXPECT_EQ(test, kern_umount(want), 0);
	KUNIT_EXPECT_EQ(test, kern_umount(want), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_stat("m/under", &st), 0);
	KUNIT_EXPECT_EQ(test, sys_stat("m/over", &st), -ENOENT);
	iput(root);
}

/*
 * A file system that makes a new inode at every lookup, as /proc does:
 * its root lists one directory "sub", which lists nothing.
 */
#define SYNTH_SUB_INO	7

static const struct file_operations synth_dir_fops;
static const struct inode_operations synth_dir_iops;

static struct inode *synth_inode(unsigned long ino)
{
	struct inode *inode = new_inode(NULL);

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_mode = S_IFDIR | 0555;
	inode->i_nlink = 2;
	inode->i_op = &synth_dir_iops;
	inode->i_fop = &synth_dir_fops;
	return inode;
}

static struct inode *synth_lookup(struct inode *dir, const struct qstr *name)
{
	struct inode *inode;

	if (dir->i_ino == SYNTH_SUB_INO || strcmp(name->name, "sub"))
		return ERR_PTR(-ENOENT);
	inode = synth_inode(SYNTH_SUB_INO);
	return inode ? inode : ERR_PTR(-ENOMEM);
}

static int synth_iterate(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	if (file_inode(file)->i_ino != SYNTH_SUB_INO && ctx->pos == 2) {
		if (!dir_emit(ctx, "sub", 3, SYNTH_SUB_INO, DT_DIR))
			return 0;
		ctx->pos = 3;
	}
	return 0;
}

static const struct inode_operations synth_dir_iops = {
	.lookup = synth_lookup,
};

static const struct file_operations synth_dir_fops = {
	.iterate = synth_iterate,	/* no read: still -EISDIR */
};

static void namei_mount_dynamic_inodes(struct kunit *test)
{
	struct fs_test_env *env = test->priv;
	struct inode *root = synth_inode(1);
	char buf[64], want[64];
	long fd;

	KUNIT_ASSERT_NOT_NULL(test, root);
	KUNIT_ASSERT_EQ(test, sys_mkdir("p", 0755), 0);
	KUNIT_ASSERT_EQ(test, sys_chdir("p"), 0);
	KUNIT_ASSERT_EQ(test, kern_mount(".", root), 0);
	/* The cwd is still the directory under the mount, as in Linux. */
	KUNIT_ASSERT_EQ(test, sys_chdir("../p/sub"), 0);
	snprintf(want, sizeof(want), "%s/p/sub", env->dir);
	KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), strlen(want) + 1);
	KUNIT_EXPECT_STREQ(test, buf, want);
	KUNIT_EXPECT_EQ(test, ino_of(".."), 1);
	KUNIT_EXPECT_EQ(test, ino_of("../.."), ino_of(env->dir));
	KUNIT_EXPECT_EQ(test, sys_mkdir("x", 0755), -EPERM);
	KUNIT_EXPECT_EQ(test, sys_open("x", O_RDWR | O_CREAT, 0644), -EACCES);
	KUNIT_EXPECT_EQ(test, sys_unlink("x"), -EPERM);
	KUNIT_EXPECT_EQ(test, sys_stat("nope", (struct stat *)buf), -ENOENT);
	fd = sys_open(".", O_RDONLY, 0);
	KUNIT_EXPECT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, sys_read(fd, buf, 1), -EISDIR);
	sys_close(fd);
	KUNIT_ASSERT_EQ(test, sys_chdir(env->dir), 0);
	KUNIT_EXPECT_EQ(test, kern_umount("p"), 0);
	iput(root);
}

/* The file systems mounted at boot: the walk crosses into them and back. */
static void namei_boot_mounts(struct kunit *test)
{
	static const char *const dirs[] = { "/dev", "/proc" };
	struct inode *inode;
	char buf[16];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		inode = kern_path(dirs[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
		if (!inode->i_covered) {
			iput(inode);
			kunit_info(test, "nothing mounted on %s", dirs[i]);
			continue;
		}
		KUNIT_EXPECT_STRNEQ(test, inode->i_sb->s_type, "ramfs");
		iput(inode);
		KUNIT_ASSERT_EQ(test, sys_chdir(dirs[i]), 0);
		KUNIT_EXPECT_EQ(test, cwd(buf, sizeof(buf)), strlen(dirs[i]) + 1);
		KUNIT_EXPECT_STREQ(test, buf, dirs[i]);
		KUNIT_EXPECT_EQ(test, ino_of(".."), ino_of("/"));
		KUNIT_EXPECT_EQ(test, sys_rmdir(dirs[i]), -EBUSY);
	}
}

static void namei_user_pointers_efault(struct kunit *test)
{
	struct stat st;

	KUNIT_ASSERT_EQ(test, fs_test_write_file("f", "x", 1), 0);
	/* Kernel addresses passed as user pointers under USER_DS. */
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_open("f", O_RDONLY, 0)), -EFAULT);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_stat("f", &st)), -EFAULT);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_mkdir("d", 0755)), -EFAULT);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_unlink("f")), -EFAULT);
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_chdir("/")), -EFAULT);
	KUNIT_EXPECT_EQ(test, sys_stat("d", &st), -ENOENT);
	KUNIT_EXPECT_EQ(test, sys_stat("f", &st), 0);
	/* stat into a kernel buffer: the path is fine, the buffer is not. */
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_fstat(0, &st)), -EBADF);
}

static void namei_kernel_thread_defaults(struct kunit *test)
{
	struct files_struct *files = current->files;
	struct fs_struct *fs = current->fs;
	struct inode *inode;
	char buf[8];

	current->files = NULL;
	current->fs = NULL;
	inode = kern_path("tmp");		/* relative to / */
	KUNIT_EXPECT_FALSE(test, IS_ERR(inode));
	if (!IS_ERR(inode))
		iput(inode);
	KUNIT_EXPECT_EQ(test, sys_getcwd(buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "/");
	KUNIT_EXPECT_EQ(test, sys_chdir("/tmp"), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_open("/tmp", O_RDONLY, 0), -EMFILE);
	KUNIT_EXPECT_EQ(test, sys_read(0, buf, 1), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_close(0), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_dup(0), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_dup2(0, 1), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_pipe((int *)buf), -EMFILE);
	current->files = files;
	current->fs = fs;
}

static struct kunit_case namei_cases[] = {
	KUNIT_CASE(namei_dot_and_dotdot),
	KUNIT_CASE(namei_repeated_slashes),
	KUNIT_CASE(namei_trailing_slash_on_file),
	KUNIT_CASE(namei_enoent),
	KUNIT_CASE(namei_name_too_long),
	KUNIT_CASE(namei_mkdir_errors),
	KUNIT_CASE(namei_rmdir_errors),
	KUNIT_CASE(namei_unlink_errors),
	KUNIT_CASE(namei_at_calls_with_dfd),
	KUNIT_CASE(namei_chdir_and_getcwd),
	KUNIT_CASE(namei_getcwd_removed_dir),
	KUNIT_CASE(namei_mount_ramfs),
	KUNIT_CASE(namei_mount_dynamic_inodes),
	KUNIT_CASE(namei_boot_mounts),
	KUNIT_CASE(namei_user_pointers_efault),
	KUNIT_CASE(namei_kernel_thread_defaults),
	{}
};

static struct kunit_suite namei_suite = {
	.name = "namei",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = namei_cases,
};
kunit_test_suite(namei_suite);
