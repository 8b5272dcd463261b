/*
 * The slab allocator: caches of same-sized objects on top of the page
 * allocator, and kmalloc() on top of a set of such caches.
 *
 * Each cache keeps, per node, lists of its slabs (partial, full, and up
 * to SLAB_NODE_RESERVE empty ones; more empty slabs go back to the page
 * allocator), and per CPU a magazine of free objects (struct
 * array_cache).  The fast path pops from or pushes to this CPU's
 * magazine with interrupts off (one save and restore) and no lock:
 * slab_alloc_fast() and slab_free_fast(), inlined into
 * kmem_cache_alloc(), kmem_cache_free() and kfree().  Whatever they do
 * not finish goes to slab_alloc_slow() or slab_free_slow(): debugging,
 * zeroing, a zone or a node asked for, an object of another node, and
 * an empty or full magazine, which is refilled with batchcount objects
 * from the node's slabs, or flushed of batchcount objects back to their
 * slabs, under the node's list_lock.  kmalloc() of a constant size is
 * inline (linux/slab.h): a kmem_cache_alloc() of the right cache.
 *
 * An object whose slab is on another node is freed straight to that
 * slab, so each node's slabs only hold objects of its own memory, and a
 * magazine only objects of its CPU's memory node.  See docs/mm.md for
 * why magazines.
 *
 * A slab's pages have PG_slab and slab_cache set; its first page also
 * carries the free list and the count of objects handed out (including
 * those sitting in magazines, as Linux's SLAB counts them).
 *
 * Locking: slab_mutex protects the list of caches (a mutex, as Linux's:
 * walking it may empty every CPU's magazines, which waits for the other
 * CPUs); a node's list_lock protects its lists and its slabs' free
 * lists.  Order: slab_mutex, interrupts off, list_lock, then (inside the
 * page allocator) zone->lock.
 */
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "slab.h"


static LIST_HEAD(slab_caches);
static DEFINE_MUTEX(slab_mutex);
static slab_flags_t slab_debug_flags;	/* slab_debug: for every cache */
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_NR];

static bool slab_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* The first page of the slab holding obj. */
static struct page *virt_to_slab(const struct kmem_cache *s, const void *obj)
{
	unsigned long pfn = PHYS_PFN(__pa(obj));

	return pfn_to_page(pfn & ~((1UL << s->order) - 1));
}

/* ---- slabs ---- */

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp, int nid)
{
	struct page *page;
	unsigned long i;

	gfp = (gfp & ~(__GFP_ZERO | GFP_ZONEMASK)) | s->allocflags;
	page = alloc_pages_node(nid, gfp, s->order);
	if (!page)
		return NULL;
	for (i = 0; i < (1UL << s->order); i++) {
		SetPageSlab(page + i);
		page[i].slab_cache = s;
	}
	slab_init_objects(s, page, page_address(page));
	return page;
}

static void discard_slab(struct kmem_cache *s, struct page *page)
{
	unsigned long i;

	for (i = 0; i < (1UL << s->order); i++) {
		ClearPageSlab(page + i);
		page[i].slab_cache = NULL;
	}
	page->freelist = NULL;
	__free_pages(page, s->order);
}

/* Take a slab off its list.  Caller holds list_lock. */
static void slab_unfile(struct kmem_cache_node *n, struct page *page)
{
	if (!page->inuse)
		n->nr_empty--;
	list_del(&page->lru);
}

/* LAB(slab): write node_take() and node_put(): the node's lists of slabs */
/* Put a slab on the list its fill level calls for.  Caller holds list_lock. */
static void slab_file(struct kmem_cache *s, struct kmem_cache_node *n,
		      struct page *page)
{
	if (page->inuse == s->objects)
		list_add(&page->lru, &n->full);
	else if (page->inuse)
		list_add(&page->lru, &n->partial);
	else
		list_add(&page->lru, &n->empty), n->nr_empty++;
}

