/*
 * The PVH parser (kernel/pvh.c, built for the host) fed start infos
 * built here, in a buffer standing for physical memory: a well-formed
 * one, each kind of corruption the parser must refuse, and many random
 * mutations of a good one, which must never make it read outside the
 * buffer (AddressSanitizer watches) nor return pointers outside it.
 */
#include <stdlib.h>
#include <string.h>

#define pvh_parse kern_pvh_parse
#define multiboot_usable_bytes kern_multiboot_usable_bytes
#include <asm/pvh.h>
#include <linux/errno.h>

#include "ktap.h"

/* Physical memory [0, MEM_SIZE) and where the good start info puts things. */
#define MEM_SIZE	0x10000
#define SI_ADDR		0x1000
#define MEMMAP_ADDR	0x2000
#define MODLIST_ADDR	0x3000
#define CMDLINE_ADDR	0x4000
#define RSDP_ADDR	0x5000

static union {
	unsigned char bytes[MEM_SIZE];
	unsigned long long align;
} mem;

static struct multiboot_info info;

static struct hvm_start_info *start_info(void)
{
	return (struct hvm_start_info *)(mem.bytes + SI_ADDR);
}

static void put_memmap(u32 n)
{
	struct hvm_memmap_table_entry e = { 0 };
	u32 i;

	for (i = 0; i < n; i++) {
		e.addr = (u64)i << 20;
		e.size = 0x10000;
		e.type = i % 2 ? MULTIBOOT_MEMORY_RESERVED : MULTIBOOT_MEMORY_AVAILABLE;
		memcpy(mem.bytes + MEMMAP_ADDR + i * sizeof(e), &e, sizeof(e));
	}
	start_info()->memmap_paddr = MEMMAP_ADDR;
	start_info()->memmap_entries = n;
}

static void put_module(u32 i, u64 paddr, u64 size)
{
	struct hvm_modlist_entry m = { .paddr = paddr, .size = size };

	memcpy(mem.bytes + MODLIST_ADDR + i * sizeof(m), &m, sizeof(m));
	start_info()->modlist_paddr = MODLIST_ADDR;
	start_info()->nr_modules = i + 1;
}

/* QEMU's: a memory map, the initrd, a command line, an ACPI 2.0 RSDP. */
static void good_start_info(void)
{
	unsigned char rsdp[36] = "RSD PTR ";

	memset(&mem, 0, sizeof(mem));
	start_info()->magic = XEN_HVM_START_MAGIC_VALUE;
	start_info()->version = 1;
	put_memmap(6);
	put_module(0, 0x200000, 0x80000);
	put_module(1, 0x300000, 0x1000);
	strcpy((char *)mem.bytes + CMDLINE_ADDR, "ktest=all loglevel=7");
	start_info()->cmdline_paddr = CMDLINE_ADDR;
	rsdp[15] = 2;
	memcpy(mem.bytes + RSDP_ADDR, rsdp, sizeof(rsdp));
	start_info()->rsdp_paddr = RSDP_ADDR;
}

static int parse(void)
{
	return kern_pvh_parse(mem.bytes, MEM_SIZE, SI_ADDR, &info);
}

static void test_good_start_info(void)
{
	good_start_info();
	EXPECT(parse() == 0);
	EXPECT(info.total_size == sizeof(struct hvm_start_info));
	EXPECT(info.nr_mmap == 6);
	EXPECT(info.mmap[5].addr == 5ULL << 20 && info.mmap[5].len == 0x10000);
	EXPECT(info.mmap[5].type == MULTIBOOT_MEMORY_RESERVED);
	EXPECT(info.mmap[4].type == MULTIBOOT_MEMORY_AVAILABLE);
	EXPECT(kern_multiboot_usable_bytes(&info) == 3 * 0x10000);
	EXPECT(info.nr_modules == 2);
	EXPECT(info.modules[0].mod_start == 0x200000);
	EXPECT(info.modules[0].mod_end == 0x280000);
	EXPECT(!strcmp(info.modules[0].string, "initrd"));
	EXPECT(!strcmp(info.modules[1].string, ""));
	/* The command line is a copy: the loader's memory may be reused. */
	EXPECT(!strcmp(info.cmdline, "ktest=all loglevel=7"));
	EXPECT(info.cmdline == info.cmdline_copy);
	EXPECT(info.loader_name == NULL);
	EXPECT((const unsigned char *)info.rsdp == mem.bytes + RSDP_ADDR);
	EXPECT(info.rsdp_size == 36);

	mem.bytes[RSDP_ADDR + 15] = 0;		/* ACPI 1.0: 20 bytes */
	EXPECT(parse() == 0 && info.rsdp_size == 20);
}

/* Without a command line, modules or an RSDP, which are all optional. */
static void test_optional_parts_missing(void)
{
	good_start_info();
	start_info()->cmdline_paddr = 0;
	start_info()->rsdp_paddr = 0;
	start_info()->nr_modules = 0;
	start_info()->modlist_paddr = 0;
	EXPECT(parse() == 0);
	EXPECT(!strcmp(info.cmdline, ""));
	EXPECT(info.rsdp == NULL && info.rsdp_size == 0);
	EXPECT(info.nr_modules == 0 && info.nr_mmap == 6);
}

/* A line longer than the copy holds is cut, not refused. */
static void test_long_cmdline_cut(void)
{
	good_start_info();
	memset(mem.bytes + CMDLINE_ADDR, 'x', 5000);
	mem.bytes[CMDLINE_ADDR + 5000] = '\0';
	EXPECT(parse() == 0);
	EXPECT(strlen(info.cmdline) == PVH_CMDLINE_MAX - 1);
}

