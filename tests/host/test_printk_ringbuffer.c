/*
 * The kernel log's ring (kernel/printk_ringbuffer.c, its symbols
 * renamed kern_*) against a model: every record ever stored, in order.
 * The ring lives in a heap block of exactly its size, so that
 * AddressSanitizer catches a record or a wrap header written past its
 * end.  After each of many random stores (random lengths, levels,
 * flags, including empty and over-long texts) the ring must hold an
 * unbroken run of the newest records, each exactly as stored (cut as
 * prb_store() promises), and must not have dropped more than a record's
 * worth of room; cursors left behind must catch up and count what they
 * lost; and prb_format() must give the text a separate model makes with
 * the C library's snprintf, at every buffer size.  A fixed seed keeps
 * the sequences repeatable.
 */
#include <stdlib.h>
#include <string.h>

#define prb_init kern_prb_init
#define prb_store kern_prb_store
#define prb_cursor_first kern_prb_cursor_first
#define prb_cursor_end kern_prb_cursor_end
#define prb_next kern_prb_next
#define prb_format kern_prb_format
#include "../../kernel/printk_ringbuffer.h"

#include "ktap.h"

#define HDR		16
#define STORES		10000
#define MAX_TEXT	(LOG_LINE_MAX + 100)

struct model_rec {
	u64 ts;
	int level;
	u8 flags;
	u32 len;
	char *text;
};

static struct model_rec *model;		/* every record, by seq */
static u64 nr_model;

static void model_reset(void)
{
	u64 i;

	for (i = 0; i < nr_model; i++)
		free(model[i].text);
	free(model);
	model = NULL;
	nr_model = 0;
}

static void model_add(u64 ts, int level, u8 flags, const char *text, u32 len)
{
	struct model_rec *m;

	model = realloc(model, (nr_model + 1) * sizeof(*model));
	m = &model[nr_model++];
	m->ts = ts;
	m->level = level;
	m->flags = flags;
	m->len = len;
	m->text = malloc(len + 1);
	memcpy(m->text, text, len);
}

static u32 record_size(u32 text_len)
{
	return (HDR + text_len + LOG_ALIGN - 1) & ~(u32)(LOG_ALIGN - 1);
}

/* The ring holds the newest records, each as the model has it. */
static bool check_ring(struct printk_ringbuffer *rb, u32 max_rec)
{
	const struct printk_log *rec;
	struct prb_cursor c;
	u64 seq, used = 0;

	REQUIRE(rb->next_seq == nr_model, "next_seq %llu", rb->next_seq);
	REQUIRE(rb->first_seq < rb->next_seq || !nr_model, "empty ring");
	prb_cursor_first(rb, &c);
	for (seq = rb->first_seq; (rec = prb_next(rb, &c, NULL)); seq++) {
		const struct model_rec *m = &model[seq];
		size_t at = (const char *)rec - rb->buf;

		REQUIRE(at % LOG_ALIGN == 0 && at + rec->len <= rb->size,
			"record %llu at %zu, len %u", seq, at, rec->len);
		REQUIRE(rec->len == record_size(rec->text_len), "len %u", rec->len);
		REQUIRE(rec->text_len == m->len && rec->level == m->level &&
			rec->flags == m->flags && rec->ts_nsec == m->ts,
			"record %llu differs", seq);
		REQUIRE(!memcmp(prb_text(rec), m->text, m->len),
			"record %llu's text differs", seq);
		used += rec->len;
	}
	REQUIRE(seq == rb->next_seq, "walk ended at %llu", seq);
	/*
	 * Dropping stops once a record fits: free are at most the gap it
	 * needed plus the last record dropped, and the tail left at a wrap.
	 */
	REQUIRE(!rb->first_seq || used + 3 * (max_rec + HDR) >= rb->size,
		"%llu of %u bytes used", used, rb->size);
	return true;
}

static u32 random_len(u32 max_rec_text)
{
	switch (rand() % 8) {
	case 0:
		return 0;
	case 1:
		return MAX_TEXT;			/* over any limit */
	case 2:
		return max_rec_text;
	default:
		return rand() % (max_rec_text + 1);
	}
}

