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
 *    the 13 class sizes; the compile-time __kmalloc_index() agrees.
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
 *
 * The fixture and one file per case are in tests/host/slab/.
 */
#include <stdio.h>

#include "slab/fixture.h"

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
