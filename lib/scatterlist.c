/*
 * Scatterlist helpers (Linux's lib/scatterlist.c): walking a list across
 * chain links, and building one from an array of pages, merging pages
 * that are physically contiguous into one segment up to a maximum size
 * (a device's limit on one DMA descriptor).
 *
 * Pure code with no hardware access, so tests/host builds it too.
 *
 * Invariants: a list built here has every entry's offset + length within
 * its run of contiguous pages and its length at most the maximum segment
 * size; the last entry used carries SG_END.  Locking: none.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/scatterlist.h>
#include <linux/string.h>

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_mark_end(&sgl[nents - 1]);
}

struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	if (sg_is_chain(sg))
		sg = sg_chain_ptr(sg);
	return sg;
}

void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
	      struct scatterlist *sgl)
{
	struct scatterlist *link = &prv[prv_nents - 1];

	link->offset = 0;
	link->length = 0;
	link->page_link = (unsigned long)sgl | SG_CHAIN;
}

int sg_nents(struct scatterlist *sgl)
{
	int n = 0;

	for (; sgl; sgl = sg_next(sgl))
		n++;
	return n;
}

/* How many of pages[0..max) follow pages[0] at consecutive frames. */
static unsigned int sg_contiguous_run(struct page **pages, unsigned int max)
{
	unsigned long pfn = page_to_pfn(pages[0]);
	unsigned int n = 1;

	while (n < max && page_to_pfn(pages[n]) == pfn + n)
		n++;
	return n;
}

static bool sg_pages_args_ok(unsigned int nents, unsigned int n_pages,
			     unsigned int offset, unsigned long size,
			     unsigned int max_segment)
{
	unsigned long room = (unsigned long)n_pages << PAGE_SHIFT;

	return nents && size && offset < PAGE_SIZE && room > offset &&
	       size <= room - offset && max_segment >= PAGE_SIZE;
}

int sg_set_pages_segment(struct scatterlist *sgl, unsigned int nents,
			 struct page **pages, unsigned int n_pages,
			 unsigned int offset, unsigned long size,
			 unsigned int max_segment)
{
	unsigned int seg_pages = max_segment >> PAGE_SHIFT;
	struct scatterlist *sg = NULL;
	unsigned int i = 0;
	int used = 0;

	if (!sg_pages_args_ok(nents, n_pages, offset, size, max_segment))
		return -EINVAL;
	sg_init_table(sgl, nents);
	while (size) {
		unsigned int run = sg_contiguous_run(pages + i,
						     min(seg_pages, n_pages - i));
		unsigned long len = min(size, ((unsigned long)run << PAGE_SHIFT) -
					      offset);

		sg = sg ? sg_next(sg) : sgl;
		if (!sg)
			return -EINVAL;		/* nents too few */
		sg_set_page(sg, pages[i], len, offset);
		used++;
		size -= len;
		offset = 0;
		i += run;
	}
	sg_mark_end(sg);
	return used;
}