/* A slab with a free object on node n, or NULL.  Caller holds list_lock. */
static struct page *node_slab(struct kmem_cache_node *n)
{
	if (!list_empty(&n->partial))
		return list_first_entry(&n->partial, struct page, lru);
	if (!list_empty(&n->empty))
		return list_first_entry(&n->empty, struct page, lru);
	return NULL;
}

/*
 * Take up to count objects from node nid's slabs into objs[], adding a
 * slab if the node has none with free objects; returns how many.
 */
static unsigned int node_take(struct kmem_cache *s, int nid, gfp_t gfp,
			      void **objs, unsigned int count)
{
	struct kmem_cache_node *n = &s->node[nid];
	unsigned int got = 0;
	struct page *page;

	spin_lock(&n->list_lock);
	while (got < count) {
		page = node_slab(n);
		if (!page) {
			spin_unlock(&n->list_lock);
			page = new_slab(s, gfp, nid);
			if (!page)
				return got;
			n = &s->node[page_to_nid(page)];	/* may fall back */
			spin_lock(&n->list_lock);
			n->nr_slabs++;
			slab_file(s, n, page);
		}
		slab_unfile(n, page);
		while (got < count && page->inuse < s->objects)
			objs[got++] = slab_take_object(s, page);
		slab_file(s, n, page);
	}
	spin_unlock(&n->list_lock);
	return got;
}

/* Give obj back to its slab.  Caller holds the slab's node list_lock. */
static void node_put(struct kmem_cache *s, struct kmem_cache_node *n,
		     struct page *page, void *obj)
{
	slab_unfile(n, page);
	slab_put_object(s, page, obj);
	if (page->inuse == 0 && n->nr_empty >= SLAB_NODE_RESERVE) {
		n->nr_slabs--;
		discard_slab(s, page);	/* beyond the reserve */
		return;
	}
	slab_file(s, n, page);
}
#if 0	/* LAB(slab) stub */
/*
 * A stand-in that keeps no list: a new slab for every object taken, and
 * the slab freed when its object comes back.
 */
static unsigned int node_take(struct kmem_cache *s, int nid, gfp_t gfp,
			      void **objs, unsigned int count)
{
	struct page *page = new_slab(s, gfp, nid);

	if (!page)
		return 0;
	objs[0] = slab_take_object(s, page);
	return 1;
}

static void node_put(struct kmem_cache *s, struct kmem_cache_node *n,
		     struct page *page, void *obj)
{
	slab_put_object(s, page, obj);
	discard_slab(s, page);
}
#endif	/* END LAB(slab) */

static void free_to_node(struct kmem_cache *s, void *obj)
{
	struct page *page = virt_to_slab(s, obj);
	struct kmem_cache_node *n = &s->node[page_to_nid(page)];

	spin_lock(&n->list_lock);
	node_put(s, n, page, obj);
	spin_unlock(&n->list_lock);
}

/* ---- per-CPU magazines (interrupts off) ---- */

/* Move the count oldest objects of ac back to their slabs. */
static void cache_flusharray(struct kmem_cache *s, struct array_cache *ac,
			     unsigned int count)
{
	unsigned int i;

	count = min(count, ac->avail);
	for (i = 0; i < count; i++)
		free_to_node(s, ac->entry[i]);
	ac->avail -= count;
	memmove(ac->entry, ac->entry + count, ac->avail * sizeof(void *));
}

static void *cache_alloc_refill(struct kmem_cache *s, struct array_cache *ac,
				gfp_t gfp)
{
	ac->avail = node_take(s, numa_mem_id(), gfp, ac->entry, ac->batchcount);
	return ac->avail ? ac->entry[--ac->avail] : NULL;
}

/* ---- allocation and freeing ---- */

/*
 * A cache's slabs come from one zone; a caller asking for a lower one
 * (GFP_DMA32 from a normal cache) would get memory its device may not
 * reach.  Refused, loudly (kmalloc picks a cache of the right zone).
 */
