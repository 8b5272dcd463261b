/*
 * The DMA mapping interface drivers call (Linux's kernel/dma/mapping.c;
 * linux/dma-mapping.h has the contract).  Each call checks its
 * arguments, refuses memory a device must never be given, hands the
 * work to the direct mapping (direct.c, which bounces through swiotlb.c
 * when it must), and tells the debugging layer (debug.c) what happened,
 * naming the driver's call site (__builtin_return_address(0): these are
 * real functions, not inlines, so that it is the driver's).
 *
 * What is refused in every build, with DMA_MAPPING_ERROR (or 0 segments,
 * or NULL) and a report: a buffer outside the direct map (the stack,
 * vmalloc, the kernel image, anything else with no struct page behind
 * it: its "physical address" would be wrong and the device would write
 * somewhere else), pages of kernel text or rodata or of the caller's
 * stack, and bad arguments (no device, a device with no dma_mask, size
 * 0, DMA_NONE, a range that wraps or runs past RAM, an offset past its
 * page).  Linux refuses most of these only with CONFIG_DMA_API_DEBUG,
 * or WARNs and goes on; a teaching kernel should never let the wrong
 * address reach a device.
 *
 * dma_map_single() and dma_unmap_single(), which drivers call per
 * transfer, have an inline common case: when the arguments are fit,
 * dma_debug is off and the buffer is page or slab memory the device
 * reaches, the same checks made as comparisons and the direct mapping's
 * fast path (direct.h) are all there is: no call, no lock, no locked
 * bus cycle.  Anything else (a refusal, a bounce, dma_debug's tracking)
 * goes through the checked, out-of-line path, with the driver's call
 * site for the reports.  The two accept exactly the same buffers; the
 * dma suite checks that with tracking switched off.
 *
 * Locking: none here; the masks are written by the driver in probe,
 * before any mapping, and only read afterwards.
 */
#include <asm/current.h>
#include <asm/sections.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/scatterlist.h>
#include <linux/swiotlb.h>
#include <linux/vmalloc.h>

#include "debug.h"
#include "direct.h"

#define dma_caller()	((const void *)__builtin_return_address(0))

/* ---- masks and limits ---- */

/*
 * The narrowest mask served: ZONE_DMA's 24 bits (the page allocator has
 * nothing lower to give, nor the bounce pools), or all of RAM if less.
 */
int dma_supported(struct device *dev, u64 mask)
{
	u64 min_mask = min(PFN_PHYS(max_pfn) - 1, DMA_BIT_MASK(24));

	return mask >= min_mask;
}

