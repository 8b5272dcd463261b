/*
 * The heap allocator's own interface, beyond <stdlib.h>: usable sizes,
 * a consistency check and statistics, for tests and curious programs.
 */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stddef.h>

struct malloc_stats {
	size_t heap_bytes;	/* between the heap's start and its end */
	size_t used_bytes;	/* in allocated chunks, headers included */
	size_t free_bytes;	/* in free chunks */
	size_t used_chunks;
	size_t free_chunks;
};

/* Bytes the block at ptr can hold (at least what was asked for). */
size_t malloc_usable_size(void *ptr);
/* Walk the whole heap: 0 if consistent, else -1 with a line on stderr. */
int malloc_check(void);
void malloc_get_stats(struct malloc_stats *stats);

#endif
