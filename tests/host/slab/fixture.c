/*
 * What every case of the slab test shares: the random number generator,
 * caches and their slabs, the constructor, and taking or putting back
 * every object of a slab with the checks of each step.
 *
 * Invariants: a slab from slab_new() is PAGE_SIZE << order bytes aligned
 * to its size, as a block from the buddy allocator is, and starts with
 * junk in its memory and in its page's freelist and inuse, which
 * slab_init_objects() must set up; ctor_slab is the last such slab.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* ---- a deterministic random number generator (splitmix64) ---- */

static u64 rand_state;

void rand_seed(u64 seed)
{
	rand_state = seed;
}

static u64 rand_next(void)
{
	u64 z = (rand_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

unsigned long rand_below(unsigned long n)
{
	return rand_next() % n;
}

/* Shuffle n pointers in place (Fisher-Yates). */
void shuffle(void **v, unsigned long n)
{
	unsigned long i, j;
	void *t;

	for (i = n; i > 1; i--) {
		j = rand_below(i);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* ---- checks ---- */

/* REQUIRE() and host_nr_checks come from ktap.h. */

/* Has printk() been called since `since` (a host_printk_calls value)? */
bool reported_since(unsigned long since)
{
	return host_printk_calls != since;
}

/* ---- a cache with a slab of its own ---- */

/*
 * A cache as kmem_cache_create() fills one in, its sizes worked out by
 * slab_calculate_sizes(), whose result goes to *rc.  Freed with free().
 */
struct kmem_cache *cache_new(const char *name, unsigned int size,
			     unsigned int align, slab_flags_t flags,
			     void (*ctor)(void *), int *rc)
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	s->name = name;
	s->object_size = size;
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	*rc = kern_slab_calculate_sizes(s);
	return s;
}

bool is_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* ---- the constructor: counts its calls and writes a pattern ---- */

static struct tslab *ctor_slab;			/* the slab being set up */
unsigned int ctor_runs[MAX_OBJECTS];	/* calls per slot of it */
unsigned long ctor_calls;		/* calls in all */

/*
 * The byte at offset j of the object at obj after a writer with this
 * tag filled it: it depends on the object's address, so that one
 * object's bytes copied into another would show.
 */
static u8 pattern_byte(const void *obj, size_t j, unsigned int tag)
{
	return (u8)((unsigned long)obj / 8 * 29 + j * 13 + tag);
}

void fill_pattern(void *obj, size_t n, unsigned int tag)
{
	size_t j;

	for (j = 0; j < n; j++)
		((u8 *)obj)[j] = pattern_byte(obj, j, tag);
}

/* The offset of the first byte that is not as fill_pattern() left it, or -1. */
long pattern_broken(const void *obj, size_t n, unsigned int tag)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (((const u8 *)obj)[j] != pattern_byte(obj, j, tag))
			return (long)j;
	return -1;
}

void test_ctor(void *obj)
{
	struct tslab *t = ctor_slab;
	long off = (char *)obj - t->base;

	ctor_calls++;
	if (off >= 0 && off < (long)t->bytes && off % t->s->size == 0)
		ctor_runs[off / t->s->size]++;
	else
		printf("# the constructor got %p, not an object of the slab at %p\n",
		       obj, t->base);
	fill_pattern(obj, t->s->object_size, CTOR_TAG);
}

/*
 * Give cache s a new slab: memory aligned to its size, as a block from
 * the buddy allocator is, and a zeroed struct page.  The memory is
 * filled with garbage and the two page fields the core owns get junk:
 * slab_init_objects() must set up everything it relies on.
 */
void slab_new(struct tslab *t, struct kmem_cache *s)
{
	t->s = s;
	t->bytes = PAGE_SIZE << s->order;
	t->base = aligned_alloc(t->bytes, t->bytes);
	memset(t->base, 0x3c, t->bytes);
	memset(&t->page, 0, sizeof(t->page));
	t->page.freelist = (void *)0x3c3c3c3c3c3c3c3cUL;
	t->page.inuse = 0x3c3c;
	ctor_slab = t;
	memset(ctor_runs, 0, sizeof(ctor_runs));
	ctor_calls = 0;
	kern_slab_init_objects(s, &t->page, t->base);
}

void slab_delete(struct tslab *t)
{
	free(t->base);
	t->base = NULL;
}

/* The slot index of obj in the slab, or -1 if obj does not start a slot. */
long slot_of(const struct tslab *t, const void *obj)
{
	long off = (const char *)obj - t->base;

	if (off < 0 || off >= (long)(t->s->objects * t->s->size) ||
	    off % t->s->size)
		return -1;
	return off / t->s->size;
}

/*
 * Check an object just taken: it starts a slot of the slab, is aligned
 * as the cache promises, and is not taken already (seen[], by slot).
 * Marks it in seen[].
 */
bool check_taken(const struct tslab *t, const void *obj, bool *seen)
{
	const struct kmem_cache *s = t->s;
	long slot = slot_of(t, obj);

	REQUIRE(slot >= 0, "%s: took %p, not an object of the slab [%p, +%#zx)",
		s->name, obj, t->base, t->bytes);
	REQUIRE((unsigned long)obj % s->align == 0 && (unsigned long)obj % 8 == 0,
		"%s: object %p not aligned to %u", s->name, obj, s->align);
	REQUIRE(!seen[slot], "%s: object %ld (%p) handed out twice",
		s->name, slot, obj);
	seen[slot] = true;
	return true;
}

/*
 * Take every free object of the slab into objs[] (*n of them), checking
 * each and inuse after each, then that the slab is full: no free object
 * left, inuse == objects.  seen[] marks the objects the test holds.
 */
bool take_all(struct tslab *t, void **objs, unsigned int *n, bool *seen,
	      unsigned long caller)
{
	struct kmem_cache *s = t->s;
	unsigned long calls = host_printk_calls;
	unsigned int inuse = t->page.inuse;
	void *obj;

	*n = 0;
	while ((obj = kern_slab_take_object(s, &t->page))) {
		REQUIRE(*n < s->objects, "%s: more than %u objects in a slab",
			s->name, s->objects);
		if (!check_taken(t, obj, seen))
			return false;
		if (is_debug(s))
			kern_slab_debug_alloc(s, obj, caller);
		objs[(*n)++] = obj;
		REQUIRE(t->page.inuse == inuse + *n, "%s: inuse %u after %u takes from %u",
			s->name, t->page.inuse, *n, inuse);
	}
	REQUIRE(t->page.inuse == s->objects, "%s: inuse %u with the slab full, not %u",
		s->name, t->page.inuse, s->objects);
	REQUIRE(!t->page.freelist, "%s: freelist %p with the slab full",
		s->name, t->page.freelist);
	REQUIRE(!kern_slab_take_object(s, &t->page),
		"%s: an object from a full slab", s->name);
	REQUIRE(t->page.inuse == s->objects, "%s: inuse %u after a failed take",
		s->name, t->page.inuse);
	REQUIRE(!reported_since(calls), "%s: a report while taking good objects",
		s->name);
	return true;
}

/* Give back n objects of objs[] (the debug check first, for debug caches). */
bool put_all(struct tslab *t, void **objs, unsigned int n, bool *seen,
	     unsigned long caller)
{
	struct kmem_cache *s = t->s;
	unsigned long calls = host_printk_calls;
	unsigned int i, inuse = t->page.inuse;

	for (i = 0; i < n; i++) {
		if (is_debug(s))
			REQUIRE(kern_slab_debug_free(s, t->base, objs[i], caller),
				"%s: slab_debug_free refused good object %p",
				s->name, objs[i]);
		kern_slab_put_object(s, &t->page, objs[i]);
		seen[slot_of(t, objs[i])] = false;
		REQUIRE(t->page.inuse == inuse - i - 1, "%s: inuse %u after %u puts from %u",
			s->name, t->page.inuse, i + 1, inuse);
	}
	REQUIRE(!reported_since(calls), "%s: a report while freeing good objects",
		s->name);
	return true;
}

/* The red zone of a slot: the padding up to 8 bytes, plus 8 more. */
unsigned int red_zone_end(const struct kmem_cache *s)
{
	return ALIGN(s->object_size, 8) + SLAB_RED_ZONE_SIZE;
}