int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev || !dev->dma_mask || !dma_supported(dev, mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!dev || !dev->dma_mask || !dma_supported(dev, mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int ret = dma_set_mask(dev, mask);

	return ret ? ret : dma_set_coherent_mask(dev, mask);
}

u64 dma_get_mask(struct device *dev)
{
	if (dev && dev->dma_mask && *dev->dma_mask)
		return *dev->dma_mask;
	return DMA_BIT_MASK(32);
}

u64 dma_get_required_mask(struct device *dev)
{
	u64 last = PFN_PHYS(max_pfn) - 1;

	return (2ULL << (63 - __builtin_clzll(last | 1))) - 1;
}

unsigned int dma_get_max_seg_size(struct device *dev)
{
	if (dev && dev->dma_parms && dev->dma_parms->max_segment_size)
		return dev->dma_parms->max_segment_size;
	return DMA_DEFAULT_MAX_SEGMENT;
}

unsigned long dma_get_seg_boundary(struct device *dev)
{
	if (dev && dev->dma_parms && dev->dma_parms->segment_boundary_mask)
		return dev->dma_parms->segment_boundary_mask;
	return DMA_DEFAULT_SEG_BOUNDARY;
}

int dma_set_max_seg_size(struct device *dev, unsigned int size)
{
	if (!dev || !dev->dma_parms)
		return -EIO;
	dev->dma_parms->max_segment_size = size;
	return 0;
}

size_t dma_max_mapping_size(struct device *dev)
{
	if (is_swiotlb_force_bounce(dev) ||
	    dma_get_mask(dev) < dma_get_required_mask(dev))
		return IO_TLB_MAX_MAPPING;
	return (size_t)-1;
}

/* ---- what may be mapped ---- */

/*
 * The argument checks come in two halves: an inline test of the common
 * case, all well, in a few comparisons, and an out-of-line function that
 * says what is wrong, so that the fast path carries no reporting code.
 */
static noinline bool dma_dev_bad(struct device *dev, const void *caller)
{
	if (!dev)
		dma_report_bad_arg(NULL, caller, "no device\n");
	else
		dma_report_bad_arg(dev, caller, "the device has no DMA mask\n");
	return false;
}

static inline bool dma_dev_ok(struct device *dev, const void *caller)
{
	if (likely(dev && dev->dma_mask))
		return true;
	return dma_dev_bad(dev, caller);
}

static noinline bool dma_map_args_bad(struct device *dev, size_t size,
				      enum dma_data_direction dir,
				      const void *caller)
{
	if (!dev || !dev->dma_mask)
		return dma_dev_bad(dev, caller);
	if (!valid_dma_direction(dir))
		dma_report_bad_arg(dev, caller, "direction %d\n", dir);
	else
		dma_report_bad_arg(dev, caller, "size 0\n");
	return false;
}

static inline bool dma_map_args_ok(struct device *dev, size_t size,
				   enum dma_data_direction dir,
				   const void *caller)
{
	if (likely(dev && dev->dma_mask && valid_dma_direction(dir) && size))
		return true;
	return dma_map_args_bad(dev, size, dir, caller);
}

static bool overlaps(unsigned long start, size_t len, const void *lo,
		     const void *hi)
{
	return start < (unsigned long)hi && start + len > (unsigned long)lo;
}

/*
 * What a virtual range lies in, if not wholly in the direct map.  The
 * common case, page or slab memory, is answered by comparisons alone:
 * the direct map lies apart from the vmalloc area and the kernel image,
 * and only the stack can be both.
 */
static const char *dma_virt_area(const void *addr, size_t len)
{
	unsigned long start = (unsigned long)addr;
	char *stack = current->stack;

	if (stack && overlaps(start, len, stack, stack + THREAD_SIZE))
		return "stack";
	if (likely(virt_addr_valid(start) && virt_addr_valid(start + len - 1)))
		return NULL;
	if (is_vmalloc_addr(addr) || is_vmalloc_addr((char *)addr + len - 1))
		return "vmalloc area";
	if (overlaps(start, len, _text, _etext))
		return "kernel text";
	if (overlaps(start, len, __start_rodata, _erodata))
		return "kernel rodata";
	if (overlaps(start, len, _sdata, _end))
		return "kernel data";
	return "outside the direct map";
}

/* The physical address of a stack page, wherever the stack lives. */
static phys_addr_t stack_page_phys(const char *p)
{
	struct page *page;

	if (is_vmalloc_addr(p)) {
		page = vmalloc_to_page(p);
		return page ? PFN_PHYS(page_to_pfn(page)) : (phys_addr_t)-1;
	}
	if ((unsigned long)p >= __START_KERNEL_map)
		return __pa_symbol(p);
	return __pa(p);
}

static bool phys_on_stack(phys_addr_t phys, size_t len)
{
	const char *stack = current->stack;
	unsigned long off;
	phys_addr_t page;

	for (off = 0; stack && off < THREAD_SIZE; off += PAGE_SIZE) {
		page = stack_page_phys(stack + off);
		if (page != (phys_addr_t)-1 && phys < page + PAGE_SIZE &&
		    phys + len > page)
			return true;
	}
	return false;
}

static bool phys_overlaps(phys_addr_t phys, size_t len, const void *lo,
			  const void *hi)
{
	return phys < __pa_symbol(hi) && phys + len > __pa_symbol(lo);
}

/* What a physical range (of pages) holds that no device may write. */
static const char *dma_phys_area(phys_addr_t phys, size_t len)
{
	if (phys_overlaps(phys, len, _text, _etext))
		return "kernel text";
	if (phys_overlaps(phys, len, __start_rodata, _erodata))
		return "kernel rodata";
	if (phys_on_stack(phys, len))
		return "stack";
	return NULL;
}

static void dma_report_area(struct device *dev, const char *area,
			    const void *addr, size_t len)
{
	dma_report(dev, DMA_ERR_ILLEGAL_AREA, NULL,
		   "device driver maps memory from %s [addr=%p] [len=%zu]\n",
		   area, addr, len);
}

/*
 * Is [phys, phys + size) of page memory fit to map?  offset is where it
 * starts in its first page.  Reports what it refuses.
 */
static bool dma_pages_ok(struct device *dev, phys_addr_t phys, size_t offset,
			 size_t size, const void *caller)
{
	const char *area;

	if (offset >= PAGE_SIZE) {
		dma_report_bad_arg(dev, caller, "offset %zu is past its page\n",
				   offset);
		return false;
	}
	if (phys + size - 1 < phys || PHYS_PFN(phys + size - 1) >= max_pfn ||
	    !pfn_valid(PHYS_PFN(phys + size - 1))) {
		dma_report_bad_arg(dev, caller, "%zu bytes at %#llx run past RAM\n",
				   size, (unsigned long long)phys);
		return false;
	}
	area = dma_phys_area(phys, size);
	if (area) {
		dma_report_area(dev, area, phys_to_virt(phys), size);
		return false;
	}
	return true;
}

static bool page_ok(struct page *page)
{
	unsigned long pfn = page ? page_to_pfn(page) : 0;

	return page && pfn_valid(pfn) && pfn_to_page(pfn) == page;
}

/* ---- streaming mappings ---- */

/* With dma_debug: the mapping, then its entry. */
static noinline dma_addr_t dma_map_phys_debug(struct device *dev,
					      phys_addr_t phys, size_t size,
					      enum dma_data_direction dir,
					      enum dma_debug_type type,
					      const void *caller)
{
	dma_addr_t addr = dma_direct_map_phys(dev, phys, size, dir, 0);

	debug_dma_map_phys(dev, phys, size, dir, addr, type, caller);
	return addr;
}

/*
 * Without dma_debug a mapping the device reaches is all inline: a few
 * comparisons and a count (dma_direct_map_phys()).
 */
static inline dma_addr_t dma_map_phys(struct device *dev, phys_addr_t phys,
				      size_t size, enum dma_data_direction dir,
				      enum dma_debug_type type,
				      const void *caller)
{
	if (unlikely(dma_debug_enabled()))
		return dma_map_phys_debug(dev, phys, size, dir, type, caller);
	return dma_direct_map_phys(dev, phys, size, dir, 0);
}

static inline void dma_unmap_phys(struct device *dev, dma_addr_t addr,
				  size_t size, enum dma_data_direction dir,
				  enum dma_debug_type type, const void *caller)
{
	if (!dma_dev_ok(dev, caller))
		return;
	if (unlikely(!valid_dma_direction(dir))) {
		dma_report_bad_arg(dev, caller, "unmap with direction %d\n", dir);
		return;
	}
	if (unlikely(dma_debug_enabled()))
		debug_dma_unmap_phys(dev, addr, size, dir, type, caller);
	dma_direct_unmap_phys(dev, addr, size, dir, 0);
}

/* dma_map_single() with every check spelt out, its reports and dma_debug. */
static noinline dma_addr_t dma_map_single_checked(struct device *dev,
						  void *cpu_addr, size_t size,
						  enum dma_data_direction dir,
						  const void *caller)
{
	const char *area;

	if (!dma_map_args_ok(dev, size, dir, caller))
		return DMA_MAPPING_ERROR;
	if ((unsigned long)cpu_addr + size - 1 < (unsigned long)cpu_addr) {
		dma_report_bad_arg(dev, caller, "%zu bytes at %p wrap around\n",
				   size, cpu_addr);
		return DMA_MAPPING_ERROR;
	}
	area = dma_virt_area(cpu_addr, size);
	if (area) {
		dma_report_area(dev, area, cpu_addr, size);
		return DMA_MAPPING_ERROR;
	}
	return dma_map_phys(dev, virt_to_phys(cpu_addr), size, dir,
			    dma_debug_single, caller);
}

/*
 * The common case of dma_map_single() in comparisons alone, the ones
 * dma_map_single_checked() makes and passes: fit arguments, no
 * dma_debug to tell, a range that does not wrap and lies in the direct
 * map (so neither vmalloc nor the kernel image) and not on the stack.
 */
static inline bool dma_map_single_plain(struct device *dev,
					const void *cpu_addr, size_t size,
					enum dma_data_direction dir)
{
	unsigned long start = (unsigned long)cpu_addr, last = start + size - 1;
	const char *stack = current->stack;

	return dev && dev->dma_mask && valid_dma_direction(dir) && size &&
	       last >= start && !dma_debug_enabled() &&
	       virt_addr_valid(start) && virt_addr_valid(last) &&
	       !(stack && overlaps(start, size, stack, stack + THREAD_SIZE));
}

/*
 * A driver's buffer goes to the device as it is, inline (a few
 * comparisons and a count, dma_direct_map_phys()), unless it must be
 * bounced, refused or tracked: then the out-of-line paths.
 */
dma_addr_t dma_map_single(struct device *dev, void *cpu_addr, size_t size,
			  enum dma_data_direction dir)
{
	if (likely(dma_map_single_plain(dev, cpu_addr, size, dir)))
		return dma_direct_map_phys(dev, __pa(cpu_addr), size, dir, 0);
	return dma_map_single_checked(dev, cpu_addr, size, dir, dma_caller());
}

static noinline void dma_unmap_single_checked(struct device *dev,
					      dma_addr_t addr, size_t size,
					      enum dma_data_direction dir,
					      const void *caller)
{
	dma_unmap_phys(dev, addr, size, dir, dma_debug_single, caller);
}

/*
 * Unmapping a direct mapping has nothing to undo on x86 (no IOMMU entry,
 * caches coherent): with fit arguments and no dma_debug to tell, only a
 * bounce buffer needs the out-of-line path.
 */
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir)
{
	if (likely(dev && dev->dma_mask && valid_dma_direction(dir) &&
		   !dma_debug_enabled() &&
		   !is_swiotlb_buffer(dma_to_phys(dev, addr))))
		return;
	dma_unmap_single_checked(dev, addr, size, dir, dma_caller());
}

