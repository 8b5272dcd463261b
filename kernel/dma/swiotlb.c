/*
 * swiotlb, the software I/O TLB (Linux's kernel/dma/swiotlb.c): bounce
 * buffers for devices that cannot reach the memory a driver maps.  When
 * a buffer lies beyond a device's limit, the mapping takes slots in a
 * pool the device does reach, copies the buffer there, and gives the
 * device the slots' address; unmapping (or a sync for the CPU) copies
 * what the device wrote back to the buffer and frees the slots.
 *
 * Pools, set aside from memblock at boot (swiotlb_init()), top-down:
 * the main pool below SWIOTLB_LIMIT (256 MiB, so edu's 28-bit mask and
 * every wider one reach it all), sized by swiotlb=SLABS or by default
 * 1/32 of RAM within [256 KiB, 64 MiB] and never more than half of the
 * RAM below 256 MiB; and a low pool of 256 KiB below 16 MiB for the
 * devices that cannot reach all of the main pool (24-bit ISA-style
 * masks).  Linux grows such a pool from ZONE_DMA when it is needed
 * (CONFIG_SWIOTLB_DYNAMIC); a fixed one is simpler to follow.
 *
 * Invariants: a pool is whole segments of IO_TLB_SEGSIZE 2 KiB slots;
 * a mapping is a run of at most IO_TLB_SEGSIZE slots inside one segment,
 * page-aligned when it is a page or more, wholly below the device's
 * limit, and its bounce buffer starts at its first slot.  slots[i].list
 * is the number of free slots from i to the end of i's segment (0 when
 * i is in use), so a search tests one number per candidate.  The first
 * slot of a mapping holds its slot count (nslots); every slot of it
 * holds the buffer address its bytes stand for (orig_addr) and the
 * mapping's bytes from there on (alloc_size), for syncs of a part.
 * io_tlb_spans[i] is pools[i]'s [start, end) and swiotlb_force_bounce
 * the swiotlb=force in effect, both set once at boot, for the inline
 * is_swiotlb_buffer() and is_swiotlb_force_bounce() (linux/swiotlb.h)
 * every map and unmap asks.
 *
 * Locking: one spinlock per pool, taken with interrupts off (drivers
 * map and unmap in interrupt handlers), guards its slots, used count,
 * search index and full_reported; nothing else is taken under it.  The
 * copies run outside it: the slots belong to the one mapping the caller
 * holds.  The statistics are atomics.  Nothing after boot takes two
 * pool locks at once.
 */
#define pr_fmt(fmt) "software IO TLB: " fmt

#include <asm/traps.h>
#include <linux/atomic.h>
#include <linux/dma-mapping.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/swiotlb.h>

#include "direct.h"

#define INVALID_PHYS_ADDR	(~(phys_addr_t)0)
#define SLOTS_PER_PAGE		(PAGE_SIZE >> IO_TLB_SHIFT)

/* (L) the pool's lock  (C) constant after boot  (A) atomic */
struct io_tlb_slot {
	phys_addr_t orig_addr;	/* (L) buffer byte this slot's first stands for */
	size_t alloc_size;	/* (L) bytes of the mapping from this slot on */
	unsigned short list;	/* (L) free slots from here to the segment end */
	unsigned short nslots;	/* (L) first slot of a mapping: its length */
};

struct io_tlb_pool {
	const char *name;		/* (C) "main", "low" */
	phys_addr_t start, end;		/* (C) [start, end), page-aligned */
	unsigned long nslabs;		/* (C) a multiple of IO_TLB_SEGSIZE */
	struct io_tlb_slot *slots;	/* (C) array; its entries (L) */
	spinlock_t lock;
	unsigned long used;		/* (L) slots in mappings */
	unsigned long index;		/* (L) next search starts here */
	bool full_reported;		/* (L) since the last release */
};

static struct io_tlb_mem {
	struct io_tlb_pool pools[SWIOTLB_MAX_POOLS];	/* (C) main, low */
	int nr_pools;					/* (C) */
	atomic_long_t total_used, used_hiwater;		/* (A) slots */
	atomic_long_t bytes_to_device, bytes_from_device;	/* (A) */
	atomic_long_t mapped_bounced, map_failed, bad_unmaps;	/* (A) */
} io_tlb_mem;

