/*
 * memblock: the boot-time allocator; see linux/memblock.h.
 *
 * Invariants: each list is sorted by base, its ranges do not overlap,
 * and adjacent ranges are merged when they have the same node; every
 * range is page-aligned (memory is trimmed inward, reservations are
 * widened outward).  Allocations are reserved before they are returned.
 *
 * Locking: none.  memblock is used by the boot CPU alone, before any
 * other CPU or interrupt runs, and is read-only once retired.
 */
#include <asm/page.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "internal.h"

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = (phys_addr_t)-1,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, memory_regions, "memory" },
	.reserved = { 0, INIT_MEMBLOCK_REGIONS, reserved_regions, "reserved" },
};

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static int memblock_insert_region(struct memblock_type *type, unsigned long i,
				  phys_addr_t base, phys_addr_t size, int nid)
{
	if (type->cnt == type->max) {
		pr_err("memblock: %s list full, range [%#llx-%#llx] dropped\n",
		       type->name, (unsigned long long)base,
		       (unsigned long long)(base + size - 1));
		return -ENOMEM;
	}
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size, nid };
	type->cnt++;
	return 0;
}

/* Merge neighbours that touch or overlap and share a node. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *a = &type->regions[i], *b = a + 1;

		if (region_end(a) < b->base || a->nid != b->nid) {
			i++;
			continue;
		}
		a->size = max(region_end(a), region_end(b)) - a->base;
		memblock_remove_region(type, i + 1);
	}
}

static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t end, int nid)
{
	unsigned long i = 0;
	int ret;

	if (end <= base)
		return 0;
	while (i < type->cnt && type->regions[i].base < base)
		i++;
	ret = memblock_insert_region(type, i, base, end - base, nid);
	memblock_merge_regions(type);
	return ret;
}

/* New memory belongs to no node until numa_init() says which. */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, ALIGN(base, PAGE_SIZE),
				  ALIGN_DOWN(base + size, PAGE_SIZE),
				  NUMA_NO_NODE);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, ALIGN_DOWN(base, PAGE_SIZE),
				  ALIGN(base + size, PAGE_SIZE), 0);
}

/* Split the memory range holding addr so that one starts at addr. */
static int memblock_split_at(phys_addr_t addr)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base < addr && addr < region_end(r)) {
			phys_addr_t end = region_end(r);

			r->size = addr - r->base;
			return memblock_insert_region(type, i + 1, addr,
						      end - addr, r->nid);
		}
	}
	return 0;
}

