/*
 * The checks of the slab debugging patterns: poison and red zones, the
 * report a misuse must give (exactly one, naming the cache and the
 * caller), allocating and freeing through the debug hooks with no report,
 * and that a cache still works after a misuse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* A free object: 0x6b bytes, the last 0xa5. */
bool is_poisoned(const struct kmem_cache *s, const void *obj)
{
	const u8 *b = obj;
	unsigned int j;

	for (j = 0; j + 1 < s->object_size; j++)
		if (b[j] != POISON_FREE)
			return false;
	return b[s->object_size - 1] == POISON_END;
}

/* Is every byte of the object's red zone this value? */
bool red_zone_is(const struct kmem_cache *s, const void *obj, u8 value)
{
	const u8 *b = obj;
	unsigned int j;

	for (j = s->object_size; j < red_zone_end(s); j++)
		if (b[j] != value)
			return false;
	return true;
}

/* Was exactly one report made, about this cache, with these words in it? */
bool check_report(const struct kmem_cache *s, unsigned long since,
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
bool log_has_caller(unsigned long caller)
{
	char who[64];

	snprintf(who, sizeof(who), "fake_fn+0x%lx/0x100", caller - CALLER(0));
	return strstr(host_printk_log, who);
}

/* Take one object and allocate it properly; checks there is no report. */
bool debug_take(struct tslab *t, void **obj, unsigned long caller)
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
bool debug_give(struct tslab *t, void *obj, unsigned long caller)
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
bool still_works(struct tslab *t)
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
