/*
 * vmalloc and ioremap: ranges of the vmalloc area mapped page by page (a
 * vmalloc) or page table by page table (an ioremap); see linux/vmalloc.h.
 *
 * The busy areas sit on vmap_area_list in address order; a new area
 * takes the first gap large enough (so freed ranges are reused), one
 * page larger than asked, and that last page is never mapped: the guard.
 * vmalloc maps pages it allocates itself; ioremap maps device memory
 * uncached, one page table at a time (map_kernel_range()), and owns no
 * pages.  Unmapping clears each page-table entry and
 * flushes the TLBs of every CPU (with interrupts on: vfree() and
 * iounmap() are for process context); the page-table pages stay for the
 * next area.
 *
 * Locking: vmap_area_lock protects the area list and the usage count.
 * It is not held while pages are allocated, mapped or unmapped: an area
 * on the list belongs to its caller alone, and its range stays on the
 * list until every CPU's TLB has forgotten it.
 */
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>


static LIST_HEAD(vmap_area_list);
static DEFINE_SPINLOCK(vmap_area_lock);
static unsigned long vmalloc_pages;	/* vmap_area_lock */

/* Insert area into the first gap of its size; false when there is none. */
static bool insert_vm_area(struct vm_struct *area)
{
	unsigned long addr = VMALLOC_START;
	struct list_head *pos;

	list_for_each(pos, &vmap_area_list) {
		struct vm_struct *a = list_entry(pos, struct vm_struct, list);

		if (addr + area->size <= a->addr)
			break;
		addr = a->addr + a->size;
	}
	if (addr + area->size > VMALLOC_END || addr + area->size < addr)
		return false;
	area->addr = addr;
	list_add_tail(&area->list, pos);	/* before the next area */
	return true;
}

static struct vm_struct *get_vm_area(unsigned long size, unsigned long flags,
				     unsigned long caller)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL);
	unsigned long lflags;
	bool ok;

	if (!area)
		return NULL;
	area->size = PAGE_ALIGN(size) + PAGE_SIZE;	/* the guard page */
	area->flags = flags;
	area->caller = (const void *)caller;
	spin_lock_irqsave(&vmap_area_lock, lflags);
	ok = insert_vm_area(area);
	spin_unlock_irqrestore(&vmap_area_lock, lflags);
	if (!ok) {
		kfree(area);
		return NULL;
	}
	return area;
}

/* The area starting at addr; NULL if there is none. */
static struct vm_struct *find_vm_area(unsigned long addr)
{
	struct vm_struct *found = NULL;
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each(pos, &vmap_area_list) {
		struct vm_struct *a = list_entry(pos, struct vm_struct, list);

		if (a->addr == addr) {
			found = a;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return found;
}

/*
 * Give the range back for reuse and free the area.  Only once its pages
 * are unmapped and every TLB flushed: before that, a CPU holding a stale
 * translation would write a new owner's data into the old pages.
 */
static void release_vm_area(struct vm_struct *area)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_del(&area->list);
	if (area->flags & VM_ALLOC)
		vmalloc_pages -= area->nr_pages;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	kfree(area);
}

static void unmap_area(const struct vm_struct *area)
{
	unsigned long va, end = area->addr + area->size - PAGE_SIZE;

	for (va = area->addr; va < end; va += PAGE_SIZE)
		unmap_kernel_page(va);
	flush_tlb_kernel_range(area->addr, end);
}

/*
 * Unmap and free what a vmalloc area holds (its first nr pages); the
 * pages are freed only once no CPU's TLB can still reach them.
 */
static void free_vm_pages(struct vm_struct *area, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		unmap_kernel_page(area->addr + i * PAGE_SIZE);
	flush_tlb_kernel_range(area->addr, area->addr + nr * PAGE_SIZE);
	for (i = 0; i < nr; i++)
		__free_page(area->pages[i]);
	kfree(area->pages);
}

static void *__vmalloc(unsigned long size, gfp_t gfp, unsigned long caller)
{
	struct vm_struct *area;
	unsigned int i, nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	unsigned long flags;

	if (!size || size > (max_pfn << PAGE_SHIFT))
		return NULL;
	area = get_vm_area(size, VM_ALLOC, caller);
	if (!area)
		return NULL;
	area->pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
	for (i = 0; area->pages && i < nr; i++) {
		area->pages[i] = alloc_page(gfp | __GFP_NOWARN);
		if (!area->pages[i] ||
		    map_kernel_page(area->addr + i * PAGE_SIZE,
				    PFN_PHYS(page_to_pfn(area->pages[i])), PAGE_KERNEL))
			break;
	}
	if (i < nr) {
		pr_warn("%pS: vmalloc of %lu bytes failed\n", (void *)caller, size);
		free_vm_pages(area, area->pages && area->pages[i] ? i + 1 : i);
		release_vm_area(area);
		return NULL;
	}
	area->nr_pages = nr;
	spin_lock_irqsave(&vmap_area_lock, flags);
	vmalloc_pages += nr;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return (void *)area->addr;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL, _RET_IP_);
}

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO, _RET_IP_);
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area((unsigned long)addr);
	if (!area || !(area->flags & VM_ALLOC)) {
		pr_err("BUG: vfree of %p, not a vmalloc area, from %pS\n",
		       addr, (void *)_RET_IP_);
		return;
	}
	free_vm_pages(area, area->nr_pages);
	release_vm_area(area);
}

struct page *vmalloc_to_page(const void *addr)
{
	unsigned long entry;
	int level;

	if (!is_vmalloc_addr(addr))
		return NULL;
	entry = lookup_kernel_pte((unsigned long)addr, &level);
	if (!pte_present(entry) || level != 1)
		return NULL;
	return pfn_to_page(pte_pfn(entry));
}

void *ioremap(phys_addr_t phys, unsigned long size)
{
	unsigned long offset = phys & ~PAGE_MASK, mapped;
	struct vm_struct *area;

	if (!size)
		return NULL;
	size = PAGE_ALIGN(size + offset);
	area = get_vm_area(size, VM_IOREMAP, _RET_IP_);
	if (!area)
		return NULL;
	area->phys_addr = phys - offset;
	mapped = map_kernel_range(area->addr, area->phys_addr, size,
				  PAGE_KERNEL_NOCACHE);
	if (mapped < size) {
		area->size = mapped + PAGE_SIZE;	/* unmap what was mapped */
		unmap_area(area);
		release_vm_area(area);
		return NULL;
	}
	return (void *)(area->addr + offset);
}

void iounmap(void *addr)
{
	struct vm_struct *area = find_vm_area((unsigned long)addr & PAGE_MASK);

	if (!area || !(area->flags & VM_IOREMAP)) {
		pr_err("BUG: iounmap of %p, not an ioremap area, from %pS\n",
		       addr, (void *)_RET_IP_);
		return;
	}
	unmap_area(area);
	release_vm_area(area);
}

unsigned long vmalloc_nr_pages(void)
{
	return READ_ONCE(vmalloc_pages);
}
