/*
 * Page locks (mm/page_lock.c): PG_locked in struct page's flags, a
 * sleeping lock on one page, held for I/O on it (kiobufs lock their
 * pages while a device works on them).
 *
 * The lock is a single bit: taken with an atomic test-and-set, dropped
 * with an atomic clear.  A task that finds it taken sleeps on one of a
 * small table of wait queues, chosen by a hash of the page's address
 * (page_waitqueue()), so struct page needs no wait queue of its own;
 * unlock_page() wakes that queue and every sleeper re-tries.
 *
 * Rules: the caller holds a reference to the page (see the flags legend
 * in linux/mm_types.h); lock_page() may sleep, so not in atomic
 * context; any task may unlock (the lock has no owner, as in Linux).
 * Modern Linux locks folios (folio_lock()) the same way, in
 * mm/filemap.c, and filters wake-ups by page with a key.
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/bitops.h>
#include <linux/page-flags.h>
#include <linux/wait.h>

/* The wait queue sleepers on page's lock use (shared with other pages). */
struct wait_queue_head *page_waitqueue(struct page *page);

/* Take the lock if it is free: true if taken (never sleeps). */
static inline bool trylock_page(struct page *page)
{
	return !test_and_set_bit_lock(PG_locked, &page->flags);
}

/* Sleep until the lock is ours. */
void __lock_page(struct page *page);

static inline void lock_page(struct page *page)
{
	if (!trylock_page(page))
		__lock_page(page);
}

/* Release the lock and wake those waiting for it. */
void unlock_page(struct page *page);

/* Sleep until the page is unlocked, without taking the lock. */
void wait_on_page_locked(struct page *page);

#endif