int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid)
{
	struct memblock_type *type = &memblock.memory;
	phys_addr_t end = base + size;
	unsigned long i;

	if (memblock_split_at(base) || memblock_split_at(end))
		return -ENOMEM;
	for (i = 0; i < type->cnt; i++)
		if (type->regions[i].base >= base &&
		    region_end(&type->regions[i]) <= end)
			type->regions[i].nid = nid;
	memblock_merge_regions(type);
	return 0;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

static const struct memblock_region *memblock_search(const struct memblock_type *type,
						     phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (type->regions[i].base <= addr &&
		    addr < region_end(&type->regions[i]))
			return &type->regions[i];
	return NULL;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != NULL;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != NULL;
}

int memblock_pfn_nid(unsigned long pfn)
{
	const struct memblock_region *r =
		memblock_search(&memblock.memory, (phys_addr_t)pfn << PAGE_SHIFT);

	return r ? r->nid : NUMA_NO_NODE;
}

static phys_addr_t memblock_total(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock_total(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock_total(&memblock.reserved);
}

void memblock_for_each_free_range(void (*fn)(phys_addr_t base, phys_addr_t end,
					     int nid, void *arg), void *arg)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;
	unsigned long i, j;

	for (i = 0; i < mem->cnt; i++) {
		const struct memblock_region *m = &mem->regions[i];
		phys_addr_t pos = m->base, end = region_end(m);

		for (j = 0; j < res->cnt && pos < end; j++) {
			const struct memblock_region *r = &res->regions[j];

			if (region_end(r) <= pos || r->base >= end)
				continue;
			if (r->base > pos)
				fn(pos, r->base, m->nid, arg);
			pos = region_end(r);
		}
		if (pos < end)
			fn(pos, end, m->nid, arg);
	}
}

/*
 * The search for the highest free range that fits (top-down, as Linux),
 * within [start, limit).
 */
struct memblock_find {
	phys_addr_t size, align, start, limit, found;
	int nid;
};

static void memblock_find_range(phys_addr_t base, phys_addr_t end, int nid,
				void *arg)
{
	struct memblock_find *f = arg;
	phys_addr_t cand;

	if (f->nid != NUMA_NO_NODE && nid != f->nid)
		return;
	base = max(base, f->start);
	end = min(end, f->limit);
	if (end < base + f->size)
		return;
	cand = ALIGN_DOWN(end - f->size, f->align);
	if (cand >= base && cand > f->found)
		f->found = cand;
}

static phys_addr_t memblock_find_in_range(phys_addr_t size, phys_addr_t align,
					  phys_addr_t start, phys_addr_t end,
					  int nid)
{
	struct memblock_find f = { size, align, start,
				   min(end, memblock.current_limit), 0, nid };

	memblock_for_each_free_range(memblock_find_range, &f);
	return f.found;
}

static phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end,
					    int nid)
{
	phys_addr_t found;

	if (WARN_ON(memblock.retired))
		return 0;
	size = ALIGN(size, PAGE_SIZE);
	align = max(align, (phys_addr_t)PAGE_SIZE);
	start = max(start, (phys_addr_t)PAGE_SIZE);	/* 0 means "failed" */
	found = memblock_find_in_range(size, align, start, end, nid);
	if (!found && nid != NUMA_NO_NODE)
		found = memblock_find_in_range(size, align, start, end,
					       NUMA_NO_NODE);
	if (!found || memblock_reserve(found, size))
		return 0;
	return found;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align, int nid)
{
	return memblock_alloc_range_nid(size, align, 0, (phys_addr_t)-1, nid);
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE);
}

void *memblock_alloc_node(phys_addr_t size, phys_addr_t align, int nid)
{
	phys_addr_t phys = memblock_phys_alloc(size, align, nid);
	void *p;

	if (!phys) {
		pr_err("memblock: cannot allocate %llu bytes on node %d\n",
		       (unsigned long long)size, nid);
		return NULL;
	}
	p = __va(phys);
	memset(p, 0, size);
	return p;
}

static void memblock_dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info("memblock: %s: %lu ranges, %llu KiB\n", type->name, type->cnt,
		(unsigned long long)memblock_total(type) >> 10);
	for (i = 0; i < type->cnt; i++)
		pr_debug("memblock:   [%#018llx-%#018llx] node %d\n",
			 (unsigned long long)type->regions[i].base,
			 (unsigned long long)region_end(&type->regions[i]) - 1,
			 type->regions[i].nid);
}

void memblock_dump(void)
{
	memblock_dump_type(&memblock.memory);
	memblock_dump_type(&memblock.reserved);
}

/* Free [base, end) to the page allocator in the largest aligned blocks. */
static void memblock_free_range(phys_addr_t base, phys_addr_t end, int nid,
				void *arg)
{
	unsigned long pfn = PFN_UP(base), end_pfn = PFN_DOWN(end);
	unsigned long *count = arg;
	unsigned int order;

	while (pfn < end_pfn) {
		order = MAX_ORDER - 1;
		while (order && ((pfn & ((1UL << order) - 1)) ||
				 pfn + (1UL << order) > end_pfn))
			order--;
		memblock_free_pages(pfn, order);
		*count += 1UL << order;
		pfn += 1UL << order;
	}
}

unsigned long memblock_free_all(void)
{
	unsigned long count = 0;

	memblock_for_each_free_range(memblock_free_range, &count);
	memblock.retired = true;
	return count;
}
