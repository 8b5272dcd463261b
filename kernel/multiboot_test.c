/*
 * Tests of what the boot loader handed over (suite "multiboot"), GRUB's
 * multiboot2 information or a PVH start info (QEMU's -kernel), both
 * turned into boot_info.
 *
 * The test harness passes ktest_ram=MIB, the RAM it gave QEMU, and ends
 * the command line with ktest_sum=CRC, the CRC-32 of everything before
 * " ktest_sum=", so the kernel can check the line arrived intact.
 */
#include <asm/cmdline.h>
#include <asm/page.h>
#include <asm/pvh.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <kunit/test.h>
#include <linux/crc32.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

static void multiboot_memory_map_covers_ram(struct kunit *test)
{
	char val[32];
	unsigned long ram_mib;
	u64 ram, usable = multiboot_usable_bytes(&boot_info);

	if (cmdline_find_option(boot_command_line, "ktest_ram", val,
				sizeof(val)) < 0 ||
	    kstrtoul(val, 10, &ram_mib))
		kunit_skip(test, "no ktest_ram=MIB on the command line");
	ram = (u64)ram_mib << 20;
	kunit_info(test, "QEMU RAM %llu KiB, usable in the map %llu KiB",
		   (unsigned long long)ram >> 10,
		   (unsigned long long)usable >> 10);
	KUNIT_EXPECT_LE(test, usable, ram);
	KUNIT_EXPECT_GE(test, usable, ram - SZ_1M);
}

static void multiboot_memory_map_is_sane(struct kunit *test)
{
	const struct multiboot_mmap_entry *e = boot_info.mmap;
	bool kernel_in_usable = false;
	u64 kstart = __pa_symbol(_text), kend = __pa_symbol(_end);
	unsigned int i;

	KUNIT_ASSERT_GT(test, boot_info.nr_mmap, 1);
	for (i = 0; i < boot_info.nr_mmap; i++) {
		KUNIT_EXPECT_GT(test, e[i].len, 0);
		if (i > 0)	/* sorted, no overlap */
			KUNIT_EXPECT_GE(test, e[i].addr, e[i - 1].addr + e[i - 1].len);
		if (e[i].type == MULTIBOOT_MEMORY_AVAILABLE &&
		    e[i].addr <= kstart && kend <= e[i].addr + e[i].len)
			kernel_in_usable = true;
	}
	/* Conventional memory starts at 0; the kernel sits in usable RAM. */
	KUNIT_EXPECT_EQ(test, e[0].addr, 0);
	KUNIT_EXPECT_EQ(test, e[0].type, MULTIBOOT_MEMORY_AVAILABLE);
	KUNIT_EXPECT_TRUE(test, kernel_in_usable);
}

static void multiboot_cmdline_intact(struct kunit *test)
{
	const char *line = boot_info.cmdline, *tail;
	unsigned long sum;
	u32 crc;

	tail = strstr(line, " ktest_sum=");
	if (!tail)
		kunit_skip(test, "no ktest_sum= on the command line");
	KUNIT_ASSERT_EQ(test, kstrtoul(tail + 11, 16, &sum), 0);
	crc = ~crc32_le(~0U, line, tail - line);
	KUNIT_EXPECT_EQ(test, crc, (u32)sum);
	/* The kernel's copy is the same line. */
	KUNIT_EXPECT_STREQ(test, boot_command_line, line);
}

