/*
 * DMA-API debugging (Linux's kernel/dma/debug.c, CONFIG_DMA_API_DEBUG),
 * on with dma_debug on the command line.  Every mapping and coherent
 * allocation gets an entry, hashed by its DMA address, holding the
 * device, size, direction, how it was made (single, page, sg, coherent),
 * whether dma_mapping_error() checked it, and its caller.  Each unmap,
 * free and sync is checked against it, and mistakes are reported in
 * Linux's words: "DMA-API: DRIVER DEVICE: device driver frees DMA memory
 * with different size [...]", the mapping's caller, and a backtrace.
 * dma_debug_device_release() reports what a driver left mapped.
 *
 * The reports themselves (dma_report()) and their counters work in every
 * build: mapping.c uses them for the addresses it refuses.  The counts
 * and the number of live entries are in /proc/dma-api.
 *
 * Invariants: an entry is in the hash exactly while its mapping lives,
 * from a successful map to the unmap that matches it (best fit, as
 * Linux: one buffer may be mapped twice); dma_active_entries counts
 * them.  An entry lives in the bucket of its DMA address.
 *
 * Locking: a spinlock per bucket, taken with interrupts off (drivers map
 * in interrupt handlers), guards the bucket's list and its entries'
 * map_err_type; one bucket lock at a time.  A report is printed after
 * the lock is dropped, from the entry taken off the list or a copy of
 * it.  Entries come from a slab cache with GFP_ATOMIC; when that fails,
 * debugging switches itself off (as Linux's does) and says so.
 */
#include <asm/traps.h>
#include <linux/atomic.h>
#include <linux/dma-mapping.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "debug.h"

#define HASH_SIZE	1024
#define HASH_FN_SHIFT	13	/* 8 KiB of DMA addresses per bucket */

enum map_err_types {
	MAP_ERR_CHECK_NOT_APPLICABLE,
	MAP_ERR_NOT_CHECKED,
	MAP_ERR_CHECKED,
};

/* (B) the bucket's lock; the other fields are set before it is hashed. */
struct dma_debug_entry {
	struct list_head list;		/* (B) in its bucket */
	struct device *dev;
	u64 dev_addr;
	u64 size;
	phys_addr_t paddr;		/* coherent: the CPU side, to compare */
	int type;			/* enum dma_debug_type */
	int direction;
	int sg_call_ents;		/* sg: the nents dma_map_sg() got */
	int sg_mapped_ents;		/* sg: the count it returned */
	int map_err_type;		/* (B) */
	const void *caller;		/* who mapped it */
};

struct hash_bucket {
	struct list_head list;
	spinlock_t lock;
};

static struct hash_bucket dma_entry_hash[HASH_SIZE];
static struct kmem_cache *dma_entry_cache;
static bool dma_debug_requested;	/* dma_debug on the command line */
bool dma_debug_on;		/* tracking: from init until out of memory;
				   the dma suite turns it off for one case */
static atomic_long_t dma_active_entries;
static atomic_long_t dma_err_count[NR_DMA_DEBUG_ERRS];

static DEFINE_RATELIMIT_STATE(dma_bad_arg_rs, DEFAULT_RATELIMIT_INTERVAL,
			      DEFAULT_RATELIMIT_BURST);

static const char *const type2name[] = {
	[dma_debug_single] = "single",
	[dma_debug_page] = "page",
	[dma_debug_sg] = "scatter-gather",
	[dma_debug_coherent] = "coherent",
};

static const char *const dir2name[] = {
	[DMA_BIDIRECTIONAL] = "DMA_BIDIRECTIONAL",
	[DMA_TO_DEVICE] = "DMA_TO_DEVICE",
	[DMA_FROM_DEVICE] = "DMA_FROM_DEVICE",
	[DMA_NONE] = "DMA_NONE",
};

