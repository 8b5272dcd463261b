/*
 * Case test_kmalloc_classes: kmalloc_index() picks the smallest class
 * that fits every size 1..8192 and none above; kmalloc_size() gives back
 * the 13 class sizes; __kmalloc_index(), which an inline kmalloc() of a
 * constant size folds at compile time, agrees with it on every size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

const unsigned int kmalloc_classes[KMALLOC_NR] = {
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
		REQUIRE(__kmalloc_index(size) == i,
			"__kmalloc_index(%zu) = %d, kmalloc_index() = %d", size,
			__kmalloc_index(size), i);
	}
	REQUIRE(kern_kmalloc_index(8193) == -1, "kmalloc_index(8193) = %d",
		kern_kmalloc_index(8193));
	REQUIRE(kern_kmalloc_index(1UL << 20) == -1, "kmalloc_index(1 MiB) = %d",
		kern_kmalloc_index(1UL << 20));
	return true;
}

void test_kmalloc_classes(void)
{
	check_kmalloc_classes();
}
