/*
 * The fake physical memory the ACPI tables are built in, the map callback
 * that hands out exact-size heap copies of it (so AddressSanitizer
 * reports any read past what the parser mapped, not only past the fake
 * memory), and little-endian writes and checksums.
 *
 * Invariants: every copy fake_map() made is in maps[] until unmap_all()
 * frees it, which parse() does as soon as acpi_parse() returns.
 */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

unsigned char mem[MEM_SIZE];

/* ---- the map callback: exact-size heap copies ---- */

struct mapping {
	void *copy;
	u64 phys;
	size_t len;
};

static struct mapping *maps;
static size_t nr_maps, max_maps;

const void *fake_map(u64 phys, size_t len)
{
	struct mapping *m;

	if (len > MEM_SIZE || phys > MEM_SIZE - len)
		return NULL;
	if (nr_maps == max_maps) {
		max_maps = max_maps ? 2 * max_maps : 64;
		maps = realloc(maps, max_maps * sizeof(*maps));
	}
	m = &maps[nr_maps++];
	m->copy = malloc(len ? len : 1);
	memcpy(m->copy, mem + phys, len);
	m->phys = phys;
	m->len = len;
	return m->copy;
}

/* The physical address a pointer into a mapping stands for. */
u64 phys_of(const void *p)
{
	const char *c = p;
	size_t i;

	for (i = 0; i < nr_maps; i++)
		if (c >= (char *)maps[i].copy &&
		    c < (char *)maps[i].copy + maps[i].len)
			return maps[i].phys + (c - (char *)maps[i].copy);
	return ~0ULL;
}

void unmap_all(void)
{
	while (nr_maps)
		free(maps[--nr_maps].copy);
}

/* At the end of the program: the list of mappings itself. */
void free_maps(void)
{
	free(maps);
}

/* ---- little-endian writes and checksums ---- */

void put16(unsigned char *p, u16 v) { memcpy(p, &v, 2); }
void put32(unsigned char *p, u32 v) { memcpy(p, &v, 4); }
void put64(unsigned char *p, u64 v) { memcpy(p, &v, 8); }

u32 get32(const unsigned char *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

u8 sum(const unsigned char *p, size_t len)
{
	u8 s = 0;

	while (len--)
		s += *p++;
	return s;
}

/* Make the table at phys sum to 0 over the length its header gives. */
void fix_checksum(u64 phys)
{
	u32 len = get32(mem + phys + 4);

	if (len < 10 || len > MEM_SIZE - phys)
		return;
	mem[phys + 9] = 0;
	mem[phys + 9] = -sum(mem + phys, len);
}

void set_length(u64 phys, u32 len)
{
	put32(mem + phys + 4, len);
	fix_checksum(phys);
}