/* swiotlb=[SLABS][,AREAS][,force|noforce], as Linux parses it. */
static unsigned long swiotlb_cmdline_nslabs;
static bool swiotlb_force_requested, swiotlb_force_disable;
bool swiotlb_force_bounce;	/* (C) swiotlb=force, with the pools made */
struct io_tlb_span io_tlb_spans[SWIOTLB_MAX_POOLS];	/* (C) the pools' */

static DEFINE_RATELIMIT_STATE(swiotlb_full_rs, DEFAULT_RATELIMIT_INTERVAL,
			      DEFAULT_RATELIMIT_BURST);

static int swiotlb_parse_word(char *word)
{
	unsigned long n;

	if (!strcmp(word, "force"))
		swiotlb_force_requested = true;
	else if (!strcmp(word, "noforce"))
		swiotlb_force_disable = true;
	else if (kstrtoul(word, 0, &n))
		return -EINVAL;
	else if (!swiotlb_cmdline_nslabs)
		swiotlb_cmdline_nslabs = ALIGN(max(n, 1UL), IO_TLB_SEGSIZE);
	/* A second number is Linux's area count: one lock per pool here. */
	return 0;
}

static int setup_io_tlb_npages(char *str)
{
	char buf[48], *word, *comma;

	if (!str || strscpy(buf, str, sizeof(buf)) < 0)
		return -EINVAL;
	for (word = buf; word; word = comma) {
		comma = strchr(word, ',');
		if (comma)
			*comma++ = '\0';
		if (swiotlb_parse_word(word))
			return -EINVAL;
	}
	return 0;
}
early_param("swiotlb", setup_io_tlb_npages);

/* ---- boot: placing and sizing the pools ---- */

static phys_addr_t memblock_ram_below(phys_addr_t limit)
{
	phys_addr_t sum = 0, end;
	unsigned long i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		end = min(r->base + r->size, limit);
		if (end > r->base)
			sum += end - r->base;
	}
	return sum;
}

/*
 * swiotlb=SLABS, or 1/32 of RAM within [256 KiB, 64 MiB]; never more
 * than half the RAM below SWIOTLB_LIMIT; whole segments.
 */
static unsigned long swiotlb_main_nslabs(void)
{
	unsigned long bytes = memblock_phys_mem_size() / 32;
	unsigned long cap = memblock_ram_below(SWIOTLB_LIMIT) / 2;
	unsigned long nslabs;

	bytes = min(clamp(bytes, SWIOTLB_MIN_SIZE, SWIOTLB_MAX_SIZE), cap);
	nslabs = bytes >> IO_TLB_SHIFT;
	if (swiotlb_cmdline_nslabs) {
		nslabs = min(swiotlb_cmdline_nslabs, cap >> IO_TLB_SHIFT);
		if (nslabs < swiotlb_cmdline_nslabs)
			pr_warn("swiotlb=%lu is more than half the memory below %lu MiB; using %lu slabs\n",
				swiotlb_cmdline_nslabs, SWIOTLB_LIMIT >> 20,
				nslabs);
	}
	return ALIGN_DOWN(nslabs, IO_TLB_SEGSIZE);
}

static void swiotlb_init_pool(struct io_tlb_pool *pool, const char *name,
			      phys_addr_t start, unsigned long nslabs,
			      struct io_tlb_slot *slots)
{
	unsigned long i;

	pool->name = name;
	pool->start = start;
	pool->end = start + (nslabs << IO_TLB_SHIFT);
	pool->nslabs = nslabs;
	pool->slots = slots;
	spin_lock_init(&pool->lock);
	for (i = 0; i < nslabs; i++) {
		slots[i].list = IO_TLB_SEGSIZE - (i % IO_TLB_SEGSIZE);
		slots[i].orig_addr = INVALID_PHYS_ADDR;
	}
	io_tlb_spans[pool - io_tlb_mem.pools] =
		(struct io_tlb_span){ pool->start, pool->end };
}

/*
 * A pool of nslabs slots below limit, halving the size while memblock
 * has no room (as Linux does); false when not even one segment fits.
 */
