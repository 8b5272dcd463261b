/*
 * The heap: malloc, free, calloc and realloc on memory from sbrk().
 *
 * The heap is one run of chunks from heap_start up to a fence header
 * at heap_end - HDR.  Each chunk starts with a 16-byte header: the size
 * of the chunk before it (prev_size) and its own size, whose bit 0 says
 * it is in use.  A caller's block follows the header, so blocks are
 * 16-byte aligned.  A free chunk also holds the links of a doubly
 * linked list, one list per power-of-two size class (bins).
 *
 * Invariants: chunk sizes are multiples of 16 and at least MIN_CHUNK;
 * each chunk's prev_size is the size of the chunk before it; no two
 * free chunks are neighbours (free() merges them at once); every free
 * chunk is on exactly the bin list of its size; the fence is marked in
 * use and has size 0.  When the last chunk is free and larger than
 * TRIM_THRESHOLD, free() gives its memory back with a negative sbrk(),
 * so a program that frees everything returns to its starting break.
 *
 * Locking: none; there are no threads.  Growth is by at least
 * GROW_MIN bytes at a time.  A foreign sbrk() by the program leaves a
 * gap that becomes a permanently used chunk.
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct chunk {
	size_t prev_size;
	size_t size;			/* | CHUNK_INUSE */
	struct chunk *next, *prev;	/* bin links, only while free */
};

#define CHUNK_INUSE	1UL
#define HDR		16UL
#define MIN_CHUNK	32UL
#define NR_BINS		64
#define GROW_MIN	(64UL << 10)
#define TRIM_THRESHOLD	(256UL << 10)
#define MAX_REQUEST	((size_t)PTRDIFF_MAX / 2)

static char *heap_start, *heap_end;	/* heap_end - HDR is the fence */
static struct chunk *bins[NR_BINS];

static size_t chunk_size(const struct chunk *c)
{
	return c->size & ~CHUNK_INUSE;
}

static int chunk_inuse(const struct chunk *c)
{
	return c->size & CHUNK_INUSE;
}

static struct chunk *chunk_next(struct chunk *c)
{
	return (struct chunk *)((char *)c + chunk_size(c));
}

static struct chunk *chunk_prev(struct chunk *c)
{
	return (struct chunk *)((char *)c - c->prev_size);
}

static struct chunk *fence(void)
{
	return (struct chunk *)(heap_end - HDR);
}

static struct chunk *mem_to_chunk(void *p)
{
	return (struct chunk *)((char *)p - HDR);
}

static void *chunk_to_mem(struct chunk *c)
{
	return (char *)c + HDR;
}

/* Set c's size and flag, and tell the next chunk. */
static void chunk_set(struct chunk *c, size_t size, unsigned long inuse)
{
	c->size = size | inuse;
	chunk_next(c)->prev_size = size;
}

static int bin_index(size_t size)
{
	int i = 63 - __builtin_clzl(size) - 5;	/* 32..63 bytes: bin 0 */

	return i < NR_BINS ? i : NR_BINS - 1;
}

static void bin_insert(struct chunk *c)
{
	struct chunk **head = &bins[bin_index(chunk_size(c))];

	c->prev = NULL;
	c->next = *head;
	if (*head)
		(*head)->prev = c;
	*head = c;
}

static void bin_remove(struct chunk *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		bins[bin_index(chunk_size(c))] = c->next;
	if (c->next)
		c->next->prev = c->prev;
}

/* The first free chunk of at least need bytes: first fit, small bins first. */
static struct chunk *bin_find(size_t need)
{
	struct chunk *c;
	int i;

	for (i = bin_index(need); i < NR_BINS; i++)
		for (c = bins[i]; c; c = c->next)
			if (chunk_size(c) >= need)
				return c;
	return NULL;
}

static uintptr_t align_up(uintptr_t x)
{
	return (x + HDR - 1) & ~(HDR - 1);
}

static int heap_init(void)
{
	uintptr_t base = (uintptr_t)sbrk(0);
	size_t pad = align_up(base) - base;

	if (sbrk(pad + HDR) == (void *)-1)
		return -1;
	heap_start = (char *)base + pad;
	heap_end = heap_start + HDR;
	fence()->prev_size = 0;
	fence()->size = CHUNK_INUSE;
	return 0;
}