static void run_ring(u32 size)
{
	static char text[MAX_TEXT];
	struct printk_ringbuffer rb;
	struct prb_cursor behind, end;
	u32 max_text, len, kept;
	char *buf = malloc(size);
	u64 lost = 0, n;
	int level;
	u8 flags;

	kern_prb_init(&rb, buf, size);
	max_text = rb.size / 4 - HDR;
	if (max_text > LOG_LINE_MAX)
		max_text = LOG_LINE_MAX;
	prb_cursor_first(&rb, &behind);
	model_reset();
	for (n = 0; n < STORES; n++) {
		len = random_len(max_text);
		level = rand() % 8;
		flags = (rand() % 2 ? LOG_NEWLINE : 0) | (rand() % 3 ? 0 : LOG_CONT);
		memset(text, 'a' + n % 26, sizeof(text));
		if (len)
			text[len - 1] = '0' + n % 10;
		kept = prb_store(&rb, n * 1000, level, flags, text, len);
		EXPECT_MSG(kept == (len < max_text ? len : max_text),
			   "size %u: kept %u of %u", size, kept, len);
		model_add(n * 1000, level, flags, text, kept);
		if (!check_ring(&rb, record_size(max_text))) {
			printf("# size %u, store %llu\n", size, n);
			break;
		}
	}
	/* A cursor placed at the start catches up, counting what it lost. */
	EXPECT(prb_next(&rb, &behind, &lost) != NULL);
	EXPECT(lost == rb.first_seq && behind.seq == rb.first_seq + 1);
	prb_cursor_end(&rb, &end);
	EXPECT(prb_next(&rb, &end, NULL) == NULL);
	free(buf);
}

static void test_random_stores_small(void)
{
	run_ring(PRB_MIN_SIZE);
	run_ring(PRB_MIN_SIZE + LOG_ALIGN);
}

static void test_random_stores_odd_sizes(void)
{
	run_ring(1003);			/* rounded down to 1000 */
	run_ring(4096);
}

/* The syslog text as a separate model of prb_format(). */
static size_t model_format(const struct model_rec *m, bool *open, char *out)
{
	bool cont = (m->flags & LOG_CONT) && *open;
	size_t n = 0;

	if (!cont)
		n = sprintf(out, "%s<%d>[%5llu.%06llu] ", *open ? "\n" : "",
			    m->level, m->ts / 1000000000, m->ts % 1000000000 / 1000);
	memcpy(out + n, m->text, m->len);
	n += m->len;
	if (m->flags & LOG_NEWLINE)
		out[n++] = '\n';
	*open = !(m->flags & LOG_NEWLINE);
	return n;
}

static void test_format_against_model(void)
{
	static char text[LOG_LINE_MAX], want[PRB_TEXT_MAX], got[PRB_TEXT_MAX];
	static char ring[64 * 1024] __attribute__((aligned(8)));
	const struct printk_log *rec;
	struct printk_ringbuffer rb;
	bool open_model = false, open = false, probe;
	struct prb_cursor c;
	size_t wn, gn, cut;
	u64 n, ts;

	kern_prb_init(&rb, ring, sizeof(ring));
	model_reset();
	for (n = 0; n < 3000; n++) {
		u32 len = rand() % 200;
		u8 flags = (rand() % 2 ? LOG_NEWLINE : 0) |
			   (rand() % 2 ? LOG_CONT : 0);

		ts = (u64)rand() * rand() * (rand() % 1000 + 1);
		memset(text, 'A' + n % 26, len);
		prb_store(&rb, ts, n % 8, flags, text, len);
		model_add(ts, n % 8, flags, text, len);
	}
	prb_cursor_first(&rb, &c);
	for (n = rb.first_seq; (rec = prb_next(&rb, &c, NULL)); n++) {
		wn = model_format(&model[n], &open_model, want);
		probe = open;
		EXPECT(kern_prb_format(rec, &probe, NULL, 0) == wn);
		cut = rand() % (wn + 2);
		probe = open;
		EXPECT(kern_prb_format(rec, &probe, got, cut) == (cut < wn ? cut : wn));
		EXPECT(!memcmp(got, want, cut < wn ? cut : wn));
		gn = kern_prb_format(rec, &open, got, sizeof(got));
		EXPECT_MSG(gn == wn && !memcmp(got, want, wn), "record %llu", n);
		EXPECT(open == open_model);
	}
	model_reset();
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_random_stores_small),
		HOST_CASE(test_random_stores_odd_sizes),
		HOST_CASE(test_format_against_model),
	};

	srand(20261207);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
