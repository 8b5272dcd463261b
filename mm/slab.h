/*
 * Inside the slab allocator: struct kmem_cache, and the object-level
 * core (mm/slab_obj.c) that lays objects out in a slab, links the free
 * ones, and does the debugging checks.  The core touches only the slab's
 * memory and its struct page, so the host tests run it as it is.
 *
 * Legend: (C) constant after kmem_cache_create  (P) the owning CPU with
 * interrupts off  (N) node->list_lock
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/numa.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define SLAB_CPU_CACHE_MAX	32	/* objects a CPU keeps per cache */
#define SLAB_NODE_RESERVE	1	/* empty slabs a node keeps per cache */
#define SLAB_MAX_ORDER		3	/* slabs are at most 32 KiB */
#define SLAB_MIN_OBJECTS	8

/* Debug patterns, Linux's values (include/linux/poison.h). */
#define POISON_FREE		0x6b	/* a free object's bytes */
#define POISON_END		0xa5	/* its last byte */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define SLAB_RED_ZONE_SIZE	8

/* A CPU's magazine: free objects of one cache, last freed on top. */
struct array_cache {
	unsigned int avail;			/* (P) objects in entry[] */
	unsigned int limit;			/* (C) */
	unsigned int batchcount;		/* (C) moved per refill / flush */
	void *entry[SLAB_CPU_CACHE_MAX];	/* (P) */
};

struct kmem_cache_node {
	spinlock_t list_lock;		/* protects the (N) fields and slabs */
	struct list_head partial;	/* (N) slabs with free and used objects */
	struct list_head full;		/* (N) slabs with no free object */
	struct list_head empty;		/* (N) at most SLAB_NODE_RESERVE */
	unsigned long nr_slabs;		/* (N) on all three lists */
	unsigned long nr_empty;		/* (N) */
};

struct kmem_cache {
	const char *name;			/* (C) */
	unsigned int object_size;		/* (C) the size asked for */
	unsigned int size;			/* (C) one slot, with debug data */
	unsigned int align;			/* (C) */
	unsigned int offset;			/* (C) free pointer in the slot */
	unsigned int red_left;			/* (C) red zone start in the slot */
	unsigned int track;			/* (C) caller records in the slot */
	unsigned int order;			/* (C) pages per slab: 2^order */
	unsigned int objects;			/* (C) per slab */
	slab_flags_t flags;			/* (C) */
	gfp_t allocflags;			/* (C) added for slab pages */
	void (*ctor)(void *);			/* (C) */
	struct list_head list;			/* slab_mutex */
	struct array_cache cpu_cache[NR_CPUS];	/* (P) */
	struct kmem_cache_node node[MAX_NUMNODES];
};

/* ---- the object-level core, mm/slab_obj.c ---- */

/* Work out slot layout, order and objects per slab; 0 or -EINVAL. */
int slab_calculate_sizes(struct kmem_cache *s);

/* Link every object of a new slab at base; run ctor; set debug bytes. */
void slab_init_objects(struct kmem_cache *s, struct page *slab, void *base);

/* Take a free object from the slab (NULL if none) / give one back. */
void *slab_take_object(struct kmem_cache *s, struct page *slab);
void slab_put_object(struct kmem_cache *s, struct page *slab, void *obj);

/*
 * Debug checks, for caches with SLAB_DEBUG_FLAGS.  alloc: the object was
 * left untouched while free (poison, red zone); repairs and reports.
 * free: obj is an object of this slab, not already free, its red zone
 * intact; returns false (after a report) when the free must not happen.
 */
void slab_debug_alloc(struct kmem_cache *s, void *obj, unsigned long caller);
bool slab_debug_free(struct kmem_cache *s, void *base,
		     void *obj, unsigned long caller);

/*
 * The kmalloc size class for size (0..KMALLOC_NR-1), or -1 if too big:
 * a table by 8-byte steps up to 192 bytes, the highest bit above.
 */
int kmalloc_index(size_t size);
unsigned int kmalloc_size(int index);

#endif