static const char *const err2name[NR_DMA_DEBUG_ERRS] = {
	[DMA_ERR_FREE_NOT_ALLOCATED] = "free_not_allocated",
	[DMA_ERR_FREE_INVALID] = "free_invalid_address",
	[DMA_ERR_FREE_SIZE] = "free_different_size",
	[DMA_ERR_FREE_FUNCTION] = "free_wrong_function",
	[DMA_ERR_FREE_CPU_ADDRESS] = "free_different_cpu_address",
	[DMA_ERR_FREE_DIRECTION] = "free_different_direction",
	[DMA_ERR_SG_COUNT] = "free_sg_different_count",
	[DMA_ERR_MAP_NOT_CHECKED] = "map_error_not_checked",
	[DMA_ERR_PENDING] = "pending_at_release",
	[DMA_ERR_SYNC_NOT_ALLOCATED] = "sync_not_allocated",
	[DMA_ERR_SYNC_OUTSIDE] = "sync_outside_range",
	[DMA_ERR_SYNC_DIRECTION] = "sync_different_direction",
	[DMA_ERR_SG_SEGMENT] = "sg_segment_too_long",
	[DMA_ERR_ILLEGAL_AREA] = "illegal_area",
	[DMA_ERR_BAD_ARGUMENT] = "bad_argument",
};

static const char *dir_name(int dir)
{
	return dir >= 0 && dir < (int)ARRAY_SIZE(dir2name) ? dir2name[dir] :
							     "invalid";
}

/* ---- reports (every build) ---- */

static const char *drv_name(struct device *dev)
{
	return dev ? dev_driver_string(dev) : "NULL";
}

static const char *device_name(struct device *dev)
{
	return dev ? dev_name(dev) : "NULL";
}

void dma_report(struct device *dev, enum dma_debug_err kind,
		const void *mapped_at, const char *fmt, ...)
{
	char msg[320];
	va_list args;

	atomic_long_inc(&dma_err_count[kind]);
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_ERR "DMA-API: %s %s: %s", drv_name(dev), device_name(dev),
	       msg);
	if (mapped_at)
		printk(KERN_ERR "DMA-API: Mapped at: %pS\n", mapped_at);
	dump_stack();
}

void dma_report_bad_arg(struct device *dev, const void *caller,
			const char *fmt, ...)
{
	char msg[160];
	va_list args;

	atomic_long_inc(&dma_err_count[DMA_ERR_BAD_ARGUMENT]);
	if (!__ratelimit(&dma_bad_arg_rs))
		return;
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_ERR "DMA-API: %s %s: %pS: refused: %s", drv_name(dev),
	       device_name(dev), caller, msg);
}

unsigned long dma_debug_error_count(enum dma_debug_err kind)
{
	return atomic_long_read(&dma_err_count[kind]);
}

unsigned long dma_debug_active_entries(void)
{
	return atomic_long_read(&dma_active_entries);
}

/* ---- set-up ---- */

/* dma_debug or dma_debug=on: track mappings; dma_debug=off: do not. */
static int dma_debug_cmdline(char *str)
{
	if (!str || !strcmp(str, "on"))
		dma_debug_requested = true;
	else if (!strcmp(str, "off"))
		dma_debug_requested = false;
	else
		return -EINVAL;
	return 0;
}
early_param("dma_debug", dma_debug_cmdline);

static int dma_debug_init(void)
{
	int i;

	for (i = 0; i < HASH_SIZE; i++) {
		INIT_LIST_HEAD(&dma_entry_hash[i].list);
		spin_lock_init(&dma_entry_hash[i].lock);
	}
	if (!dma_debug_requested)
		return 0;
	dma_entry_cache = kmem_cache_create("dma_debug_entry",
					    sizeof(struct dma_debug_entry), 0,
					    0, NULL);
	if (!dma_entry_cache)
		return -ENOMEM;
	WRITE_ONCE(dma_debug_on, true);
	pr_info("DMA-API: debugging enabled on the kernel command line\n");
	return 0;
}
core_initcall(dma_debug_init);

