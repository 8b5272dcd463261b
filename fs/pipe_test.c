/*
 * Tests of pipes (suite "pipe"): data through in order, end of file
 * when the last writer goes, -EPIPE when no reader is left,
 * O_NONBLOCK's -EAGAIN and partial writes, pipe2's flags, a writer and
 * a reader thread moving far more than the buffer in odd sizes (the
 * ring wraps many times), two writers whose writes of at most PIPE_BUF
 * bytes must never interleave, and sleeping readers and writers woken
 * by a signal (-EINTR or the bytes so far) or by the other end closing.
 */
#include <asm/barrier.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/pipe_fs_i.h>
#include <linux/signal.h>

#include "fs_test.h"

#include <uapi/asm/stat.h>

static u8 stream_byte(size_t i)
{
	return (u8)(i * 31 + (i >> 9));
}

/*
 * Kernel threads ignore send_sig() (as in Linux), so a case posts the
 * pending bit itself and wakes the sleeper, as kernel/signal.c does for
 * a process.  SIGPIPE itself is seen by the user-space pipe tests.
 */
static void post_signal(struct task_struct *t, int sig)
{
	set_bit(sig - 1, &t->pending);
	smp_mb__after_atomic();
	if (READ_ONCE(t->state) == TASK_INTERRUPTIBLE)
		wake_up_process(t);
}

static void pipe_read_write_in_order(struct kunit *test)
{
	int p[2] = { -1, -1 };
	char buf[8] = { 0 };
	struct stat st;

	KUNIT_ASSERT_EQ(test, sys_pipe(p), 0);
	KUNIT_EXPECT_EQ(test, p[0], 0);
	KUNIT_EXPECT_EQ(test, p[1], 1);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], "abc", 3), 3);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], "", 0), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], buf, 2), 2);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], buf + 2, 10), 1);	/* what is there */
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, sys_read(p[1], buf, 1), -EBADF);	/* wrong ends */
	KUNIT_EXPECT_EQ(test, sys_write(p[0], "x", 1), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_lseek(p[0], 0, SEEK_SET), -ESPIPE);
	KUNIT_EXPECT_EQ(test, sys_fstat(p[0], &st), 0);
	KUNIT_EXPECT_TRUE(test, S_ISFIFO(st.st_mode));
	/* A bad result array: -EFAULT, and no descriptor is left behind. */
	KUNIT_EXPECT_EQ(test, FS_USER_DS(sys_pipe(p)), -EFAULT);
	KUNIT_EXPECT_EQ(test, sys_dup(0), 2);
}

static void pipe_eof_after_last_writer(struct kunit *test)
{
	int p[2];
	char c;

	KUNIT_ASSERT_EQ(test, sys_pipe2(p, O_NONBLOCK), 0);
	KUNIT_ASSERT_EQ(test, sys_dup2(p[1], 9), 9);
	KUNIT_EXPECT_EQ(test, sys_write(9, "z", 1), 1);
	KUNIT_EXPECT_EQ(test, sys_close(p[1]), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], &c, 1), 1);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], &c, 1), -EAGAIN);	/* a writer is left */
	KUNIT_EXPECT_EQ(test, sys_close(9), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], &c, 1), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], &c, 1), 0);
}

static void pipe_epipe_without_reader(struct kunit *test)
{
	char *big = kzalloc(2 * PIPE_SIZE, GFP_KERNEL);
	int p[2];

	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_ASSERT_EQ(test, sys_pipe(p), 0);
	KUNIT_EXPECT_EQ(test, sys_close(p[0]), 0);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], "x", 1), -EPIPE);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], big, 2 * PIPE_SIZE), -EPIPE);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], "", 0), 0);	/* nothing to send */
	kfree(big);
}

static void pipe_nonblock_and_partial(struct kunit *test)
{
	char *buf = kzalloc(2 * PIPE_SIZE, GFP_KERNEL);
	int p[2];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, sys_pipe2(p, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], buf, 1), -EAGAIN);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], buf, PIPE_SIZE), PIPE_SIZE);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], buf, 1), -EAGAIN);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], buf, PIPE_SIZE + 1), -EAGAIN);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], buf, 100), 100);
	/* Small writes are all or nothing; large ones take what fits. */
	KUNIT_EXPECT_EQ(test, sys_write(p[1], buf, 101), -EAGAIN);
	KUNIT_EXPECT_EQ(test, sys_write(p[1], buf, PIPE_SIZE + 1), 100);
	KUNIT_EXPECT_EQ(test, sys_read(p[0], buf, 2 * PIPE_SIZE), PIPE_SIZE);
	kfree(buf);
}

