/*
 * vmalloc and ioremap (mm/vmalloc.c): kernel address ranges in the
 * vmalloc area (VMALLOC_START..VMALLOC_END) mapped page by page.
 *
 * vmalloc memory is contiguous only virtually: its pages come one by one
 * from anywhere, so it is never valid input to the DMA map routines
 * (virt_to_phys() of it means nothing).  Each area is followed by an
 * unmapped guard page, so running off its end faults.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/types.h>

#define VM_ALLOC	0x1	/* vmalloc: pages owned by the area */
#define VM_IOREMAP	0x2	/* ioremap: device memory, uncached */

struct vm_struct {
	struct list_head list;		/* vmap_area_lock; sorted by addr */
	unsigned long addr;
	unsigned long size;		/* including the guard page */
	struct page **pages;		/* VM_ALLOC */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* VM_IOREMAP */
	unsigned long flags;
	const void *caller;
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
struct page *vmalloc_to_page(const void *addr);

static inline bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* Map size bytes of device memory at phys, uncached. */
void *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(void *addr);

/* Pages mapped by vmalloc areas (for the memory report). */
unsigned long vmalloc_nr_pages(void);

#endif