dma_addr_t dma_map_page(struct device *dev, struct page *page, size_t offset,
			size_t size, enum dma_data_direction dir)
{
	const void *caller = dma_caller();
	phys_addr_t phys;

	if (!dma_map_args_ok(dev, size, dir, caller))
		return DMA_MAPPING_ERROR;
	if (!page_ok(page)) {
		dma_report_bad_arg(dev, caller, "no such page %p\n", page);
		return DMA_MAPPING_ERROR;
	}
	phys = PFN_PHYS(page_to_pfn(page)) + offset;
	if (!dma_pages_ok(dev, phys, offset, size, caller))
		return DMA_MAPPING_ERROR;
	return dma_map_phys(dev, phys, size, dir, dma_debug_page, caller);
}

void dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		    enum dma_data_direction dir)
{
	dma_unmap_phys(dev, addr, size, dir, dma_debug_page, dma_caller());
}

int dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	if (unlikely(dma_debug_enabled()))
		debug_dma_mapping_error(dev, addr);
	return addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

/* ---- scatterlists ---- */

/* Every one of the first nents entries present and fit to map. */
static bool dma_sg_ok(struct device *dev, struct scatterlist *sgl, int nents,
		      const void *caller)
{
	struct scatterlist *sg = sgl;
	int i;

	for (i = 0; i < nents; i++, sg = sg_next(sg)) {
		if (!sg) {
			dma_report_bad_arg(dev, caller, "the list has %d entries, not %d\n",
					   i, nents);
			return false;
		}
		if (!sg->length || !page_ok(sg_page(sg))) {
			dma_report_bad_arg(dev, caller, "entry %d: length %u, page %p\n",
					   i, sg->length, sg_page(sg));
			return false;
		}
		if (!dma_pages_ok(dev, PFN_PHYS(page_to_pfn(sg_page(sg))) +
				  sg->offset, sg->offset, sg->length, caller))
			return false;
	}
	return true;
}

