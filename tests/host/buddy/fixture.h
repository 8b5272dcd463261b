/*
 * The fixture of the host test of the buddy allocator core (test_buddy.c
 * and the files beside this one): one memory section of struct pages in
 * heap memory, the zone under test between two neighbour zones whose
 * pages are all free (zone.c, world.c), a model of which pages are free
 * and which blocks the test holds (model.c), and check_zone(), which
 * compares a zone's free lists with its model after every call into the
 * allocator.
 *
 * One case runs at a time, between world_create() and world_destroy();
 * the section, the zones and their models belong to it.
 */
#ifndef HOST_BUDDY_FIXTURE_H
#define HOST_BUDDY_FIXTURE_H

/*
 * The C library's headers and the kernel's compiler.h both define
 * __always_inline (to the same effect); drop the first so the second can.
 */
#undef __always_inline

/* The prototypes come from mm/internal.h, under their host names. */
#define buddy_init_zone kern_buddy_init_zone
#define buddy_free kern_buddy_free
#define buddy_alloc kern_buddy_alloc
#include "../../mm/internal.h"
#include <linux/page_ref.h>

#include "../ktap.h"

#define TOP_ORDER	(MAX_ORDER - 1)
#define SECTION		5UL			/* the one section with pages */
#define SEC_BASE	(SECTION << PFN_SECTION_SHIFT)	/* its first pfn */
#define NID		2	/* the node of the zone under test */
#define NID_ABOVE	3	/* the node of its upper neighbour */

/* What an owner leaves in the lru of a block it holds: never to be read. */
#define LRU_POISON	((struct list_head *)0x10)

/* A deterministic random number generator, xorshift64* (model.c) */
void rng_seed(u64 seed);
unsigned long rng_below(unsigned long n);

/* The last operations, printed when a check fails (model.c) */
extern unsigned long nr_ops;	/* operations since world_create() */
void note_op(char kind, unsigned int order, unsigned long pfn);
void print_trail(void);

/* Bitmaps over the pfns of the section (model.c) */
#define MAP_WORDS (PAGES_PER_SECTION / 64)
bool bit_test(const u64 *map, unsigned long pfn);
void block_set(u64 *map, unsigned long pfn, unsigned int order, bool value);
bool block_all_set(const u64 *map, unsigned long pfn, unsigned int order);

/* The section, its pages and the zones (zone.c) */
extern struct page *pages;	/* the section's struct pages */
extern unsigned long expect_flags[PAGES_PER_SECTION];
void section_create(void);
void section_destroy(void);
struct zone *zone_create(int nid, enum zone_type zidx, unsigned long start,
			 unsigned long end);
void make_hole(struct zone *zone, unsigned long start, unsigned long end);
bool is_hole(unsigned long pfn);

/* The model of one zone (model.c) */
struct block {
	unsigned long pfn;
	unsigned int order;
};

struct model {
	struct zone *zone;
	unsigned long start, end;	/* the zone's pfns */
	u64 freemap[MAP_WORDS];		/* the pages that should be free */
	unsigned long nr_free;		/* how many */
	struct block *held;		/* the blocks the test holds */
	unsigned long nr_held;
};

/* The zone under test and its two neighbours. */
extern struct model zm, below, above;

void model_init(struct model *m, struct zone *zone);
bool model_has_block(const struct model *m, unsigned int order);
bool check_fully_coalesced(const struct model *m);

/* The full check of a zone against its model (zone.c) */
bool check_zone(const struct model *m);

/* The test as an owner of pages, and the world of three zones (world.c) */
void give(struct model *m, unsigned long pfn, unsigned int order);
bool give_page(struct model *m, unsigned long pfn);
bool take(struct model *m, unsigned int order, unsigned long *got);
bool give_back(struct model *m, unsigned long i);
void world_create(unsigned long start, unsigned long end);
bool check_neighbours(void);
void world_destroy(void);
bool give_all_pages_shuffled(struct model *m);
bool give_back_all(struct model *m);

/* The cases, one file each */
void test_free_coalesces(void);
void test_random_model(void);
void test_edge_cases(void);

#endif
