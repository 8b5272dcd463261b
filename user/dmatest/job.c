/*
 * dmatest's jobs: each a process of its own, making the transfers of
 * one slice of every device's window and checking them.
 *
 * A job's slice is WINDOW / JOBS bytes from id times that, so no
 * other job writes there and what it reads back must be exactly what it
 * wrote.  It opens the devices itself: the file offset lives in the open
 * file, which a forked job would share with the others, and each job's
 * lseek() would move it under the rest.  Its random numbers come from
 * xorshift64* seeded with the run's seed and its id, the same on every
 * system, so a seed replays a run.  A copied transfer goes through
 * cbuf (malloc), a zero-copy one through a random place of zbuf (an
 * anonymous mapping of two pages), so it may start anywhere in a page
 * and cross into the next.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dmatest.h"

static const char *const path_name[] = { "copied", "zero-copy" };

/* One job's working state. */
struct job {
	int id;
	uint64_t rng;
	int fd[MAX_DEVICES];
	size_t start, size;		/* its slice of the window */
	unsigned char *zbuf;		/* ZBUF_SIZE, page-aligned */
	unsigned char *cbuf;		/* EDU_BUF_SIZE, the copied path's */
	unsigned char *want;		/* EDU_BUF_SIZE, what was written */
	struct job_stats st;
};

/* xorshift64*: the same sequence from a seed on any system. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/* A number from 0 to n - 1 (n > 0). */
static size_t random_below(struct job *j, size_t n)
{
	return next_random(&j->rng) % n;
}

/* Copied path: lseek, then write or read until done; 0 or -1. */
static int xfer_copied(int fd, int dir, unsigned char *buf, size_t off,
		       size_t len)
{
	size_t done = 0;
	ssize_t n;

	if (lseek(fd, off, SEEK_SET) != (off_t)off)
		return -1;
	while (done < len) {
		if (dir == EDU_DMA_TO_DEVICE)
			n = write(fd, buf + done, len - done);
		else
			n = read(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)	/* a short transfer inside the window */
				errno = EIO;
			return -1;
		}
		done += n;
	}
	return 0;
}

static int xfer(int fd, int dir, int path, unsigned char *buf, size_t off,
		size_t len)
{
	struct edu_dma dma = {
		.addr = (uintptr_t)buf, .len = len, .offset = off,
		.direction = dir,
	};

	if (path == COPIED)
		return xfer_copied(fd, dir, buf, off, len);
	return ioctl(fd, EDU_IOC_DMA, &dma) < 0 ? -1 : 0;
}

/* The buffer a transfer uses: the copied one, or a random place in zbuf. */
static unsigned char *pick_buffer(struct job *j, int path, size_t len)
{
	if (path == COPIED)
		return j->cbuf;
	return j->zbuf + random_below(j, ZBUF_SIZE - len + 1);
}

/* Compare what came back; the index of the first difference, or -1. */
static long first_difference(const unsigned char *got,
			     const unsigned char *want, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (got[i] != want[i])
			return i;
	return -1;
}

/* One transfer: where, how much, by which paths, through which buffer. */
struct transfer {
	int d;				/* index in opt.dev */
	size_t off, len;
	int path[2];			/* by direction: COPIED or ZERO_COPY */
	unsigned char *buf;
};

/* Move t->buf to or from the device; 0, or -1 after reporting why. */
static int transfer_step(struct job *j, const struct transfer *t, int dir)
{
	int path = t->path[dir];

	if (dir == EDU_DMA_TO_DEVICE)
		j->st.writes[path]++;
	else
		j->st.reads[path]++;
	if (xfer(j->fd[t->d], dir, path, t->buf, t->off, t->len) == 0)
		return 0;
	say(STDERR_FILENO, "dmatest: job %d: %s: %s (%s) of %zu bytes at "
	    "%zu: %s\n", j->id, opt.dev[t->d],
	    dir == EDU_DMA_TO_DEVICE ? "write" : "read", path_name[path],
	    t->len, t->off, strerror(errno));
	j->st.failed++;
	return -1;
}