/* ---- the hash ---- */

static struct hash_bucket *hash_bucket(u64 dev_addr)
{
	return &dma_entry_hash[(dev_addr >> HASH_FN_SHIFT) & (HASH_SIZE - 1)];
}

static struct dma_debug_entry *dma_entry_alloc(void)
{
	struct dma_debug_entry *entry;

	entry = kmem_cache_alloc(dma_entry_cache, GFP_ATOMIC | __GFP_NOWARN);
	if (!entry) {
		WRITE_ONCE(dma_debug_on, false);
		pr_err("DMA-API: debugging out of memory - disabling\n");
	}
	return entry;
}

static void add_dma_entry(struct dma_debug_entry *entry)
{
	struct hash_bucket *bucket = hash_bucket(entry->dev_addr);
	unsigned long flags;

	spin_lock_irqsave(&bucket->lock, flags);
	list_add_tail(&entry->list, &bucket->list);
	spin_unlock_irqrestore(&bucket->lock, flags);
	atomic_long_inc(&dma_active_entries);
}

/* -1: another device or address; else how many other fields agree. */
static int match_level(const struct dma_debug_entry *e,
		       const struct dma_debug_entry *ref)
{
	if (e->dev != ref->dev || e->dev_addr != ref->dev_addr)
		return -1;
	return (e->size == ref->size) + (e->type == ref->type) +
	       (e->direction == ref->direction) +
	       (e->sg_call_ents == ref->sg_call_ents);
}

/* The entry that fits ref best (bucket lock held), or NULL. */
static struct dma_debug_entry *bucket_find_exact(struct hash_bucket *bucket,
						 const struct dma_debug_entry *ref)
{
	struct dma_debug_entry *e, *best = NULL;
	int level, best_level = -1;

	assert_spin_locked(&bucket->lock);
	list_for_each_entry(e, &bucket->list, list) {
		level = match_level(e, ref);
		if (level > best_level) {
			best = e;
			best_level = level;
		}
	}
	return best;
}

/*
 * dev's entry holding addr, copied into *out.  Searches back bucket by
 * bucket from addr's, since a mapping lives in its start's bucket.
 */
static bool find_containing(struct device *dev, u64 addr,
			    struct dma_debug_entry *out)
{
	unsigned long i, steps = min((u64)HASH_SIZE, (addr >> HASH_FN_SHIFT) + 1);
	struct dma_debug_entry *e;
	struct hash_bucket *bucket;
	unsigned long flags;
	bool found = false;

	for (i = 0; i < steps && !found; i++) {
		bucket = hash_bucket(addr - (i << HASH_FN_SHIFT));
		spin_lock_irqsave(&bucket->lock, flags);
		list_for_each_entry(e, &bucket->list, list) {
			if (e->dev == dev && e->dev_addr <= addr &&
			    addr - e->dev_addr < e->size) {
				*out = *e;
				found = true;
				break;
			}
		}
		spin_unlock_irqrestore(&bucket->lock, flags);
	}
	return found;
}

/* ---- checks ---- */

static void report_not_allocated(const struct dma_debug_entry *ref)
{
	if (ref->dev_addr == DMA_MAPPING_ERROR)
		dma_report(ref->dev, DMA_ERR_FREE_INVALID, NULL,
			   "device driver tries to free an invalid DMA memory address\n");
	else
		dma_report(ref->dev, DMA_ERR_FREE_NOT_ALLOCATED, NULL,
			   "device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
			   ref->dev_addr, ref->size);
}

