/*
 * The scatterlist helpers (lib/scatterlist.c, built for the host with
 * kern_ names): walking across chain links, and sg_set_pages_segment(),
 * which a kiobuf's pages go through on their way to dma_map_sg().  The
 * pages are a section of struct pages in heap memory, registered in
 * mem_section[] so that page_to_pfn() works; a page array picks frames
 * from it in runs, and each built list is checked against a model:
 * every byte lands on the frame the page array gives it, no segment is
 * longer than the maximum, and no two neighbouring segments could have
 * been one.  A fixed seed keeps runs repeatable.
 */
#include <stdlib.h>
#include <string.h>

#undef __always_inline
#define sg_init_table kern_sg_init_table
#define sg_next kern_sg_next
#define sg_chain kern_sg_chain
#define sg_nents kern_sg_nents
#define sg_set_pages_segment kern_sg_set_pages_segment
#include <linux/scatterlist.h>

#include "ktap.h"

#define SECTION		3UL
#define NPAGES		256	/* frames in the test section */
#define MAXP		40	/* pages in one page array */
#define ROUNDS		20000

struct mem_section mem_section[NR_MEM_SECTIONS];
static struct page *frames;

static void section_create(void)
{
	int i;

	frames = calloc(PAGES_PER_SECTION, sizeof(*frames));
	for (i = 0; i < NPAGES; i++)
		set_page_links(&frames[i], 0, 0, SECTION);
	mem_section[SECTION].section_mem_map = frames;
}

/* pages[i] = frames[idx[i]] */
static void pick(struct page **pages, const int *idx, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pages[i] = &frames[idx[i]];
}

static void test_merges_contiguous_pages(void)
{
	static const int idx[] = { 10, 11, 12, 13 };
	struct page *pages[4];
	struct scatterlist sg[4];
	unsigned long size = 4 * PAGE_SIZE - 100 - 50;

	pick(pages, idx, 4);
	EXPECT(kern_sg_set_pages_segment(sg, 4, pages, 4, 100, size, 65536) == 1);
	EXPECT(sg_page(&sg[0]) == pages[0]);
	EXPECT(sg[0].offset == 100 && sg[0].length == size);
	EXPECT(sg_is_last(&sg[0]));
}

static void test_splits_at_max_segment(void)
{
	static const int idx[] = { 10, 11, 12, 13, 14 };
	struct page *pages[5];
	struct scatterlist sg[4];

	pick(pages, idx, 5);
	/* 8191 rounds down to one page: five entries, too many; 8192: two pages each. */
	EXPECT(kern_sg_set_pages_segment(sg, 4, pages, 5, 100,
					 5 * PAGE_SIZE - 100, 8191) == -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 4, pages, 5, 100,
					 5 * PAGE_SIZE - 100, 8192) == 3);
	EXPECT(sg[0].offset == 100 && sg[0].length == 2 * PAGE_SIZE - 100);
	EXPECT(sg_page(&sg[1]) == pages[2] && sg[1].offset == 0 &&
	       sg[1].length == 2 * PAGE_SIZE);
	EXPECT(sg_page(&sg[2]) == pages[4] && sg[2].length == PAGE_SIZE);
	EXPECT(!sg_is_last(&sg[1]) && sg_is_last(&sg[2]));
	EXPECT(kern_sg_nents(sg) == 3);
}

static void test_gap_starts_a_segment(void)
{
	static const int idx[] = { 20, 21, 30, 31, 32, 29 };
	struct page *pages[6];
	struct scatterlist sg[6];

	pick(pages, idx, 6);
	EXPECT(kern_sg_set_pages_segment(sg, 6, pages, 6, 0, 6 * PAGE_SIZE,
					 1 << 20) == 3);
	EXPECT(sg[0].length == 2 * PAGE_SIZE && sg_page(&sg[1]) == pages[2] &&
	       sg[1].length == 3 * PAGE_SIZE && sg_page(&sg[2]) == pages[5]);
}