static void *slab_wrong_zone(struct kmem_cache *s, gfp_t gfp,
			     unsigned long caller)
{
	pr_warn("%pS: %s: cache memory is not in the zone asked for (gfp %#x); refused\n",
		(void *)caller, s->name, gfp);
	return NULL;
}

/* This CPU's magazine of s.  Interrupts are off. */
static struct array_cache *cpu_cache(struct kmem_cache *s)
{
	return &s->cpu_cache[smp_processor_id()];
}

/*
 * With interrupts off: from this CPU's magazine (refilled when empty)
 * when nid is NUMA_NO_NODE or this CPU's memory node, else one object
 * straight from nid's slabs.
 */
static void *slab_alloc_irqoff(struct kmem_cache *s, gfp_t gfp, int nid)
{
	struct array_cache *ac;
	void *obj = NULL;

	if (nid != NUMA_NO_NODE && nid != numa_mem_id()) {
		node_take(s, nid, gfp, &obj, 1);
		return obj;
	}
	ac = cpu_cache(s);
	if (ac->avail)
		return ac->entry[--ac->avail];
	return cache_alloc_refill(s, ac, gfp);
}

/* After the object is taken: failure report, debug checks, zeroing. */
static void *slab_alloc_finish(struct kmem_cache *s, gfp_t gfp, int nid,
			       void *obj, unsigned long caller)
{
	if (!obj) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("%pS: %s: cannot allocate an object (node %d)\n",
				(void *)caller, s->name, nid);
		return NULL;
	}
	if (slab_debug(s))
		slab_debug_alloc(s, obj, caller);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

/*
 * Every allocation the fast path does not finish: the zone check, a
 * node asked for, an empty magazine, debugging, zeroing.
 */
static noinline void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp,
				      int nid, unsigned long caller)
{
	unsigned long flags;
	void *obj;

	if (unlikely(gfp_zone(s->allocflags) > gfp_zone(gfp)))
		return slab_wrong_zone(s, gfp, caller);
	if (nid != NUMA_NO_NODE) {
		if (nid < 0 || nid >= MAX_NUMNODES || !node_online(nid))
			return slab_alloc_finish(s, gfp, nid, NULL, caller);
		nid = local_memory_node(nid);	/* a memoryless node: its nearest */
	}
	local_irq_save(flags);
	obj = slab_alloc_irqoff(s, gfp, nid);
	local_irq_restore(flags);
	return slab_alloc_finish(s, gfp, nid, obj, caller);
}

/*
 * The fast path: an object from this CPU's magazine, or NULL when it is
 * empty.  Only for a cache without debugging and a request with no zone
 * and no zeroing: nothing to check or do after the pop.
 */
static __always_inline void *slab_alloc_fast(struct kmem_cache *s, gfp_t gfp)
{
	struct array_cache *ac;
	unsigned long flags;
	void *obj = NULL;

	if (unlikely(slab_debug(s) || (gfp & (GFP_ZONEMASK | __GFP_ZERO))))
		return NULL;
	local_irq_save(flags);
	ac = cpu_cache(s);
	if (likely(ac->avail))
		obj = ac->entry[--ac->avail];
	local_irq_restore(flags);
	return obj;
}

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp,
					unsigned long caller)
{
	void *obj = slab_alloc_fast(s, gfp);

	if (likely(obj))
		return obj;
	return slab_alloc_slow(s, gfp, NUMA_NO_NODE, caller);
}

/*
 * Every free the fast path does not finish: debug checks, an object of
 * another node (home to its own slab), a full magazine.
 */
static noinline void slab_free_slow(struct kmem_cache *s, struct page *page,
				    void *obj, unsigned long caller)
{
	struct array_cache *ac;
	unsigned long flags;

	if (slab_debug(s) &&
	    !slab_debug_free(s, page_address(virt_to_slab(s, obj)), obj, caller))
		return;
	local_irq_save(flags);
	if (page_to_nid(page) != numa_mem_id()) {
		free_to_node(s, obj);
	} else {
		ac = cpu_cache(s);
		if (ac->avail == ac->limit)
			cache_flusharray(s, ac, ac->batchcount);
		ac->entry[ac->avail++] = obj;
	}
	local_irq_restore(flags);
}

