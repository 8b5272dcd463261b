/*
 * Object caches and kmalloc (mm/slab.c), with Linux's interface:
 *
 *   kmem_cache_create(name, size, align, flags, ctor), kmem_cache_alloc(),
 *   kmem_cache_alloc_node(), kmem_cache_free(), kmem_cache_destroy(),
 *   kmem_cache_shrink();
 *   kmalloc(), kzalloc(), kcalloc(), kmalloc_node(), krealloc(), kfree(),
 *   ksize().
 *
 * kmalloc() of a constant size is inline and picks its cache at compile
 * time (as Linux's does): a kmem_cache_alloc() call.  Other sizes go to
 * __kmalloc(), which looks the size class up in a table.
 *
 * kmalloc memory is physically contiguous and in the direct map, so it
 * can be handed to the DMA map routines; a request too large for one
 * contiguous block fails (NULL).  kmalloc(0) returns ZERO_SIZE_PTR, which
 * kfree() accepts like NULL.  Power-of-two sizes are aligned to their
 * size, everything to at least 8 bytes.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <asm/page.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

/* Debugging, per cache (slab_debug on the command line: every cache). */
#define SLAB_RED_ZONE		0x00000400u	/* guard bytes after each object */
#define SLAB_POISON		0x00000800u	/* fill free objects, check on reuse */
#define SLAB_STORE_USER		0x00010000u	/* remember who allocated and freed */
#define SLAB_DEBUG_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000u	/* slabs from ZONE_DMA */
#define SLAB_CACHE_DMA32	0x00008000u	/* slabs from ZONE_DMA32 or below */

#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN	8
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	8192	/* larger goes to the page allocator */
#define KMALLOC_MAX_SIZE	(PAGE_SIZE << (MAX_ORDER - 1))

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
/* Refuses (with a report) while objects of the cache are still allocated. */
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node);
void kmem_cache_free(struct kmem_cache *s, void *obj);
/* Give back every cached free object and every empty slab. */
int kmem_cache_shrink(struct kmem_cache *s);

void *kmalloc_node(size_t size, gfp_t flags, int node);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *p);
size_t ksize(const void *p);

/*
 * kmalloc's caches: one set per zone a caller may ask for, so GFP_DMA
 * and GFP_DMA32 memory is what it says (Linux: enum kmalloc_cache_type).
 * Set up by kmem_cache_init(), constant after.
 */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_DMA32,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

/* Size classes 8, 16, 32, 64, 96, 128, 192, 256, 512 ... 8192 bytes. */
#define KMALLOC_NR	13
extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_NR];

static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (flags & __GFP_DMA)
		return KMALLOC_DMA;
	return flags & __GFP_DMA32 ? KMALLOC_DMA32 : KMALLOC_NORMAL;
}

/*
 * The class of a size from 1 to KMALLOC_MAX_CACHE_SIZE, written so that
 * it folds to a constant for a constant size (Linux's __kmalloc_index);
 * kmalloc_index() (mm/slab.h) answers the same at run time.
 */
static __always_inline int __kmalloc_index(size_t size)
{
	if (size <= 8)
		return 0;
	if (size <= 16)
		return 1;
	if (size <= 32)
		return 2;
	if (size <= 64)
		return 3;
	if (size <= 96)
		return 4;
	if (size <= 128)
		return 5;
	if (size <= 192)
		return 6;
	if (size <= 256)
		return 7;
	if (size <= 512)
		return 8;
	if (size <= 1024)
		return 9;
	if (size <= 2048)
		return 10;
	return size <= 4096 ? 11 : 12;
}

/* Any size: the table lookup, or the page allocator above 8 KiB. */
void *__kmalloc(size_t size, gfp_t flags);

static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_caches[kmalloc_type(flags)]
						      [__kmalloc_index(size)], flags);
	return __kmalloc(size, flags);
}

static __always_inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* n * size bytes, zeroed; NULL when the product overflows. */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags | __GFP_ZERO);
}

/* Boot: the kmalloc caches (after the page allocator). */
void kmem_cache_init(void);

/* Every cache: shrink (tests and memory reports); pages held by slabs. */
void kmem_cache_shrink_all(void);
unsigned long slab_pages(void);

/* /proc/slabinfo text, version 2.1; returns its length. */
size_t slabinfo_show(char *buf, size_t size);

#endif
