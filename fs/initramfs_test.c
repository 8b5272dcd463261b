/*
 * Tests of the initrd (suite "initramfs"): an archive built here is
 * unpacked into the case's directory (directories and files with their
 * modes, mtimes and contents, "./" and "/" prefixes, types that are
 * skipped, files overwritten); malformed archives (bad magic, a bad hex
 * digit, truncation, no trailer, a ".." name) change nothing; and, when
 * the boot loader gave an initrd module, every directory and file in it
 * is in the root file system as the archive says.
 */
#include <asm/multiboot2.h>
#include <linux/initrd.h>

#include "fs_test.h"

#include <uapi/asm/stat.h>

#define ARCHIVE_MAX	32768

struct archive {
	char *buf;
	size_t len;
};

/* Append one newc entry (header, name, padding, data, padding). */
static void cpio_add(struct archive *a, const char *name, u32 mode, u32 mtime,
		     const void *data, u32 size)
{
	size_t namesize = strlen(name) + 1;

	a->len += scnprintf(a->buf + a->len, ARCHIVE_MAX - a->len,
			    "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
			    1, mode, 0, 0, 1, mtime, size, 0, 0, 0, 0,
			    (u32)namesize, 0);
	memcpy(a->buf + a->len, name, namesize);
	a->len = ALIGN(a->len + namesize, 4);
	memcpy(a->buf + a->len, data, size);
	a->len = ALIGN(a->len + size, 4);
}

static void build_archive(struct archive *a)
{
	memset(a->buf, 0, ARCHIVE_MAX);
	a->len = 0;
	cpio_add(a, ".", S_IFDIR | 0755, 0, NULL, 0);
	cpio_add(a, "etc", S_IFDIR | 0750, 1111, NULL, 0);
	cpio_add(a, "./etc/motd", S_IFREG | 0640, 2222, "hello\n", 6);
	cpio_add(a, "/bin", S_IFDIR | 0755, 0, NULL, 0);
	cpio_add(a, "bin/big", S_IFREG | 0755, 0, a->buf, 5000);	/* any bytes */
	cpio_add(a, "bin/empty", S_IFREG | 0600, 0, NULL, 0);
	cpio_add(a, "bin/link", 0120777, 0, "big", 3);		/* symlink */
	cpio_add(a, "console", S_IFCHR | 0600, 0, NULL, 0);
	cpio_add(a, "etc/motd", S_IFREG | 0644, 3333, "bye\n", 4);	/* again */
	cpio_add(a, CPIO_TRAILER, 0, 0, NULL, 0);
}

static int initramfs_test_init(struct kunit *test)
{
	int ret = fs_test_init(test);
	struct archive *a;

	if (ret)
		return ret;
	a = kmalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	a->buf = kmalloc(ARCHIVE_MAX, GFP_KERNEL);
	((struct fs_test_env *)test->priv)->data = a;
	return a->buf ? 0 : -ENOMEM;
}

static void initramfs_test_exit(struct kunit *test)
{
	struct fs_test_env *env = test->priv;
	struct archive *a = env ? env->data : NULL;

	if (a)
		kfree(a->buf);
	kfree(a);
	fs_test_exit(test);
}

static struct archive *archive_of(struct kunit *test)
{
	return ((struct fs_test_env *)test->priv)->data;
}

/* Unpack into the case's directory. */
static int unpack_here(const void *buf, size_t len)
{
	struct inode *dir = kern_path(".");
	int ret;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	ret = initramfs_unpack(dir, buf, len);
	iput(dir);
	return ret;
}