/*
 * The fast path: push obj (on page, a page of its slab) onto this CPU's
 * magazine if it has room and obj is of this CPU's memory node; false
 * otherwise, with nothing done.
 */
static __always_inline bool slab_free_fast(struct kmem_cache *s,
					   struct page *page, void *obj)
{
	struct array_cache *ac;
	unsigned long flags;
	bool done = false;
	int cpu;

	local_irq_save(flags);
	cpu = smp_processor_id();
	ac = &s->cpu_cache[cpu];
	if (likely(page_to_nid(page) == cpu_to_mem(cpu) && ac->avail < ac->limit)) {
		ac->entry[ac->avail++] = obj;
		done = true;
	}
	local_irq_restore(flags);
	return done;
}

static __always_inline void slab_free(struct kmem_cache *s, struct page *page,
				      void *obj, unsigned long caller)
{
	if (likely(!slab_debug(s)) && likely(slab_free_fast(s, page, obj)))
		return;
	slab_free_slow(s, page, obj, caller);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, _RET_IP_);
}

void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	return slab_alloc_slow(s, flags, node, _RET_IP_);
}

/* The slab page of a kmalloc or cache object, or NULL if p is not one. */
static __always_inline struct page *obj_to_slab_page(const void *p)
{
	struct page *page;

	if (!virt_addr_valid((unsigned long)p))
		return NULL;
	page = virt_to_page(p);
	return PageSlab(page) ? page : NULL;
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *page;

	if (!obj)
		return;
	page = obj_to_slab_page(obj);
	if (unlikely(!page || page->slab_cache != s)) {
		pr_err("BUG %s: kmem_cache_free of %p, not an object of this cache, from %pS\n",
		       s->name, obj, (void *)_RET_IP_);
		return;
	}
	slab_free(s, page, obj, _RET_IP_);
}

/* ---- creating, shrinking and destroying caches ---- */

static struct kmem_cache *cache_struct_alloc(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO,
					get_order(sizeof(struct kmem_cache)));

	return page ? page_address(page) : NULL;
}

static void cache_struct_free(struct kmem_cache *s)
{
	free_pages((unsigned long)s, get_order(sizeof(struct kmem_cache)));
}

static void cache_init_lists(struct kmem_cache *s)
{
	unsigned int limit = s->size <= 256 ? 32 : s->size <= 1024 ? 16 : 8;
	int cpu, nid;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		s->cpu_cache[cpu].limit = limit;
		s->cpu_cache[cpu].batchcount = limit / 2;
	}
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		spin_lock_init(&s->node[nid].list_lock);
		INIT_LIST_HEAD(&s->node[nid].partial);
		INIT_LIST_HEAD(&s->node[nid].full);
		INIT_LIST_HEAD(&s->node[nid].empty);
	}
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = cache_struct_alloc();

	if (!s)
		return NULL;
	s->name = name;
	s->object_size = size;
	s->align = flags & SLAB_HWCACHE_ALIGN && size > 32 ? max(align, 64U) : align;
	s->flags = flags | slab_debug_flags;
	s->allocflags = flags & SLAB_CACHE_DMA ? GFP_DMA :
			flags & SLAB_CACHE_DMA32 ? GFP_DMA32 : 0;
	s->ctor = ctor;
	if (slab_calculate_sizes(s)) {
		pr_err("kmem_cache_create(%s): bad size %u or alignment %u\n",
		       name, size, align);
		cache_struct_free(s);
		return NULL;
	}
	cache_init_lists(s);
	mutex_lock(&slab_mutex);
	list_add_tail(&s->list, &slab_caches);
	mutex_unlock(&slab_mutex);
	return s;
}

