/*
 * The cpio "newc" parser (fs/cpio.c, built for the host) fed archives
 * built here: a good archive entry by entry, names and data of every
 * length mod 4 (the padding rules), each kind of corruption the parser
 * must refuse (magic, hex digits, name size and termination, ".."
 * components, sizes running past the end, a missing trailer), every
 * truncation of a good archive, and random mutations, which must never
 * make it read outside the buffer (AddressSanitizer watches: every
 * archive is parsed from an exact-size heap copy) nor return pointers
 * outside it.
 */
#include <stdio.h>
#include <string.h>

/*
 * Not <stdlib.h>: it brings glibc's loff_t and dev_t, whose types differ
 * from linux/types.h's.
 */
void *malloc(size_t size);
void free(void *p);
int rand(void);
void srand(unsigned int seed);

#define cpio_reader_init kern_cpio_reader_init
#define cpio_next kern_cpio_next
#define cpio_validate kern_cpio_validate
#include <linux/errno.h>
#include <linux/initrd.h>
#include <uapi/linux/stat.h>

#include "ktap.h"

#define ARCHIVE_MAX	65536

struct archive {
	unsigned char bytes[ARCHIVE_MAX];
	size_t len;
};

/* Append a header with these fields (namesize given separately). */
static void put_header(struct archive *a, u32 mode, u32 filesize,
		       u32 namesize, u32 mtime)
{
	char h[CPIO_HEADER_SIZE + 1];

	snprintf(h, sizeof(h),
		 "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		 42, mode, 1000, 100, 1, mtime, filesize, 8, 1, 5, 7,
		 namesize, 0);
	memcpy(a->bytes + a->len, h, CPIO_HEADER_SIZE);
	a->len += CPIO_HEADER_SIZE;
}

static void pad4(struct archive *a)
{
	while (a->len % 4)
		a->bytes[a->len++] = 0;
}

static void add(struct archive *a, const char *name, u32 mode,
		const void *data, u32 size)
{
	u32 namesize = strlen(name) + 1;

	put_header(a, mode, size, namesize, 1234);
	memcpy(a->bytes + a->len, name, namesize);
	a->len += namesize;
	pad4(a);
	if (size)
		memcpy(a->bytes + a->len, data, size);
	a->len += size;
	pad4(a);
}

static void trailer(struct archive *a)
{
	add(a, CPIO_TRAILER, 0, NULL, 0);
}

static void good_archive(struct archive *a)
{
	memset(a, 0, sizeof(*a));
	add(a, ".", S_IFDIR | 0755, NULL, 0);
	add(a, "bin", S_IFDIR | 0755, NULL, 0);
	add(a, "bin/sh", S_IFREG | 0755, "#!shell", 7);
	add(a, "./etc/motd", S_IFREG | 0644, "hello, world\n", 13);
	trailer(a);
}

/* Parse an exact-size heap copy of buf[0..len). */
static int validate(const void *buf, size_t len)
{
	void *copy = malloc(len ? len : 1);
	int ret;

	if (len)
		memcpy(copy, buf, len);
	ret = kern_cpio_validate(copy, len);
	free(copy);
	return ret;
}

static void test_good_archive(void)
{
	struct archive a;
	struct cpio_reader r;
	struct cpio_entry e;

	good_archive(&a);
	EXPECT(validate(a.bytes, a.len) == 4);
	kern_cpio_reader_init(&r, a.bytes, a.len);
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(!strcmp(e.name, ".") && e.namesize == 2 && S_ISDIR(e.mode));
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(!strcmp(e.name, "bin") && e.filesize == 0);
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(!strcmp(e.name, "bin/sh") && e.mode == (S_IFREG | 0755));
	EXPECT(e.filesize == 7 && !memcmp(e.data, "#!shell", 7));
	EXPECT(((const unsigned char *)e.data - a.bytes) % 4 == 0);
	EXPECT(e.ino == 42 && e.uid == 1000 && e.gid == 100 && e.nlink == 1);
	EXPECT(e.mtime == 1234 && e.devmajor == 8 && e.devminor == 1);
	EXPECT(e.rdevmajor == 5 && e.rdevminor == 7);
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(!strcmp(e.name, "./etc/motd") && e.filesize == 13);
	EXPECT(!memcmp(e.data, "hello, world\n", 13));
	EXPECT(kern_cpio_next(&r, &e) == 0);		/* the trailer */
	EXPECT(kern_cpio_next(&r, &e) == 0);		/* and it stays there */

	/* Only a trailer: no entries.  Bytes after the trailer are ignored. */
	memset(&a, 0, sizeof(a));
	trailer(&a);
	EXPECT(validate(a.bytes, a.len) == 0);
	memset(a.bytes + a.len, 0xee, 512);
	EXPECT(validate(a.bytes, a.len + 512) == 0);
	/* Upper-case hex digits are hex digits too. */
	good_archive(&a);
	memcpy(a.bytes + 6 + 8, "000041ED", 8);		/* mode of "." */
	EXPECT(validate(a.bytes, a.len) == 4);
}

