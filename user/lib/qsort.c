/*
 * qsort(): heapsort, so the worst case is O(n log n) with no recursion
 * and no memory allocation.  Not stable, which C allows.
 *
 * Invariant during the sort phase: base[0, end) is a max-heap and
 * base[end, nmemb) holds the largest elements in order.
 */
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
	char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Move element i down until both its children are no greater. */
static void sift_down(char *base, size_t i, size_t n, size_t size,
		      cmp_fn cmp)
{
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap_bytes(base + i * size, base + child * size, size);
		i = child;
	}
}

void qsort(void *base, size_t nmemb, size_t size, cmp_fn cmp)
{
	char *b = base;
	size_t i, end;

	if (nmemb < 2 || !size)
		return;
	for (i = nmemb / 2; i-- > 0;)
		sift_down(b, i, nmemb, size, cmp);
	for (end = nmemb - 1; end > 0; end--) {
		swap_bytes(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
