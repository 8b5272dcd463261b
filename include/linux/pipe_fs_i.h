/*
 * A pipe (fs/pipe.c): a one-page ring buffer between the files of its
 * two ends.
 *
 * Invariants: tail <= head and head - tail <= PIPE_SIZE (both count
 * bytes ever written and read, wrapping as unsigned ints; the byte of
 * count n is at buf[n % PIPE_SIZE]); readers and writers count the open
 * files of each end.
 *
 * Locking: mutex protects every field; a blocked reader or writer
 * sleeps on rd_wait or wr_wait without it.  Modern Linux: a ring of
 * struct pipe_buffer (16 pages by default) that can also hold pages
 * spliced in by reference.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <asm/page.h>
#include <linux/mutex.h>
#include <linux/wait.h>

#define PIPE_SIZE	PAGE_SIZE

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue_head rd_wait;	/* readers waiting for data */
	struct wait_queue_head wr_wait;	/* writers waiting for room */
	unsigned int head;		/* bytes written */
	unsigned int tail;		/* bytes read */
	unsigned int readers;		/* open read ends */
	unsigned int writers;		/* open write ends */
	char *buf;			/* PIPE_SIZE bytes */
};

#endif
