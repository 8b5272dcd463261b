/*
 * The slab allocator's object-level core: how objects sit in a slab,
 * how free ones are linked, and the debugging checks.
 *
 * A slab is 2^order pages holding `objects` slots of `size` bytes.  Each
 * free object stores a pointer to the next free one at `offset` in its
 * slot: inside the object itself (offset 0) when nothing else needs
 * those bytes, after the object when the cache has a constructor (whose
 * work must survive) or debugging (whose poison must).  With debugging a
 * slot is laid out as:
 *
 *   | object (object_size) | red zone | free pointer | alloc caller | free caller |
 *
 * The red zone (the padding up to 8 bytes plus 8 more) reads 0xcc while
 * the object is allocated and 0xbb while it is free, so it tells an
 * overflow (neither pattern intact) from a double free (still 0xbb).  A
 * free object is filled with 0x6b and ends with 0xa5, so a write after
 * free shows when the object is next handed out.
 *
 * Locking: the caller holds what protects the slab (its node's
 * list_lock), or owns the slab alone (a new one); the debug checks look
 * only at one object, which the caller owns.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "slab.h"

static const unsigned int kmalloc_sizes[KMALLOC_NR] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

/* LAB(slab): write kmalloc_index(): the smallest size class that fits */
/* The class of sizes 1..192, by (size - 1) / 8 (Linux's size_index). */
static const u8 kmalloc_size_index[24] = {
	0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
	6, 6, 6, 6, 6, 6, 6, 6,
};

int kmalloc_index(size_t size)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return -1;
	if (size <= 192)
		return size ? kmalloc_size_index[(size - 1) / 8] : 0;
	return fls(size - 1) - 1;	/* 193..256: 7, ... 4097..8192: 12 */
}
#if 0	/* LAB(slab) stub */
/* A stand-in with no class at all: every kmalloc() takes whole pages. */
int kmalloc_index(size_t size)
{
	return -1;
}
#endif	/* END LAB(slab) */

unsigned int kmalloc_size(int index)
{
	return kmalloc_sizes[index];
}

static unsigned int red_zone_end(const struct kmem_cache *s)
{
	return ALIGN(s->object_size, 8) + SLAB_RED_ZONE_SIZE;
}