static int parse_with(void (*corrupt)(void))
{
	good_start_info();
	corrupt();
	return parse();
}

static void bad_magic(void) { start_info()->magic ^= 1; }
static void version_0(void) { start_info()->version = 0; }
static void no_memmap(void) { start_info()->memmap_entries = 0; }
static void memmap_past_end(void) { start_info()->memmap_paddr = MEM_SIZE - 24; }
static void memmap_far_away(void) { start_info()->memmap_paddr = ~0ULL - 8; }
static void too_many_entries(void) { put_memmap(MULTIBOOT_MAX_MMAP + 1); }
static void modlist_past_end(void) { start_info()->modlist_paddr = MEM_SIZE - 32; }
static void too_many_modules(void) { start_info()->nr_modules = MULTIBOOT_MAX_MODULES + 1; }
static void module_above_4g(void) { put_module(0, 0x100000000ULL, 0x1000); }
static void module_wraps_4g(void) { put_module(0, 0xfffff000, 0x2000); }
static void module_size_huge(void) { put_module(0, 0x1000, ~0ULL); }
static void cmdline_past_end(void) { start_info()->cmdline_paddr = MEM_SIZE; }
static void cmdline_unterminated(void)
{
	memset(mem.bytes + MEM_SIZE - 100, 'x', 100);
	start_info()->cmdline_paddr = MEM_SIZE - 100;
}
static void rsdp_past_end(void) { start_info()->rsdp_paddr = MEM_SIZE - 10; }
static void rsdp_v2_cut(void)
{
	mem.bytes[MEM_SIZE - 20 + 15] = 2;	/* says 36 bytes, 20 are left */
	start_info()->rsdp_paddr = MEM_SIZE - 20;
}

static void test_corrupt_start_infos(void)
{
	EXPECT(parse_with(bad_magic) == -EINVAL);
	EXPECT(parse_with(version_0) == -EINVAL);
	EXPECT(parse_with(no_memmap) == -EINVAL);
	EXPECT(parse_with(memmap_past_end) == -EINVAL);
	EXPECT(parse_with(memmap_far_away) == -EINVAL);
	EXPECT(parse_with(too_many_entries) == -E2BIG);
	EXPECT(parse_with(modlist_past_end) == -EINVAL);
	EXPECT(parse_with(too_many_modules) == -E2BIG);
	EXPECT(parse_with(module_above_4g) == -EINVAL);
	EXPECT(parse_with(module_wraps_4g) == -EINVAL);
	EXPECT(parse_with(module_size_huge) == -EINVAL);
	EXPECT(parse_with(cmdline_past_end) == -EINVAL);
	EXPECT(parse_with(cmdline_unterminated) == -EINVAL);
	EXPECT(parse_with(rsdp_past_end) == -EINVAL);
	EXPECT(parse_with(rsdp_v2_cut) == -EINVAL);

	/* The start info itself outside the window, or cut by its end. */
	good_start_info();
	EXPECT(kern_pvh_parse(mem.bytes, MEM_SIZE, MEM_SIZE, &info) == -EINVAL);
	EXPECT(kern_pvh_parse(mem.bytes, MEM_SIZE, ~0ULL, &info) == -EINVAL);
	memcpy(mem.bytes + MEM_SIZE - 40, start_info(), 40);	/* version 1 needs 56 */
	EXPECT(kern_pvh_parse(mem.bytes, MEM_SIZE, MEM_SIZE - 40, &info) == -EINVAL);
	EXPECT(kern_pvh_parse(mem.bytes, SI_ADDR + 16, SI_ADDR, &info) == -EINVAL);
}

/* Is p NULL or inside the len bytes at base? */
static int null_or_inside(const void *p, const void *base, unsigned int len)
{
	return !p || ((const char *)p >= (const char *)base &&
		      (const char *)p < (const char *)base + len);
}

/*
 * Random byte flips in the start info, the map and the module list: errors
 * are fine, reads outside the window are not.
 */
static void test_random_mutations(void)
{
	static const unsigned int regions[] = { SI_ADDR, MEMMAP_ADDR, MODLIST_ADDR };
	unsigned char *copy;
	unsigned int i, r, ok = 0, at;

	for (r = 0; r < 20000; r++) {
		good_start_info();
		for (i = 0; i < 1 + r % 4; i++) {
			at = regions[rand() % 3] + rand() % 64;
			mem.bytes[at] = rand();
		}
		/* An exact-size heap copy, so ASan catches any overrun. */
		copy = malloc(MEM_SIZE);
		memcpy(copy, mem.bytes, MEM_SIZE);
		if (kern_pvh_parse(copy, MEM_SIZE, SI_ADDR, &info) == 0) {
			ok++;
			EXPECT(info.cmdline == info.cmdline_copy || !info.cmdline[0]);
			EXPECT(strlen(info.cmdline) < PVH_CMDLINE_MAX);
			EXPECT(null_or_inside(info.rsdp, copy, MEM_SIZE));
			EXPECT(info.nr_mmap >= 1 && info.nr_mmap <= MULTIBOOT_MAX_MMAP);
			EXPECT(info.nr_modules <= MULTIBOOT_MAX_MODULES);
			for (i = 0; i < info.nr_modules; i++)
				EXPECT(info.modules[i].mod_end >= info.modules[i].mod_start);
		}
		free(copy);
	}
	printf("# %u of 20000 mutated start infos still parsed\n", ok);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_good_start_info),
		HOST_CASE(test_optional_parts_missing),
		HOST_CASE(test_long_cmdline_cut),
		HOST_CASE(test_corrupt_start_infos),
		HOST_CASE(test_random_mutations),
	};

	srand(4243);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
