/*
 * What the file system test suites share: each case runs in a kernel
 * thread, which has no descriptor table, no root/cwd and a USER_DS
 * address limit.  fs_test_init() gives the thread a table, an fs_struct
 * whose cwd is a fresh directory /tmp/fst.PID, and KERNEL_DS, so the
 * cases call the sys_* functions on kernel buffers; fs_test_exit()
 * removes the directory with everything in it and restores the thread.
 *
 * Locking: none; everything here belongs to the case's own thread.
 */
#ifndef _FS_FS_TEST_H
#define _FS_FS_TEST_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

struct fs_test_env {
	mm_segment_t old_fs;
	char dir[32];		/* the case's directory, absolute */
	void *data;		/* for the suite's own use */
};

#define FS_TEST_BATCH	16

struct fs_test_names {
	struct dir_context ctx;
	int n;
	char names[FS_TEST_BATCH][NAME_MAX + 1];
};

static inline bool fs_test_collect(struct dir_context *ctx, const char *name,
				   int len, loff_t off, u64 ino,
				   unsigned int type)
{
	struct fs_test_names *s = container_of(ctx, struct fs_test_names, ctx);

	if (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.')))
		return true;
	if (s->n == FS_TEST_BATCH)
		return false;
	memcpy(s->names[s->n], name, len);
	s->names[s->n][len] = '\0';
	s->n++;
	return true;
}

/* Remove path and, if it is a directory, everything under it. */
static inline int fs_test_rm_rf(const char *path)
{
	struct fs_test_names *s;
	struct file *dir;
	char *child;
	int i, ret;

	ret = vfs_unlinkat(NULL, path);
	if (ret != -EISDIR)
		return ret;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	child = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!s || !child) {
		ret = -ENOMEM;
		goto out;
	}
	do {
		s->ctx.actor = fs_test_collect;
		s->n = 0;
		dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
		if (IS_ERR(dir)) {
			ret = PTR_ERR(dir);
			goto out;
		}
		iterate_dir(dir, &s->ctx);
		fput(dir);
		for (i = 0; i < s->n; i++) {
			snprintf(child, PATH_MAX, "%s/%s", path, s->names[i]);
			fs_test_rm_rf(child);
		}
	} while (s->n);
	ret = vfs_rmdirat(NULL, path);
out:
	kfree(child);
	kfree(s);
	return ret;
}

static inline int fs_test_init(struct kunit *test)
{
	struct fs_test_env *env = kzalloc(sizeof(*env), GFP_KERNEL);
	int ret;

	if (!env)
		return -ENOMEM;
	test->priv = env;
	env->old_fs = get_fs();
	current->files = alloc_files();
	current->fs = alloc_root_fs_struct();
	if (!current->files || !current->fs)
		return -ENOMEM;
	set_fs(KERNEL_DS);
	snprintf(env->dir, sizeof(env->dir), "/tmp/fst.%d", current->pid);
	fs_test_rm_rf(env->dir);	/* a leftover of an earlier boot's pid */
	ret = sys_mkdir(env->dir, 0755);
	if (!ret)
		ret = sys_chdir(env->dir);
	return ret;
}

static inline void fs_test_exit(struct kunit *test)
{
	struct fs_test_env *env = test->priv;

	if (!env)
		return;
	put_files_struct(current->files);
	current->files = NULL;
	if (current->fs)
		set_fs_pwd(current->fs, root_inode);
	fs_test_rm_rf(env->dir);
	free_fs_struct(current->fs);
	current->fs = NULL;
	set_fs(env->old_fs);
	kfree(env);
	test->priv = NULL;
}

/* Create path with contents len bytes of data: 0 or -errno. */
static inline long fs_test_write_file(const char *path, const void *data,
				      size_t len)
{
	long fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long ret;

	if (fd < 0)
		return fd;
	ret = sys_write(fd, data, len);
	sys_close(fd);
	return ret == (long)len ? 0 : (ret < 0 ? ret : -EIO);
}

/* Read up to len bytes of path into buf: bytes read or -errno. */
static inline long fs_test_read_file(const char *path, void *buf, size_t len)
{
	long fd = sys_open(path, O_RDONLY, 0);
	long ret;

	if (fd < 0)
		return fd;
	ret = sys_read(fd, buf, len);
	sys_close(fd);
	return ret;
}

/* Run a system call with the thread's address limit at USER_DS. */
#define FS_USER_DS(call) ({						\
	mm_segment_t __old = get_fs();					\
	long __ret;							\
	set_fs(USER_DS);						\
	__ret = (call);							\
	set_fs(__old);							\
	__ret;								\
})

#endif