static bool swiotlb_alloc_pool(struct io_tlb_pool *pool, const char *name,
			       unsigned long nslabs, phys_addr_t limit)
{
	struct io_tlb_slot *slots;
	phys_addr_t start = 0;

	while (nslabs >= IO_TLB_SEGSIZE) {
		start = memblock_phys_alloc_range(nslabs << IO_TLB_SHIFT,
						  PAGE_SIZE, 0, limit);
		if (start)
			break;
		nslabs = ALIGN_DOWN(nslabs / 2, IO_TLB_SEGSIZE);
	}
	if (!start)
		return false;
	slots = memblock_alloc(nslabs * sizeof(*slots), PAGE_SIZE);
	if (!slots)
		return false;	/* the pool's memory stays reserved: boot is failing */
	swiotlb_init_pool(pool, name, start, nslabs, slots);
	pr_info("%s pool: mapped [mem %#018llx-%#018llx] (%luKB), %lu slots, below %lu MiB\n",
		name, (unsigned long long)pool->start,
		(unsigned long long)pool->end - 1,
		(nslabs << IO_TLB_SHIFT) >> 10, nslabs,
		(unsigned long)(limit >> 20));
	return true;
}

void swiotlb_init(void)
{
	struct io_tlb_mem *mem = &io_tlb_mem;
	struct io_tlb_pool *main_pool = &mem->pools[0];

	if (swiotlb_force_disable) {
		pr_info("disabled (swiotlb=noforce): buffers beyond a device's reach cannot be mapped\n");
		return;
	}
	swiotlb_force_bounce = swiotlb_force_requested;
	if (!swiotlb_alloc_pool(main_pool, "main", swiotlb_main_nslabs(),
				SWIOTLB_LIMIT)) {
		pr_warn("no memory below %lu MiB for the main pool\n",
			SWIOTLB_LIMIT >> 20);
		return;
	}
	mem->nr_pools = 1;
	if (main_pool->end > SWIOTLB_LOW_LIMIT &&
	    swiotlb_alloc_pool(&mem->pools[1], "low", SWIOTLB_LOW_SLABS,
			       SWIOTLB_LOW_LIMIT))
		mem->nr_pools = 2;
	if (swiotlb_force_bounce)
		pr_info("swiotlb=force: every streaming mapping bounces\n");
}

/* ---- lookups ---- */

static struct io_tlb_pool *swiotlb_find_pool(phys_addr_t paddr)
{
	int i;

	for (i = 0; i < io_tlb_mem.nr_pools; i++) {
		struct io_tlb_pool *pool = &io_tlb_mem.pools[i];

		if (paddr >= pool->start && paddr < pool->end)
			return pool;
	}
	return NULL;
}

static phys_addr_t slot_addr(const struct io_tlb_pool *pool, unsigned long i)
{
	return pool->start + (i << IO_TLB_SHIFT);
}

/* How many of pool's first slots lie wholly below limit. */
static unsigned long pool_reach(const struct io_tlb_pool *pool, u64 limit)
{
	if (limit < pool->start)
		return 0;
	if (limit >= pool->end - 1)
		return pool->nslabs;
	return (limit + 1 - pool->start) >> IO_TLB_SHIFT;
}

/*
 * The pools dev may use, best first: the main pool if it reaches any
 * of it; the low pool only if it does not reach all of the main pool.
 */
static int swiotlb_dev_pools(struct device *dev, struct io_tlb_pool **out)
{
	struct io_tlb_pool *main_pool = &io_tlb_mem.pools[0];
	u64 limit = dma_direct_limit(dev);
	int n = 0;

	if (!io_tlb_mem.nr_pools)
		return 0;
	if (pool_reach(main_pool, limit))
		out[n++] = main_pool;
	if (io_tlb_mem.nr_pools > 1 && pool_reach(main_pool, limit) <
	    main_pool->nslabs && pool_reach(&io_tlb_mem.pools[1], limit))
		out[n++] = &io_tlb_mem.pools[1];
	return n;
}

/* ---- the slot allocator (pool->lock held) ---- */

/*
 * Next fit from pool->index: the first run of nslots free slots inside
 * one segment, within the first `reach` slots, starting on a multiple of
 * stride.  Its first slot, or -1.
 */
static long swiotlb_search(struct io_tlb_pool *pool, unsigned int nslots,
			   unsigned long reach, unsigned int stride)
{
	unsigned long index, checked;

	assert_spin_locked(&pool->lock);
	if (nslots > reach || nslots > pool->nslabs - pool->used)
		return -1;
	index = ALIGN(pool->index, stride);
	for (checked = 0; checked < reach; checked += stride) {
		if (index + nslots > reach)
			index = 0;
		if (pool->slots[index].list >= nslots)
			return index;
		index += stride;
	}
	return -1;
}