static bool dma_sg_args_ok(struct device *dev, struct scatterlist *sgl,
			   int nents, enum dma_data_direction dir,
			   const void *caller)
{
	if (!dma_map_args_ok(dev, 1, dir, caller))
		return false;
	if (!sgl || nents <= 0) {
		dma_report_bad_arg(dev, caller, "list %p of %d entries\n", sgl,
				   nents);
		return false;
	}
	return true;
}

int dma_map_sg(struct device *dev, struct scatterlist *sg, int nents,
	       enum dma_data_direction dir)
{
	const void *caller = dma_caller();
	int count;

	if (!dma_sg_args_ok(dev, sg, nents, dir, caller) ||
	    !dma_sg_ok(dev, sg, nents, caller))
		return 0;
	count = dma_direct_map_sg(dev, sg, nents, dir);
	if (count)
		debug_dma_map_sg(dev, sg, nents, count, dir, caller);
	return count;
}

void dma_unmap_sg(struct device *dev, struct scatterlist *sg, int nents,
		  enum dma_data_direction dir)
{
	const void *caller = dma_caller();

	if (!dma_sg_args_ok(dev, sg, nents, dir, caller))
		return;
	debug_dma_unmap_sg(dev, sg, nents, dir, caller);
	dma_direct_unmap_sg(dev, sg, nents, dir, 0);
}

