/*
 * kiobuf: the Linux 2.4 interface for I/O straight to and from a user
 * buffer, built on the pin core (mm/gup.c).  map_user_kiobuf() pins the
 * buffer's pages with pin_user_pages() (FOLL_LONGTERM: a driver may hold
 * them as long as it likes; FOLL_WRITE when the device writes them),
 * unmap_kiobuf() unpins them, marking them dirty after a READ.  Locking a
 * kiobuf locks each of its pages (PG_locked, linux/pagemap.h).
 *
 * Invariants: a page in maplist[0..nr_pages) holds one pin from
 * map_user_kiobuf() to unmap_kiobuf(); nr_pages <= array_len; maplist is
 * map_array unless a mapping needed more than KIO_STATIC_PAGES; offset <
 * PAGE_SIZE and offset + length <= nr_pages * PAGE_SIZE; locked means
 * this kiobuf holds the lock of every page in maplist; a kiobuf is
 * freed or re-mapped only with io_count 0.  The pins are charged to the
 * mapping process's pinned_vm (RLIMIT_MEMLOCK); the kiobuf holds a
 * reference to that mm until unmap_kiobuf() uncharges it, which may be
 * after the process exited.
 *
 * Locking: a kiobuf belongs to one driver, which serialises its calls
 * on it (the (D) fields); io_count is atomic and the last
 * end_kio_request() runs end_io and the wake-up under wait_queue.lock,
 * so a waiter that sees io_count 0 cannot free the kiobuf under it.
 * lock_kiovec() never sleeps holding page locks: when a page is busy it
 * drops what it took and waits for that page, so two callers whose
 * kiobufs share pages cannot deadlock.  The pin core takes the mm's
 * lock itself.  Modern Linux: pin_user_pages() + a scatterlist or
 * bio_vecs, unpin_user_pages_dirty_lock(); no kiobuf.
 */
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/iobuf.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static void kiobuf_init(struct kiobuf *iobuf)
{
	memset(iobuf, 0, sizeof(*iobuf));
	init_waitqueue_head(&iobuf->wait_queue);
	iobuf->array_len = KIO_STATIC_PAGES;
	iobuf->maplist = iobuf->map_array;
}

int alloc_kiovec(int nr, struct kiobuf **bufp)
{
	int i;

	for (i = 0; i < nr; i++) {
		bufp[i] = kmalloc(sizeof(struct kiobuf), GFP_KERNEL);
		if (!bufp[i])
			goto out_free;
		kiobuf_init(bufp[i]);
	}
	return 0;

out_free:
	while (i--)
		kfree(bufp[i]);
	return -ENOMEM;
}

static void kiobuf_free_maplist(struct kiobuf *iobuf)
{
	if (iobuf->maplist != iobuf->map_array)
		kfree(iobuf->maplist);
	iobuf->maplist = iobuf->map_array;
	iobuf->array_len = KIO_STATIC_PAGES;
}

void free_kiovec(int nr, struct kiobuf **bufp)
{
	int i;

	for (i = 0; i < nr; i++) {
		struct kiobuf *iobuf = bufp[i];

		if (WARN_ON_ONCE(iobuf->locked || iobuf->nr_pages))
			pr_err("kiobuf: freed while %s (driver bug); released\n",
			       iobuf->locked ? "locked" : "mapped");
		unmap_kiobuf(iobuf);
		kiobuf_free_maplist(iobuf);
		kfree(iobuf);
	}
}