static __attribute__((noreturn)) void heap_corrupt(const char *what,
						    void *p)
{
	fprintf(stderr, "malloc: %s: %p\n", what, p);
	abort();
}

/*
 * Put the free chunk c on its bin after merging it with free
 * neighbours; returns the merged chunk.
 */
static struct chunk *chunk_release(struct chunk *c)
{
	struct chunk *next = chunk_next(c);

	if (!chunk_inuse(next)) {
		bin_remove(next);
		chunk_set(c, chunk_size(c) + chunk_size(next), 0);
	}
	if ((char *)c != heap_start && !chunk_inuse(chunk_prev(c))) {
		struct chunk *prev = chunk_prev(c);

		bin_remove(prev);
		chunk_set(prev, chunk_size(prev) + chunk_size(c), 0);
		c = prev;
	}
	bin_insert(c);
	return c;
}

/*
 * Add at least `more` bytes at the end of the heap, as a free chunk
 * (merged with a free last chunk).  If the program moved the break
 * itself, the old fence becomes a used chunk over the foreign gap and
 * the caller may have to ask again.  0, or -1 when sbrk() fails.
 */
static int heap_grow(size_t more)
{
	size_t incr = more < GROW_MIN ? GROW_MIN : more;
	struct chunk *c = fence();
	char *got = sbrk(incr);

	if (got == (void *)-1)
		return -1;
	if (got < heap_end)
		heap_corrupt("the break moved below the heap", got);
	if (got != heap_end) {
		chunk_set(c, align_up((uintptr_t)got) - (uintptr_t)c,
			  CHUNK_INUSE);
		c = chunk_next(c);
	}
	heap_end = (char *)((uintptr_t)(got + incr) & ~(HDR - 1));
	if ((char *)c + MIN_CHUNK + HDR > heap_end) {
		heap_end = (char *)c + HDR;	/* too little to use */
		c->size = CHUNK_INUSE;
		return 0;
	}
	chunk_set(c, heap_end - HDR - (char *)c, 0);
	fence()->size = CHUNK_INUSE;
	chunk_release(c);
	return 0;
}

/* Bytes a chunk needs for a request of n bytes. */
static size_t request_size(size_t n)
{
	size_t need = align_up(n + HDR);

	return need < MIN_CHUNK ? MIN_CHUNK : need;
}

/* Mark c used with size need; a large enough remainder goes back free. */
static void chunk_use(struct chunk *c, size_t need)
{
	size_t size = chunk_size(c);

	if (size - need >= MIN_CHUNK) {
		chunk_set(c, need, CHUNK_INUSE);
		chunk_set(chunk_next(c), size - need, 0);
		chunk_release(chunk_next(c));
	} else {
		chunk_set(c, size, CHUNK_INUSE);
	}
}

/* How much to grow the heap so a chunk of need bytes exists. */
static size_t grow_amount(size_t need)
{
	struct chunk *f = fence();

	if ((char *)f != heap_start && !chunk_inuse(chunk_prev(f)))
		return need - chunk_size(chunk_prev(f));
	return need;
}

void *malloc(size_t n)
{
	struct chunk *c;
	size_t need;

	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	if (!heap_start && heap_init() < 0)
		return NULL;
	need = request_size(n);
	while (!(c = bin_find(need)))
		if (heap_grow(grow_amount(need)) < 0)
			return NULL;
	bin_remove(c);
	chunk_use(c, need);
	return chunk_to_mem(c);
}

/* The chunk of block p, after checking that p is a used block. */
static struct chunk *block_chunk(void *p, const char *caller)
{
	struct chunk *c = mem_to_chunk(p);

	if ((uintptr_t)p & (HDR - 1) || (char *)c < heap_start ||
	    (char *)c >= heap_end - HDR)
		heap_corrupt(caller, p);
	if (!chunk_inuse(c))
		heap_corrupt("double free or corrupted block", p);
	return c;
}

