/*
 * The pin count's arithmetic (include/linux/gup.h, the inline helpers
 * mm/gup.c and mm/memory.c use), on a struct page in heap memory: a pin
 * adds GUP_PIN_COUNTING_BIAS to _refcount and its release subtracts it
 * (put_page_refs() does page_ref_sub_and_test() with gup_page_refs(),
 * as the model here does), page_maybe_dma_pinned() is true from one
 * pin's bias on, page_unpinned_count() is the count with the pins left
 * out (what copy-on-write asks), and the count reaches 0 exactly at the
 * last release, whatever mix of pins and plain references went before.
 * A fixed seed keeps the random sequences repeatable.
 */
#include <stdlib.h>

#undef __always_inline
#include <linux/gup.h>

#include "ktap.h"

#define ROUNDS	2000
#define STEPS	400
#define BIAS	((int)GUP_PIN_COUNTING_BIAS)

static struct page page;

/* One pin or plain reference dropped: true when it was the last. */
static bool put_refs(bool pin)
{
	return page_ref_sub_and_test(&page, gup_page_refs(pin));
}

static void test_bias_is_linux_value(void)
{
	EXPECT(GUP_PIN_COUNTING_BIAS == 1024);
	EXPECT(gup_page_refs(true) == 1024);
	EXPECT(gup_page_refs(false) == 1);
}

/* A mapped page (count 1) pinned once and unpinned: back to 1. */
static void test_pin_and_unpin(void)
{
	set_page_count(&page, 1);
	EXPECT(!page_maybe_dma_pinned(&page));
	gup_grab_page(&page, true);
	EXPECT(page_ref_count(&page) == 1 + BIAS);
	EXPECT(page_maybe_dma_pinned(&page));
	EXPECT(page_unpinned_count(&page) == 1);
	EXPECT(!put_refs(true));
	EXPECT(page_ref_count(&page) == 1);
	EXPECT(!page_maybe_dma_pinned(&page));
	EXPECT(page_unpinned_count(&page) == 1);
}

/*
 * Plain references are never taken for pins below the bias; 1024 of
 * them look like a pin, which is why Linux says "maybe".
 */
static void test_plain_references_are_not_pins(void)
{
	int i;

	set_page_count(&page, 1);
	for (i = 1; i < BIAS; i++) {
		EXPECT_MSG(!page_maybe_dma_pinned(&page), "%d references", i);
		EXPECT_MSG(page_unpinned_count(&page) == i, "%d references", i);
		gup_grab_page(&page, false);
	}
	EXPECT(page_ref_count(&page) == BIAS);
	EXPECT(page_maybe_dma_pinned(&page));
	set_page_count(&page, 0);
}

/* Copy-on-write's question: k pins never make a page look shared. */
static void test_unpinned_count_leaves_pins_out(void)
{
	int pins, refs, i;

	for (pins = 0; pins <= 40; pins += 8) {
		for (refs = 1; refs < BIAS; refs += 97) {
			set_page_count(&page, refs);
			for (i = 0; i < pins; i++)
				gup_grab_page(&page, true);
			EXPECT_MSG(page_unpinned_count(&page) == refs,
				   "%d pins, %d refs", pins, refs);
			EXPECT_MSG(page_maybe_dma_pinned(&page) == (pins > 0),
				   "%d pins, %d refs", pins, refs);
		}
	}
	set_page_count(&page, 0);
}

/* Unmapped while pinned: only pins hold it; 0 at the last unpin only. */
static void test_last_unpin_frees(void)
{
	int pins = 5, i;

	set_page_count(&page, 1);
	for (i = 0; i < pins; i++)
		gup_grab_page(&page, true);
	EXPECT(!put_refs(false));		/* munmap drops the mapping's */
	EXPECT(page_ref_count(&page) == pins * BIAS);
	EXPECT(page_unpinned_count(&page) == 0);
	for (i = 1; i < pins; i++) {
		EXPECT_MSG(!put_refs(true), "unpin %d of %d", i, pins);
		EXPECT(page_maybe_dma_pinned(&page));
	}
	EXPECT(put_refs(true));
	EXPECT(page_ref_count(&page) == 0);
	EXPECT(!page_maybe_dma_pinned(&page));
}

/*
 * Random grabs and releases of pins and plain references, checked
 * against a model after each: the count is refs + pins * bias, the
 * helpers answer from it, and the release that empties the model is
 * the one (and the only one) that reports the last reference.
 */
static void test_random_mixes(void)
{
	int r, s;

	for (r = 0; r < ROUNDS && !host_case_failed; r++) {
		int pins = 0, refs = 1;

		set_page_count(&page, 1);	/* allocated, mapped */
		for (s = 0; s < STEPS && pins + refs; s++) {
			bool pin = rand() & 1, grab = rand() % 3 != 0, last;

			if (grab && (pin || refs < BIAS - 1)) {
				gup_grab_page(&page, pin);
				pin ? pins++ : refs++;
			} else if (pin ? pins : refs) {
				last = put_refs(pin);
				pin ? pins-- : refs--;
				EXPECT_MSG(last == (pins + refs == 0),
					   "round %d step %d", r, s);
			}
			EXPECT_MSG(page_ref_count(&page) == refs + pins * BIAS,
				   "round %d step %d", r, s);
			EXPECT_MSG(page_maybe_dma_pinned(&page) == (pins > 0),
				   "round %d step %d", r, s);
			EXPECT_MSG(page_unpinned_count(&page) == refs,
				   "round %d step %d", r, s);
		}
	}
	set_page_count(&page, 0);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_bias_is_linux_value),
		HOST_CASE(test_pin_and_unpin),
		HOST_CASE(test_plain_references_are_not_pins),
		HOST_CASE(test_unpinned_count_leaves_pins_out),
		HOST_CASE(test_last_unpin_frees),
		HOST_CASE(test_random_mixes),
	};

	srand(20261206);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
