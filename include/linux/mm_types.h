/*
 * struct page: one per physical page frame (4 KiB), kept in arrays per
 * memory section (see mmzone.h), each array on its own node's memory.
 *
 * flags holds PG_* bits (page-flags.h) at the bottom and, at the top,
 * the page's section, node and zone, so page_to_pfn(), page_to_nid() and
 * page_zone() need no lookup.
 *
 * (Z) zone->lock while the page is free or on a per-CPU list
 * (O) the owner of an allocated page
 * (S) the slab's node list_lock, for a page of a slab (PG_slab)
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned long flags;	/* PG_* bits, section, node, zone */
	struct list_head lru;	/* (Z) on a free list or a per-CPU list */
	/*
	 * (Z) free: the order of the free block this page heads (PG_buddy).
	 * (O) allocated: the order of the block this page heads (PG_head).
	 */
	unsigned long private;
	int _refcount;		/* 0 when free; 1 when allocated, more if shared */
	/* A slab's first page also links it on its node's lists, via lru. */
	unsigned int inuse;		/* (S) slab: objects handed out */
	struct kmem_cache *slab_cache;	/* (S) slab: its cache, on every page */
	void *freelist;			/* (S) slab: first free object */
};

#endif
