/*
 * Case test_layout: for every kmalloc class and some odd sizes, several
 * alignments, each debug flag and a constructor, the numbers
 * slab_calculate_sizes() gives keep each part of a slot in its place and
 * the slots in the slab; a real slab of each is used once round.  Bad
 * sizes and alignments give -EINVAL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_layout(void)
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
