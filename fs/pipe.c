/*
 * Pipes: pipe() and pipe2() make an inode holding a pipe_inode_info and
 * two files on it, one for reading and one for writing.
 *
 * Reading takes what is there (up to the count) and returns at once;
 * with the pipe empty it sleeps until a writer writes or the last
 * writer closes (then it returns 0: end of file).  Writing of at most
 * PIPE_BUF bytes waits until all of it fits and is never interleaved
 * with another writer's; a longer write fills whatever room there is
 * and sleeps for more.  Writing with no reader left sends SIGPIPE and
 * returns -EPIPE.  Sleeps are interruptible: a pending signal ends
 * them with -EINTR (or with the bytes moved so far).  O_NONBLOCK turns
 * each sleep into -EAGAIN.
 *
 * Locking: pipe->mutex protects the pipe (see linux/pipe_fs_i.h).  It
 * is held while copying to or from user memory, which may sleep on a
 * fault, and dropped around every wait; waiters recheck their condition
 * after taking it again.  Who changes the state wakes the other side.
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/pipe_fs_i.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"

static struct super_block *pipe_sb;
static const struct file_operations pipefifo_fops;

static unsigned int pipe_used(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail);
}

/* Readers: data, or no writer left (end of file). */
static bool pipe_readable(struct pipe_inode_info *pipe, size_t unused)
{
	return pipe_used(pipe) || !READ_ONCE(pipe->writers);
}

/* Writers: room for want bytes, or no reader left. */
static bool pipe_writable(struct pipe_inode_info *pipe, size_t want)
{
	return PIPE_SIZE - pipe_used(pipe) >= want || !READ_ONCE(pipe->readers);
}

/*
 * Sleep on wq until cond(pipe, arg) holds: 0, or -EINTR for a signal.
 * Caller holds pipe->mutex; it is dropped during the sleep.
 */
