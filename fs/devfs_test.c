/*
 * Tests of devfs and the terminal's nodes (suite "devfs"): /dev lists
 * console, tty, null and zero as character devices with Linux's numbers;
 * stat() shows S_IFCHR and the device number; a driver's node appears
 * and disappears with devfs_register()/devfs_unregister(), keeps its
 * inode number, and files open on it outlive it; bad registrations are
 * refused; getdents64 through small buffers resumes without repeats;
 * /dev/console and /dev/tty open to the console terminal and do not seek.
 */
#include <kunit/test.h>
#include <linux/devfs_fs_kernel.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/major.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <uapi/asm/stat.h>
#include <uapi/linux/dirent.h>

#define TEST_MAJOR	240	/* "local/experimental use" in Linux */
#define MAX_NAMES	64

struct listing {
	struct dir_context ctx;
	int n;
	int per_call;		/* entries one iterate_dir() takes; 0: all */
	int taken;
	char names[MAX_NAMES][DEVFS_NAME_LEN];
	unsigned int types[MAX_NAMES];
	u64 inos[MAX_NAMES];
};

static bool list_actor(struct dir_context *ctx, const char *name, int len,
		       loff_t offset, u64 ino, unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);

	if (l->per_call && l->taken == l->per_call)
		return false;
	if (l->n == MAX_NAMES || len >= DEVFS_NAME_LEN)
		return false;
	memcpy(l->names[l->n], name, len);
	l->names[l->n][len] = '\0';
	l->types[l->n] = type;
	l->inos[l->n++] = ino;
	l->taken++;
	return true;
}

/* List path with iterate_dir(), per_call entries per call (0: all). */
static void list_dir(struct kunit *test, const char *path,
		     struct listing *l, int per_call)
{
	struct file *dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	int before;

	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	memset(l, 0, sizeof(*l));
	l->ctx.actor = list_actor;
	l->per_call = per_call;
	do {
		before = l->n;
		l->taken = 0;
		KUNIT_EXPECT_EQ(test, iterate_dir(dir, &l->ctx), 0);
	} while (l->n != before && l->n < MAX_NAMES);
	filp_close(dir, NULL);
}

/* Index of name in the listing, or -1. */
static int find_name(const struct listing *l, const char *name)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->names[i], name))
			return i;
	return -1;
}

static int count_name(const struct listing *l, const char *name)
{
	int i, n = 0;

	for (i = 0; i < l->n; i++)
		n += !strcmp(l->names[i], name);
	return n;
}

static void devfs_lists_standard_nodes(struct kunit *test)
{
	static const char *const nodes[] = { "console", "tty", "null", "zero" };
	struct listing *l = kzalloc(sizeof(*l), GFP_KERNEL);
	unsigned int i;
	int at;

	KUNIT_ASSERT_NOT_NULL(test, l);
	list_dir(test, "/dev", l, 0);
	KUNIT_EXPECT_EQ(test, find_name(l, "."), 0);
	KUNIT_EXPECT_EQ(test, find_name(l, ".."), 1);
	for (i = 0; i < ARRAY_SIZE(nodes); i++) {
		at = find_name(l, nodes[i]);
		KUNIT_EXPECT_GE_MSG(test, at, 0, "/dev/%s", nodes[i]);
		if (at >= 0)
			KUNIT_EXPECT_EQ(test, l->types[at], DT_CHR);
	}
	kfree(l);
}

static void expect_node(struct kunit *test, const char *path,
			unsigned int major, unsigned int minor, umode_t perm)
{
	struct inode *inode = kern_path(path);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(inode), "%s", path);
	KUNIT_EXPECT_TRUE_MSG(test, S_ISCHR(inode->i_mode), "%s", path);
	KUNIT_EXPECT_EQ_MSG(test, inode->i_mode & 07777, perm, "%s", path);
	KUNIT_EXPECT_EQ_MSG(test, MAJOR(inode->i_rdev), major, "%s", path);
	KUNIT_EXPECT_EQ_MSG(test, MINOR(inode->i_rdev), minor, "%s", path);
	iput(inode);
}