/* ---- syncs ---- */

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	const void *caller = dma_caller();

	if (!dma_map_args_ok(dev, size, dir, caller))
		return;
	debug_dma_sync_single(dev, addr, size, dir, caller);
	dma_direct_sync_for_cpu(dev, addr, size, dir);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir)
{
	const void *caller = dma_caller();

	if (!dma_map_args_ok(dev, size, dir, caller))
		return;
	debug_dma_sync_single(dev, addr, size, dir, caller);
	dma_direct_sync_for_device(dev, addr, size, dir);
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg,
			 int nelems, enum dma_data_direction dir)
{
	const void *caller = dma_caller();

	if (!dma_sg_args_ok(dev, sg, nelems, dir, caller))
		return;
	debug_dma_sync_sg(dev, sg, nelems, dir, caller);
	dma_direct_sync_sg(dev, sg, nelems, dir, true);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
			    int nelems, enum dma_data_direction dir)
{
	const void *caller = dma_caller();

	if (!dma_sg_args_ok(dev, sg, nelems, dir, caller))
		return;
	debug_dma_sync_sg(dev, sg, nelems, dir, caller);
	dma_direct_sync_sg(dev, sg, nelems, dir, false);
}

/* ---- coherent memory ---- */

static bool dma_coherent_args_ok(struct device *dev, size_t size,
				 const void *caller)
{
	if (!dma_dev_ok(dev, caller))
		return false;
	if (!size || get_order(size) >= MAX_ORDER) {
		dma_report_bad_arg(dev, caller, "coherent size %zu\n", size);
		return false;
	}
	if (!dev->coherent_dma_mask) {
		dma_report_bad_arg(dev, caller, "coherent DMA mask is unset\n");
		return false;
	}
	return true;
}

void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp)
{
	const void *caller = dma_caller();
	void *cpu_addr;

	if (!dma_coherent_args_ok(dev, size, caller))
		return NULL;
	if (!dma_handle) {
		dma_report_bad_arg(dev, caller, "no dma_handle\n");
		return NULL;
	}
	cpu_addr = dma_direct_alloc(dev, size, dma_handle, gfp);
	if (!cpu_addr) {
		if (!(gfp & __GFP_NOWARN))
			dev_warn(dev, "dma_alloc_coherent: no memory for %zu bytes within mask %#llx\n",
				 size, dev->coherent_dma_mask);
		return NULL;
	}
	debug_dma_alloc_coherent(dev, size, *dma_handle, cpu_addr, caller);
	return cpu_addr;
}

/*
 * The CPU address must be one dma_alloc_coherent() gave and match the
 * handle: freeing on a mismatch would free memory the driver may still
 * be using, so that is refused (and leaks), whatever dma_debug says.
 */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle)
{
	const void *caller = dma_caller();

	if (!dma_coherent_args_ok(dev, size, caller))
		return;
	if (!virt_addr_valid((unsigned long)cpu_addr) ||
	    !IS_ALIGNED((unsigned long)cpu_addr, PAGE_SIZE)) {
		dma_report_bad_arg(dev, caller, "%p is no coherent buffer\n",
				   cpu_addr);
		return;
	}
	if (virt_to_phys(cpu_addr) != dma_to_phys(dev, dma_handle)) {
		dma_report_bad_arg(dev, caller, "CPU address %p is not handle %#llx: not freed\n",
				   cpu_addr, (unsigned long long)dma_handle);
		return;
	}
	debug_dma_free_coherent(dev, size, cpu_addr, dma_handle, caller);
	dma_direct_free(dev, size, cpu_addr);
}
