/*
 * The slab allocator's object-level core (mm/slab_obj.c, built for the
 * host with kern_ names): how objects are laid out in a slab, how free
 * ones are linked, and the debugging checks.
 *
 * How: the core needs only a struct kmem_cache, the memory of a slab and
 * the slab's struct page (freelist and inuse).  The test fills in a
 * zeroed kmem_cache as kmem_cache_create() does (name, object_size,
 * align, flags, ctor), lets slab_calculate_sizes() work out the rest,
 * and gives it a "slab": PAGE_SIZE << order bytes from aligned_alloc(),
 * aligned to their size as a block from the buddy allocator is, and a
 * zeroed struct page.  The slab's memory and the page's freelist and
 * inuse start as junk: slab_init_objects() must set them all up.  The
 * test then plays the part of mm/slab.c: it takes and puts objects and,
 * for debug caches, calls slab_debug_alloc() and slab_debug_free()
 * around them.  Reports go through printk(), which tests/host/symbols.c
 * formats with the kernel's vsnprintf and keeps in host_printk_log
 * (printk_capture.h), so the test can read them; they also appear in
 * the output as "# BUG ..." lines.  ASan and UBSan watch every access
 * the core makes.
 *
 * Cases:
 *  - test_kmalloc_classes: kmalloc_index() picks the smallest class that
 *    fits every size 1..8192 and none above; kmalloc_size() gives back
 *    the 13 class sizes.
 *  - test_layout: for every kmalloc class and some odd sizes, several
 *    alignments, each debug flag and a constructor: the slot holds the
 *    object, the free pointer, red zone and caller records apart from
 *    each other and from the object; the objects fit the slab and are
 *    aligned; then a real slab is used once round to show it.  Bad
 *    sizes and alignments give -EINVAL.
 *  - test_freelist: every object of a slab can be taken exactly once,
 *    then none; put back in random orders they come back; inuse counts;
 *    a constructor runs once per object and its work survives.
 *  - test_debug: poison and red zone patterns, and each misuse: a write
 *    past the end, a double free, a write after free, a red zone write
 *    while free, bad pointers.  Each is reported, naming the cache and
 *    the caller; afterwards the cache works and reports nothing more.
 *  - test_random: seeded random takes and puts (25000 per cache, 14
 *    caches of kmalloc and odd sizes, debug on and off, two with a
 *    constructor; two slabs each) against a model of the objects held:
 *    no object handed out twice, NULL only when all are held, inuse
 *    equal to the model's count, a held object keeps what its holder
 *    wrote, and no report at all.  A failure prints the last operations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#include "ktap.h"
#include "printk_capture.h"

/*
 * Callers passed to the debug checks: addresses inside fake_fn, the one
 * symbol the host's sprint_symbol() knows (0x1000..0x10ff), so that a
 * report shows them as "fake_fn+0x../0x100".
 */
#define CALLER(off)	(0x1000UL + (off))

/* The largest possible number of objects in one slab (8-byte slots). */
#define MAX_OBJECTS	((PAGE_SIZE << SLAB_MAX_ORDER) / 8)

/* ---- a deterministic random number generator (splitmix64) ---- */

static u64 rand_state;

static void rand_seed(u64 seed)
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

static unsigned long rand_below(unsigned long n)
{
	return rand_next() % n;
}

/* Shuffle n pointers in place (Fisher-Yates). */
static void shuffle(void **v, unsigned long n)
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
static bool reported_since(unsigned long since)
{
	return host_printk_calls != since;
}

/* ---- a cache with a slab of its own ---- */

struct tslab {
	struct kmem_cache *s;
	struct page page;	/* the slab's struct page: freelist, inuse */
	char *base;		/* the slab's memory */
	size_t bytes;		/* PAGE_SIZE << s->order */
};

/*
 * A cache as kmem_cache_create() fills one in, its sizes worked out by
 * slab_calculate_sizes(), whose result goes to *rc.  Freed with free().
 */
static struct kmem_cache *cache_new(const char *name, unsigned int size,
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

static bool is_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* ---- the constructor: counts its calls and writes a pattern ---- */

static struct tslab *ctor_slab;			/* the slab being set up */
static unsigned int ctor_runs[MAX_OBJECTS];	/* calls per slot of it */
static unsigned long ctor_calls;		/* calls in all */

/*
 * The byte at offset j of the object at obj after a writer with this
 * tag filled it: it depends on the object's address, so that one
 * object's bytes copied into another would show.
 */
static u8 pattern_byte(const void *obj, size_t j, unsigned int tag)
{
	return (u8)((unsigned long)obj / 8 * 29 + j * 13 + tag);
}

static void fill_pattern(void *obj, size_t n, unsigned int tag)
{
	size_t j;

	for (j = 0; j < n; j++)
		((u8 *)obj)[j] = pattern_byte(obj, j, tag);
}

/* The offset of the first byte that is not as fill_pattern() left it, or -1. */
static long pattern_broken(const void *obj, size_t n, unsigned int tag)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (((const u8 *)obj)[j] != pattern_byte(obj, j, tag))
			return (long)j;
	return -1;
}

#define CTOR_TAG	0xa1

static void test_ctor(void *obj)
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
static void slab_new(struct tslab *t, struct kmem_cache *s)
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

static void slab_delete(struct tslab *t)
{
	free(t->base);
	t->base = NULL;
}