static void devfs_nodes_have_linux_numbers(struct kunit *test)
{
	expect_node(test, "/dev/null", MEM_MAJOR, 3, 0666);
	expect_node(test, "/dev/zero", MEM_MAJOR, 5, 0666);
	expect_node(test, "/dev/tty", TTYAUX_MAJOR, 0, 0666);
	expect_node(test, "/dev/console", TTYAUX_MAJOR, 1, 0600);
}

/* stat(2) itself, on a kernel buffer. */
static void devfs_stat_syscall(struct kunit *test)
{
	mm_segment_t old = get_fs();
	struct stat st;
	long ret;

	memset(&st, 0xff, sizeof(st));
	set_fs(KERNEL_DS);
	ret = sys_stat((const char __user *)"/dev/zero",
		       (struct stat __user *)&st);
	set_fs(old);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(st.st_mode));
	/* Linux's user encoding of the device number (major << 8). */
	KUNIT_EXPECT_TRUE_MSG(test, st.st_rdev == (MEM_MAJOR << 8 | 5),
			      "st_rdev %#lx", st.st_rdev);
	KUNIT_EXPECT_EQ(test, st.st_size, 0);
}

static void devfs_register_and_unregister(struct kunit *test)
{
	struct listing *l = kzalloc(sizeof(*l), GFP_KERNEL);
	struct inode *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_ASSERT_EQ(test, devfs_register("edutest0", TEST_MAJOR, 9,
					     S_IFCHR | 0660), 0);
	a = kern_path("/dev/edutest0");
	b = kern_path("/dev/edutest0");
	KUNIT_ASSERT_FALSE(test, IS_ERR(a) || IS_ERR(b));
	KUNIT_EXPECT_EQ(test, a->i_ino, b->i_ino);	/* one inode */
	KUNIT_EXPECT_EQ(test, a->i_rdev, MKDEV(TEST_MAJOR, 9));
	KUNIT_EXPECT_EQ(test, a->i_mode, S_IFCHR | 0660);
	list_dir(test, "/dev", l, 0);
	KUNIT_EXPECT_EQ(test, count_name(l, "edutest0"), 1);
	if (find_name(l, "edutest0") >= 0)
		KUNIT_EXPECT_EQ(test, l->inos[find_name(l, "edutest0")],
				a->i_ino);
	iput(a);
	iput(b);

	KUNIT_EXPECT_EQ(test, devfs_unregister("edutest0"), 0);
	a = kern_path("/dev/edutest0");
	KUNIT_EXPECT_TRUE(test, IS_ERR(a));
	if (IS_ERR(a))
		KUNIT_EXPECT_EQ(test, PTR_ERR(a), -ENOENT);
	list_dir(test, "/dev", l, 0);
	KUNIT_EXPECT_EQ(test, find_name(l, "edutest0"), -1);
	KUNIT_EXPECT_EQ(test, devfs_unregister("edutest0"), -ENOENT);
	KUNIT_EXPECT_EQ(test, devfs_unregister(NULL), -ENOENT);
	kfree(l);
}