/* Free node nid's empty slabs.  Caller holds its list_lock. */
static void node_free_empty(struct kmem_cache *s, struct kmem_cache_node *n)
{
	struct page *page;

	while (!list_empty(&n->empty)) {
		page = list_first_entry(&n->empty, struct page, lru);
		slab_unfile(n, page);
		n->nr_slabs--;
		discard_slab(s, page);
	}
}

/* On each CPU, from on_each_cpu(): empty this CPU's magazine. */
static void flush_cpu_cache(void *cache)
{
	struct kmem_cache *s = cache;
	struct array_cache *ac = &s->cpu_cache[smp_processor_id()];

	cache_flusharray(s, ac, ac->avail);
}

/* Every CPU empties its magazine, then empty slabs go back. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags;
	int nid;

	on_each_cpu(flush_cpu_cache, s);
	local_irq_save(flags);
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		spin_lock(&s->node[nid].list_lock);
		node_free_empty(s, &s->node[nid]);
		spin_unlock(&s->node[nid].list_lock);
	}
	local_irq_restore(flags);
	return 0;
}

static unsigned long cache_slabs(const struct kmem_cache *s)
{
	unsigned long n = 0;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		n += s->node[nid].nr_slabs;
	return n;
}

void kmem_cache_destroy(struct kmem_cache *s)
{

	if (!s)
		return;
	kmem_cache_shrink(s);
	if (cache_slabs(s)) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects; not destroyed (from %pS)\n",
		       s->name, (void *)_RET_IP_);
		return;
	}
	mutex_lock(&slab_mutex);
	list_del(&s->list);
	mutex_unlock(&slab_mutex);
	cache_struct_free(s);
}

/* ---- kmalloc ---- */

static void *kmalloc_large(size_t size, gfp_t flags, int node,
			   unsigned long caller)
{
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		if (!(flags & __GFP_NOWARN))
			pr_warn("%pS: kmalloc of %zu bytes: more than one block can hold\n",
				(void *)caller, size);
		return NULL;
	}
	page = alloc_pages_node(node, flags, get_order(size));
	return page ? page_address(page) : NULL;
}

static void *kmalloc_caller(size_t size, gfp_t flags, int node,
			    unsigned long caller)
{
	struct kmem_cache *s;
	int index;

	if (!size)
		return ZERO_SIZE_PTR;
	index = kmalloc_index(size);
	if (index < 0)
		return kmalloc_large(size, flags, node, caller);
	s = kmalloc_caches[kmalloc_type(flags)][index];
	if (node == NUMA_NO_NODE)
		return slab_alloc(s, flags, caller);
	return slab_alloc_slow(s, flags, node, caller);
}

void *__kmalloc(size_t size, gfp_t flags)
{
	return kmalloc_caller(size, flags, NUMA_NO_NODE, _RET_IP_);
}

void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_caller(size, flags, node, _RET_IP_);
}

static void kfree_caller(const void *p, unsigned long caller)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	page = obj_to_slab_page(p);
	if (likely(page)) {
		slab_free(page->slab_cache, page, (void *)p, caller);
		return;
	}
	if (!virt_addr_valid((unsigned long)p)) {
		pr_err("BUG: kfree of %p, not a kmalloc address, from %pS\n",
		       p, (void *)caller);
		return;
	}
	page = virt_to_page(p);
	free_pages((unsigned long)p, page->private);	/* kmalloc_large */
}

void kfree(const void *p)
{
	kfree_caller(p, _RET_IP_);
}

size_t ksize(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	page = virt_to_page(p);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << page->private;
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old = ksize(p);
	void *q;

	if (!new_size) {
		kfree_caller(p, _RET_IP_);
		return ZERO_SIZE_PTR;
	}
	if (new_size <= old)
		return (void *)p;
	q = kmalloc_caller(new_size, flags, NUMA_NO_NODE, _RET_IP_);
	if (!q)
		return NULL;	/* p is left as it was */
	if (old)
		memcpy(q, p, old);
	kfree_caller(p, _RET_IP_);
	return q;
}

/* ---- boot and reports ---- */

