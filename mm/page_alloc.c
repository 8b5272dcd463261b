/*
 * The page allocator: the public interface of linux/gfp.h on top of the
 * per-zone buddy lists (mm/buddy.c), with per-CPU lists of order-0 pages
 * and NUMA-aware zonelists.
 *
 * An allocation picks a zonelist (the requested node's, or with
 * __GFP_THISNODE the one holding only that node's zones), skips zones
 * above what the GFP flags allow (GFP_DMA: ZONE_DMA only; GFP_DMA32: up
 * to ZONE_DMA32), and takes the first zone whose free pages stay above a
 * watermark (mm/watermark.c): first the low mark, so that allocations
 * spread to other zones and nodes before any zone runs short; then, in
 * the slow path, the min mark, which __GFP_HIGH and GFP_ATOMIC callers
 * may go below; and last, after every CPU's cached pages have gone back
 * to the buddy lists, the min mark once more.  Order-0 requests are
 * served from this CPU's list, refilled from the buddy lists pcp->batch
 * pages at a time; frees go back to it and it drains a batch when it
 * holds more than pcp->high.  Nothing here sleeps: with nothing to
 * reclaim, a request that cannot be met fails.
 *
 * Invariants: an allocated block's first page has PG_head, its order in
 * private and a reference count >= 1; every other page of it has none of
 * these.  A free page has refcount 0 and is on exactly one buddy or
 * per-CPU list.  A bad free (already free, wrong order, not the start of
 * a block, a reserved page, a page of a slab, an address outside the
 * direct map) is reported with its caller and changes nothing.
 *
 * Locking: zone->lock (irqsave) protects the buddy lists and counters;
 * a per-CPU list is touched only by its CPU with interrupts off.  Order:
 * interrupts off, then zone->lock.
 */
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "internal.h"


struct pglist_data node_data[MAX_NUMNODES];
unsigned long node_online_map;
unsigned long node_memory_map;
int nr_online_nodes;
int _numa_mem_[NR_CPUS];

int local_memory_node(int nid)
{
	const struct zone *zone =
		NODE_DATA(nid)->node_zonelists[ZONELIST_FALLBACK]._zonerefs[0].zone;

	return zone ? zone->zone_pgdat->node_id : nid;
}

/* ---- per-CPU lists ---- */

/* Move up to count pages from the buddy lists to pcp; returns how many. */
static int rmqueue_bulk(struct zone *zone, struct per_cpu_pages *pcp, int count)
{
	struct page *page;
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		page = buddy_alloc(zone, 0);
		if (!page)
			break;
		SetPagePcp(page);
		list_add_tail(&page->lru, &pcp->list);
	}
	spin_unlock(&zone->lock);
	pcp->count += i;
	return i;
}

/* Give count pages of pcp back to the buddy lists. */
static void free_pcppages_bulk(struct zone *zone, struct per_cpu_pages *pcp,
			       int count)
{
	struct page *page;

	spin_lock(&zone->lock);
	while (count-- > 0 && !list_empty(&pcp->list)) {
		page = list_entry(pcp->list.prev, struct page, lru);
		list_del(&page->lru);
		ClearPagePcp(page);
		pcp->count--;
		buddy_free(zone, page, 0);
	}
	spin_unlock(&zone->lock);
}

/*
 * The per-CPU list is picked after interrupts are off: a task preempted
 * between the two would otherwise work on the list of a CPU it has left.
 */
static struct page *rmqueue_pcplist(struct zone *zone)
{
	struct per_cpu_pages *pcp;
	struct page *page = NULL;
	unsigned long flags;

	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	if (pcp->count || rmqueue_bulk(zone, pcp, pcp->batch)) {
		page = list_first_entry(&pcp->list, struct page, lru);
		list_del(&page->lru);
		ClearPagePcp(page);
		pcp->count--;
	}
	local_irq_restore(flags);
	return page;
}

static void free_unref_page(struct zone *zone, struct page *page)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;

	local_irq_save(flags);
	pcp = &zone->pcp[smp_processor_id()];
	SetPagePcp(page);
	list_add(&page->lru, &pcp->list);
	if (++pcp->count > pcp->high)
		free_pcppages_bulk(zone, pcp, pcp->batch);
	local_irq_restore(flags);
}