static void multiboot_loader_and_acpi(struct kunit *test)
{
	const u8 *rsdp = boot_info.rsdp;
	u8 sum = 0;
	int i;

	if (boot_protocol == BOOT_PVH) {	/* PVH names no loader */
		KUNIT_EXPECT_NULL(test, boot_info.loader_name);
	} else {
		KUNIT_ASSERT_NOT_NULL(test, boot_info.loader_name);
		KUNIT_EXPECT_EQ(test, strncmp(boot_info.loader_name, "GRUB", 4), 0);
	}
	KUNIT_ASSERT_NOT_NULL(test, rsdp);
	KUNIT_ASSERT_GE(test, boot_info.rsdp_size, 20);
	KUNIT_EXPECT_MEMEQ(test, rsdp, "RSD PTR ", 8);
	for (i = 0; i < 20; i++)	/* ACPI: the first 20 bytes sum to 0 */
		sum += rsdp[i];
	KUNIT_EXPECT_EQ(test, sum, 0);
}

/*
 * The PVH parser on a copy of the real start info (its addresses still
 * point at the loader's memory map and command line), then corrupted.
 */
static void pvh_rejects_corruption(struct kunit *test)
{
	static struct hvm_start_info copy;
	static struct multiboot_info info;
	const void *mem = phys_to_virt(0);
	u64 at = __pa_symbol(&copy);

	memcpy(&copy, phys_to_virt(boot_mbi_phys), sizeof(copy));
	KUNIT_EXPECT_EQ(test, pvh_parse(mem, EARLY_DIRECT_MAP_SIZE, at, &info), 0);
	KUNIT_EXPECT_EQ(test, info.nr_mmap, boot_info.nr_mmap);
	KUNIT_EXPECT_STREQ(test, info.cmdline, boot_info.cmdline);

	copy.memmap_paddr = EARLY_DIRECT_MAP_SIZE - 8;	/* map past the window */
	KUNIT_EXPECT_EQ(test, pvh_parse(mem, EARLY_DIRECT_MAP_SIZE, at, &info),
			-EINVAL);
	copy.version = 0;				/* no memory map */
	KUNIT_EXPECT_EQ(test, pvh_parse(mem, EARLY_DIRECT_MAP_SIZE, at, &info),
			-EINVAL);
	copy.magic = 0;
	KUNIT_EXPECT_EQ(test, pvh_parse(mem, EARLY_DIRECT_MAP_SIZE, at, &info),
			-EINVAL);
}

/* The parser on a corrupted copy of the real boot information. */
static void multiboot_rejects_corruption(struct kunit *test)
{
	static u64 copy[4096 / 8];
	static struct multiboot_info info;
	u32 total = boot_info.total_size, bad;

	if (boot_protocol == BOOT_PVH) {
		pvh_rejects_corruption(test);
		return;
	}
	KUNIT_ASSERT_LE(test, total, sizeof(copy));
	memcpy(copy, phys_to_virt(boot_mbi_phys), total);
	KUNIT_EXPECT_EQ(test, multiboot_parse(copy, total, &info), 0);
	KUNIT_EXPECT_EQ(test, info.nr_mmap, boot_info.nr_mmap);

	/* The buffer is shorter than the list says. */
	KUNIT_EXPECT_EQ(test, multiboot_parse(copy, total - 8, &info), -EINVAL);
	/* The first tag claims to run past the end. */
	bad = total;
	memcpy((u8 *)copy + 12, &bad, 4);
	KUNIT_EXPECT_EQ(test, multiboot_parse(copy, total, &info), -EINVAL);
	/* A tag shorter than its own header. */
	bad = 4;
	memcpy((u8 *)copy + 12, &bad, 4);
	KUNIT_EXPECT_EQ(test, multiboot_parse(copy, total, &info), -EINVAL);
}

static struct kunit_case multiboot_cases[] = {
	KUNIT_CASE(multiboot_memory_map_covers_ram),
	KUNIT_CASE(multiboot_memory_map_is_sane),
	KUNIT_CASE(multiboot_cmdline_intact),
	KUNIT_CASE(multiboot_loader_and_acpi),
	KUNIT_CASE(multiboot_rejects_corruption),
	{}
};

static struct kunit_suite multiboot_suite = {
	.name = "multiboot",
	.test_cases = multiboot_cases,
};
kunit_test_suite(multiboot_suite);