static int pipe_wait(struct pipe_inode_info *pipe, struct wait_queue_head *wq,
		     bool (*cond)(struct pipe_inode_info *, size_t), size_t arg)
{
	struct wait_queue_entry wait = { current, LIST_HEAD_INIT(wait.entry) };
	int ret = 0;

	mutex_unlock(&pipe->mutex);
	for (;;) {
		prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
		if (cond(pipe, arg))
			break;
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(wq, &wait);
	mutex_lock(&pipe->mutex);
	return ret;
}

/* Copy up to count bytes out of the ring: bytes copied or -EFAULT. */
static ssize_t pipe_copy_out(struct pipe_inode_info *pipe, char __user *buf,
			     size_t count)
{
	size_t done = 0, off, n, left;

	count = min(count, (size_t)pipe_used(pipe));
	while (done < count) {
		off = pipe->tail % PIPE_SIZE;
		n = min(count - done, PIPE_SIZE - off);
		left = copy_to_user(buf + done, pipe->buf + off, n);
		pipe->tail += n - left;
		done += n - left;
		if (left)
			break;
	}
	return done || !count ? (ssize_t)done : -EFAULT;
}

static ssize_t pipe_read(struct file *filp, char __user *buf, size_t count,
			 loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0;

	if (!count)
		return 0;
	mutex_lock(&pipe->mutex);
	while (!pipe_used(pipe) && pipe->writers) {
		ret = filp->f_flags & O_NONBLOCK ? -EAGAIN :
		      pipe_wait(pipe, &pipe->rd_wait, pipe_readable, 0);
		if (ret)
			break;
	}
	if (!ret)
		ret = pipe_copy_out(pipe, buf, count);
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_all(&pipe->wr_wait);
	return ret;
}

/* Copy up to count bytes into the ring's free room: bytes or -EFAULT. */
static ssize_t pipe_copy_in(struct pipe_inode_info *pipe,
			    const char __user *buf, size_t count)
{
	size_t done = 0, off, n, left;

	count = min(count, (size_t)(PIPE_SIZE - pipe_used(pipe)));
	while (done < count) {
		off = pipe->head % PIPE_SIZE;
		n = min(count - done, PIPE_SIZE - off);
		left = copy_from_user(pipe->buf + off, buf + done, n);
		pipe->head += n - left;
		done += n - left;
		if (left)
			break;
	}
	return done || !count ? (ssize_t)done : -EFAULT;
}

/*
 * Wait until want bytes fit (or no reader is left): 0, -EAGAIN or
 * -EINTR.  Rechecked under the mutex: another writer may have filled
 * the room between the wake-up and this task taking the mutex again.
 */
static int pipe_wait_room(struct file *filp, struct pipe_inode_info *pipe,
			  size_t want)
{
	int ret;

	while (!pipe_writable(pipe, want)) {
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = pipe_wait(pipe, &pipe->wr_wait, pipe_writable, want);
		if (ret)
			return ret;
	}
	return 0;
}

static ssize_t pipe_write(struct file *filp, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t done = 0;
	ssize_t ret = 0;

	mutex_lock(&pipe->mutex);
	while (done < count) {
		/* All of a small write at once; a large one piece by piece. */
		ret = pipe_wait_room(filp, pipe,
				     count <= PIPE_BUF ? count : 1);
		if (!ret && !pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			ret = -EPIPE;
		}
		if (!ret)
			ret = pipe_copy_in(pipe, buf + done, count - done);
		if (ret < 0)
			break;
		done += ret;
		wake_up_all(&pipe->rd_wait);
	}
	mutex_unlock(&pipe->mutex);
	return done ? (ssize_t)done : ret;
}

static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	wake_up_all(&pipe->rd_wait);
	wake_up_all(&pipe->wr_wait);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

static void pipe_evict_inode(struct inode *inode)
{
	struct pipe_inode_info *pipe = inode->i_private;

	if (pipe)
		free_page((unsigned long)pipe->buf);
	kfree(pipe);
}

static const struct super_operations pipefs_ops = {
	.evict_inode = pipe_evict_inode,
};

static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	inode->i_private = pipe;
	if (pipe)
		pipe->buf = (char *)__get_free_page(GFP_KERNEL);
	if (!pipe || !pipe->buf) {
		iput(inode);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_nlink = 1;
	inode->i_fop = &pipefifo_fops;
	return inode;
}

/* The super block all pipe inodes share, made on first use. */
static int pipefs_init(void)
{
	struct super_block *sb;

	if (READ_ONCE(pipe_sb))
		return 0;
	sb = alloc_super("pipefs", &pipefs_ops);
	if (IS_ERR(sb))
		return PTR_ERR(sb);
	if (cmpxchg(&pipe_sb, NULL, sb))
		kfree(sb);	/* another CPU made it first */
	return 0;
}

int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode;
	int ret = pipefs_init();

	if (ret)
		return ret;
	inode = get_pipe_inode();
	if (!inode)
		return -ENOMEM;
	res[0] = alloc_file(inode, O_RDONLY | (flags & O_NONBLOCK),
			    &pipefifo_fops);
	if (!res[0]) {
		iput(inode);
		return -ENOMEM;
	}
	res[0]->private_data = inode->i_private;
	ihold(inode);
	res[1] = alloc_file(inode, O_WRONLY | (flags & O_NONBLOCK),
			    &pipefifo_fops);
	if (!res[1]) {
		iput(inode);
		fput(res[0]);	/* frees the pipe with its inode */
		return -ENOMEM;
	}
	res[1]->private_data = inode->i_private;
	return 0;
}

long sys_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], ret;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	ret = create_pipe_files(files, flags);
	if (ret)
		return ret;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0)
		ret = fd[1];
	else if (copy_to_user(fildes, fd, sizeof(fd)))
		ret = -EFAULT;
	if (ret) {
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		if (fd[0] >= 0 && fd[1] >= 0)
			put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return ret;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

long sys_pipe(int __user *fildes)
{
	return sys_pipe2(fildes, 0);
}
