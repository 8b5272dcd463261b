/*
 * memblock: the boot-time memory allocator (mm/memblock.c), used before
 * the page allocator exists.  It keeps two sorted lists of physical
 * ranges: "memory" (RAM from the boot memory map, each range tagged with
 * its NUMA node) and "reserved" (what is in use: the first MiB, the
 * kernel image, the boot information, modules, and every early
 * allocation).  Free memory is memory minus reserved.  Once the page
 * allocator runs, memblock_free_all() hands it all over and memblock is
 * retired: later memblock allocations fail.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/numa.h>
#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	int nid;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this */
	bool retired;			/* memblock_free_all() has run */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Tag the memory in [base, base + size) as node nid, splitting ranges. */
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid);
void memblock_set_current_limit(phys_addr_t limit);

/*
 * Allocate and reserve size bytes aligned to align, preferably on node
 * nid (NUMA_NO_NODE: any), highest free address first, below
 * current_limit.  memblock_alloc*() return a zeroed direct-map pointer,
 * memblock_phys_alloc() the physical address; NULL / 0 on failure.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align, int nid);
/* The same, on any node, wholly inside [start, end) (a device's reach). */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
void *memblock_alloc_node(phys_addr_t size, phys_addr_t align, int nid);
#define memblock_alloc(size, align) memblock_alloc_node(size, align, NUMA_NO_NODE)

bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
/* Node of the memory range holding pfn, or NUMA_NO_NODE. */
int memblock_pfn_nid(unsigned long pfn);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);

/*
 * Calls fn(base, end, nid, arg) for each free range (memory minus
 * reserved), in address order, split at node boundaries.
 */
void memblock_for_each_free_range(void (*fn)(phys_addr_t base, phys_addr_t end,
					     int nid, void *arg), void *arg);

/* Give every free page to the page allocator; returns how many. */
unsigned long memblock_free_all(void);

void memblock_dump(void);

#endif
