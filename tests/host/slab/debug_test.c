/*
 * Case test_debug: each misuse of a debug cache (a write past the end, a
 * double free, a write after free, a red zone write while free, bad
 * pointers) is reported, naming the cache and the caller, and refused
 * where it must be; afterwards the cache works and reports nothing more.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_debug(void)
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
