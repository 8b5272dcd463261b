/*
 * usertests: bad pointers in every call that takes a path (open, stat,
 * mkdir, unlink, chdir, ... and their *at forms): a bad pointer, a string
 * that runs into an unmapped page without its NUL, and a good string that
 * ends just before it.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include "efault.h"

/* ---- paths -------------------------------------------------------- */

/* s copied so that its NUL is the last byte before the hole. */
static char *string_at_end(const char *s)
{
	size_t len = strlen(s) + 1;
	char *p = m.hole - len;

	memcpy(p, s, len);
	return p;
}

/* n bytes of 'x' up to the hole, with no NUL: "xxxx" then nothing. */
char *unterminated_at_end(size_t n)
{
	char *p = m.hole - n;

	memset(p, 'x', n);
	return p;
}

/* Every path call with path pointer p (where: what p is). */
static void paths_with(const char *where, unsigned long p, int dir)
{
	unsigned char st[KSTAT_SIZE];

	EXPECT_EFAULT("open", where, SYS_open, p, O_RDONLY);
	EXPECT_EFAULT("open(O_CREAT)", where, SYS_open, p,
		      O_RDWR | O_CREAT, 0644);
	EXPECT_EFAULT("openat(AT_FDCWD)", where, SYS_openat, AT_FDCWD, p,
		      O_RDONLY);
	EXPECT_EFAULT("openat(dir, O_CREAT)", where, SYS_openat, dir, p,
		      O_RDWR | O_CREAT, 0644);
	memset(st, PATTERN, sizeof(st));
	EXPECT_EFAULT("stat", where, SYS_stat, p, st);
	EXPECT_PATTERN("stat with a bad path", st, sizeof(st));
	EXPECT_EFAULT("lstat", where, SYS_lstat, p, st);
	EXPECT_PATTERN("lstat with a bad path", st, sizeof(st));
	EXPECT_EFAULT("chdir", where, SYS_chdir, p);
	EXPECT_EFAULT("mkdir", where, SYS_mkdir, p, 0755);
	EXPECT_EFAULT("mkdirat(AT_FDCWD)", where, SYS_mkdirat, AT_FDCWD, p,
		      0755);
	EXPECT_EFAULT("mkdirat(dir)", where, SYS_mkdirat, dir, p, 0755);
	EXPECT_EFAULT("rmdir", where, SYS_rmdir, p);
	EXPECT_EFAULT("unlink", where, SYS_unlink, p);
	EXPECT_EFAULT("unlinkat", where, SYS_unlinkat, AT_FDCWD, p, 0);
	EXPECT_EFAULT("unlinkat(AT_REMOVEDIR)", where, SYS_unlinkat, dir, p,
		      AT_REMOVEDIR);
}

void test_efault_paths(void)
{
	char dir_path[128], cwd[512], cwd_after[512], name[64];
	unsigned char st[KSTAT_SIZE];
	const struct bad *b;
	int dir, fd, fd_before;
	char *p;

	setup_memory();
	/* A directory of our own, as working directory and dirfd. */
	snprintf(dir_path, sizeof(dir_path), "%s/ut-efault-paths.%d",
		 ut_tmpdir(), (int)getpid());
	ASSERT_TRUE(mkdir(dir_path, 0755) == 0 || errno == EEXIST);
	ASSERT_OK(chdir(dir_path));
	ASSERT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	dir = open(".", O_RDONLY | O_DIRECTORY);
	ASSERT_TRUE(dir >= 0);
	fd_before = lowest_free_fd();

	for_each_bad(b, 0)
		paths_with(b->name, b->addr, dir);
	/* A name that runs into the hole without its NUL. */
	p = unterminated_at_end(16);
	paths_with("a name running into an unmapped page", (unsigned long)p,
		   dir);
	/* Nothing of it was taken as a shorter name. */
	memcpy(name, p, 16);
	name[16] = '\0';
	EXPECT_ERRNO(stat(name, (struct stat *)st), ENOENT);

	/* The stat buffer: bad, read-only, and running off a mapping. */
	for_each_bad(b, 1) {
		EXPECT_EFAULT("stat(buf)", b->name, SYS_stat, ".", b->addr);
		EXPECT_EFAULT("lstat(buf)", b->name, SYS_lstat, ".", b->addr);
		EXPECT_EFAULT("getcwd", b->name, SYS_getcwd, b->addr, 512);
	}
	EXPECT_EFAULT_CROSSING("stat(buf)", KSTAT_SIZE, q, SYS_stat, ".", q);
	EXPECT_EFAULT_CROSSING("lstat(buf)", KSTAT_SIZE, q, SYS_lstat, ".",
			       q);
	/* getcwd into fewer bytes than the name needs, before the hole. */
	EXPECT_EFAULT("getcwd", "a buffer running into an unmapped page",
		      SYS_getcwd, off_end(2 * strlen(cwd) - 2), 512);

	/* A name whose NUL is the last byte before the hole is fine. */
	p = string_at_end("edge");
	EXPECT_EQ(syscall(SYS_mkdir, p, 0755), 0);
	EXPECT_EQ(syscall(SYS_stat, p, st), 0);
	EXPECT_EQ(syscall(SYS_rmdir, p), 0);
	fd = syscall(SYS_open, string_at_end("/dev/null"), O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	if (fd >= 0)
		close(fd);

	/* Nothing changed: cwd, descriptors, the directory is empty. */
	EXPECT_TRUE(getcwd(cwd_after, sizeof(cwd_after)) != NULL);
	EXPECT_TRUE(!strcmp(cwd, cwd_after));
	EXPECT_EQ(lowest_free_fd(), fd_before);
	EXPECT_EQ(syscall(SYS_getdents64, dir, m.rw2, PAGE), 48);
	close(dir);
	ASSERT_OK(chdir("/"));
	EXPECT_OK(rmdir(dir_path));
	expect_alive();
}