/* The slot index of obj in the slab, or -1 if obj does not start a slot. */
static long slot_of(const struct tslab *t, const void *obj)
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
static bool check_taken(const struct tslab *t, const void *obj, bool *seen)
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
static bool take_all(struct tslab *t, void **objs, unsigned int *n, bool *seen,
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
static bool put_all(struct tslab *t, void **objs, unsigned int n, bool *seen,
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

/* ---- case 1: the kmalloc size classes ---- */

static const unsigned int kmalloc_classes[KMALLOC_NR] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

static bool check_kmalloc_classes(void)
{
	size_t size;
	int i;

	for (i = 0; i < KMALLOC_NR; i++)
		REQUIRE(kern_kmalloc_size(i) == kmalloc_classes[i],
			"class %d is %u bytes, not %u", i, kern_kmalloc_size(i),
			kmalloc_classes[i]);
	/* Every size goes to the smallest class that holds it. */
	for (size = 1; size <= 8192; size++) {
		i = kern_kmalloc_index(size);
		REQUIRE(i >= 0 && i < KMALLOC_NR, "kmalloc_index(%zu) = %d", size, i);
		REQUIRE(kern_kmalloc_size(i) >= size,
			"kmalloc_index(%zu) = %d, of %u bytes", size, i,
			kern_kmalloc_size(i));
		REQUIRE(i == 0 || kern_kmalloc_size(i - 1) < size,
			"kmalloc_index(%zu) = %d, but class %d (%u bytes) holds it",
			size, i, i - 1, kern_kmalloc_size(i - 1));
	}
	REQUIRE(kern_kmalloc_index(8193) == -1, "kmalloc_index(8193) = %d",
		kern_kmalloc_index(8193));
	REQUIRE(kern_kmalloc_index(1UL << 20) == -1, "kmalloc_index(1 MiB) = %d",
		kern_kmalloc_index(1UL << 20));
	return true;
}

static void test_kmalloc_classes(void)
{
	check_kmalloc_classes();
}

/* ---- case 2: layout ---- */

/* The red zone of a slot: the padding up to 8 bytes, plus 8 more. */
static unsigned int red_zone_end(const struct kmem_cache *s)
{
	return ALIGN(s->object_size, 8) + SLAB_RED_ZONE_SIZE;
}

/* Do [a, a + an) and [b, b + bn) share a byte? */
static bool overlap(unsigned int a, unsigned int an, unsigned int b,
		    unsigned int bn)
{
	return a < b + bn && b < a + an;
}

static unsigned int nr_layouts, nr_slabs_used;

/*
 * The numbers slab_calculate_sizes() gave cache s, asked for with
 * align and flags: each part of a slot in its place, the slots in the
 * slab.
 */
static bool check_sizes(const struct kmem_cache *s, unsigned int align,
			slab_flags_t flags)
{
	unsigned int os = s->object_size, slab = PAGE_SIZE << s->order;
	unsigned int fp = sizeof(void *), rz = 0, track = 0;

	REQUIRE(s->align >= max(align, 8U) && !(s->align & (s->align - 1)),
		"%s: align %u, asked for %u", s->name, s->align, align);
	REQUIRE(s->size >= os, "%s: slot of %u bytes for a %u-byte object",
		s->name, s->size, os);
	REQUIRE(s->order <= SLAB_MAX_ORDER, "%s: order %u", s->name, s->order);
	REQUIRE(s->objects >= 1 && (unsigned long)s->objects * s->size <= slab,
		"%s: %u objects of %u bytes in a slab of %u", s->name,
		s->objects, s->size, slab);
	REQUIRE(slab - s->objects * s->size < s->size,
		"%s: room for one more %u-byte slot in a slab of %u with %u",
		s->name, s->size, slab, s->objects);
	/* Slots are whole multiples of the alignment: every one aligned. */
	REQUIRE(s->size % s->align == 0, "%s: slot of %u bytes, align %u",
		s->name, s->size, s->align);
	/* The smallest order with SLAB_MIN_OBJECTS objects, at most the max. */
	REQUIRE(s->order == 0 ||
		(PAGE_SIZE << (s->order - 1)) / s->size < SLAB_MIN_OBJECTS,
		"%s: order %u, but order %u holds %lu objects of %u bytes",
		s->name, s->order, s->order - 1,
		(PAGE_SIZE << (s->order - 1)) / s->size, s->size);
	REQUIRE(s->order == SLAB_MAX_ORDER || s->objects >= SLAB_MIN_OBJECTS,
		"%s: %u objects at order %u", s->name, s->objects, s->order);
	/* A constructor's work must stay: no poisoning over it. */
	REQUIRE(s->flags == (s->ctor ? flags & ~SLAB_POISON : flags),
		"%s: flags %#x, asked for %#x", s->name, s->flags, flags);

	/* The free pointer: aligned, in the slot, out of the object if it must. */
	REQUIRE(s->offset % 8 == 0 && s->offset + fp <= s->size,
		"%s: free pointer at %u in a %u-byte slot", s->name, s->offset,
		s->size);
	if (s->ctor || is_debug(s))
		REQUIRE(!overlap(s->offset, fp, 0, os),
			"%s: free pointer at %u inside the %u-byte object",
			s->name, s->offset, os);
	if (s->flags & SLAB_RED_ZONE) {
		rz = red_zone_end(s) - s->red_left;
		REQUIRE(s->red_left == os,
			"%s: red zone at %u, the object ends at %u", s->name,
			s->red_left, os);
		REQUIRE(red_zone_end(s) <= s->size && rz >= SLAB_RED_ZONE_SIZE,
			"%s: red zone [%u, %u) in a %u-byte slot", s->name,
			s->red_left, red_zone_end(s), s->size);
		REQUIRE(!overlap(s->offset, fp, s->red_left, rz),
			"%s: free pointer at %u in the red zone [%u, %u)",
			s->name, s->offset, s->red_left, red_zone_end(s));
	}
	if (s->flags & SLAB_STORE_USER) {
		track = 2 * sizeof(unsigned long);
		REQUIRE(s->track % 8 == 0 && s->track + track <= s->size,
			"%s: caller records at %u in a %u-byte slot", s->name,
			s->track, s->size);
		REQUIRE(!overlap(s->track, track, 0, os) &&
			!overlap(s->track, track, s->offset, fp) &&
			(!rz || !overlap(s->track, track, s->red_left, rz)),
			"%s: caller records at %u overlap the object (%u), free pointer (%u) or red zone (%u)",
			s->name, s->track, os, s->offset, s->red_left);
	}
	return true;
}

/*
 * Use one real slab of cache s once round: take every object (aligned,
 * distinct), write all of each; give them back in a random order, the
 * writes intact and, for debug caches, no report; take them all again
 * with no report.  A free pointer or debug data over the object would
 * show here as a broken write or a report.
 */
static bool use_slab(struct kmem_cache *s)
{
	static void *objs[MAX_OBJECTS];
	static bool seen[MAX_OBJECTS];
	unsigned int n, i;
	struct tslab t;
	long bad;
	bool ok = false;

	slab_new(&t, s);
	nr_slabs_used++;
	memset(seen, 0, sizeof(seen));
	if (s->ctor && ctor_calls != s->objects) {
		printf("# %s: %lu constructor calls for %u objects\n", s->name,
		       ctor_calls, s->objects);
		goto out;
	}
	if (!take_all(&t, objs, &n, seen, CALLER(0x01)))
		goto out;
	for (i = 0; i < n; i++) {
		if (s->ctor && (bad = pattern_broken(objs[i], s->object_size,
						     CTOR_TAG)) >= 0) {
			printf("# %s: the constructed object %p changed at byte %ld\n",
			       s->name, objs[i], bad);
			goto out;
		}
		fill_pattern(objs[i], s->object_size, 0x17);
	}
	shuffle(objs, n);
	for (i = 0; i < n; i++) {
		if ((bad = pattern_broken(objs[i], s->object_size, 0x17)) >= 0) {
			printf("# %s: allocated object %p changed at byte %ld\n",
			       s->name, objs[i], bad);
			goto out;
		}
	}
	if (!put_all(&t, objs, n, seen, CALLER(0x02)) ||
	    !take_all(&t, objs, &n, seen, CALLER(0x03)))
		goto out;
	/* With a constructor nothing may change a free object: the writes stay. */
	for (i = 0; s->ctor && i < n; i++) {
		if ((bad = pattern_broken(objs[i], s->object_size, 0x17)) >= 0) {
			printf("# %s: object %p of a cache with a constructor changed at byte %ld while free\n",
			       s->name, objs[i], bad);
			goto out;
		}
	}
	ok = put_all(&t, objs, n, seen, CALLER(0x04));
out:
	slab_delete(&t);
	return ok;
}

/* Create a cache that must be valid, check its numbers, use a slab of it. */
static bool check_layout(unsigned int size, unsigned int align,
			 slab_flags_t flags, bool with_ctor)
{
	char name[64];
	struct kmem_cache *s;
	bool ok = false;
	int rc;

	snprintf(name, sizeof(name), "lay-%u-a%u-f%#x%s", size, align, flags,
		 with_ctor ? "-ctor" : "");
	s = cache_new(name, size, align, flags, with_ctor ? test_ctor : NULL, &rc);
	nr_layouts++;
	if (rc) {
		printf("# %s: slab_calculate_sizes() = %d\n", name, rc);
		host_case_failed = 1;
	} else if (check_sizes(s, align, flags)) {
		ok = use_slab(s);
		if (!ok)
			host_case_failed = 1;
	}
	if (!ok)
		printf("# %s: size %u, align %u, order %u, %u objects, offset %u, red_left %u, track %u\n",
		       name, s->size, s->align, s->order, s->objects, s->offset,
		       s->red_left, s->track);
	free(s);
	return ok;
}

/* A cache slab_calculate_sizes() must refuse. */
static bool check_invalid(unsigned int size, unsigned int align,
			  slab_flags_t flags, bool with_ctor)
{
	struct kmem_cache *s;
	int rc;

	s = cache_new("bad", size, align, flags, with_ctor ? test_ctor : NULL, &rc);
	free(s);
	REQUIRE(rc == -EINVAL,
		"size %u, align %u, flags %#x%s: slab_calculate_sizes() = %d, not -EINVAL",
		size, align, flags, with_ctor ? ", ctor" : "", rc);
	return true;
}

static void test_layout(void)
{
	static const unsigned int odd_sizes[] = { 1, 7, 9, 100, 1000, 3000 };
	static const unsigned int aligns[] = { 0, 8, 16, 64, 4096 };
	static const slab_flags_t flag_sets[] = {
		0, SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER,
		SLAB_RED_ZONE | SLAB_POISON, SLAB_DEBUG_FLAGS,
	};
	static const unsigned int bad_sizes[] = {
		0, (PAGE_SIZE << SLAB_MAX_ORDER) + 1, 65536, 1U << 20, ~0U,
	};
	static const unsigned int bad_aligns[] = {
		3, 6, 12, 24, 48, 100, 0x3000, 0x80000001,
	};
	unsigned int sizes[ARRAY_SIZE(kmalloc_classes) + ARRAY_SIZE(odd_sizes)];
	unsigned int i, j, f, c, size, nsizes = 0;
	bool ok;

	rand_seed(1);
	for (i = 0; i < ARRAY_SIZE(kmalloc_classes); i++)
		sizes[nsizes++] = kmalloc_classes[i];
	for (i = 0; i < ARRAY_SIZE(odd_sizes); i++)
		sizes[nsizes++] = odd_sizes[i];

	for (i = 0; i < nsizes; i++) {
		size = sizes[i];
		for (f = 0; f < ARRAY_SIZE(flag_sets); f++) {
			for (c = 0; c < 2; c++) {
				for (j = 0; j < ARRAY_SIZE(aligns); j++)
					check_layout(size, aligns[j], flag_sets[f], c);
				/* As kmem_cache_init() does: a power of two aligned to itself. */
				if (!(size & (size - 1)))
					check_layout(size, size, flag_sets[f], c);
			}
		}
	}

	/* At the edges of what a slab can hold. */
	check_layout(PAGE_SIZE << SLAB_MAX_ORDER, 0, 0, false);	/* one object */
	check_layout(16384, 0, SLAB_DEBUG_FLAGS, false);
	check_layout(8192, 8192, SLAB_DEBUG_FLAGS, true);
	check_layout(8, PAGE_SIZE << SLAB_MAX_ORDER, 0, false);	/* one slot per slab */
	/* A slot larger than the largest slab. */
	check_invalid(PAGE_SIZE << SLAB_MAX_ORDER, 0, SLAB_RED_ZONE, false);
	check_invalid(PAGE_SIZE << SLAB_MAX_ORDER, 0, 0, true);
	check_invalid(8, 2 * (PAGE_SIZE << SLAB_MAX_ORDER), 0, false);

	/* Each bad input with every flag set, with and without a constructor;
	 * a failure is shown once per input. */
	for (i = 0; i < ARRAY_SIZE(bad_sizes); i++)
		for (f = 0, ok = true; ok && f < 2 * ARRAY_SIZE(flag_sets); f++)
			ok = check_invalid(bad_sizes[i], 0, flag_sets[f / 2], f % 2);
	for (i = 0; i < ARRAY_SIZE(bad_aligns); i++)
		for (f = 0, ok = true; ok && f < 2 * ARRAY_SIZE(flag_sets); f++)
			ok = check_invalid(64, bad_aligns[i], flag_sets[f / 2], f % 2);
	printf("# %u layouts checked, %u slabs used\n", nr_layouts, nr_slabs_used);
}

/* ---- case 3: the free list ---- */

/* Check that every object of the slab still holds the constructor's work. */
static bool check_constructed(const struct tslab *t, void **objs, unsigned int n)
{
	unsigned int i;
	long bad;

	for (i = 0; i < n; i++) {
		bad = pattern_broken(objs[i], t->s->object_size, CTOR_TAG);
		REQUIRE(bad < 0, "%s: constructed object %p changed at byte %ld",
			t->s->name, objs[i], bad);
	}
	for (i = 0; i < t->s->objects; i++)
		REQUIRE(ctor_runs[i] == 1, "%s: the constructor ran %u times on object %u",
			t->s->name, ctor_runs[i], i);
	REQUIRE(ctor_calls == t->s->objects, "%s: %lu constructor calls for %u objects",
		t->s->name, ctor_calls, t->s->objects);
	return true;
}

/*
 * One cache, one slab: take all, then several rounds of putting back a
 * random subset in a random order and taking as many again: the same
 * objects come back, nothing else; at the end put all, take all.
 */
static bool freelist_rounds(struct tslab *t)
{
	static void *objs[MAX_OBJECTS], *back[MAX_OBJECTS];
	static bool seen[MAX_OBJECTS], was_put[MAX_OBJECTS];
	struct kmem_cache *s = t->s;
	unsigned int n, k, i, round, got;
	void *obj;

	memset(seen, 0, sizeof(seen));
	REQUIRE(t->page.inuse == 0 && t->page.freelist,
		"%s: new slab with inuse %u, freelist %p", s->name,
		t->page.inuse, t->page.freelist);
	if (s->ctor && !check_constructed(t, NULL, 0))
		return false;
	if (!take_all(t, objs, &n, seen, CALLER(0x05)))
		return false;
	REQUIRE(n == s->objects, "%s: %u objects taken from a new slab of %u",
		s->name, n, s->objects);
	if (s->ctor && !check_constructed(t, objs, n))
		return false;

	for (round = 0; round < 40; round++) {
		/* Give back the last k of a shuffled objs[]. */
		shuffle(objs, n);
		k = round % 4 == 3 ? n : 1 + rand_below(n);
		memset(was_put, 0, sizeof(was_put));
		for (i = n - k; i < n; i++)
			was_put[slot_of(t, objs[i])] = true;
		if (!put_all(t, objs + n - k, k, seen, CALLER(0x06)))
			return false;
		REQUIRE(t->page.inuse == n - k, "%s: inuse %u, %u objects held",
			s->name, t->page.inuse, n - k);

		/* Exactly those k come back, then nothing. */
		for (got = 0; (obj = kern_slab_take_object(s, &t->page)); got++) {
			REQUIRE(got < k, "%s: more than the %u objects put back",
				s->name, k);
			if (!check_taken(t, obj, seen))
				return false;
			REQUIRE(was_put[slot_of(t, obj)],
				"%s: took %p, which was not put back", s->name, obj);
			REQUIRE(t->page.inuse == n - k + got + 1,
				"%s: inuse %u after taking %u of %u back",
				s->name, t->page.inuse, got + 1, k);
			if (is_debug(s))
				kern_slab_debug_alloc(s, obj, CALLER(0x07));
			back[got] = obj;
		}
		REQUIRE(got == k, "%s: %u objects came back of %u put", s->name,
			got, k);
		REQUIRE(t->page.inuse == n, "%s: inuse %u with the slab full",
			s->name, t->page.inuse);
		memcpy(objs + n - k, back, k * sizeof(void *));
		if (s->ctor && !check_constructed(t, objs, n))
			return false;
	}
	if (!put_all(t, objs, n, seen, CALLER(0x08)))
		return false;
	REQUIRE(t->page.inuse == 0, "%s: inuse %u with every object back",
		s->name, t->page.inuse);
	return take_all(t, objs, &n, seen, CALLER(0x09)) &&
	       (!s->ctor || check_constructed(t, objs, n)) &&
	       put_all(t, objs, n, seen, CALLER(0x0a));
}

static void test_freelist(void)
{
	static const struct {
		unsigned int size, align;
		slab_flags_t flags;
		bool ctor;
	} caches[] = {
		{ 8, 8, 0, false },		/* the free pointer fills the slot */
		{ 1, 0, 0, false },
		{ 96, 0, 0, false },
		{ 100, 0, 0, false },
		{ 3000, 0, 0, false },
		{ 4096, 4096, 0, false },
		{ 8192, 8192, 0, false },
		{ 100, 0, SLAB_DEBUG_FLAGS, false },
		{ 8, 0, 0, true },
		{ 64, 64, 0, true },
		{ 100, 0, 0, true },
		{ 4096, 4096, 0, true },
		{ 1000, 0, SLAB_DEBUG_FLAGS, true },	/* poisoning dropped */
		{ 24, 0, SLAB_RED_ZONE, true },
	};
	unsigned int i;
	struct kmem_cache *s;
	struct tslab t;
	char name[64];
	int rc;

	rand_seed(2);
	for (i = 0; i < ARRAY_SIZE(caches); i++) {
		snprintf(name, sizeof(name), "fl-%u-f%#x%s", caches[i].size,
			 caches[i].flags, caches[i].ctor ? "-ctor" : "");
		s = cache_new(name, caches[i].size, caches[i].align,
			      caches[i].flags, caches[i].ctor ? test_ctor : NULL, &rc);
		if (rc) {
			printf("# %s: slab_calculate_sizes() = %d\n", name, rc);
			host_case_failed = 1;
		} else {
			slab_new(&t, s);
			if (!freelist_rounds(&t))
				printf("# %s: %u objects of %u bytes, free pointer at %u\n",
				       name, s->objects, s->size, s->offset);
			slab_delete(&t);
		}
		free(s);
	}
}

/* ---- case 4: the debugging checks ---- */

/* A free object: 0x6b bytes, the last 0xa5. */
static bool is_poisoned(const struct kmem_cache *s, const void *obj)
{
	const u8 *b = obj;
	unsigned int j;

	for (j = 0; j + 1 < s->object_size; j++)
		if (b[j] != POISON_FREE)
			return false;
	return b[s->object_size - 1] == POISON_END;
}

/* Is every byte of the object's red zone this value? */
static bool red_zone_is(const struct kmem_cache *s, const void *obj, u8 value)
{
	const u8 *b = obj;
	unsigned int j;

	for (j = s->object_size; j < red_zone_end(s); j++)
		if (b[j] != value)
			return false;
	return true;
}

/* Was exactly one report made, about this cache, with these words in it? */
static bool check_report(const struct kmem_cache *s, unsigned long since,
			 const char *problem, unsigned long caller)
{
	char head[96], who[64];
	unsigned long reports = 0;
	const char *p;

	snprintf(head, sizeof(head), "BUG %s: %s", s->name, problem);
	snprintf(who, sizeof(who), "fake_fn+0x%lx/0x100", caller - CALLER(0));
	/* Each report starts with "BUG "; a STORE_USER line may follow. */
	for (p = host_printk_log; (p = strstr(p, "BUG ")); p++)
		reports++;
	REQUIRE(host_printk_calls != since, "%s: no report of \"%s\"", s->name,
		problem);
	REQUIRE(reports == 1, "%s: %lu reports, not one of \"%s\"", s->name,
		reports, problem);
	REQUIRE(!strncmp(host_printk_log, head, strlen(head)),
		"%s: the report does not start \"%s\"", s->name, head);
	REQUIRE(strstr(host_printk_log, who), "%s: the report does not name the caller %s",
		s->name, who);
	return true;
}

/* Does the log hold this text (e.g. the caller a STORE_USER line names)? */
static bool log_has_caller(unsigned long caller)
{
	char who[64];

	snprintf(who, sizeof(who), "fake_fn+0x%lx/0x100", caller - CALLER(0));
	return strstr(host_printk_log, who);
}

/* Take one object and allocate it properly; checks there is no report. */
static bool debug_take(struct tslab *t, void **obj, unsigned long caller)
{
	struct kmem_cache *s = t->s;
	unsigned long calls = host_printk_calls;

	*obj = kern_slab_take_object(s, &t->page);
	REQUIRE(*obj && slot_of(t, *obj) >= 0, "%s: took %p", s->name, *obj);
	REQUIRE(is_poisoned(s, *obj) && red_zone_is(s, *obj, SLUB_RED_INACTIVE),
		"%s: free object %p not poisoned with an inactive red zone",
		s->name, *obj);
	kern_slab_debug_alloc(s, *obj, caller);
	REQUIRE(!reported_since(calls), "%s: a report allocating a good object",
		s->name);
	REQUIRE(red_zone_is(s, *obj, SLUB_RED_ACTIVE),
		"%s: allocated object %p without an active red zone", s->name, *obj);
	return true;
}

/* Free an allocated object properly; checks there is no report. */
static bool debug_give(struct tslab *t, void *obj, unsigned long caller)
{
	struct kmem_cache *s = t->s;
	unsigned long calls = host_printk_calls;
	unsigned int inuse = t->page.inuse;

	REQUIRE(kern_slab_debug_free(s, t->base, obj, caller),
		"%s: slab_debug_free refused good object %p", s->name, obj);
	REQUIRE(!reported_since(calls), "%s: a report freeing a good object",
		s->name);
	REQUIRE(is_poisoned(s, obj) && red_zone_is(s, obj, SLUB_RED_INACTIVE),
		"%s: freed object %p not poisoned with an inactive red zone",
		s->name, obj);
	kern_slab_put_object(s, &t->page, obj);
	REQUIRE(t->page.inuse == inuse - 1, "%s: inuse %u after a put from %u",
		s->name, t->page.inuse, inuse);
	return true;
}

/*
 * After a bad event: the cache must still work.  Twice: every free
 * object comes out of the free list once (and goes back); then each is
 * allocated, written, and freed in a random order, with no report;
 * inuse ends where it was.
 */
static bool still_works(struct tslab *t)
{
	static void *objs[MAX_OBJECTS];
	static bool seen[MAX_OBJECTS];
	unsigned int inuse = t->page.inuse, n, i, pass;
	void *obj;

	for (pass = 0; pass < 2; pass++) {
		memset(seen, 0, sizeof(seen));
		for (n = 0; (obj = kern_slab_take_object(t->s, &t->page)); n++) {
			REQUIRE(n < t->s->objects, "%s: more than %u objects",
				t->s->name, t->s->objects);
			if (!check_taken(t, obj, seen))
				return false;
			objs[n] = obj;
		}
		REQUIRE(inuse + n == t->s->objects,
			"%s: %u free objects came out, %u were in use of %u",
			t->s->name, n, inuse, t->s->objects);
		/* Put them back (as taken, not allocated) and go again. */
		shuffle(objs, n);
		for (i = 0; i < n; i++)
			kern_slab_put_object(t->s, &t->page, objs[i]);
		for (i = 0; i < n; i++) {
			if (!debug_take(t, &objs[i], CALLER(0x80 + i % 16)))
				return false;
			fill_pattern(objs[i], t->s->object_size, i);
		}
		shuffle(objs, n);
		for (i = 0; i < n; i++)
			if (!debug_give(t, objs[i], CALLER(0x90)))
				return false;
		REQUIRE(t->page.inuse == inuse, "%s: inuse %u, was %u",
			t->s->name, t->page.inuse, inuse);
	}
	return true;
}

/* Where to write into a free object, and what to write there. */
static unsigned int middle_byte(const struct kmem_cache *s)
{
	return s->object_size / 2;
}

static unsigned int last_byte(const struct kmem_cache *s)
{
	return s->object_size - 1;
}

static unsigned int last_red_zone_byte(const struct kmem_cache *s)
{
	return red_zone_end(s) - 1;
}

static const struct {
	unsigned int (*at)(const struct kmem_cache *s);
	u8 value;
	const char *problem;		/* what the report must say */
} while_free[] = {
	{ middle_byte, 'A', "Poison overwritten" },
	{ last_byte, POISON_FREE, "Poison overwritten" },
	{ last_red_zone_byte, 0, "Redzone overwritten while free" },
};

/* Every misuse in turn on one debug cache. */
static bool debug_events(struct tslab *t)
{
	static void *taken[MAX_OBJECTS];
	static u8 snapshot[PAGE_SIZE << SLAB_MAX_ORDER];	/* of one slot */
	struct kmem_cache *s = t->s;
	unsigned int os = s->object_size, i, j, n, inuse;
	unsigned long calls;
	void *x, *y, *freelist, *bad[5];
	char outside[64];		/* memory of no slab */
	bool ok;

	/* A new slab: every object poisoned, red zone inactive. */
	for (i = 0; i < s->objects; i++) {
		x = t->base + i * s->size;
		REQUIRE(is_poisoned(s, x), "%s: new object %u not poisoned", s->name, i);
		REQUIRE(red_zone_is(s, x, SLUB_RED_INACTIVE),
			"%s: new object %u: red zone not 0x%x", s->name, i,
			SLUB_RED_INACTIVE);
	}

	/* Freeing an object that was never allocated: a double free too. */
	y = t->base + (s->objects - 1) * s->size;
	host_printk_clear();
	calls = host_printk_calls;
	ok = kern_slab_debug_free(s, t->base, y, CALLER(0x51));
	if (!check_report(s, calls, "Object already free", CALLER(0x51)))
		return false;
	REQUIRE(!ok, "%s: slab_debug_free accepted a never-allocated object",
		s->name);
	REQUIRE(t->page.inuse == 0 && is_poisoned(s, y) &&
		red_zone_is(s, y, SLUB_RED_INACTIVE),
		"%s: a refused free of a never-allocated object changed it", s->name);

	/* A good cycle: no report, patterns as they should be. */
	host_printk_clear();
	if (!debug_take(t, &x, CALLER(0x10)))
		return false;
	memset(x, 0, os);		/* all of it is the user's */
	if (!debug_give(t, x, CALLER(0x20)))
		return false;

	/* One byte past the end: reported at the free, which still happens. */
	if (!debug_take(t, &x, CALLER(0x11)))
		return false;
	fill_pattern(x, os, 0x33);
	((u8 *)x)[os] = 0;
	host_printk_clear();
	calls = host_printk_calls;
	ok = kern_slab_debug_free(s, t->base, x, CALLER(0x42));
	if (!check_report(s, calls, "Redzone overwritten", CALLER(0x42)))
		return false;
	REQUIRE(log_has_caller(CALLER(0x11)),
		"%s: the report does not say who allocated the object", s->name);
	REQUIRE(ok, "%s: slab_debug_free refused an overflowed object", s->name);
	REQUIRE(is_poisoned(s, x) && red_zone_is(s, x, SLUB_RED_INACTIVE),
		"%s: overflowed object %p not free after its free", s->name, x);
	kern_slab_put_object(s, &t->page, x);
	host_printk_clear();
	if (!still_works(t))
		return false;

	/*
	 * A double free: reported, refused, and neither the object nor the
	 * slab changed (the caller then leaves the free list alone).
	 */
	if (!debug_take(t, &x, CALLER(0x12)) || !debug_give(t, x, CALLER(0x2c)))
		return false;
	memcpy(snapshot, x, s->size);
	freelist = t->page.freelist;
	inuse = t->page.inuse;
	host_printk_clear();
	calls = host_printk_calls;
	ok = kern_slab_debug_free(s, t->base, x, CALLER(0x50));
	if (!check_report(s, calls, "Object already free", CALLER(0x50)))
		return false;
	REQUIRE(log_has_caller(CALLER(0x2c)),
		"%s: the report does not say who freed the object first", s->name);
	REQUIRE(!ok, "%s: slab_debug_free accepted a double free", s->name);
	REQUIRE(!memcmp(snapshot, x, s->size),
		"%s: a refused double free changed the object", s->name);
	REQUIRE(t->page.freelist == freelist && t->page.inuse == inuse,
		"%s: a refused double free changed the slab", s->name);
	host_printk_clear();
	if (!still_works(t))
		return false;

	/*
	 * Writes into a free object: in the middle, over its last byte (the
	 * end marker) and into its red zone.  Each is reported when the
	 * object is next allocated, whichever order the free list hands
	 * objects out in, and the object is usable after.
	 */
	for (i = 0; i < ARRAY_SIZE(while_free); i++) {
		if (!debug_take(t, &x, CALLER(0x13)) || !debug_give(t, x, CALLER(0x23)))
			return false;
		((u8 *)x)[while_free[i].at(s)] = while_free[i].value;
		host_printk_clear();
		calls = host_printk_calls;
		n = 0;
		do {
			y = kern_slab_take_object(s, &t->page);
			REQUIRE(y, "%s: the written object never came back", s->name);
			kern_slab_debug_alloc(s, y, y == x ? CALLER(0x60 + i) : CALLER(0x5f));
			taken[n++] = y;
		} while (y != x);
		if (!check_report(s, calls, while_free[i].problem, CALLER(0x60 + i)))
			return false;
		REQUIRE(red_zone_is(s, x, SLUB_RED_ACTIVE),
			"%s: object allocated after a report has no active red zone",
			s->name);
		host_printk_clear();
		for (j = 0; j < n; j++)
			if (!debug_give(t, taken[j], CALLER(0x24)))
				return false;
		if (!still_works(t))
			return false;
	}

	/* Pointers that are not objects of the slab: refused, reported. */
	if (!debug_take(t, &x, CALLER(0x15)))
		return false;
	bad[0] = (char *)x + 1;
	bad[1] = (char *)x + s->size / 2;		/* the middle of its slot */
	bad[2] = t->base + s->objects * s->size;	/* past the last slot */
	/* Where a slot before the first would be (never dereferenced). */
	bad[3] = (void *)((unsigned long)t->base - s->size);
	bad[4] = outside + 8;				/* no slab at all */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		void *p = bad[i];

		freelist = t->page.freelist;
		inuse = t->page.inuse;
		host_printk_clear();
		calls = host_printk_calls;
		ok = kern_slab_debug_free(s, t->base, p, CALLER(0x77));
		if (!check_report(s, calls, "Invalid object pointer", CALLER(0x77)))
			return false;
		REQUIRE(!ok, "%s: slab_debug_free accepted %p (object %p, slab %p)",
			s->name, p, x, t->base);
		REQUIRE(t->page.freelist == freelist && t->page.inuse == inuse &&
			red_zone_is(s, x, SLUB_RED_ACTIVE),
			"%s: a refused free of %p changed the slab", s->name, p);
	}
	host_printk_clear();
	if (!debug_give(t, x, CALLER(0x27)) || !still_works(t))
		return false;
	REQUIRE(t->page.inuse == 0, "%s: inuse %u at the end", s->name,
		t->page.inuse);
	return true;
}

static void test_debug(void)
{
	static const struct { unsigned int size, align; } caches[] = {
		{ 8, 8 }, { 100, 0 }, { 192, 0 }, { 1000, 0 }, { 4096, 4096 },
		{ 1, 0 },
	};
	struct kmem_cache *s;
	struct tslab t;
	char name[32];
	unsigned int i;
	int rc;

	rand_seed(3);
	printf("# the BUG reports below are expected: each follows a deliberate misuse\n");
	for (i = 0; i < ARRAY_SIZE(caches); i++) {
		snprintf(name, sizeof(name), "dbg-%u", caches[i].size);
		s = cache_new(name, caches[i].size, caches[i].align,
			      SLAB_DEBUG_FLAGS, NULL, &rc);
		if (rc) {
			printf("# %s: slab_calculate_sizes() = %d\n", name, rc);
			host_case_failed = 1;
			free(s);
			continue;
		}
		slab_new(&t, s);
		if (!debug_events(&t))
			printf("# %s: %u objects of %u bytes, red zone [%u, %u), free pointer at %u, callers at %u\n",
			       name, s->objects, s->size, s->red_left,
			       red_zone_end(s), s->offset, s->track);
		slab_delete(&t);
		free(s);
	}
	host_printk_clear();
}

/* ---- case 5: random takes and puts against a model ---- */

#define RANDOM_OPS_PER_CACHE	25000UL
#define SLABS_PER_CACHE		2

/* The model of one slab: which slots the test holds, and a list of them. */
struct model {
	struct tslab t;
	bool held[MAX_OBJECTS];		/* by slot */
	void *list[MAX_OBJECTS];	/* the held objects, in no order */
	unsigned int tag[MAX_OBJECTS];	/* by slot: what the holder wrote */
	unsigned int nr_held;
};

/* The last operations, printed when a check fails. */
#define TRAIL_LEN 10
static struct { unsigned long step; int slab; char op; long slot; } trail[TRAIL_LEN];
static unsigned long nr_steps;

static void note(int slab, char op, long slot)
{
	unsigned long i = nr_steps % TRAIL_LEN;

	trail[i].step = nr_steps++;
	trail[i].slab = slab;
	trail[i].op = op;
	trail[i].slot = slot;
}

static void print_trail(void)
{
	unsigned long i = nr_steps > TRAIL_LEN ? nr_steps - TRAIL_LEN : 0;

	printf("# the last operations:\n");
	for (; i < nr_steps; i++)
		printf("#   %lu: slab %d: %s slot %ld\n", trail[i % TRAIL_LEN].step,
		       trail[i % TRAIL_LEN].slab,
		       trail[i % TRAIL_LEN].op == 't' ? "take ->" : "put",
		       trail[i % TRAIL_LEN].slot);
}

/* Objects taken and put back; takes that found no free object. */
static unsigned long long nr_takes, nr_puts, nr_null;

/* Take an object from slab m; NULL only when the model holds them all. */
static bool random_take(struct model *m, int which, unsigned long step)
{
	struct kmem_cache *s = m->t.s;
	void *obj = kern_slab_take_object(s, &m->t.page);
	long slot;

	if (!obj) {
		note(which, 't', -1);
		nr_null++;
		REQUIRE(m->nr_held == s->objects,
			"%s: no object, with %u of %u held", s->name,
			m->nr_held, s->objects);
		return true;
	}
	slot = slot_of(&m->t, obj);
	note(which, 't', slot);
	REQUIRE(slot >= 0, "%s: took %p, not an object of slab %d",
		s->name, obj, which);
	REQUIRE((unsigned long)obj % s->align == 0, "%s: %p not aligned to %u",
		s->name, obj, s->align);
	REQUIRE(!m->held[slot], "%s: object %ld of slab %d handed out twice",
		s->name, slot, which);
	if (is_debug(s))
		kern_slab_debug_alloc(s, obj, CALLER(step % 0x100));
	if (s->ctor)
		/* Constructed once, left so by every holder. */
		REQUIRE(pattern_broken(obj, s->object_size, CTOR_TAG) < 0,
			"%s: object %ld lost its constructed state", s->name, slot);
	else
		fill_pattern(obj, s->object_size, m->tag[slot] = step);
	m->held[slot] = true;
	m->list[m->nr_held++] = obj;
	nr_takes++;
	return true;
}

/* Put back a random held object of slab m, after checking it is as left. */
static bool random_put(struct model *m, int which, unsigned long step)
{
	struct kmem_cache *s = m->t.s;
	unsigned int i = rand_below(m->nr_held);
	void *obj = m->list[i];
	long slot = slot_of(&m->t, obj);
	long bad;

	note(which, 'p', slot);
	bad = s->ctor ? pattern_broken(obj, s->object_size, CTOR_TAG) :
			pattern_broken(obj, s->object_size, m->tag[slot]);
	REQUIRE(bad < 0, "%s: held object %ld of slab %d changed at byte %ld",
		s->name, slot, which, bad);
	if (is_debug(s))
		REQUIRE(kern_slab_debug_free(s, m->t.base, obj, CALLER(step % 0x100)),
			"%s: slab_debug_free refused held object %ld", s->name, slot);
	kern_slab_put_object(s, &m->t.page, obj);
	m->held[slot] = false;
	m->list[i] = m->list[--m->nr_held];
	nr_puts++;
	return true;
}

/* Take what is left of slab m, then give everything back. */
static bool drain(struct model *m, int which)
{
	struct kmem_cache *s = m->t.s;

	while (m->nr_held < s->objects)
		if (!random_take(m, which, 0))
			return false;
	REQUIRE(!kern_slab_take_object(s, &m->t.page), "%s: an object from full slab %d",
		s->name, which);
	while (m->nr_held)
		if (!random_put(m, which, 0))
			return false;
	REQUIRE(m->t.page.inuse == 0, "%s: inuse %u with nothing held", s->name,
		m->t.page.inuse);
	return true;
}

static bool random_run(struct kmem_cache *s, struct model *models)
{
	/* How often to take rather than put, changed every 500 steps so
	 * that slabs go from all free to all held and back. */
	static const unsigned int take_percent[] = { 20, 50, 55, 80, 95 };
	unsigned int percent = 50;
	unsigned long step, calls = host_printk_calls;
	struct model *m;
	int which;

	for (which = 0; which < SLABS_PER_CACHE; which++) {
		m = &models[which];
		memset(m->held, 0, sizeof(m->held));
		m->nr_held = 0;
		slab_new(&m->t, s);
	}
	for (step = 1; step <= RANDOM_OPS_PER_CACHE; step++) {
		if (step % 500 == 1)
			percent = take_percent[rand_below(ARRAY_SIZE(take_percent))];
		which = rand_below(SLABS_PER_CACHE);
		m = &models[which];
		/* A full slab is mostly given back to; now and then taken from. */
		if (!m->nr_held ||
		    (m->nr_held < s->objects ? rand_below(100) < percent :
					       rand_below(10) == 0)) {
			if (!random_take(m, which, step))
				return false;
		} else if (!random_put(m, which, step)) {
			return false;
		}
		REQUIRE(m->t.page.inuse == m->nr_held,
			"%s: slab %d has inuse %u, the model %u", s->name, which,
			m->t.page.inuse, m->nr_held);
		REQUIRE(!reported_since(calls), "%s: a report at step %lu of correct use",
			s->name, step);
	}
	for (which = 0; which < SLABS_PER_CACHE; which++)
		if (!drain(&models[which], which))
			return false;
	REQUIRE(!reported_since(calls), "%s: a report while draining", s->name);
	return true;
}

static void test_random(void)
{
	static const struct {
		const char *name;
		unsigned int size, align;
		slab_flags_t flags;
		bool ctor;
	} caches[] = {
		{ "rnd-8", 8, 8, 0, false },
		{ "rnd-8-debug", 8, 8, SLAB_DEBUG_FLAGS, false },
		{ "rnd-1-debug", 1, 0, SLAB_DEBUG_FLAGS, false },
		{ "rnd-7", 7, 0, 0, false },
		{ "rnd-96", 96, 0, 0, false },
		{ "rnd-96-debug", 96, 0, SLAB_DEBUG_FLAGS, false },
		{ "rnd-100-debug", 100, 0, SLAB_DEBUG_FLAGS, false },
		{ "rnd-256", 256, 256, 0, false },
		{ "rnd-1000", 1000, 0, 0, false },
		{ "rnd-3000-debug", 3000, 0, SLAB_DEBUG_FLAGS, false },
		{ "rnd-4096", 4096, 4096, 0, false },
		{ "rnd-8192-debug", 8192, 8192, SLAB_DEBUG_FLAGS, false },
		{ "rnd-64-ctor", 64, 64, 0, true },
		{ "rnd-192-ctor-debug", 192, 0, SLAB_DEBUG_FLAGS, true },
	};
	struct model *models = calloc(SLABS_PER_CACHE, sizeof(*models));
	struct kmem_cache *s;
	unsigned int i;
	int which, rc;

	for (i = 0; i < ARRAY_SIZE(caches); i++) {
		rand_seed(100 + i);
		nr_steps = 0;
		s = cache_new(caches[i].name, caches[i].size, caches[i].align,
			      caches[i].flags, caches[i].ctor ? test_ctor : NULL, &rc);
		if (rc) {
			printf("# %s: slab_calculate_sizes() = %d\n", s->name, rc);
			host_case_failed = 1;
			free(s);
			continue;
		}
		if (!random_run(s, models)) {
			printf("# %s (seed %u): %u objects of %u bytes per slab\n",
			       s->name, 100 + i, s->objects, s->size);
			print_trail();
		}
		for (which = 0; which < SLABS_PER_CACHE; which++)
			slab_delete(&models[which].t);
		free(s);
	}
	free(models);
	printf("# %llu random operations: %llu takes, %llu puts, %llu takes from a slab with no free object\n",
	       nr_takes + nr_puts + nr_null, nr_takes, nr_puts, nr_null);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_kmalloc_classes),
		HOST_CASE(test_layout),
		HOST_CASE(test_freelist),
		HOST_CASE(test_debug),
		HOST_CASE(test_random),
	};
	int failed = host_run(cases, ARRAY_SIZE(cases));

	printf("# %llu checks\n", host_nr_checks);
	return failed;
}