static void drain_local_pages_ipi(void *unused)
{
	drain_local_pages();
}

void drain_all_pages(void)
{
	on_each_cpu(drain_local_pages_ipi, NULL);
}

void drain_local_pages(void)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			local_irq_save(flags);
			pcp = &zone->pcp[smp_processor_id()];
			free_pcppages_bulk(zone, pcp, pcp->count);
			local_irq_restore(flags);
		}
	}
}

/* ---- allocation ---- */

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct page *page;
	unsigned long flags;

	if (order == 0)
		return rmqueue_pcplist(zone);
	spin_lock_irqsave(&zone->lock, flags);
	page = buddy_alloc(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_count(page, 1);
	page->private = order;
	SetPageHead(page);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
}

/* What one pass over the zonelist asks for. */
struct alloc_context {
	const struct zonelist *zonelist;
	enum zone_type highest_zoneidx;	/* the highest zone the GFP flags allow */
	unsigned int order;
	gfp_t gfp;
};

/*
 * zone_watermark_ok() with the common case inline (Linux's
 * zone_watermark_fast): an order-0 request from a zone well above the
 * mark, which passes whatever the caller may dip into.
 */
static inline bool zone_watermark_fast(const struct zone *z,
				       unsigned int order, unsigned long mark,
				       int highest_zoneidx,
				       unsigned int alloc_flags)
{
	if (order == 0 && (long)READ_ONCE(z->free_pages) >
			  (long)mark + z->lowmem_reserve[highest_zoneidx])
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags);
}

static struct page *get_page_from_zonelist(const struct alloc_context *ac,
					   enum zone_watermarks wmark,
					   unsigned int alloc_flags)
{
	const struct zoneref *z;
	struct page *page;

	for (z = ac->zonelist->_zonerefs; z->zone; z++) {
		if (z->zone_idx > ac->highest_zoneidx ||
		    !zone_watermark_fast(z->zone, ac->order,
					 z->zone->_watermark[wmark],
					 ac->highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(z->zone, ac->order);
		if (page) {
			prep_new_page(page, ac->order, ac->gfp);
			return page;
		}
	}
	return NULL;
}

static void warn_alloc(gfp_t gfp, unsigned int order, int nid,
		       unsigned long caller)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("%pS: page allocation failure: order:%u, mode:%#x, node %d%s\n",
		(void *)caller, order, gfp, nid,
		gfp & __GFP_THISNODE ? " only" : "");
}

/* How far below the min mark this caller may go. */
static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = 0;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (!gfpflags_allow_blocking(gfp))
		alloc_flags |= ALLOC_HARDER;
	return alloc_flags;
}

/*
 * Down to the min mark; then pages cached on per-CPU lists go back to
 * the buddy lists and the zonelist is tried once more.  Only a caller
 * that may sleep interrupts the other CPUs for theirs: an atomic one may
 * hold a spinlock that a CPU it would wait for is spinning on (and so
 * may a caller that says it can sleep but runs with preemption off).
 */
static struct page *__alloc_pages_slowpath(const struct alloc_context *ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(ac->gfp);
	struct page *page;

	page = get_page_from_zonelist(ac, WMARK_MIN, alloc_flags);
	if (page)
		return page;
	if (gfpflags_allow_blocking(ac->gfp) && !irqs_disabled() &&
	    !preempt_count())
		drain_all_pages();
	else
		drain_local_pages();
	return get_page_from_zonelist(ac, WMARK_MIN, alloc_flags);
}

static struct page *__alloc_pages(gfp_t gfp, unsigned int order, int nid,
				  unsigned long caller)
{
	struct alloc_context ac = { .order = order, .gfp = gfp,
				    .highest_zoneidx = gfp_zone(gfp) };
	struct page *page;

	if (nid == NUMA_NO_NODE)
		nid = numa_mem_id();
	if (order >= MAX_ORDER || nid < 0 || nid >= MAX_NUMNODES ||
	    !node_online(nid))
		goto fail;
	ac.zonelist = &NODE_DATA(nid)->node_zonelists[gfp & __GFP_THISNODE ?
			ZONELIST_NOFALLBACK : ZONELIST_FALLBACK];
	page = get_page_from_zonelist(&ac, WMARK_LOW, 0);
	if (!page)
		page = __alloc_pages_slowpath(&ac);
	if (page)
		return page;
fail:
	warn_alloc(gfp, order, nid, caller);
	return NULL;
}

struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages(gfp_mask, order, nid, _RET_IP_);
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages(gfp_mask, order, numa_node_id(), _RET_IP_);
}

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = __alloc_pages(gfp_mask, order, numa_node_id(),
					  _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	struct page *page = __alloc_pages(gfp_mask | __GFP_ZERO, 0,
					  numa_node_id(), _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

/* ---- freeing ---- */

static void bad_page(const struct page *page, unsigned int order,
		     const char *reason, unsigned long caller)
{
	pr_err("BUG: Bad page free: %s: pfn %#lx order %u (flags %#lx refcount %d) from %pS\n",
	       reason, page_to_pfn(page), order, page->flags,
	       page_ref_count(page), (void *)caller);
}

/* Is page inside (not at the start of) an allocated block? */
static bool inside_allocated_block(const struct page *page)
{
	unsigned long pfn = page_to_pfn(page), head;
	unsigned int order;

	for (order = 1; order < MAX_ORDER; order++) {
		head = pfn & ~((1UL << order) - 1);
		if (head != pfn && PageHead(pfn_to_page(head)) &&
		    pfn_to_page(head)->private >= order)
			return true;
	}
	return false;
}

/* The reason a free of (page, order) is wrong, or NULL when it is fine. */
static const char *free_pages_problem(const struct page *page,
				      unsigned int order)
{
	if (PageReserved(page))
		return "page is reserved";
	if (PageSlab(page))
		return "page belongs to a slab cache (kfree it)";
	if (!PageHead(page))
		return inside_allocated_block(page) ?
		       "not the first page of an allocated block" :
		       "page already free (double free?)";
	if (page_ref_count(page) <= 0)
		return "page already free (double free?)";
	if (page->private != order)
		return "order differs from the allocation's";
	return NULL;
}

static void free_the_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	/* The count is 0: nobody else reaches the page, plain updates do. */
	ClearPageHead(page);
	__ClearPageDirty(page);
	page->private = 0;
	if (order == 0) {
		free_unref_page(zone, page);
		return;
	}
	spin_lock_irqsave(&zone->lock, flags);
	buddy_free(zone, page, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void put_refs_caller(struct page *page, unsigned int order, int refs,
			    unsigned long caller)
{
	const char *problem = free_pages_problem(page, order);

	if (problem) {
		bad_page(page, order, problem, caller);
		return;
	}
	/* Atomic: other CPUs take and drop references to shared pages too. */
	if (page_ref_sub_and_test(page, refs))
		free_the_page(page, order);
}

static void __free_pages_caller(struct page *page, unsigned int order,
				unsigned long caller)
{
	put_refs_caller(page, order, 1, caller);
}

void __free_pages(struct page *page, unsigned int order)
{
	__free_pages_caller(page, order, _RET_IP_);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	if (!virt_addr_valid(addr) || !IS_ALIGNED(addr, PAGE_SIZE)) {
		pr_err("BUG: Bad page free: %#lx is not a page in the direct map, from %pS\n",
		       addr, (void *)_RET_IP_);
		return;
	}
	__free_pages_caller(virt_to_page((void *)addr), order, _RET_IP_);
}

void put_page(struct page *page)
{
	__free_pages_caller(page, page->private, _RET_IP_);
}

void put_page_refs(struct page *page, int refs)
{
	put_refs_caller(page, page->private, refs, _RET_IP_);
}

/* Boot: a block that memblock found free joins its zone. */
void memblock_free_pages(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);
	struct zone *zone = page_zone(page);
	unsigned long i, flags;

	for (i = 0; i < (1UL << order); i++)
		ClearPageReserved(page + i);
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += 1UL << order;
	buddy_free(zone, page, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}