/* Renumber the free slots before index in its segment, counting on from count. */
static void swiotlb_relink(struct io_tlb_pool *pool, long index,
			   unsigned int count)
{
	for (index--; index >= 0 && index % IO_TLB_SEGSIZE != IO_TLB_SEGSIZE - 1 &&
		      pool->slots[index].list; index--)
		pool->slots[index].list = ++count;
}

static void swiotlb_take(struct io_tlb_pool *pool, unsigned long index,
			 unsigned int nslots, phys_addr_t orig, size_t size)
{
	unsigned int i;

	for (i = 0; i < nslots; i++) {
		pool->slots[index + i].list = 0;
		pool->slots[index + i].orig_addr = orig + ((phys_addr_t)i << IO_TLB_SHIFT);
		pool->slots[index + i].alloc_size = size - ((size_t)i << IO_TLB_SHIFT);
	}
	pool->slots[index].nslots = nslots;
	swiotlb_relink(pool, index, 0);
	pool->used += nslots;
	pool->index = index + nslots;
}

static void swiotlb_release(struct io_tlb_pool *pool, unsigned long index,
			    unsigned int nslots)
{
	unsigned long next = index + nslots;
	unsigned int count = 0, i;

	if (next < pool->nslabs && next % IO_TLB_SEGSIZE)
		count = pool->slots[next].list;
	for (i = nslots; i-- > 0;) {
		pool->slots[index + i].list = ++count;
		pool->slots[index + i].orig_addr = INVALID_PHYS_ADDR;
		pool->slots[index + i].alloc_size = 0;
	}
	pool->slots[index].nslots = 0;
	swiotlb_relink(pool, index, count);
	pool->used -= nslots;
	pool->full_reported = false;
}

/* ---- statistics ---- */

static void swiotlb_count_used(long nslots)
{
	long used = atomic_long_add_return(nslots, &io_tlb_mem.total_used);
	long old = atomic_long_read(&io_tlb_mem.used_hiwater);

	while (used > old &&
	       !atomic_long_try_cmpxchg(&io_tlb_mem.used_hiwater, &old, used))
		;
}

void swiotlb_get_stats(struct swiotlb_stats *st)
{
	struct io_tlb_mem *mem = &io_tlb_mem;
	unsigned long flags;
	int i;

	memset(st, 0, sizeof(*st));
	st->nr_pools = mem->nr_pools;
	for (i = 0; i < mem->nr_pools; i++) {
		struct io_tlb_pool *pool = &mem->pools[i];

		spin_lock_irqsave(&pool->lock, flags);
		st->pools[i] = (struct swiotlb_pool_info){ pool->start,
			pool->end, pool->nslabs, pool->used };
		spin_unlock_irqrestore(&pool->lock, flags);
		st->nslabs += pool->nslabs;
		st->used += st->pools[i].used;
	}
	st->used_hiwater = atomic_long_read(&mem->used_hiwater);
	st->bytes_to_device = atomic_long_read(&mem->bytes_to_device);
	st->bytes_from_device = atomic_long_read(&mem->bytes_from_device);
	st->mapped_bounced = atomic_long_read(&mem->mapped_bounced);
	st->map_failed = atomic_long_read(&mem->map_failed);
	st->bad_unmaps = atomic_long_read(&mem->bad_unmaps);
	st->force = swiotlb_force_bounce;
}

/* ---- mapping ---- */

/* Try each pool dev may use; the pool and first slot, or -1. */
static long swiotlb_find_slots(struct device *dev, phys_addr_t orig,
			       size_t size, struct io_tlb_pool **found)
{
	struct io_tlb_pool *pools[SWIOTLB_MAX_POOLS];
	unsigned int nslots = DIV_ROUND_UP(size, IO_TLB_SIZE);
	unsigned int stride = size >= PAGE_SIZE ? SLOTS_PER_PAGE : 1;
	int i, n = swiotlb_dev_pools(dev, pools);
	unsigned long flags;
	long index;

	for (i = 0; i < n; i++) {
		spin_lock_irqsave(&pools[i]->lock, flags);
		index = swiotlb_search(pools[i], nslots,
				       pool_reach(pools[i], dma_direct_limit(dev)),
				       stride);
		if (index >= 0)
			swiotlb_take(pools[i], index, nslots, orig, size);
		spin_unlock_irqrestore(&pools[i]->lock, flags);
		if (index >= 0) {
			*found = pools[i];
			swiotlb_count_used(nslots);
			return index;
		}
	}
	return -1;
}