/* slab_debug: every cache with red zones, poisoning and caller tracking. */
static int setup_slab_debug(char *str)
{
	if (*str)		/* slab_debug=...: no per-cache options here */
		return 0;
	slab_debug_flags = SLAB_DEBUG_FLAGS;
	return 1;
}
__setup("slab_debug", setup_slab_debug);

static void create_kmalloc_caches(enum kmalloc_cache_type type)
{
	static const char *const prefix[NR_KMALLOC_TYPES] = {
		[KMALLOC_NORMAL] = "", [KMALLOC_DMA32] = "dma32-",
		[KMALLOC_DMA] = "dma-",
	};
	static const slab_flags_t flags[NR_KMALLOC_TYPES] = {
		[KMALLOC_DMA32] = SLAB_CACHE_DMA32, [KMALLOC_DMA] = SLAB_CACHE_DMA,
	};
	static char names[NR_KMALLOC_TYPES][KMALLOC_NR][24];
	unsigned int size;
	int i;

	for (i = 0; i < KMALLOC_NR; i++) {
		size = kmalloc_size(i);
		snprintf(names[type][i], sizeof(names[type][i]), "%skmalloc-%u",
			 prefix[type], size);
		/* Power-of-two sizes are aligned to their size. */
		kmalloc_caches[type][i] = kmem_cache_create(names[type][i], size,
			(size & (size - 1)) ? 0 : size, flags[type], NULL);
		if (!kmalloc_caches[type][i])
			panic("cannot create %s", names[type][i]);
	}
}

void kmem_cache_init(void)
{
	enum kmalloc_cache_type type;

	for (type = 0; type < NR_KMALLOC_TYPES; type++)
		create_kmalloc_caches(type);
	pr_info("Slab: %d kmalloc caches (8-%u bytes, and DMA32 and DMA copies)%s\n",
		KMALLOC_NR, KMALLOC_MAX_CACHE_SIZE,
		slab_debug_flags ? ", slab_debug: red zones, poisoning, caller tracking" : "");
}

void kmem_cache_shrink_all(void)
{
	struct list_head *pos;

	mutex_lock(&slab_mutex);
	list_for_each(pos, &slab_caches)
		kmem_cache_shrink(list_entry(pos, struct kmem_cache, list));
	mutex_unlock(&slab_mutex);
}

unsigned long slab_pages(void)
{
	struct list_head *pos;
	unsigned long pages = 0;

	mutex_lock(&slab_mutex);
	list_for_each(pos, &slab_caches) {
		struct kmem_cache *s = list_entry(pos, struct kmem_cache, list);

		pages += cache_slabs(s) << s->order;
	}
	mutex_unlock(&slab_mutex);
	return pages;
}

/* Objects handed out from the cache's slabs (magazines included). */
static unsigned long cache_active_objects(struct kmem_cache *s)
{
	unsigned long active = 0, flags;
	struct list_head *pos;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		struct kmem_cache_node *n = &s->node[nid];

		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each(pos, &n->partial)
			active += list_entry(pos, struct page, lru)->inuse;
		list_for_each(pos, &n->full)
			active += s->objects;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	return active;
}

size_t slabinfo_show(char *buf, size_t size)
{
	struct list_head *pos;
	size_t len;

	len = scnprintf(buf, size, "slabinfo - version: 2.1\n"
			"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
			" : tunables <limit> <batchcount> <sharedfactor>"
			" : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	mutex_lock(&slab_mutex);
	list_for_each(pos, &slab_caches) {
		struct kmem_cache *s = list_entry(pos, struct kmem_cache, list);
		unsigned long slabs = cache_slabs(s);

		len += scnprintf(buf + len, size - len,
				 "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6u\n",
				 s->name, cache_active_objects(s), slabs * s->objects,
				 s->size, s->objects, 1 << s->order,
				 s->cpu_cache[0].limit, s->cpu_cache[0].batchcount, 0,
				 slabs, slabs, 0);
	}
	mutex_unlock(&slab_mutex);
	return len;
}