static void initramfs_unpacks_dirs_and_files(struct kunit *test)
{
	struct archive *a = archive_of(test);
	char buf[16] = { 0 };
	struct stat st;

	build_archive(a);
	KUNIT_EXPECT_EQ(test, cpio_validate(a->buf, a->len), 9);
	KUNIT_ASSERT_EQ(test, unpack_here(a->buf, a->len), 9);
	KUNIT_EXPECT_EQ(test, sys_stat("etc", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFDIR | 0750);
	KUNIT_EXPECT_EQ(test, st.st_mtime, 1111);
	KUNIT_EXPECT_EQ(test, sys_stat("etc/motd", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFREG | 0640);	/* kept */
	KUNIT_EXPECT_EQ(test, st.st_mtime, 3333);
	KUNIT_EXPECT_EQ(test, fs_test_read_file("etc/motd", buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "bye\n");
	KUNIT_EXPECT_EQ(test, sys_stat("bin/big", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_mode, S_IFREG | 0755);
	KUNIT_EXPECT_EQ(test, st.st_size, 5000);
	KUNIT_EXPECT_EQ(test, sys_stat("bin/empty", &st), 0);
	KUNIT_EXPECT_EQ(test, st.st_size, 0);
	KUNIT_EXPECT_EQ(test, sys_stat("bin/link", &st), -ENOENT);	/* skipped */
	KUNIT_EXPECT_EQ(test, sys_stat("console", &st), -ENOENT);
	/* Unpacking again over the same tree is fine. */
	KUNIT_EXPECT_EQ(test, unpack_here(a->buf, a->len), 9);
}

/* Unpacking must fail with -EINVAL and leave the directory empty. */
static void expect_rejected(struct kunit *test, const void *buf, size_t len,
			    const char *what)
{
	struct stat st;

	KUNIT_EXPECT_EQ_MSG(test, cpio_validate(buf, len), -EINVAL, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, unpack_here(buf, len), -EINVAL, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, sys_stat("etc", &st), -ENOENT, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, sys_stat("bin", &st), -ENOENT, "%s", what);
}

static void initramfs_malformed_changes_nothing(struct kunit *test)
{
	struct archive *a = archive_of(test);
	size_t last;

	build_archive(a);
	last = a->len;
	expect_rejected(test, a->buf, a->len - 4, "trailer cut short");
	expect_rejected(test, a->buf, 200, "cut inside an entry");
	expect_rejected(test, a->buf, last - 124, "no trailer");
	a->buf[last - 124 + 5] = '2';			/* 070702 */
	expect_rejected(test, a->buf, last, "bad magic in the trailer");
	build_archive(a);
	a->buf[6 + 8 * 6 + 3] = 'g';			/* filesize of "." */
	expect_rejected(test, a->buf, a->len, "bad hex digit");
	a->len = 0;
	cpio_add(a, "etc", S_IFDIR | 0755, 0, NULL, 0);
	cpio_add(a, "etc/../../x", S_IFREG | 0644, 0, "x", 1);
	cpio_add(a, CPIO_TRAILER, 0, 0, NULL, 0);
	expect_rejected(test, a->buf, a->len, "a .. component");
	expect_rejected(test, a->buf, 0, "empty");
}

static void initramfs_module_in_root(struct kunit *test)
{
	const struct multiboot_module *mod = initrd_module();
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	u8 *data = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct cpio_reader r;
	struct cpio_entry e;
	int files = 0, dirs = 0;
	const char *name;
	struct stat st;
	long fd, n;

	if (!mod)
		kunit_skip(test, "no initrd module");
	KUNIT_ASSERT_TRUE(test, path && data);
	cpio_reader_init(&r, phys_to_virt(mod->mod_start),
			 mod->mod_end - mod->mod_start);
	while (cpio_next(&r, &e) == 1) {
		for (name = e.name; *name == '/' || !strncmp(name, "./", 2);)
			name += *name == '/' ? 1 : 2;
		if (!*name || !strcmp(name, ".") ||
		    !(S_ISDIR(e.mode) || S_ISREG(e.mode)))
			continue;
		snprintf(path, PATH_MAX, "/%s", name);
		KUNIT_ASSERT_EQ_MSG(test, sys_stat(path, &st), 0, "%s", path);
		KUNIT_EXPECT_EQ_MSG(test, st.st_mode & S_IFMT, e.mode & S_IFMT,
				    "%s", path);
		if (S_ISDIR(e.mode)) {
			dirs++;
			continue;
		}
		files++;
		KUNIT_EXPECT_EQ_MSG(test, st.st_mode, e.mode, "%s", path);
		KUNIT_EXPECT_EQ_MSG(test, st.st_size, e.filesize, "%s", path);
		fd = sys_open(path, O_RDONLY, 0);
		KUNIT_ASSERT_GE(test, fd, 0);
		n = sys_read(fd, (char *)data, min(e.filesize, (u32)PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, n, min(e.filesize, (u32)PAGE_SIZE));
		KUNIT_EXPECT_MEMEQ_MSG(test, data, e.data, n > 0 ? n : 0,
				       "%s", path);
		sys_close(fd);
	}
	kunit_info(test, "%d directories and %d files checked", dirs, files);
	KUNIT_EXPECT_GT(test, dirs + files, 0);
	kfree(path);
	kfree(data);
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(initramfs_unpacks_dirs_and_files),
	KUNIT_CASE(initramfs_malformed_changes_nothing),
	KUNIT_CASE(initramfs_module_in_root),
	{}
};

static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.init = initramfs_test_init,
	.exit = initramfs_test_exit,
	.test_cases = initramfs_cases,
};
kunit_test_suite(initramfs_suite);