/*
 * Once per exhaustion (until the pool frees slots again), and within
 * the rate limit, name the device and the pool's numbers as Linux does.
 */
static void swiotlb_report_full(struct device *dev, size_t size,
				unsigned long attrs)
{
	struct io_tlb_pool *pools[SWIOTLB_MAX_POOLS];
	unsigned long total = 0, used = 0, flags;
	bool first = false;
	int i, n = swiotlb_dev_pools(dev, pools);

	for (i = 0; i < n; i++) {
		spin_lock_irqsave(&pools[i]->lock, flags);
		if (i == 0 && !pools[i]->full_reported)
			first = pools[i]->full_reported = true;
		total += pools[i]->nslabs;
		used += pools[i]->used;
		spin_unlock_irqrestore(&pools[i]->lock, flags);
	}
	if (!n)
		dev_warn(dev, "no bounce buffer reaches this device (mask %#llx): cannot map %zu bytes\n",
			 dma_direct_limit(dev), size);
	else if (first && !(attrs & DMA_ATTR_NO_WARN) &&
		 __ratelimit(&swiotlb_full_rs))
		dev_warn(dev, "swiotlb buffer is full (sz: %zd bytes), total %lu (slots), used %lu (slots)\n",
			 size, total, used);
}

/* Copy between a bounce buffer and its original (to_device: into it). */
static void swiotlb_bounce(struct device *dev, struct io_tlb_pool *pool,
			   phys_addr_t tlb_addr, size_t size, bool to_device)
{
	unsigned long index = (tlb_addr - pool->start) >> IO_TLB_SHIFT;
	size_t offset = tlb_addr & (IO_TLB_SIZE - 1);
	struct io_tlb_slot *slot = &pool->slots[index];
	phys_addr_t orig = slot->orig_addr;

	if (orig == INVALID_PHYS_ADDR || offset >= slot->alloc_size) {
		dev_err(dev, "swiotlb: copy at %#llx, which is in no bounce buffer mapping\n",
			(unsigned long long)tlb_addr);
		return;
	}
	if (size > slot->alloc_size - offset) {
		dev_err(dev, "swiotlb: %zu bytes at %#llx run past the mapping (%zu bytes left there): copying those\n",
			size, (unsigned long long)tlb_addr, slot->alloc_size - offset);
		size = slot->alloc_size - offset;
	}
	orig += offset;
	if (to_device) {
		memcpy(phys_to_virt(tlb_addr), phys_to_virt(orig), size);
		atomic_long_add(size, &io_tlb_mem.bytes_to_device);
	} else {
		memcpy(phys_to_virt(orig), phys_to_virt(tlb_addr), size);
		atomic_long_add(size, &io_tlb_mem.bytes_from_device);
	}
}

/*
 * The buffer is copied in for every direction, FROM_DEVICE included (as
 * Linux does since 5.17): a device that writes only part of the buffer
 * must not make unmap copy a previous mapping's stale bytes over the
 * rest of it.
 */
phys_addr_t swiotlb_tbl_map_single(struct device *dev, phys_addr_t orig_addr,
				   size_t size, enum dma_data_direction dir,
				   unsigned long attrs)
{
	struct io_tlb_pool *pool;
	phys_addr_t tlb_addr;
	long index;

	if (size > IO_TLB_MAX_MAPPING) {
		if (__ratelimit(&swiotlb_full_rs))
			dev_warn(dev, "swiotlb: %zu bytes are more than one bounce buffer holds (%lu)\n",
				 size, IO_TLB_MAX_MAPPING);
		atomic_long_inc(&io_tlb_mem.map_failed);
		return (phys_addr_t)DMA_MAPPING_ERROR;
	}
	index = swiotlb_find_slots(dev, orig_addr, size, &pool);
	if (index < 0) {
		atomic_long_inc(&io_tlb_mem.map_failed);
		swiotlb_report_full(dev, size, attrs);
		return (phys_addr_t)DMA_MAPPING_ERROR;
	}
	tlb_addr = slot_addr(pool, index);
	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		swiotlb_bounce(dev, pool, tlb_addr, size, true);
	atomic_long_inc(&io_tlb_mem.mapped_bounced);
	return tlb_addr;
}

