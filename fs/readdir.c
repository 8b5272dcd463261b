/*
 * Directory listing: iterate_dir() around a file system's iterate, and
 * getdents64, which packs the entries into struct linux_dirent64
 * records (uapi/linux/dirent.h) in the caller's buffer.
 *
 * Each record is 8-byte aligned, its d_name NUL-terminated, and its
 * d_off the position to continue after it (the next entry's position;
 * for the last record, where the listing stopped).  A buffer too small
 * for even the first entry gives -EINVAL; the end of the directory
 * gives 0.
 *
 * Locking: iterate_dir() holds the file's f_pos_lock, so two threads
 * sharing a directory descriptor never get the same entries.
 */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/dirent.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	int ret;

	if (!file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	ctx->pos = file->f_pos;
	ret = file->f_op->iterate(file, ctx);
	file->f_pos = ctx->pos;
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	struct linux_dirent64 __user *prev;
	int count;			/* bytes left in the buffer */
	int error;
};

/* One record, built in the kernel and copied out whole. */
union dirent64_record {
	struct linux_dirent64 d;
	char bytes[ALIGN(offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1,
			 8)];
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	union dirent64_record rec;
	int reclen;

	if (namlen < 1 || namlen > NAME_MAX) {
		buf->error = -EIO;	/* a file system bug */
		return false;
	}
	reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, 8);
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only seen if nothing fit */
		return false;
	}
	if (buf->prev && put_user(offset, &buf->prev->d_off))
		goto efault;
	memset(&rec, 0, reclen);
	rec.d.d_ino = ino;
	rec.d.d_reclen = reclen;
	rec.d.d_type = d_type;
	memcpy(rec.d.d_name, name, namlen);
	if (copy_to_user(buf->current_dir, &rec, reclen))
		goto efault;
	buf->prev = buf->current_dir;
	buf->current_dir = (void __user *)buf->current_dir + reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent,
		    unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = dirent,
		.count = min(count, 0x7fffffffU),
	};
	struct file *file;
	long ret;

	if (!access_ok(VERIFY_WRITE, dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = iterate_dir(file, &buf.ctx);
	if (ret >= 0)
		ret = buf.error;
	if (buf.prev) {
		if (put_user(buf.ctx.pos, &buf.prev->d_off))
			ret = -EFAULT;
		else
			ret = min(count, 0x7fffffffU) - buf.count;
	}
	fput(file);
	return ret;
}
