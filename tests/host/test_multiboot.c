/*
 * The multiboot2 parser (kernel/multiboot.c, built for the host) fed
 * boot information built here: a well-formed list, each kind of
 * corruption the parser must refuse, and many random mutations of a good
 * list, which must never make it read outside the buffer (AddressSanitizer
 * watches) nor return pointers outside it.
 */
#include <stdlib.h>
#include <string.h>

#define multiboot_parse kern_multiboot_parse
#define multiboot_usable_bytes kern_multiboot_usable_bytes
#define multiboot_mmap_type_name kern_multiboot_mmap_type_name
#include <asm/multiboot2.h>
#include <linux/errno.h>

#include "ktap.h"

/* A boot information list under construction, 8-byte aligned. */
struct mbi {
	union {
		unsigned char bytes[8192];
		unsigned long long align;
	};
	unsigned int len;
};

static void mbi_begin(struct mbi *m)
{
	memset(m, 0, sizeof(*m));
	m->len = 8;
}

static unsigned char *mbi_tag(struct mbi *m, u32 type, u32 size)
{
	unsigned char *tag = m->bytes + m->len;

	memcpy(tag, &type, 4);
	memcpy(tag + 4, &size, 4);
	m->len += (size + 7) & ~7u;
	return tag;
}

static void mbi_string_tag(struct mbi *m, u32 type, const char *s)
{
	memcpy(mbi_tag(m, type, 8 + strlen(s) + 1) + 8, s, strlen(s) + 1);
}

static void mbi_module(struct mbi *m, u32 start, u32 end, const char *s)
{
	unsigned char *tag = mbi_tag(m, MULTIBOOT_TAG_TYPE_MODULE,
				     16 + strlen(s) + 1);

	memcpy(tag + 8, &start, 4);
	memcpy(tag + 12, &end, 4);
	memcpy(tag + 16, s, strlen(s) + 1);
}

/* A memory map of n entries of entry_size bytes: 1 MiB apart, 64 KiB each. */
static void mbi_mmap(struct mbi *m, u32 n, u32 entry_size)
{
	unsigned char *tag = mbi_tag(m, MULTIBOOT_TAG_TYPE_MMAP, 16 + n * entry_size);
	struct multiboot_mmap_entry e = { 0 };
	u32 i, version = 0;

	memcpy(tag + 8, &entry_size, 4);
	memcpy(tag + 12, &version, 4);
	for (i = 0; i < n; i++) {
		e.addr = (u64)i << 20;
		e.len = 0x10000;
		e.type = i % 2 ? MULTIBOOT_MEMORY_RESERVED : MULTIBOOT_MEMORY_AVAILABLE;
		memcpy(tag + 16 + i * entry_size, &e, sizeof(e));
	}
}

static void mbi_end(struct mbi *m)
{
	mbi_tag(m, MULTIBOOT_TAG_TYPE_END, 8);
	memcpy(m->bytes, &m->len, 4);
}

static void good_list(struct mbi *m)
{
	unsigned char rsdp[36] = "RSD PTR ";

	mbi_begin(m);
	mbi_string_tag(m, MULTIBOOT_TAG_TYPE_CMDLINE, "ktest=all loglevel=7");
	mbi_string_tag(m, MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME, "GRUB 2.06");
	mbi_module(m, 0x200000, 0x280000, "initrd");
	mbi_mmap(m, 6, 24);
	memcpy(mbi_tag(m, MULTIBOOT_TAG_TYPE_ACPI_OLD, 8 + 20) + 8, rsdp, 20);
	rsdp[15] = 2;
	memcpy(mbi_tag(m, MULTIBOOT_TAG_TYPE_ACPI_NEW, 8 + 36) + 8, rsdp, 36);
	mbi_tag(m, 42, 12);			/* unknown tags are skipped */
	mbi_end(m);
}

static struct multiboot_info info;

static void test_good_list(void)
{
	struct mbi m;

	good_list(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == 0);
	EXPECT(info.total_size == m.len);
	EXPECT(!strcmp(info.cmdline, "ktest=all loglevel=7"));
	EXPECT(!strcmp(info.loader_name, "GRUB 2.06"));
	EXPECT(info.nr_modules == 1);
	EXPECT(info.modules[0].mod_start == 0x200000);
	EXPECT(info.modules[0].mod_end == 0x280000);
	EXPECT(!strcmp(info.modules[0].string, "initrd"));
	EXPECT(info.nr_mmap == 6);
	EXPECT(info.mmap[5].addr == 5ULL << 20 && info.mmap[5].len == 0x10000);
	EXPECT(kern_multiboot_usable_bytes(&info) == 3 * 0x10000);
	EXPECT(info.rsdp_size == 36);		/* the 2.0 copy wins */
	EXPECT(((const unsigned char *)info.rsdp)[15] == 2);
	EXPECT(!strcmp(kern_multiboot_mmap_type_name(3), "ACPI data"));

	/* Larger map entries (a newer entry_version) are stepped over. */
	mbi_begin(&m);
	mbi_mmap(&m, 3, 40);
	mbi_end(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == 0);
	EXPECT(info.nr_mmap == 3 && info.mmap[2].addr == 2ULL << 20);
	EXPECT(!strcmp(info.cmdline, ""));	/* no command-line tag */
	EXPECT(info.loader_name == NULL && info.rsdp == NULL);
}

