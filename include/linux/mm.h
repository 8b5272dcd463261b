/*
 * Pages and addresses: converting between struct page, page frame
 * numbers, physical and direct-map virtual addresses, and page
 * reference counts (Linux's include/linux/mm.h).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>

#define PFN_PHYS(pfn)		((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(phys)		((unsigned long)((phys) >> PAGE_SHIFT))
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)

/* The smallest order of a block holding size bytes (Linux's get_order()). */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* Highest pfn of RAM + 1 (mm/mm_init.c). */
extern unsigned long max_pfn;

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PHYS_PFN(__pa(addr)));
}

/* Is addr a direct-map address with a struct page behind it? */
static inline bool virt_addr_valid(unsigned long addr)
{
	return addr >= PAGE_OFFSET && addr < PAGE_OFFSET + PFN_PHYS(max_pfn) &&
	       pfn_valid(PHYS_PFN(addr - PAGE_OFFSET));
}

static inline int page_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_RELAXED);
}

/* Boot: set up the page allocator and give it all free memory (mm/mm_init.c). */
void mem_init(void);

/* Drop a reference to a block allocated by alloc_pages(); frees it at 0. */
void put_page(struct page *page);

#endif