static void pipe2_flags(struct kunit *test)
{
	unsigned long *cloexec = current->files->close_on_exec;
	int p[2];

	KUNIT_EXPECT_EQ(test, sys_pipe2(p, O_RDWR), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys_pipe2(p, 0x40000000), -EINVAL);
	KUNIT_ASSERT_EQ(test, sys_pipe2(p, O_CLOEXEC), 0);
	KUNIT_EXPECT_EQ(test, cloexec[0] & 3UL, 3UL);
	do_close_on_exec(current->files);
	KUNIT_EXPECT_EQ(test, sys_close(p[0]), -EBADF);
	KUNIT_EXPECT_EQ(test, sys_close(p[1]), -EBADF);
}

/* A thread at one end of a pipe. */
struct pipe_job {
	struct file *file;
	size_t total;		/* bytes to move */
	const size_t *chunks;	/* sizes to use in turn */
	unsigned int nr_chunks;
	u8 tag;			/* 0: the stream pattern; else this byte */
	bool once;		/* one write call, whatever it moves */
	bool put_file;		/* fput() the file when done */
	ssize_t result;		/* bytes moved, or the error */
	struct completion done;
};

static int pipe_writer_fn(void *data)
{
	struct pipe_job *job = data;
	size_t done = 0, n, i, k = 0;
	u8 *buf = kmalloc(8192, GFP_KERNEL);
	ssize_t ret = buf ? 0 : -ENOMEM;

	while (!ret && done < job->total) {
		n = job->chunks[k++ % job->nr_chunks];
		n = min(n, job->total - done);
		for (i = 0; i < n; i++)
			buf[i] = job->tag ? job->tag : stream_byte(done + i);
		ret = kernel_write(job->file, buf, n, NULL);
		if (ret > 0) {
			done += ret;
			ret = 0;
		}
		if (job->once)
			break;
	}
	kfree(buf);
	if (job->put_file)
		fput(job->file);
	job->result = ret ? ret : (ssize_t)done;
	complete(&job->done);
	return 0;
}

static int pipe_reader_fn(void *data)
{
	struct pipe_job *job = data;
	char c;

	job->result = kernel_read(job->file, &c, 1, NULL);
	complete(&job->done);
	return 0;
}

static void start_job(struct kunit *test, struct pipe_job *job,
		      int (*fn)(void *), const char *name)
{
	init_completion(&job->done);
	KUNIT_ASSERT_NOT_NULL(test, kthread_run(fn, job, name));
}

static void pipe_wraparound_threads(struct kunit *test)
{
	static const size_t wsizes[] = { 1, 1000, 4096, 5000, 333, 4095 };
	static const size_t rsizes[] = { 7, 4096, 999, 6000, 1 };
	struct pipe_job w = { .total = 50000, .chunks = wsizes,
			      .nr_chunks = ARRAY_SIZE(wsizes), .put_file = true };
	struct file *ends[2];
	size_t got = 0, i, k = 0, bad = (size_t)-1;
	u8 *buf = kmalloc(6000, GFP_KERNEL);
	ssize_t n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	w.file = ends[1];
	start_job(test, &w, pipe_writer_fn, "pipe-writer");
	while ((n = kernel_read(ends[0], buf, rsizes[k++ % ARRAY_SIZE(rsizes)],
				NULL)) > 0) {
		for (i = 0; i < (size_t)n && bad == (size_t)-1; i++)
			if (buf[i] != stream_byte(got + i))
				bad = got + i;
		got += n;
	}
	wait_for_completion(&w.done);
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, w.result, w.total);
	KUNIT_EXPECT_EQ(test, got, w.total);
	KUNIT_EXPECT_EQ_MSG(test, bad, (size_t)-1, "wrong byte at %zu", bad);
	fput(ends[0]);
	kfree(buf);
}

static void pipe_small_writes_are_atomic(struct kunit *test)
{
	static const size_t chunk[] = { 1000 };
	struct pipe_job a = { .total = 40000, .chunks = chunk, .nr_chunks = 1,
			      .tag = 'A' };
	struct pipe_job b = { .total = 40000, .chunks = chunk, .nr_chunks = 1,
			      .tag = 'B' };
	u8 *buf = kmalloc(1000, GFP_KERNEL);
	size_t got = 0, i, mixed = 0, have;
	struct file *ends[2];
	ssize_t n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	a.file = b.file = ends[1];
	start_job(test, &a, pipe_writer_fn, "pipe-writer-a");
	start_job(test, &b, pipe_writer_fn, "pipe-writer-b");
	/* Read each 1000-byte block whole; it must be one writer's. */
	while (got < a.total + b.total) {
		for (have = 0; have < 1000; have += n) {
			n = kernel_read(ends[0], buf + have, 1000 - have, NULL);
			if (n <= 0)
				break;
		}
		KUNIT_ASSERT_EQ(test, have, 1000);
		for (i = 1; i < 1000; i++)
			if (buf[i] != buf[0])
				mixed++;
		got += have;
	}
	wait_for_completion(&a.done);
	wait_for_completion(&b.done);
	KUNIT_EXPECT_EQ(test, mixed, 0);
	KUNIT_EXPECT_EQ(test, a.result, a.total);
	KUNIT_EXPECT_EQ(test, b.result, b.total);
	fput(ends[0]);
	fput(ends[1]);
	kfree(buf);
}

