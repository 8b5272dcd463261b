/*
 * Case test_freelist: every object of a slab can be taken exactly once,
 * then none; put back in random orders they come back; inuse counts; a
 * constructor runs once per object and its work survives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_freelist(void)
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