static void test_bad_arguments(void)
{
	static const int idx[] = { 1, 3, 5 };
	struct page *pages[3];
	struct scatterlist sg[3];

	pick(pages, idx, 3);
	EXPECT(kern_sg_set_pages_segment(sg, 2, pages, 3, 0, 3 * PAGE_SIZE,
					 PAGE_SIZE) == -EINVAL);	/* too few */
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, 0, 0, PAGE_SIZE) ==
	       -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, PAGE_SIZE, 1,
					 PAGE_SIZE) == -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, 1, 3 * PAGE_SIZE,
					 PAGE_SIZE) == -EINVAL);	/* past the pages */
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 0, 0, 1, PAGE_SIZE) ==
	       -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 0, pages, 3, 0, 1, PAGE_SIZE) ==
	       -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, 0, -1UL, PAGE_SIZE) ==
	       -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, 0, 1, 100) == -EINVAL);
	EXPECT(kern_sg_set_pages_segment(sg, 3, pages, 3, 4095, 2, PAGE_SIZE) == 2);
	EXPECT(sg[0].length == 1 && sg[1].length == 1 && sg[1].offset == 0);
}

static void test_chain_walk(void)
{
	struct scatterlist a[3], b[2], *sg;
	int i, n = 0;

	kern_sg_init_table(a, 3);
	kern_sg_init_table(b, 2);
	kern_sg_chain(a, 3, b);
	EXPECT(kern_sg_nents(a) == 4);	/* a[0], a[1], b[0], b[1] */
	for_each_sg(a, sg, 4, i)
		n += (sg == &b[1]);
	EXPECT(n == 1);
	EXPECT(kern_sg_next(&b[1]) == NULL);
}

/* A page array made of runs of consecutive frames, at random. */
static int random_pages(struct page **pages)
{
	int n = 1 + rand() % MAXP, i = 0;

	while (i < n) {
		int start = rand() % (NPAGES - MAXP), run = 1 + rand() % 6;

		while (run-- && i < n)
			pages[i++] = &frames[start++];
	}
	return n;
}

/* The model check of one list: see the comment at the top. */
static bool check_list(struct scatterlist *sgl, int used, struct page **pages,
		       unsigned int offset, unsigned long size,
		       unsigned int max_seg)
{
	unsigned long pos = 0, seg_max = max_seg & ~(PAGE_SIZE - 1);
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, used, i) {
		unsigned long first = page_to_pfn(sg_page(sg));
		unsigned long want = page_to_pfn(pages[(offset + pos) / PAGE_SIZE]);
		unsigned long k;

		REQUIRE(sg->length && sg->length <= seg_max, "entry %d", i);
		REQUIRE(sg->offset == (i ? 0 : offset), "entry %d", i);
		REQUIRE(sg_is_last(sg) == (i == used - 1), "entry %d", i);
		REQUIRE(first == want, "entry %d", i);
		for (k = 0; k < sg->length; k += PAGE_SIZE - (k ? 0 : sg->offset)) {
			unsigned long byte = offset + pos + k;

			REQUIRE(first + (sg->offset + k) / PAGE_SIZE ==
				page_to_pfn(pages[byte / PAGE_SIZE]), "entry %d", i);
		}
		/* Mergeable with the previous one: not full and contiguous. */
		if (i) {
			struct scatterlist *prev = sg - 1;
			unsigned long span = prev->offset + prev->length;

			REQUIRE(span % PAGE_SIZE == 0, "entry %d", i);
			REQUIRE(span + PAGE_SIZE > seg_max ||
				page_to_pfn(sg_page(prev)) + span / PAGE_SIZE !=
				first, "entry %d could merge", i);
		}
		pos += sg->length;
	}
	REQUIRE(pos == size, "%lu of %lu bytes", pos, size);
	return true;
}

static void test_random_lists(void)
{
	struct page *pages[MAXP];
	struct scatterlist sg[MAXP];
	int r;

	for (r = 0; r < ROUNDS && !host_case_failed; r++) {
		int n = random_pages(pages), used;
		unsigned int offset = rand() % PAGE_SIZE;
		unsigned long room = n * PAGE_SIZE - offset;
		unsigned long size = 1 + (unsigned long)rand() % room;
		unsigned int max_seg = PAGE_SIZE * (1 + rand() % 8) + rand() % 100;

		used = kern_sg_set_pages_segment(sg, MAXP, pages, n, offset,
						 size, max_seg);
		EXPECT_MSG(used > 0, "round %d: %d", r, used);
		if (used > 0)
			check_list(sg, used, pages, offset, size, max_seg);
	}
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_merges_contiguous_pages),
		HOST_CASE(test_splits_at_max_segment),
		HOST_CASE(test_gap_starts_a_segment),
		HOST_CASE(test_bad_arguments),
		HOST_CASE(test_chain_walk),
		HOST_CASE(test_random_lists),
	};

	srand(20240611);
	section_create();
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
