/*
 * The shell's arena: many small allocations for one command line,
 * released together.  Blocks are chained; a request larger than a
 * block gets a block of its own.  Allocation failure ends the shell
 * with a message: a command line cannot be run half-parsed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define ARENA_BLOCK 4096

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	char data[] __attribute__((aligned(16)));
};

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->blocks;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (!b || b->size - b->used < size) {
		size_t bsize = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = malloc(sizeof(*b) + bsize);
		if (!b) {
			fprintf(stderr, "sh: out of memory\n");
			exit(2);
		}
		b->size = bsize;
		b->used = 0;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += size;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	a->blocks = NULL;
}
