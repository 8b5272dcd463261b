/*
 * The fixture of the host test of the slab core (test_slab.c and the
 * files beside this one): a seeded random number generator, caches
 * filled in as kmem_cache_create() does, slabs of aligned host memory
 * with their struct page, a constructor that counts its calls and writes
 * a pattern, and the checked take/put loops every case uses; debug.c
 * adds the checks of the debugging patterns and reports.
 *
 * One case runs at a time; the constructor's counters belong to the slab
 * slab_new() set up last.
 */
#ifndef HOST_SLAB_FIXTURE_H
#define HOST_SLAB_FIXTURE_H

/*
 * The C library's headers and the kernel's compiler.h both define
 * __always_inline (to the same effect); drop the first so the second can.
 */
#undef __always_inline

/* The prototypes come from mm/slab.h, under their host names. */
#define slab_calculate_sizes kern_slab_calculate_sizes
#define slab_init_objects kern_slab_init_objects
#define slab_take_object kern_slab_take_object
#define slab_put_object kern_slab_put_object
#define slab_debug_alloc kern_slab_debug_alloc
#define slab_debug_free kern_slab_debug_free
#define kmalloc_index kern_kmalloc_index
#define kmalloc_size kern_kmalloc_size
#include "../../mm/slab.h"

#include <linux/errno.h>

#include "../ktap.h"
#include "../printk_capture.h"

/*
 * Callers passed to the debug checks: addresses inside fake_fn, the one
 * symbol the host's sprint_symbol() knows (0x1000..0x10ff), so that a
 * report shows them as "fake_fn+0x../0x100".
 */
#define CALLER(off)	(0x1000UL + (off))

/* The largest possible number of objects in one slab (8-byte slots). */
#define MAX_OBJECTS	((PAGE_SIZE << SLAB_MAX_ORDER) / 8)

/* A deterministic random number generator, splitmix64 (fixture.c) */
void rand_seed(u64 seed);
unsigned long rand_below(unsigned long n);
void shuffle(void **v, unsigned long n);

/* Has printk() been called since `since` (a host_printk_calls value)? */
bool reported_since(unsigned long since);

/* A cache with a slab of its own (fixture.c) */
struct tslab {
	struct kmem_cache *s;
	struct page page;	/* the slab's struct page: freelist, inuse */
	char *base;		/* the slab's memory */
	size_t bytes;		/* PAGE_SIZE << s->order */
};

struct kmem_cache *cache_new(const char *name, unsigned int size,
			     unsigned int align, slab_flags_t flags,
			     void (*ctor)(void *), int *rc);
bool is_debug(const struct kmem_cache *s);
void slab_new(struct tslab *t, struct kmem_cache *s);
void slab_delete(struct tslab *t);
long slot_of(const struct tslab *t, const void *obj);
bool check_taken(const struct tslab *t, const void *obj, bool *seen);
bool take_all(struct tslab *t, void **objs, unsigned int *n, bool *seen,
	      unsigned long caller);
bool put_all(struct tslab *t, void **objs, unsigned int n, bool *seen,
	     unsigned long caller);
unsigned int red_zone_end(const struct kmem_cache *s);

/* The constructor: counts its calls and writes a pattern (fixture.c) */
extern unsigned int ctor_runs[MAX_OBJECTS];	/* calls per slot of the slab */
extern unsigned long ctor_calls;		/* calls in all */
void fill_pattern(void *obj, size_t n, unsigned int tag);
long pattern_broken(const void *obj, size_t n, unsigned int tag);
#define CTOR_TAG	0xa1
void test_ctor(void *obj);

/* The debugging checks (debug.c) */
bool is_poisoned(const struct kmem_cache *s, const void *obj);
bool red_zone_is(const struct kmem_cache *s, const void *obj, u8 value);
bool check_report(const struct kmem_cache *s, unsigned long since,
		  const char *problem, unsigned long caller);
bool log_has_caller(unsigned long caller);
bool debug_take(struct tslab *t, void **obj, unsigned long caller);
bool debug_give(struct tslab *t, void *obj, unsigned long caller);
bool still_works(struct tslab *t);

/* The kmalloc size classes, smallest first (kmalloc_test.c) */
extern const unsigned int kmalloc_classes[KMALLOC_NR];

/* The cases, one file each */
void test_kmalloc_classes(void);
void test_layout(void);
void test_freelist(void);
void test_debug(void);
void test_random(void);

#endif