/* Compare what was read back with what was written, and say so. */
static void transfer_check(struct job *j, const struct transfer *t)
{
	const char *wp = path_name[t->path[EDU_DMA_TO_DEVICE]];
	const char *rp = path_name[t->path[EDU_DMA_FROM_DEVICE]];
	long bad = first_difference(t->buf, j->want, t->len);

	if (bad >= 0) {
		say(STDERR_FILENO, "dmatest: job %d: %s: mismatch at offset "
		    "%zu (%zu bytes at %zu, write %s, read %s): wrote 0x%02x, "
		    "read 0x%02x\n", j->id, opt.dev[t->d], t->off + bad,
		    t->len, t->off, wp, rp, j->want[bad], t->buf[bad]);
		j->st.mismatched++;
	} else if (!opt.quiet) {
		say(STDOUT_FILENO, "job %d: %s: %zu bytes at %zu, write %s, "
		    "read %s: ok\n", j->id, opt.dev[t->d], t->len, t->off,
		    wp, rp);
	}
}

/* Write random bytes at a random place of the job's slice, read them back. */
static void one_transfer(struct job *j, int d)
{
	struct transfer t = { .d = d };
	size_t i;

	t.len = 1 + random_below(j, j->size);
	t.off = j->start + random_below(j, j->size - t.len + 1);
	t.path[EDU_DMA_TO_DEVICE] = random_below(j, 2);
	t.path[EDU_DMA_FROM_DEVICE] = random_below(j, 2);
	for (i = 0; i < t.len; i++)
		j->want[i] = next_random(&j->rng);
	t.buf = pick_buffer(j, t.path[EDU_DMA_TO_DEVICE], t.len);
	memcpy(t.buf, j->want, t.len);
	j->st.transfers++;
	if (transfer_step(j, &t, EDU_DMA_TO_DEVICE))
		return;
	j->st.bytes_to += t.len;
	/* The complement: any byte the read leaves alone differs. */
	t.buf = pick_buffer(j, t.path[EDU_DMA_FROM_DEVICE], t.len);
	for (i = 0; i < t.len; i++)
		t.buf[i] = ~j->want[i];
	if (transfer_step(j, &t, EDU_DMA_FROM_DEVICE))
		return;
	j->st.bytes_from += t.len;
	transfer_check(j, &t);
}

/* Buffers, the job's slice of the window and its own device files. */
static int job_setup(struct job *j, int id)
{
	void *z = mmap(NULL, ZBUF_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int d;

	j->id = id;
	j->rng = mix(opt.seed + id) ?: 1;	/* xorshift needs a bit set */
	j->size = opt.window / opt.jobs;
	j->start = id * j->size;
	j->zbuf = z == MAP_FAILED ? NULL : z;
	j->cbuf = malloc(EDU_BUF_SIZE);
	j->want = malloc(EDU_BUF_SIZE);
	if (!j->zbuf || !j->cbuf || !j->want) {
		say(STDERR_FILENO, "dmatest: job %d: out of memory\n", id);
		return -1;
	}
	for (d = 0; d < opt.nr_devs; d++) {
		j->fd[d] = open(opt.dev[d], O_RDWR);
		if (j->fd[d] < 0) {
			say(STDERR_FILENO, "dmatest: job %d: %s: %s\n", id,
			    opt.dev[d], strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* A job's process: its transfers, then its counts to report_fd. */
void job_main(int id, int report_fd)
{
	struct job j;
	long i;
	int d;

	memset(&j, 0, sizeof(j));
	if (job_setup(&j, id) < 0)
		j.st.failed++;
	else
		for (i = 0; i < opt.transfers; i++)
			for (d = 0; d < opt.nr_devs; d++)
				one_transfer(&j, d);
	if (write(report_fd, &j.st, sizeof(j.st)) != sizeof(j.st))
		_exit(1);
	_exit(0);
}