/* Size, function, CPU address and sg count of an unmap against its map. */
static void check_unmap_shape(const struct dma_debug_entry *ref,
			      const struct dma_debug_entry *entry)
{
	if (ref->size != entry->size)
		dma_report(ref->dev, DMA_ERR_FREE_SIZE, entry->caller,
			   "device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
			   ref->dev_addr, entry->size, ref->size);
	if (ref->type != entry->type)
		dma_report(ref->dev, DMA_ERR_FREE_FUNCTION, entry->caller,
			   "device driver frees DMA memory with wrong function [device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]\n",
			   ref->dev_addr, ref->size, type2name[entry->type],
			   type2name[ref->type]);
	else if (entry->type == dma_debug_coherent && ref->paddr != entry->paddr)
		dma_report(ref->dev, DMA_ERR_FREE_CPU_ADDRESS, entry->caller,
			   "device driver frees DMA memory with different CPU address [device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%016llx] [cpu free address=0x%016llx]\n",
			   ref->dev_addr, ref->size,
			   (unsigned long long)entry->paddr,
			   (unsigned long long)ref->paddr);
	if (ref->sg_call_ents && ref->type == dma_debug_sg &&
	    ref->sg_call_ents != entry->sg_call_ents)
		dma_report(ref->dev, DMA_ERR_SG_COUNT, entry->caller,
			   "device driver frees DMA sg list with different entry count [map count=%d] [unmap count=%d]\n",
			   entry->sg_call_ents, ref->sg_call_ents);
}

static void check_unmap_use(const struct dma_debug_entry *ref,
			    const struct dma_debug_entry *entry)
{
	if (ref->direction != entry->direction)
		dma_report(ref->dev, DMA_ERR_FREE_DIRECTION, entry->caller,
			   "device driver frees DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]\n",
			   ref->dev_addr, ref->size, dir_name(entry->direction),
			   dir_name(ref->direction));
	if (entry->map_err_type == MAP_ERR_NOT_CHECKED)
		dma_report(ref->dev, DMA_ERR_MAP_NOT_CHECKED, entry->caller,
			   "device driver failed to check map error[device address=0x%016llx] [size=%llu bytes] [mapped as %s]\n",
			   ref->dev_addr, ref->size, type2name[entry->type]);
}

static void check_unmap(const struct dma_debug_entry *ref)
{
	struct hash_bucket *bucket = hash_bucket(ref->dev_addr);
	struct dma_debug_entry *entry;
	unsigned long flags;

	spin_lock_irqsave(&bucket->lock, flags);
	entry = bucket_find_exact(bucket, ref);
	if (entry)
		list_del(&entry->list);
	spin_unlock_irqrestore(&bucket->lock, flags);
	if (!entry) {
		report_not_allocated(ref);
		return;
	}
	atomic_long_dec(&dma_active_entries);
	check_unmap_shape(ref, entry);
	check_unmap_use(ref, entry);
	kmem_cache_free(dma_entry_cache, entry);
}

static void check_sync(const struct dma_debug_entry *ref)
{
	struct dma_debug_entry entry = { 0 };

	if (!find_containing(ref->dev, ref->dev_addr, &entry)) {
		dma_report(ref->dev, DMA_ERR_SYNC_NOT_ALLOCATED, NULL,
			   "device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
			   ref->dev_addr, ref->size);
		return;
	}
	if (ref->dev_addr + ref->size > entry.dev_addr + entry.size)
		dma_report(ref->dev, DMA_ERR_SYNC_OUTSIDE, entry.caller,
			   "device driver syncs DMA memory outside allocated range [device address=0x%016llx] [allocation size=%llu bytes] [sync offset+size=%llu]\n",
			   entry.dev_addr, entry.size,
			   ref->dev_addr - entry.dev_addr + ref->size);
	if (entry.direction != DMA_BIDIRECTIONAL &&
	    ref->direction != entry.direction)
		dma_report(ref->dev, DMA_ERR_SYNC_DIRECTION, entry.caller,
			   "device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			   ref->dev_addr, entry.size, dir_name(entry.direction),
			   dir_name(ref->direction));
}

/* ---- hooks ---- */

void debug_dma_map_phys(struct device *dev, phys_addr_t phys, size_t size,
			enum dma_data_direction dir, dma_addr_t addr,
			enum dma_debug_type type, const void *caller)
{
	struct dma_debug_entry *entry;