static void test_padding_every_length(void)
{
	static const char name[] = "abcdefghij";
	unsigned char data[16];
	struct cpio_reader r;
	struct cpio_entry e;
	struct archive a;
	int nl, dl, n;

	memset(data, 'd', sizeof(data));
	for (nl = 1; nl <= 9; nl++) {
		for (dl = 0; dl <= 9; dl++) {
			char nm[16];

			memset(&a, 0, sizeof(a));
			memcpy(nm, name, nl);
			nm[nl] = '\0';
			add(&a, nm, S_IFREG | 0644, data, dl);
			add(&a, "next", S_IFREG | 0644, "x", 1);
			trailer(&a);
			EXPECT_MSG(validate(a.bytes, a.len) == 2,
				   "name %d, data %d", nl, dl);
			kern_cpio_reader_init(&r, a.bytes, a.len);
			n = kern_cpio_next(&r, &e);
			EXPECT(n == 1 && (int)e.filesize == dl);
			EXPECT(((const unsigned char *)e.data - a.bytes) % 4 == 0);
			n = kern_cpio_next(&r, &e);
			EXPECT(n == 1 && !strcmp(e.name, "next"));
		}
	}
}

/* Build the good archive, let corrupt() change it, and validate it. */
static int validate_with(void (*corrupt)(struct archive *))
{
	struct archive a;

	good_archive(&a);
	corrupt(&a);
	return validate(a.bytes, a.len);
}

/* "bin/sh" is the third entry: 112 bytes for ".", 116 for "bin". */
#define SH_OFF	(112 + 116)

static void bad_magic(struct archive *a) { a->bytes[SH_OFF + 5] = '2'; }
static void bad_hex_mode(struct archive *a) { a->bytes[SH_OFF + 6 + 8 + 7] = 'x'; }
static void bad_hex_space(struct archive *a) { a->bytes[SH_OFF + 6] = ' '; }
static void bad_hex_check(struct archive *a) { a->bytes[SH_OFF + 6 + 8 * 12] = 'G'; }
static void no_trailer(struct archive *a) { a->len -= 124; }
static void trailer_mangled(struct archive *a) { a->bytes[a->len - 124 + 110] = 't'; }
static void filesize_huge(struct archive *a) { memcpy(a->bytes + SH_OFF + 6 + 8 * 6, "ffffffff", 8); }
static void filesize_past_end(struct archive *a) { memcpy(a->bytes + SH_OFF + 6 + 8 * 6, "00001000", 8); }
static void namesize_huge(struct archive *a) { memcpy(a->bytes + SH_OFF + 6 + 8 * 11, "ffffffff", 8); }
static void namesize_zero(struct archive *a) { memcpy(a->bytes + SH_OFF + 6 + 8 * 11, "00000000", 8); }
static void namesize_one(struct archive *a) { memcpy(a->bytes + SH_OFF + 6 + 8 * 11, "00000001", 8); }
static void name_unterminated(struct archive *a) { a->bytes[SH_OFF + 110 + 6] = 'x'; }
static void name_inner_nul(struct archive *a) { a->bytes[SH_OFF + 110 + 2] = '\0'; }

static void test_corrupt_archives(void)
{
	EXPECT(validate_with(bad_magic) == -EINVAL);
	EXPECT(validate_with(bad_hex_mode) == -EINVAL);
	EXPECT(validate_with(bad_hex_space) == -EINVAL);
	EXPECT(validate_with(bad_hex_check) == -EINVAL);
	EXPECT(validate_with(no_trailer) == -EINVAL);
	EXPECT(validate_with(trailer_mangled) == -EINVAL);
	EXPECT(validate_with(filesize_huge) == -EINVAL);
	EXPECT(validate_with(filesize_past_end) == -EINVAL);
	EXPECT(validate_with(namesize_huge) == -EINVAL);
	EXPECT(validate_with(namesize_zero) == -EINVAL);
	EXPECT(validate_with(namesize_one) == -EINVAL);
	EXPECT(validate_with(name_unterminated) == -EINVAL);
	EXPECT(validate_with(name_inner_nul) == -EINVAL);
	EXPECT(validate(NULL, 0) == -EINVAL);
}

