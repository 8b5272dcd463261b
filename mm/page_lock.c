/*
 * Page locks: lock_page() sleeps until PG_locked is clear and sets it;
 * unlock_page() clears it and wakes the sleepers (Linux keeps these in
 * mm/filemap.c, now as folio_lock()/folio_unlock()).
 *
 * Sleepers wait on page_wait_table[hash_ptr(page)]: pages that hash
 * alike share a queue, so unlock_page() wakes all its sleepers and each
 * one re-tries its own page.  No wake-up is lost: a sleeper queues
 * itself before it tests the bit (wait_event()), and unlock_page()
 * clears the bit (an atomic, so fully ordered on x86) before it takes
 * the queue's lock to wake.
 *
 * Invariants: PG_locked is set from a successful test_and_set_bit_lock()
 * to the matching unlock_page(); page_wait_table[] is initialised before
 * any task runs a test or a driver (core_initcall).
 *
 * Locking: each queue's own spinlock protects its list; the bit itself
 * needs no lock.
 */
#include <linux/bug.h>
#include <linux/hash.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/pagemap.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

#define PAGE_WAIT_TABLE_BITS	6
#define PAGE_WAIT_TABLE_SIZE	(1 << PAGE_WAIT_TABLE_BITS)

static struct wait_queue_head page_wait_table[PAGE_WAIT_TABLE_SIZE];

struct wait_queue_head *page_waitqueue(struct page *page)
{
	return &page_wait_table[hash_ptr(page, PAGE_WAIT_TABLE_BITS)];
}

void __lock_page(struct page *page)
{
	if (unlikely(preempt_count()))
		lock_bug("lock_page in atomic context");
	wait_event(*page_waitqueue(page), trylock_page(page));
}

void wait_on_page_locked(struct page *page)
{
	if (unlikely(preempt_count()))
		lock_bug("wait_on_page_locked in atomic context");
	wait_event(*page_waitqueue(page), !PageLocked(page));
}

void unlock_page(struct page *page)
{
	if (WARN_ON_ONCE(!PageLocked(page)))
		return;
	clear_bit_unlock(PG_locked, &page->flags);
	smp_mb__after_atomic();		/* the clear before the queue check */
	wake_up_all(page_waitqueue(page));
}

static int page_wait_table_init(void)
{
	int i;

	for (i = 0; i < PAGE_WAIT_TABLE_SIZE; i++)
		init_waitqueue_head(&page_wait_table[i]);
	return 0;
}
core_initcall(page_wait_table_init);
