/*
 * kiobufs (mm/kiobuf.c): the Linux 2.4 interface a driver uses to let a
 * device transfer straight to or from a user's buffer.  map_user_kiobuf()
 * pins the buffer's pages (they stay in memory and stay the process's
 * until unmap_kiobuf(), whatever the process does meanwhile),
 * lock_kiovec() locks them against other I/O, kiobuf_to_sg() describes
 * them to dma_map_sg(), and end_kio_request()/kiobuf_wait_for_io() count
 * the transfers in flight.
 *
 * Modern Linux has no kiobufs (removed in 2.5): a driver calls
 * pin_user_pages() with FOLL_LONGTERM, builds a scatterlist or bio_vecs
 * from the pages, and ends with unpin_user_pages_dirty_lock().  This
 * kernel builds the 2.4 interface on those calls (docs/kiobuf.md).
 */
#ifndef _LINUX_IOBUF_H
#define _LINUX_IOBUF_H

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/types.h>
#include <linux/wait.h>

struct scatterlist;

/* The largest transfer a kiobuf describes without allocating (KiB). */
#define KIO_MAX_ATOMIC_IO	512
/* Embedded maplist entries: KIO_MAX_ATOMIC_IO, at any offset in a page. */
#define KIO_STATIC_PAGES	(KIO_MAX_ATOMIC_IO / (PAGE_SIZE >> 10) + 1)

/*
 * (D) the driver that owns the kiobuf: changed only between transfers.
 * (A) atomic; (W) wait_queue.lock.
 */
struct kiobuf {
	int nr_pages;		/* (D) pages pinned in maplist */
	int array_len;		/* (D) capacity of maplist */
	int offset;		/* (D) of the data in the first page */
	int length;		/* (D) bytes of data */
	int rw;			/* (D) READ or WRITE, as mapped */
	struct mm_struct *mm;	/* (D) charged for the pins; a reference held */
	struct page **maplist;	/* (D) map_array, or a kmalloc'd array */
	unsigned int locked:1;	/* (D) every page of maplist is locked */
	struct page *map_array[KIO_STATIC_PAGES];

	/* Completion of I/O in flight. */
	atomic_t io_count;	/* (A) requests not yet ended */
	int errno;		/* (W) first error an end_kio_request() gave */
	/* Called when io_count hits 0, under wait_queue.lock: must not sleep. */
	void (*end_io)(struct kiobuf *iobuf);
	struct wait_queue_head wait_queue;	/* kiobuf_wait_for_io() sleeps here */
};

/* 0, or -ENOMEM with nothing allocated. */
int alloc_kiovec(int nr, struct kiobuf **bufp);
void free_kiovec(int nr, struct kiobuf **bufp);

/*
 * Pin the pages of [va, va + len) of the current process.  READ: the
 * device writes into them (they must be writable; copy-on-write is
 * broken first); WRITE: it reads them.  0, or -EINVAL (len 0, length
 * overflow, bad rw, already mapped), -EFAULT (a page not mapped with
 * the access, or not a user address), -ENOMEM; nothing pinned on error.
 */
int map_user_kiobuf(int rw, struct kiobuf *iobuf, unsigned long va,
		    size_t len);
/* Unlock if locked, unpin (dirtying after a READ); nr_pages becomes 0. */
void unmap_kiobuf(struct kiobuf *iobuf);

/*
 * Lock every page of every kiobuf not already locked.  wait == 0: if a
 * page is locked elsewhere, -EAGAIN with nothing left locked by this
 * call; wait != 0: sleep until it is free.  -EDEADLK if the vector
 * holds one page twice (locking it would wait for ever).
 */
int lock_kiovec(int nr, struct kiobuf *iovec[], int wait);
int unlock_kiovec(int nr, struct kiobuf *iovec[]);

/* One request ended (any context): record an error, call end_io, wake. */
void end_kio_request(struct kiobuf *iobuf, int uptodate);
/* Sleep until io_count is 0. */
void kiobuf_wait_for_io(struct kiobuf *iobuf);

/*
 * Describe a mapped kiobuf in sg[0..nents), merging physically
 * contiguous pages into segments of at most max_seg bytes: the number
 * of entries used, or -EINVAL (not mapped, max_seg < PAGE_SIZE, nents
 * too few).
 */
int kiobuf_to_sg(struct kiobuf *iobuf, struct scatterlist *sg, int nents,
		 unsigned int max_seg);

#endif