	if (!dma_debug_enabled() || addr == DMA_MAPPING_ERROR)
		return;
	entry = dma_entry_alloc();
	if (!entry)
		return;
	*entry = (struct dma_debug_entry){
		.dev = dev, .dev_addr = addr, .size = size, .paddr = phys,
		.type = type, .direction = dir,
		.map_err_type = MAP_ERR_NOT_CHECKED, .caller = caller,
	};
	add_dma_entry(entry);
}

void debug_dma_unmap_phys(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, enum dma_debug_type type,
			  const void *caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = addr, .size = size, .type = type,
		.direction = dir, .caller = caller,
	};

	if (dma_debug_enabled())
		check_unmap(&ref);
}

void debug_dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	struct hash_bucket *bucket = hash_bucket(addr);
	struct dma_debug_entry *e;
	unsigned long flags;

	if (!dma_debug_enabled())
		return;
	spin_lock_irqsave(&bucket->lock, flags);
	list_for_each_entry(e, &bucket->list, list) {
		if (e->dev == dev && e->dev_addr == addr &&
		    e->map_err_type == MAP_ERR_NOT_CHECKED) {
			e->map_err_type = MAP_ERR_CHECKED;
			break;
		}
	}
	spin_unlock_irqrestore(&bucket->lock, flags);
}

void debug_dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      int mapped, enum dma_data_direction dir,
		      const void *caller)
{
	struct dma_debug_entry *entry;
	struct scatterlist *sg;
	int i;

	if (!dma_debug_enabled())
		return;
	for (i = 0, sg = sgl; sg && i < mapped; i++, sg = sg_next(sg)) {
		if (sg_dma_len(sg) > dma_get_max_seg_size(dev))
			dma_report(dev, DMA_ERR_SG_SEGMENT, NULL,
				   "mapping sg segment longer than device claims to support [len=%u] [max=%u]\n",
				   sg_dma_len(sg), dma_get_max_seg_size(dev));
		entry = dma_entry_alloc();
		if (!entry)
			return;
		*entry = (struct dma_debug_entry){
			.dev = dev, .dev_addr = sg_dma_address(sg),
			.size = sg_dma_len(sg), .type = dma_debug_sg,
			.direction = dir, .sg_call_ents = nents,
			.sg_mapped_ents = mapped, .caller = caller,
		};
		add_dma_entry(entry);
	}
}

/* How many segments the sg mapping that starts like ref has (0: none). */
static int get_nr_mapped_entries(const struct dma_debug_entry *ref)
{
	struct hash_bucket *bucket = hash_bucket(ref->dev_addr);
	struct dma_debug_entry *entry;
	unsigned long flags;
	int mapped = 0;

	spin_lock_irqsave(&bucket->lock, flags);
	entry = bucket_find_exact(bucket, ref);
	if (entry)
		mapped = entry->sg_mapped_ents;
	spin_unlock_irqrestore(&bucket->lock, flags);
	return mapped;
}

/*
 * Walk the DMA segments of a mapped list of nents entries, checking each
 * with check(); the entry count is compared on the first only, so one
 * wrong count is one report.
 */
static void debug_dma_walk_sg(struct device *dev, struct scatterlist *sgl,
			      int nents, enum dma_data_direction dir,
			      const void *caller,
			      void (*check)(const struct dma_debug_entry *))
{
	struct scatterlist *sg;
	int i, mapped = 1;

	for (i = 0, sg = sgl; sg && i < nents && i < mapped;
	     i++, sg = sg_next(sg)) {
		struct dma_debug_entry ref = {
			.dev = dev, .dev_addr = sg_dma_address(sg),
			.size = sg_dma_len(sg), .type = dma_debug_sg,
			.direction = dir, .sg_call_ents = i ? 0 : nents,
			.caller = caller,
		};

		if (!i)
			mapped = max(get_nr_mapped_entries(&ref), 1);
		check(&ref);
	}
}