/* Wait (without a time limit) until someone sleeps on wq. */
static void wait_for_sleeper(struct wait_queue_head *wq)
{
	while (list_empty(&wq->head))
		sched_yield();
}

static void pipe_sleeping_reader_interrupted(struct kunit *test)
{
	struct pipe_job r = { 0 };
	struct file *ends[2];
	struct pipe_inode_info *pipe;
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	pipe = ends[0]->private_data;
	r.file = ends[0];
	init_completion(&r.done);
	t = kthread_run(pipe_reader_fn, &r, "pipe-reader");
	KUNIT_ASSERT_NOT_NULL(test, t);
	wait_for_sleeper(&pipe->rd_wait);
	post_signal(t, SIGUSR1);
	wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, r.result, -EINTR);
	fput(ends[0]);
	fput(ends[1]);
}

static void pipe_sleeping_writer_interrupted(struct kunit *test)
{
	static const size_t chunk[] = { 3 * PIPE_SIZE };
	struct pipe_job w = { .total = 3 * PIPE_SIZE, .chunks = chunk,
			      .nr_chunks = 1, .tag = 'w', .once = true };
	struct file *ends[2];
	struct pipe_inode_info *pipe;
	struct task_struct *t;

	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	pipe = ends[0]->private_data;
	w.file = ends[1];
	init_completion(&w.done);
	t = kthread_run(pipe_writer_fn, &w, "pipe-writer");
	KUNIT_ASSERT_NOT_NULL(test, t);
	wait_for_sleeper(&pipe->wr_wait);	/* after filling the buffer */
	post_signal(t, SIGUSR1);
	wait_for_completion(&w.done);
	KUNIT_EXPECT_EQ(test, w.result, PIPE_SIZE);	/* what it had written */
	fput(ends[0]);
	fput(ends[1]);
}

static void pipe_close_wakes_sleepers(struct kunit *test)
{
	static const size_t chunk[] = { PIPE_BUF };
	struct pipe_job r = { 0 };
	struct pipe_job w = { .total = 2 * PIPE_BUF, .chunks = chunk,
			      .nr_chunks = 1, .tag = 'w' };
	struct file *ends[2];
	struct pipe_inode_info *pipe;

	/* A sleeping reader sees end of file when the writer closes. */
	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	pipe = ends[0]->private_data;
	r.file = ends[0];
	start_job(test, &r, pipe_reader_fn, "pipe-reader");
	wait_for_sleeper(&pipe->rd_wait);
	fput(ends[1]);
	wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, r.result, 0);
	fput(ends[0]);

	/* A sleeping writer gets -EPIPE when the reader closes. */
	KUNIT_ASSERT_EQ(test, create_pipe_files(ends, 0), 0);
	pipe = ends[0]->private_data;
	w.file = ends[1];
	start_job(test, &w, pipe_writer_fn, "pipe-writer");
	wait_for_sleeper(&pipe->wr_wait);
	fput(ends[0]);
	wait_for_completion(&w.done);
	KUNIT_EXPECT_EQ(test, w.result, -EPIPE);
	fput(ends[1]);
}

static struct kunit_case pipe_cases[] = {
	KUNIT_CASE(pipe_read_write_in_order),
	KUNIT_CASE(pipe_eof_after_last_writer),
	KUNIT_CASE(pipe_epipe_without_reader),
	KUNIT_CASE(pipe_nonblock_and_partial),
	KUNIT_CASE(pipe2_flags),
	KUNIT_CASE(pipe_wraparound_threads),
	KUNIT_CASE(pipe_small_writes_are_atomic),
	KUNIT_CASE(pipe_sleeping_reader_interrupted),
	KUNIT_CASE(pipe_sleeping_writer_interrupted),
	KUNIT_CASE(pipe_close_wakes_sleepers),
	{}
};

static struct kunit_suite pipe_suite = {
	.name = "pipe",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = pipe_cases,
};
kunit_test_suite(pipe_suite);