int slab_calculate_sizes(struct kmem_cache *s)
{
	unsigned int size;

	if (!s->object_size || s->object_size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return -EINVAL;
	if (s->align & (s->align - 1))
		return -EINVAL;		/* alignments are powers of two */
	s->align = max(s->align, (unsigned int)ARCH_KMALLOC_MINALIGN);
	if (s->ctor)
		s->flags &= ~SLAB_POISON;	/* the constructed state must stay */

	size = ALIGN(s->object_size, 8);
	s->red_left = s->object_size;
	if (s->flags & SLAB_RED_ZONE)
		size = red_zone_end(s);
	s->offset = 0;
	if (s->ctor || (s->flags & SLAB_DEBUG_FLAGS)) {
		s->offset = size;
		size += sizeof(void *);
	}
	s->track = size;
	if (s->flags & SLAB_STORE_USER)
		size += 2 * sizeof(unsigned long);
	s->size = ALIGN(size, s->align);

	for (s->order = 0; s->order < SLAB_MAX_ORDER; s->order++)
		if ((PAGE_SIZE << s->order) / s->size >= SLAB_MIN_OBJECTS)
			break;
	s->objects = (PAGE_SIZE << s->order) / s->size;
	return s->objects ? 0 : -EINVAL;
}

static unsigned long *track(const struct kmem_cache *s, void *obj)
{
	return (unsigned long *)((char *)obj + s->track);	/* [0] alloc, [1] free */
}

static void set_red_zone(const struct kmem_cache *s, void *obj, u8 value)
{
	if (s->flags & SLAB_RED_ZONE)
		memset((char *)obj + s->red_left, value,
		       red_zone_end(s) - s->red_left);
}

static void set_poison(const struct kmem_cache *s, void *obj)
{
	if (!(s->flags & SLAB_POISON))
		return;
	memset(obj, POISON_FREE, s->object_size - 1);
	((u8 *)obj)[s->object_size - 1] = POISON_END;
}

/* LAB(slab): write the slab's free list: set it up, take and put an object */
/* Where a free object keeps the pointer to the next free one. */
static void **freepointer(const struct kmem_cache *s, void *obj)
{
	return (void **)((char *)obj + s->offset);
}

void slab_init_objects(struct kmem_cache *s, struct page *slab, void *base)
{
	void *next = NULL, *obj;
	int i;

	for (i = s->objects - 1; i >= 0; i--) {
		obj = (char *)base + i * s->size;
		set_poison(s, obj);
		set_red_zone(s, obj, SLUB_RED_INACTIVE);
		if (s->flags & SLAB_STORE_USER)
			track(s, obj)[0] = track(s, obj)[1] = 0;
		if (s->ctor)
			s->ctor(obj);
		*freepointer(s, obj) = next;
		next = obj;
	}
	slab->freelist = next;
	slab->inuse = 0;
}

void *slab_take_object(struct kmem_cache *s, struct page *slab)
{
	void *obj = slab->freelist;

	if (obj) {
		slab->freelist = *freepointer(s, obj);
		slab->inuse++;
	}
	return obj;
}

void slab_put_object(struct kmem_cache *s, struct page *slab, void *obj)
{
	*freepointer(s, obj) = slab->freelist;
	slab->freelist = obj;
	slab->inuse--;
}
#if 0	/* LAB(slab) stub */
/*
 * A stand-in with one object per slab, the first: the slab counts the
 * others as handed out, so they never are, and it is never empty again.
 * It works, at the cost of a slab for every object.
 */
void slab_init_objects(struct kmem_cache *s, struct page *slab, void *base)
{
	if (s->ctor)
		s->ctor(base);
	slab->freelist = base;
	slab->inuse = s->objects - 1;
}

void *slab_take_object(struct kmem_cache *s, struct page *slab)
{
	void *obj = slab->freelist;

	if (obj) {
		slab->freelist = NULL;
		slab->inuse++;
	}
	return obj;
}

void slab_put_object(struct kmem_cache *s, struct page *slab, void *obj)
{
	slab->freelist = obj;
	slab->inuse--;
}
#endif	/* END LAB(slab) */

/* ---- debugging ---- */

/* The first byte of [p, p + n) that is not value, or NULL. */
static u8 *check_bytes(void *p, u8 value, size_t n)
{
	u8 *b = p;

	for (; n; n--, b++)
		if (*b != value)
			return b;
	return NULL;
}

static void slab_report(const struct kmem_cache *s, void *obj,
			unsigned long caller, const char *problem)
{
	pr_err("BUG %s: %s: object %p, caller %pS\n", s->name, problem, obj,
	       (void *)caller);
	if (s->flags & SLAB_STORE_USER)
		pr_err("  last allocated by %pS, last freed by %pS\n",
		       (void *)track(s, obj)[0], (void *)track(s, obj)[1]);
}

static bool red_zone_is(const struct kmem_cache *s, void *obj, u8 value)
{
	return !(s->flags & SLAB_RED_ZONE) ||
	       !check_bytes((char *)obj + s->red_left, value,
			    red_zone_end(s) - s->red_left);
}

static bool poison_intact(const struct kmem_cache *s, void *obj)
{
	return !(s->flags & SLAB_POISON) ||
	       (!check_bytes(obj, POISON_FREE, s->object_size - 1) &&
		((u8 *)obj)[s->object_size - 1] == POISON_END);
}

void slab_debug_alloc(struct kmem_cache *s, void *obj, unsigned long caller)
{
	if (!red_zone_is(s, obj, SLUB_RED_INACTIVE))
		slab_report(s, obj, caller, "Redzone overwritten while free");
	if (!poison_intact(s, obj))
		slab_report(s, obj, caller, "Poison overwritten (write after free)");
	set_red_zone(s, obj, SLUB_RED_ACTIVE);
	if (s->flags & SLAB_STORE_USER)
		track(s, obj)[0] = caller;
}

bool slab_debug_free(struct kmem_cache *s, void *base, void *obj,
		     unsigned long caller)
{
	long off = (char *)obj - (char *)base;
	if (off < 0 || off >= (long)(s->objects * s->size) || off % s->size) {
		pr_err("BUG %s: Invalid object pointer %p, caller %pS\n",
		       s->name, obj, (void *)caller);
		return false;
	}
	if ((s->flags & SLAB_RED_ZONE) && red_zone_is(s, obj, SLUB_RED_INACTIVE)) {
		slab_report(s, obj, caller, "Object already free (double free)");
		return false;
	}
	if (!red_zone_is(s, obj, SLUB_RED_ACTIVE))
		slab_report(s, obj, caller, "Redzone overwritten (write past the end)");
	set_poison(s, obj);
	set_red_zone(s, obj, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		track(s, obj)[1] = caller;
	return true;
}
