/*
 * struct page: one per physical page frame (4 KiB), kept in arrays per
 * memory section (see mmzone.h), each array on its own node's memory.
 *
 * flags holds PG_* bits (page-flags.h) at the bottom and, at the top,
 * the page's section, node and zone, so page_to_pfn(), page_to_nid() and
 * page_zone() need no lookup.
 *
 * (Z) zone->lock while the page is free or on a per-CPU list
 * (O) the owner of an allocated page
 * (S) the slab's node list_lock, for a page of a slab (PG_slab)
 * (C) constant once boot set it up
 * (A) atomic: any CPU, through linux/page_ref.h
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct kmem_cache;

struct page {
	/*
	 * (C) section, node and zone; the PG_* bits belong to whoever owns
	 * the page in its current state: PG_buddy and PG_pcp (Z), PG_head
	 * and PG_reserved (O), PG_slab (S).  Plain read-modify-writes: two
	 * owners never hold one page at once.
	 * PG_locked and PG_dirty are (A), set and cleared with atomic bit
	 * operations on any CPU (lock_page()/unlock_page(), an unpin).  The
	 * rule that keeps the plain updates from losing them: only a caller
	 * holding a reference or pin locks or dirties a page, and the plain
	 * bits change only while nobody but their owner can reach the page
	 * (free, being allocated or freed, being made a slab), so a plain
	 * update never meets a concurrent atomic one.
	 */
	unsigned long flags;
	struct list_head lru;	/* (Z) on a free list or a per-CPU list */
	/*
	 * (Z) free: the order of the free block this page heads (PG_buddy).
	 * (O) allocated: the order of the block this page heads (PG_head).
	 */
	unsigned long private;
	atomic_t _refcount;	/* (A) 0 free; 1 allocated, more if shared */
	/* A slab's first page also links it on its node's lists, via lru. */
	unsigned int inuse;		/* (S) slab: objects handed out */
	struct kmem_cache *slab_cache;	/* (S) slab: its cache, on every page */
	void *freelist;			/* (S) slab: first free object */
	/*
	 * (C) the page's direct-map address, as Linux 2.4's field: the
	 * course text's drivers write my_page->virtual.  Always equal to
	 * page_address(page), which computes it instead of loading it.
	 */
	void *virtual;
};

/*
 * A process's address space (mm/mmap.c, mm/memory.c): its page tables
 * and its regions.  The kernel half of every pgd is a copy of the
 * kernel's (whose top-level entries never change after boot), the user
 * half below TASK_SIZE belongs to the process.
 *
 * (L) mmap_lock: the region list, the user page tables, the brk fields.
 * (C) constant from mm_alloc() to the last mmput()
 * (A) atomic: mm_users through atomic_t, cpu_vm_mask through set_bit()
 */
struct mm_struct {
	unsigned long *pgd;		/* (C) top-level table (direct-map address) */
	struct list_head mmap;		/* (L) regions, sorted by address */
	int map_count;			/* (L) number of regions */
	struct mutex mmap_lock;
	atomic_t mm_users;		/* (A) references, mmput() drops */
	unsigned long cpu_vm_mask;	/* (A) CPUs with this pgd loaded */
	unsigned long start_code, end_code;	/* (L) program text */
	unsigned long start_brk, brk;	/* (L) heap */
	unsigned long start_stack;	/* (L) initial stack pointer */
	unsigned long mmap_base;	/* (L) mmap() searches down from here */
	unsigned long nr_ptes;		/* (L) page-table pages below pgd */
	unsigned long rss;		/* (L) pages mapped */
	/* (A) pages pinned with FOLL_LONGTERM, charged to RLIMIT_MEMLOCK */
	atomic_long_t pinned_vm;
	char exe_name[32];		/* (L) program name, for /proc/PID/maps */
};

/* vm_flags */
#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_GROWSDOWN	0x0100		/* the stack: extended downwards on a fault */
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

/* A region: [vm_start, vm_end), page aligned, one set of permissions. */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	unsigned long vm_flags;		/* VM_* */
	struct mm_struct *vm_mm;
	struct list_head vm_list;	/* in vm_mm->mmap (mmap_lock) */
	const char *vm_name;		/* "[heap]", "[stack]", the program, or NULL */
};

#endif