static void devfs_register_refuses_bad_nodes(struct kunit *test)
{
	static const char long_name[] = "a-name-that-is-too-long-for-devfs-x";
	struct listing *l = kzalloc(sizeof(*l), GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, l);
	list_dir(test, "/dev", l, 0);
	n = l->n;
	KUNIT_EXPECT_EQ(test, devfs_register(NULL, TEST_MAJOR, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("", TEST_MAJOR, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("a/b", TEST_MAJOR, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register(".", TEST_MAJOR, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("..", TEST_MAJOR, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register(long_name, TEST_MAJOR, 0, 0600),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("x", 0, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("x", 256, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("x", TEST_MAJOR, MINORMASK + 1,
					     0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("x", TEST_MAJOR, 0,
					     S_IFDIR | 0755), -EINVAL);
	KUNIT_EXPECT_EQ(test, devfs_register("null", TEST_MAJOR, 0, 0600),
			-EEXIST);
	list_dir(test, "/dev", l, 0);
	KUNIT_EXPECT_EQ(test, l->n, n);		/* nothing was added */
	expect_node(test, "/dev/null", MEM_MAJOR, 3, 0666);
	kfree(l);
}

static void devfs_open_file_outlives_node(struct kunit *test)
{
	struct file *f;
	char buf[4];
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, devfs_register("nulltest", MEM_MAJOR, 3, 0666), 0);
	f = filp_open("/dev/nulltest", O_RDWR, 0);
	KUNIT_EXPECT_EQ(test, devfs_unregister("nulltest"), 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, sizeof(buf), &pos), 4);
	filp_close(f, NULL);
}

/* One entry per iterate_dir() call: every node once, in the same order. */
static void devfs_listing_resumes(struct kunit *test)
{
	struct listing *all = kzalloc(sizeof(*all), GFP_KERNEL);
	struct listing *one = kzalloc(sizeof(*one), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_ASSERT_NOT_NULL(test, one);
	list_dir(test, "/dev", all, 0);
	list_dir(test, "/dev", one, 1);
	KUNIT_EXPECT_EQ(test, one->n, all->n);
	for (i = 0; i < all->n && i < one->n; i++)
		KUNIT_EXPECT_STREQ(test, one->names[i], all->names[i]);
	kfree(all);
	kfree(one);
}

/* getdents64(2) through a buffer that holds about one record. */
static void devfs_getdents64(struct kunit *test)
{
	struct files_struct *files = alloc_files();
	mm_segment_t old = get_fs();
	struct linux_dirent64 *d;
	char buf[48], names[512] = " ";
	long fd, n, off;
	int records = 0;

	KUNIT_ASSERT_NOT_NULL(test, files);
	current->files = files;
	set_fs(KERNEL_DS);
	fd = sys_open((const char __user *)"/dev", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_EXPECT_GE(test, fd, 0);
	while (fd >= 0 && records < 64) {
		n = sys_getdents64(fd, (struct linux_dirent64 __user *)buf,
				   sizeof(buf));
		if (n <= 0) {
			KUNIT_EXPECT_EQ(test, n, 0);
			break;
		}
		for (off = 0; off < n; off += d->d_reclen, records++) {
			d = (struct linux_dirent64 *)(buf + off);
			strlcat(names, d->d_name, sizeof(names));
			strlcat(names, " ", sizeof(names));
		}
	}
	if (fd >= 0)
		KUNIT_EXPECT_EQ(test, sys_close(fd), 0);
	set_fs(old);
	current->files = NULL;
	put_files_struct(files);
	kunit_info(test, "/dev: %s", names);
	KUNIT_EXPECT_NOT_NULL(test, strstr(names, " null "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(names, " zero "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(names, " console "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(names, " tty "));
	KUNIT_EXPECT_GE(test, records, 6);
}

static void devfs_console_nodes_open_the_terminal(struct kunit *test)
{
	static const char *const paths[] = { "/dev/console", "/dev/tty" };
	static const char msg[] = "# devfs: written through /dev/console\n";
	mm_segment_t old = get_fs();
	struct termios t;
	struct file *f;
	unsigned int i;
	loff_t pos = 0;

	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		f = filp_open(paths[i], O_RDWR, 0);
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s", paths[i]);
		KUNIT_EXPECT_PTR_EQ(test, f->private_data, console_tty);
		set_fs(KERNEL_DS);
		KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TCGETS,
							       (unsigned long)&t), 0);
		set_fs(old);
		KUNIT_EXPECT_TRUE(test, t.c_lflag & ICANON);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
		if (i == 0)
			KUNIT_EXPECT_EQ(test, kernel_write(f, msg, sizeof(msg) - 1,
							   &pos), sizeof(msg) - 1);
		filp_close(f, NULL);
	}
}

static struct kunit_case devfs_cases[] = {
	KUNIT_CASE(devfs_lists_standard_nodes),
	KUNIT_CASE(devfs_nodes_have_linux_numbers),
	KUNIT_CASE(devfs_stat_syscall),
	KUNIT_CASE(devfs_register_and_unregister),
	KUNIT_CASE(devfs_register_refuses_bad_nodes),
	KUNIT_CASE(devfs_open_file_outlives_node),
	KUNIT_CASE(devfs_listing_resumes),
	KUNIT_CASE(devfs_getdents64),
	KUNIT_CASE(devfs_console_nodes_open_the_terminal),
	{}
};

static struct kunit_suite devfs_suite = {
	.name = "devfs",
	.test_cases = devfs_cases,
};
kunit_test_suite(devfs_suite);