static void swiotlb_bad_unmap(struct device *dev, phys_addr_t tlb_addr)
{
	atomic_long_inc(&io_tlb_mem.bad_unmaps);
	dev_err(dev, "swiotlb: unmap of %#llx, which starts no bounce buffer mapping: nothing freed\n",
		(unsigned long long)tlb_addr);
	dump_stack();
}

/*
 * Take apart the mapping that starts at tlb_addr (pool->lock held): its
 * first slot stops naming it, so a second unmap of it finds nothing,
 * while its slots stay in use until swiotlb_release().  Returns its
 * slot count and size, or 0 when tlb_addr starts no mapping.
 */
static unsigned int swiotlb_claim(struct io_tlb_pool *pool,
				  phys_addr_t tlb_addr, size_t *mapped)
{
	unsigned long index = (tlb_addr - pool->start) >> IO_TLB_SHIFT;
	unsigned int nslots = pool->slots[index].nslots;

	if (tlb_addr & (IO_TLB_SIZE - 1) || !nslots)
		return 0;
	*mapped = pool->slots[index].alloc_size;
	pool->slots[index].nslots = 0;
	return nslots;
}

void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr,
			      size_t size, enum dma_data_direction dir,
			      unsigned long attrs)
{
	struct io_tlb_pool *pool = swiotlb_find_pool(tlb_addr);
	unsigned long flags, index;
	unsigned int nslots = 0;
	size_t mapped = 0;

	if (pool) {
		spin_lock_irqsave(&pool->lock, flags);
		nslots = swiotlb_claim(pool, tlb_addr, &mapped);
		spin_unlock_irqrestore(&pool->lock, flags);
	}
	if (!nslots) {
		swiotlb_bad_unmap(dev, tlb_addr);
		return;
	}
	if (size != mapped)
		dev_err(dev, "swiotlb: unmap of %#llx with size %zu, mapped with size %zu: freeing its %u slots\n",
			(unsigned long long)tlb_addr, size, mapped, nslots);
	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC) &&
	    (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		swiotlb_bounce(dev, pool, tlb_addr, mapped, false);
	index = (tlb_addr - pool->start) >> IO_TLB_SHIFT;
	spin_lock_irqsave(&pool->lock, flags);
	swiotlb_release(pool, index, nslots);
	spin_unlock_irqrestore(&pool->lock, flags);
	swiotlb_count_used(-(long)nslots);
}

void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr,
				    size_t size, enum dma_data_direction dir)
{
	struct io_tlb_pool *pool = swiotlb_find_pool(tlb_addr);

	if (pool && (dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL))
		swiotlb_bounce(dev, pool, tlb_addr, size, true);
}

void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr,
				 size_t size, enum dma_data_direction dir)
{
	struct io_tlb_pool *pool = swiotlb_find_pool(tlb_addr);

	if (pool && (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		swiotlb_bounce(dev, pool, tlb_addr, size, false);
}

/* ---- /proc/swiotlb ---- */

size_t swiotlb_proc_show(char *buf, size_t size)
{
	struct swiotlb_stats st;
	size_t n = 0;
	int i;

	swiotlb_get_stats(&st);
	for (i = 0; i < st.nr_pools; i++)
		n += scnprintf(buf + n, size - n,
			       "pool %s [mem %#018llx-%#018llx] slots %lu used %lu\n",
			       io_tlb_mem.pools[i].name,
			       (unsigned long long)st.pools[i].start,
			       (unsigned long long)st.pools[i].end - 1,
			       st.pools[i].nslabs, st.pools[i].used);
	n += scnprintf(buf + n, size - n,
		       "io_tlb_nslabs %lu\nio_tlb_used %lu\nio_tlb_used_hiwater %lu\n"
		       "bounced_bytes_to_device %lu\nbounced_bytes_from_device %lu\n"
		       "mappings_bounced %lu\nmappings_direct %lu\nmappings_failed %lu\n"
		       "bad_unmaps %lu\nforce %d\n",
		       st.nslabs, st.used, st.used_hiwater, st.bytes_to_device,
		       st.bytes_from_device, st.mapped_bounced,
		       dma_direct_mapped_count(), st.map_failed, st.bad_unmaps,
		       st.force);
	return n;
}
