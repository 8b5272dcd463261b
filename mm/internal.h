/*
 * Interfaces shared inside mm/ only.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mmzone.h>

/* The buddy core (mm/buddy.c); the caller holds zone->lock. */
void buddy_init_zone(struct zone *zone);
void buddy_free(struct zone *zone, struct page *page, unsigned int order);
struct page *buddy_alloc(struct zone *zone, unsigned int order);

/* Hand a boot-free block to the allocator (mm/page_alloc.c). */
void memblock_free_pages(unsigned long pfn, unsigned int order);

/* Set up nodes, zones, struct pages and zonelists (mm/mm_init.c). */
void sparse_init(void);
void free_area_init(void);
void build_all_zonelists(void);
/* Compute the zones' watermarks and reserves, once memory is in (mm/watermark.c). */
void init_per_zone_wmark_min(void);

struct vm_area_struct;
/* Make a pinned page its mapping's alone (mm/memory.c, mmap_lock held). */
int unshare_user_page(struct vm_area_struct *vma, unsigned long addr);

#endif