void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sgl,
			int nents, enum dma_data_direction dir,
			const void *caller)
{
	if (dma_debug_enabled())
		debug_dma_walk_sg(dev, sgl, nents, dir, caller, check_unmap);
}

void debug_dma_alloc_coherent(struct device *dev, size_t size,
			      dma_addr_t addr, void *virt, const void *caller)
{
	struct dma_debug_entry *entry;

	if (!dma_debug_enabled() || !virt)
		return;
	entry = dma_entry_alloc();
	if (!entry)
		return;
	*entry = (struct dma_debug_entry){
		.dev = dev, .dev_addr = addr, .size = size,
		.paddr = virt_to_phys(virt), .type = dma_debug_coherent,
		.direction = DMA_BIDIRECTIONAL, .caller = caller,
	};
	add_dma_entry(entry);
}

void debug_dma_free_coherent(struct device *dev, size_t size, void *virt,
			     dma_addr_t addr, const void *caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = addr, .size = size,
		.paddr = virt_to_phys(virt), .type = dma_debug_coherent,
		.direction = DMA_BIDIRECTIONAL, .caller = caller,
	};

	if (dma_debug_enabled())
		check_unmap(&ref);
}

void debug_dma_sync_single(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, const void *caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = addr, .size = size,
		.type = dma_debug_single, .direction = dir, .caller = caller,
	};

	if (dma_debug_enabled())
		check_sync(&ref);
}

void debug_dma_sync_sg(struct device *dev, struct scatterlist *sgl, int nents,
		       enum dma_data_direction dir, const void *caller)
{
	if (dma_debug_enabled())
		debug_dma_walk_sg(dev, sgl, nents, dir, caller, check_sync);
}

/* ---- a driver's release, /proc/dma-api ---- */

/* dev's live entries, one of them copied into *one. */
static int device_dma_allocations(struct device *dev,
				  struct dma_debug_entry *one)
{
	struct dma_debug_entry *e;
	unsigned long flags;
	int i, count = 0;

	for (i = 0; i < HASH_SIZE; i++) {
		spin_lock_irqsave(&dma_entry_hash[i].lock, flags);
		list_for_each_entry(e, &dma_entry_hash[i].list, list) {
			if (e->dev == dev && count++ == 0)
				*one = *e;
		}
		spin_unlock_irqrestore(&dma_entry_hash[i].lock, flags);
	}
	return count;
}

int dma_debug_device_entries(struct device *dev)
{
	struct dma_debug_entry one = { 0 };

	return dma_debug_enabled() ? device_dma_allocations(dev, &one) : 0;
}

int dma_debug_device_release(struct device *dev)
{
	struct dma_debug_entry one = { 0 };
	int count;

	if (!dma_debug_enabled() || !dev)
		return 0;
	count = device_dma_allocations(dev, &one);
	if (count)
		dma_report(dev, DMA_ERR_PENDING, one.caller,
			   "device driver has pending DMA allocations while released from device [count=%d]\n"
			   "One of leaked entries details: [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [mapped as %s]\n",
			   count, one.dev_addr, one.size, dir_name(one.direction),
			   type2name[one.type]);
	return count;
}

size_t dma_api_proc_show(char *buf, size_t size)
{
	unsigned long total = 0;
	size_t n;
	int i;

	for (i = 0; i < NR_DMA_DEBUG_ERRS; i++)
		total += dma_debug_error_count(i);
	n = scnprintf(buf, size, "disabled %d\nnum_active_entries %lu\nerror_count %lu\n",
		      !dma_debug_enabled(), dma_debug_active_entries(), total);
	for (i = 0; i < NR_DMA_DEBUG_ERRS; i++)
		n += scnprintf(buf + n, size - n, "%s %lu\n", err2name[i],
			       dma_debug_error_count(i));
	return n;
}