static int parse_with(void (*corrupt)(struct mbi *))
{
	struct mbi m;

	good_list(&m);
	corrupt(&m);
	return kern_multiboot_parse(m.bytes, m.len, &info);
}

static void set32(struct mbi *m, unsigned int off, u32 v)
{
	memcpy(m->bytes + off, &v, 4);
}

/* Offsets in good_list(): the command-line tag is the first, at 8. */
static void total_too_small(struct mbi *m) { set32(m, 0, 8); }
static void total_past_buffer(struct mbi *m) { set32(m, 0, m->len + 8); }
static void tag_too_short(struct mbi *m) { set32(m, 12, 4); }
static void tag_runs_past_end(struct mbi *m) { set32(m, 12, m->len); }
static void cmdline_unterminated(struct mbi *m) { memset(m->bytes + 16, 'x', 21); }
static void end_tag_missing(struct mbi *m) { set32(m, m->len - 8, 42); }
static void end_tag_wrong_size(struct mbi *m) { set32(m, m->len - 4, 16); m->len += 8; set32(m, 0, m->len); }

static void test_corrupt_lists(void)
{
	struct mbi m;

	EXPECT(parse_with(total_too_small) == -EINVAL);
	EXPECT(parse_with(total_past_buffer) == -EINVAL);
	EXPECT(parse_with(tag_too_short) == -EINVAL);
	EXPECT(parse_with(tag_runs_past_end) == -EINVAL);
	EXPECT(parse_with(cmdline_unterminated) == -EINVAL);
	EXPECT(parse_with(end_tag_missing) == -EINVAL);
	EXPECT(parse_with(end_tag_wrong_size) == -EINVAL);

	good_list(&m);
	EXPECT(kern_multiboot_parse(m.bytes + 4, m.len, &info) == -EINVAL);	/* misaligned */
	EXPECT(kern_multiboot_parse(m.bytes, 12, &info) == -EINVAL);
	EXPECT(kern_multiboot_parse(NULL, 64, &info) == -EINVAL);

	mbi_begin(&m);				/* map entries too small */
	mbi_mmap(&m, 2, 20);
	mbi_end(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == -EINVAL);
	mbi_begin(&m);				/* more entries than kept */
	mbi_mmap(&m, MULTIBOOT_MAX_MMAP + 1, 24);
	mbi_end(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == -E2BIG);
	mbi_begin(&m);				/* module ends before it starts */
	mbi_module(&m, 0x300000, 0x200000, "bad");
	mbi_end(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == -EINVAL);
	mbi_begin(&m);				/* RSDP copy too short */
	mbi_tag(&m, MULTIBOOT_TAG_TYPE_ACPI_NEW, 8 + 20);
	mbi_end(&m);
	EXPECT(kern_multiboot_parse(m.bytes, m.len, &info) == -EINVAL);
}

/* Is p NULL or inside the len bytes at base? */
static int null_or_inside(const void *p, const void *base, unsigned int len)
{
	return !p || ((const char *)p >= (const char *)base &&
		      (const char *)p < (const char *)base + len);
}

/* Random byte flips of a good list: errors are fine, wild reads are not. */
static void test_random_mutations(void)
{
	struct mbi m;
	unsigned char *copy;
	unsigned int i, r, ok = 0;

	for (r = 0; r < 20000; r++) {
		good_list(&m);
		for (i = 0; i < 1 + r % 4; i++)
			m.bytes[rand() % m.len] = rand();
		/* An exact-size heap copy, so ASan catches any overrun. */
		copy = malloc(m.len);
		memcpy(copy, m.bytes, m.len);
		if (kern_multiboot_parse(copy, m.len, &info) == 0) {
			ok++;
			EXPECT(info.total_size <= m.len);
			EXPECT(!info.cmdline[0] ||
			       null_or_inside(info.cmdline, copy, m.len));
			EXPECT(null_or_inside(info.loader_name, copy, m.len));
			EXPECT(null_or_inside(info.rsdp, copy, m.len));
			EXPECT(info.nr_mmap <= MULTIBOOT_MAX_MMAP);
		}
		free(copy);
	}
	printf("# %u of 20000 mutated lists still parsed\n", ok);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_good_list),
		HOST_CASE(test_corrupt_lists),
		HOST_CASE(test_random_mutations),
	};

	srand(4242);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
