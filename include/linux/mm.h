/*
 * Pages and addresses: converting between struct page, page frame
 * numbers, physical and direct-map virtual addresses, and page
 * reference counts (Linux's include/linux/mm.h).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/gup.h>
#include <linux/page_ref.h>

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

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
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
	return page_ref_count(page);
}

/* Take another reference to an allocated block (the caller holds one). */
static inline void get_page(struct page *page)
{
	page_ref_inc(page);
}

/* Boot: set up the page allocator and give it all free memory (mm/mm_init.c). */
void mem_init(void);

/* Drop a reference to a block allocated by alloc_pages(); frees it at 0. */
void put_page(struct page *page);
/* Drop refs references at once (an unpin drops a pin's bias); frees at 0. */
void put_page_refs(struct page *page, int refs);

/*
 * Process address spaces (mm/mmap.c, mm/memory.c, mm/fault.c).  The
 * layout: program at 0x400000 (the first 4 MiB are never mapped), the
 * heap (brk) after it, mmap() regions below MMAP_BASE searching down,
 * the stack below STACK_TOP growing down to at most STACK_LIMIT.
 */
#define MMAP_MIN_ADDR	0x400000UL
#define STACK_TOP	TASK_SIZE
#define STACK_LIMIT	(8UL << 20)	/* like Linux's default RLIMIT_STACK */
#define STACK_INIT_SIZE	(128UL << 10)
#define MMAP_BASE	(STACK_TOP - STACK_LIMIT - (1UL << 30))
#define MAX_MAP_COUNT	1024

struct mm_struct *mm_alloc(void);
/* Drop a reference; the last one unmaps everything and frees the mm. */
void mmput(struct mm_struct *mm);
/* fork: a copy-on-write copy of the current process's mm, or NULL. */
struct mm_struct *dup_mm(struct mm_struct *old);
/* The task's mm with a reference held (mmput it), or NULL. */
struct mm_struct *get_task_mm(struct task_struct *task);

/* The first region ending above addr, or NULL (mmap_lock held). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* Map [start, end) with vm_flags (mmap_lock held): 0, -ENOMEM, -EEXIST. */
int insert_vm_region(struct mm_struct *mm, unsigned long start,
		     unsigned long end, unsigned long vm_flags, const char *name);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
/* The region for a user fault at addr, growing the stack down to it. */
struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr);

unsigned long *user_pte(struct mm_struct *mm, unsigned long addr, bool alloc,
			unsigned long *next);
/* The entry bits for a user page of a region (arch/x86/mm/pgprot.c). */
unsigned long vm_page_prot(unsigned long vm_flags);
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, bool write);
int copy_page_range(struct mm_struct *src, struct vm_area_struct *dst);
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, unsigned long vm_flags);
void free_pgtables(struct mm_struct *mm);
/* Make every CPU that has mm loaded forget [start, end) (arch/x86/mm/tlb.c). */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			unsigned long end);
/* Load next's page tables on this CPU (the kernel's when NULL). */
void switch_mm(struct mm_struct *prev, struct mm_struct *next);
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *buf,
	       size_t len);

/*
 * Resolve a fault at user address addr of mm for an access that needs
 * vm_access (VM_READ, VM_WRITE or VM_EXEC), as the page-fault handler
 * does (mm/fault.c): 0, or -EFAULT (no region allows it) or -ENOMEM.
 * Takes mm->mmap_lock.  fault_in_user_page() is the same for a read or
 * a write.
 */
int handle_user_fault(struct mm_struct *mm, unsigned long addr,
		      unsigned long vm_access);
int fault_in_user_page(struct mm_struct *mm, unsigned long addr, bool write);
/* " in prog[401000+2000]\n": the region holding ip, as Linux's reports end. */
void print_vma_addr(struct mm_struct *mm, unsigned long ip);

/* Make mm current's address space and load it; returns the old one. */
struct mm_struct *set_current_mm(struct mm_struct *mm);
/* A kernel thread runs with mm as its address space, and stops (tests). */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* /proc/PID/maps text for task; returns its length. */
size_t proc_pid_maps_show(struct task_struct *task, char *buf, size_t size);

#endif
