/*
 * Scatterlists (Linux's include/linux/scatterlist.h, lib/scatterlist.c):
 * a buffer that is not physically contiguous, described as an array of
 * (page, offset, length) segments, for a device that can gather from or
 * scatter into several pieces of memory in one transfer.  dma_map_sg()
 * fills in each entry's dma_address and dma_length for the device.
 *
 * page_link holds the page pointer and, in its two low bits (struct page
 * is at least 4-byte aligned), SG_CHAIN (this entry is not a segment but
 * points at the next array) and SG_END (the last segment).
 *
 * Invariants: offset + length stays within the segment's pages (a
 * segment spans physically contiguous pages); exactly one entry of a
 * list carries SG_END.  Locking: none; a list belongs to its caller.
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/types.h>

struct scatterlist {
	unsigned long page_link;	/* struct page * | SG_CHAIN | SG_END */
	unsigned int offset;		/* of the data in the first page */
	unsigned int length;		/* bytes, possibly over several pages */
	dma_addr_t dma_address;		/* set by dma_map_sg() */
	unsigned int dma_length;	/* set by dma_map_sg() */
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK	(SG_CHAIN | SG_END)

#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)

static inline bool sg_is_chain(const struct scatterlist *sg)
{
	return sg->page_link & SG_CHAIN;
}

static inline bool sg_is_last(const struct scatterlist *sg)
{
	return sg->page_link & SG_END;
}

static inline struct scatterlist *sg_chain_ptr(const struct scatterlist *sg)
{
	return (struct scatterlist *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

static inline struct page *sg_page(const struct scatterlist *sg)
{
	return (struct page *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

/* Point sg at page, keeping its SG_END mark. */
static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	unsigned long end = sg->page_link & SG_END;

	sg->page_link = (unsigned long)page | end;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg_assign_page(sg, page);
	sg->offset = offset;
	sg->length = len;
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->page_link |= SG_END;
	sg->page_link &= ~SG_CHAIN;
}

static inline void sg_unmark_end(struct scatterlist *sg)
{
	sg->page_link &= ~SG_END;
}

/* The kernel address of the segment's first byte (direct map). */
static inline void *sg_virt(const struct scatterlist *sg)
{
	return (char *)page_address(sg_page(sg)) + sg->offset;
}

/* Zero nents entries and mark the last one the end. */
void sg_init_table(struct scatterlist *sgl, unsigned int nents);
/* The entry after sg, following a chain link; NULL after the last. */
struct scatterlist *sg_next(struct scatterlist *sg);
/* Make prv's last entry (of prv_nents) a link to sgl. */
void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
	      struct scatterlist *sgl);
/* Segments up to and including the end mark. */
int sg_nents(struct scatterlist *sgl);

/*
 * Describe size bytes at offset in the pages of pages[] (offset <
 * PAGE_SIZE), merging physically contiguous neighbours into one segment
 * of at most max_segment bytes (rounded down to whole pages; at least
 * PAGE_SIZE).  Uses at most nents entries of sgl, marks the last used
 * one the end, and returns how many it used; -EINVAL for a bad argument
 * or when nents entries are too few (then sgl's contents are undefined).
 * Linux's sg_alloc_table_from_pages_segment() does the same into a table
 * it allocates.
 */
int sg_set_pages_segment(struct scatterlist *sgl, unsigned int nents,
			 struct page **pages, unsigned int n_pages,
			 unsigned int offset, unsigned long size,
			 unsigned int max_segment);

#define for_each_sg(sglist, sg, nr, __i)				\
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

#endif
