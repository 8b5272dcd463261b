/*
 * Helpers for the memory tests: allocate blocks until the allocator
 * says no, keeping them on a chain threaded through the blocks
 * themselves (first word: next block, second word: its order), so
 * exhausting gigabytes needs no memory of its own.
 */
#ifndef _MM_TEST_CHAIN_H
#define _MM_TEST_CHAIN_H

#include <linux/mm.h>

static inline void chain_push(void **chain, struct page *page,
			      unsigned int order)
{
	void **p = page_address(page);

	p[0] = *chain;
	p[1] = (void *)(unsigned long)order;
	*chain = p;
}

/* Allocate order-sized blocks on nid with gfp until one fails. */
static inline unsigned long chain_exhaust(gfp_t gfp, int nid,
					  unsigned int order, void **chain)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages_node(nid, gfp | __GFP_NOWARN, order))) {
		chain_push(chain, page, order);
		n++;
	}
	return n;
}

/* Free every block on the chain. */
static inline void chain_release(void *chain)
{
	void **p;

	while (chain) {
		p = chain;
		chain = p[0];
		free_pages((unsigned long)p, (unsigned long)p[1]);
	}
}

#endif