static void test_error_offset(void)
{
	struct cpio_reader r;
	struct cpio_entry e;
	struct archive a;

	good_archive(&a);
	bad_magic(&a);
	kern_cpio_reader_init(&r, a.bytes, a.len);
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(kern_cpio_next(&r, &e) == 1);
	EXPECT(kern_cpio_next(&r, &e) == -EINVAL);
	EXPECT(r.off == SH_OFF);		/* where the bad header is */
}

static int validate_name(const char *name)
{
	struct archive a;

	memset(&a, 0, sizeof(a));
	add(&a, name, S_IFREG | 0644, "x", 1);
	trailer(&a);
	return validate(a.bytes, a.len);
}

static void test_names(void)
{
	char *longname = malloc(CPIO_NAME_MAX + 1);

	EXPECT(validate_name("..") == -EINVAL);
	EXPECT(validate_name("../x") == -EINVAL);
	EXPECT(validate_name("a/..") == -EINVAL);
	EXPECT(validate_name("a/../b") == -EINVAL);
	EXPECT(validate_name("/..") == -EINVAL);
	EXPECT(validate_name("..a") == 1);
	EXPECT(validate_name("a..") == 1);
	EXPECT(validate_name("a/..b/c..") == 1);
	EXPECT(validate_name("...") == 1);
	memset(longname, 'n', CPIO_NAME_MAX);
	longname[CPIO_NAME_MAX - 1] = '\0';	/* namesize CPIO_NAME_MAX: fine */
	EXPECT(validate_name(longname) == 1);
	longname[CPIO_NAME_MAX - 1] = 'n';
	longname[CPIO_NAME_MAX] = '\0';		/* one more: too long */
	EXPECT(validate_name(longname) == -EINVAL);
	free(longname);
}

static void test_every_truncation(void)
{
	struct archive a;
	size_t len;
	int bad = 0;

	good_archive(&a);
	/* Up to the trailer's name, a cut archive has no trailer. */
	for (len = 0; len < a.len - 124 + 110 + 11; len++)
		if (validate(a.bytes, len) != -EINVAL)
			bad++;
	EXPECT_MSG(bad == 0, "%d truncated archives accepted", bad);
	/* The trailer's own padding may be missing. */
	EXPECT(validate(a.bytes, a.len - 124 + 110 + 11) == 4);
}

/* Is p inside the len bytes at base? */
static int inside(const void *p, size_t n, const void *base, size_t len)
{
	const unsigned char *c = p, *b = base;

	return c >= b && c <= b + len && n <= (size_t)(b + len - c);
}

static void test_random_mutations(void)
{
	struct cpio_reader r;
	struct cpio_entry e;
	struct archive a;
	unsigned char *copy;
	unsigned int i, round, ok = 0;
	static const char hexish[] = "0123456789abcdefxF0";

	for (round = 0; round < 20000; round++) {
		good_archive(&a);
		for (i = 0; i < 1 + round % 4; i++) {
			size_t at = rand() % a.len;

			/* Mostly plausible digits, so parsing goes deep. */
			a.bytes[at] = round % 3 ? hexish[rand() % 19] : rand();
		}
		copy = malloc(a.len);
		memcpy(copy, a.bytes, a.len);
		kern_cpio_reader_init(&r, copy, a.len);
		while (kern_cpio_next(&r, &e) == 1) {
			EXPECT(inside(e.name, e.namesize, copy, a.len));
			EXPECT(e.name[e.namesize - 1] == '\0');
			EXPECT(inside(e.data, e.filesize, copy, a.len));
			EXPECT(r.off <= a.len);
		}
		if (kern_cpio_validate(copy, a.len) >= 0)
			ok++;
		free(copy);
	}
	printf("# %u of 20000 mutated archives still parsed\n", ok);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_good_archive),
		HOST_CASE(test_padding_every_length),
		HOST_CASE(test_corrupt_archives),
		HOST_CASE(test_error_offset),
		HOST_CASE(test_names),
		HOST_CASE(test_every_truncation),
		HOST_CASE(test_random_mutations),
	};

	srand(1234);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