/* Give a large free tail back to the system. */
static void heap_trim(struct chunk *c)
{
	size_t size = chunk_size(c);

	if (chunk_next(c) != fence() || size < TRIM_THRESHOLD ||
	    sbrk(0) != heap_end)
		return;
	bin_remove(c);
	c->size = CHUNK_INUSE;		/* c becomes the fence */
	if (sbrk(-(long)size) == (void *)-1) {
		chunk_set(c, size, 0);
		bin_insert(c);
		return;
	}
	heap_end -= size;
}

void free(void *p)
{
	struct chunk *c;

	if (!p)
		return;
	c = block_chunk(p, "free of a pointer malloc did not return");
	c->size &= ~CHUNK_INUSE;
	heap_trim(chunk_release(c));
}

void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > MAX_REQUEST / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

/* Grow c in place to need bytes using the free chunk after it, if any. */
static int chunk_grow_in_place(struct chunk *c, size_t need)
{
	struct chunk *next = chunk_next(c);
	size_t have = chunk_size(c);

	if (next == fence() && heap_grow(need - have) < 0)
		return -1;
	next = chunk_next(c);
	if (chunk_inuse(next) || have + chunk_size(next) < need)
		return -1;
	bin_remove(next);
	chunk_set(c, have + chunk_size(next), CHUNK_INUSE);
	chunk_use(c, need);
	return 0;
}

void *realloc(void *p, size_t n)
{
	struct chunk *c;
	size_t need;
	void *q;

	if (!p)
		return malloc(n);
	if (!n) {
		free(p);
		return NULL;
	}
	c = block_chunk(p, "realloc of a pointer malloc did not return");
	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return NULL;
	}
	need = request_size(n);
	if (need <= chunk_size(c)) {
		chunk_use(c, need);
		return p;
	}
	if (chunk_grow_in_place(c, need) == 0)
		return p;
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, chunk_size(c) - HDR);
	free(p);
	return q;
}

size_t malloc_usable_size(void *p)
{
	return p ? chunk_size(block_chunk(p, "malloc_usable_size")) - HDR : 0;
}

static int check_fail(const char *what, struct chunk *c)
{
	fprintf(stderr, "malloc_check: %s at %p\n", what, (void *)c);
	return -1;
}

/* Count the chunks on the bins, checking each is free and well linked. */
static int check_bins(size_t *count)
{
	struct chunk *c;
	int i;

	*count = 0;
	for (i = 0; i < NR_BINS; i++) {
		for (c = bins[i]; c; c = c->next) {
			if (chunk_inuse(c) || bin_index(chunk_size(c)) != i)
				return check_fail("bad chunk on a bin", c);
			if (c->next && c->next->prev != c)
				return check_fail("broken bin links", c);
			(*count)++;
		}
	}
	return 0;
}

/* Walk every chunk; fill *st; 0 if all invariants hold. */
static int heap_walk(struct malloc_stats *st)
{
	struct chunk *c, *prev = NULL;
	size_t on_bins;

	memset(st, 0, sizeof(*st));
	if (!heap_start)
		return 0;
	st->heap_bytes = heap_end - heap_start;
	for (c = (struct chunk *)heap_start; c != fence(); c = chunk_next(c)) {
		size_t size = chunk_size(c);

		if (size < MIN_CHUNK || size % HDR ||
		    (char *)c + size > heap_end - HDR)
			return check_fail("bad chunk size", c);
		if (prev && c->prev_size != chunk_size(prev))
			return check_fail("bad prev_size", c);
		if (prev && !chunk_inuse(prev) && !chunk_inuse(c))
			return check_fail("two free neighbours", c);
		if (chunk_inuse(c)) {
			st->used_bytes += size;
			st->used_chunks++;
		} else {
			st->free_bytes += size;
			st->free_chunks++;
		}
		prev = c;
	}
	if (check_bins(&on_bins) < 0)
		return -1;
	if (on_bins != st->free_chunks)
		return check_fail("free chunks missing from the bins", c);
	return 0;
}

int malloc_check(void)
{
	struct malloc_stats st;

	return heap_walk(&st);
}

void malloc_get_stats(struct malloc_stats *st)
{
	heap_walk(st);
}
