/*
 * Case test_random: seeded random takes and puts on two slabs of each of
 * 14 caches, against a model of the objects held: no object handed out
 * twice, NULL only when all are held, inuse equal to the model's count,
 * a held object keeps what its holder wrote, and no report at all.  A
 * failure prints the last operations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

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

void test_random(void)
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