/* LAB(kiobuf): write map_user_kiobuf(): check the range, pin its pages */
/* Make room for pages entries in an unmapped kiobuf's maplist. */
static int kiobuf_expand(struct kiobuf *iobuf, int pages)
{
	struct page **list;

	if (pages <= iobuf->array_len)
		return 0;
	list = kcalloc(pages, sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	kiobuf_free_maplist(iobuf);
	iobuf->maplist = list;
	iobuf->array_len = pages;
	return 0;
}

/* The pages [va, va + len) spans, or a negative errno for a bad range. */
static int kiobuf_range_pages(int rw, unsigned long va, size_t len)
{
	if (rw != READ && rw != WRITE)
		return -EINVAL;
	if (!len || len > INT_MAX || va + len < va)
		return -EINVAL;
	if (!access_ok(rw == READ ? VERIFY_WRITE : VERIFY_READ, va, len) ||
	    va + len > TASK_SIZE)
		return -EFAULT;
	return ((va & ~PAGE_MASK) + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

int map_user_kiobuf(int rw, struct kiobuf *iobuf, unsigned long va,
		    size_t len)
{
	unsigned int flags = FOLL_LONGTERM | (rw == READ ? FOLL_WRITE : 0);
	int pages = kiobuf_range_pages(rw, va, len), err;
	long pinned;

	if (pages < 0)
		return pages;
	if (iobuf->nr_pages)
		return -EINVAL;		/* already mapped */
	err = kiobuf_expand(iobuf, pages);
	if (err)
		return err;
	pinned = pin_user_pages(va & PAGE_MASK, pages, flags, iobuf->maplist);
	if (pinned < 0)
		return pinned;
	iobuf->mm = get_task_mm(current);
	iobuf->nr_pages = pinned;	/* the core is all or nothing */
	iobuf->offset = va & ~PAGE_MASK;
	iobuf->length = len;
	iobuf->rw = rw;
	return 0;
}
#if 0	/* LAB(kiobuf) stub */
/* A stand-in that maps nothing. */
int map_user_kiobuf(int rw, struct kiobuf *iobuf, unsigned long va,
		    size_t len)
{
	return -ENOSYS;
}
#endif	/* END LAB(kiobuf) */

/* LAB(kiobuf): write unmap_kiobuf(): unlock, unpin, uncharge, forget */
void unmap_kiobuf(struct kiobuf *iobuf)
{
	WARN_ON_ONCE(atomic_read(&iobuf->io_count));	/* I/O still in flight */
	if (iobuf->locked)
		unlock_kiovec(1, &iobuf);
	if (iobuf->nr_pages) {
		unpin_user_pages_dirty_lock(iobuf->maplist, iobuf->nr_pages,
					    iobuf->rw == READ);
		account_pinned_vm(iobuf->mm, iobuf->nr_pages, false);
		mmput(iobuf->mm);
		iobuf->mm = NULL;
	}
	iobuf->nr_pages = 0;
	iobuf->offset = 0;
	iobuf->length = 0;
}
#if 0	/* LAB(kiobuf) stub */
/* A stand-in for the stand-in map_user_kiobuf(): nothing to undo. */
void unmap_kiobuf(struct kiobuf *iobuf)
{
}
#endif	/* END LAB(kiobuf) */

static void kiobuf_unlock_pages(struct kiobuf *iobuf, int n)
{
	while (n--)
		unlock_page(iobuf->maplist[n]);
}

int unlock_kiovec(int nr, struct kiobuf *iovec[])
{
	int i;

	for (i = 0; i < nr; i++) {
		if (!iovec[i]->locked)
			continue;
		kiobuf_unlock_pages(iovec[i], iovec[i]->nr_pages);
		iovec[i]->locked = 0;
	}
	return 0;
}

/* LAB(kiobuf): write lock_kiovec(): every page locked, or none and why */
/*
 * Does the vector itself hold page's lock: a kiobuf locked before the
 * call, or pages this call took (kiobufs before iovec[i], and the first
 * j pages of iovec[i])?
 */
static bool kiovec_holds_page(int nr, struct kiobuf *iovec[], int i, int j,
			      struct page *page)
{
	int k, p;

	for (k = 0; k < nr; k++) {
		int held = iovec[k]->locked ? iovec[k]->nr_pages :
			   k < i ? iovec[k]->nr_pages : k == i ? j : 0;

		for (p = 0; p < held; p++)
			if (iovec[k]->maplist[p] == page)
				return true;
	}
	return false;
}

/* Undo what one lock_kiovec() attempt took: kiobufs before i, j pages of i. */
static void kiovec_unlock_taken(struct kiobuf *iovec[], int i, int j)
{
	if (!iovec[i]->locked)
		kiobuf_unlock_pages(iovec[i], j);
	while (i--)
		if (!iovec[i]->locked)
			kiobuf_unlock_pages(iovec[i], iovec[i]->nr_pages);
}

/*
 * One attempt: trylock every page of the kiobufs not yet locked.  NULL
 * on success; else, with everything it took released, the busy page
 * (an ERR_PTR for a page the vector holds itself).
 */
static struct page *kiovec_trylock(int nr, struct kiobuf *iovec[])
{
	int i, j;

	for (i = 0; i < nr; i++) {
		if (iovec[i]->locked)
			continue;
		for (j = 0; j < iovec[i]->nr_pages; j++) {
			struct page *page = iovec[i]->maplist[j];

			if (trylock_page(page))
				continue;
			if (kiovec_holds_page(nr, iovec, i, j, page)) {
				kiovec_unlock_taken(iovec, i, j);
				return ERR_PTR(-EDEADLK);
			}
			kiovec_unlock_taken(iovec, i, j);
			return page;
		}
	}
	return NULL;
}

int lock_kiovec(int nr, struct kiobuf *iovec[], int wait)
{
	struct page *busy;
	int i;

	while ((busy = kiovec_trylock(nr, iovec))) {
		if (IS_ERR(busy))
			return PTR_ERR(busy);
		if (!wait)
			return -EAGAIN;
		wait_on_page_locked(busy);
	}
	for (i = 0; i < nr; i++)
		iovec[i]->locked = 1;
	return 0;
}
#if 0	/* LAB(kiobuf) stub */
/* A stand-in that locks nothing. */
int lock_kiovec(int nr, struct kiobuf *iovec[], int wait)
{
	return -ENOSYS;
}
#endif	/* END LAB(kiobuf) */

void end_kio_request(struct kiobuf *iobuf, int uptodate)
{
	unsigned long flags;

	spin_lock_irqsave(&iobuf->wait_queue.lock, flags);
	if (!uptodate && !iobuf->errno)
		iobuf->errno = -EIO;
	if (atomic_dec_and_test(&iobuf->io_count)) {
		if (iobuf->end_io)
			iobuf->end_io(iobuf);
		__wake_up_locked(&iobuf->wait_queue, 0);
	}
	spin_unlock_irqrestore(&iobuf->wait_queue.lock, flags);
}

void kiobuf_wait_for_io(struct kiobuf *iobuf)
{
	wait_event(iobuf->wait_queue, !atomic_read(&iobuf->io_count));
}

int kiobuf_to_sg(struct kiobuf *iobuf, struct scatterlist *sg, int nents,
		 unsigned int max_seg)
{
	if (!iobuf->nr_pages || nents <= 0)
		return -EINVAL;
	return sg_set_pages_segment(sg, nents, iobuf->maplist, iobuf->nr_pages,
				    iobuf->offset, iobuf->length, max_seg);
}
