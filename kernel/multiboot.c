/*
 * Parser for the multiboot2 boot information (see asm/multiboot2.h).
 *
 * It reads only inside [mbi, mbi + min(total_size, avail)) and copies
 * what it keeps into struct multiboot_info, so a corrupt or truncated
 * tag list becomes an error code, never a wild read.  Pure code: no
 * printing, no globals; the host unit tests feed it crafted lists.
 */
#include <asm/multiboot2.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* A string that must end with a NUL inside [s, s + len). */
static const char *tag_string(const void *s, size_t len)
{
	if (len == 0 || !memchr(s, '\0', len))
		return NULL;
	return s;
}

static int parse_mmap(const u8 *tag, u32 size, struct multiboot_info *info)
{
	u32 entry_size, n, i;

	if (size < 16)
		return -EINVAL;
	memcpy(&entry_size, tag + 8, 4);
	if (entry_size < sizeof(struct multiboot_mmap_entry) || entry_size % 8)
		return -EINVAL;
	n = (size - 16) / entry_size;
	if (n > MULTIBOOT_MAX_MMAP)
		return -E2BIG;
	for (i = 0; i < n; i++)
		memcpy(&info->mmap[i], tag + 16 + i * entry_size,
		       sizeof(info->mmap[i]));
	info->nr_mmap = n;
	return 0;
}

static int parse_module(const u8 *tag, u32 size, struct multiboot_info *info)
{
	struct multiboot_module *mod;

	if (size < 17)
		return -EINVAL;
	if (info->nr_modules == MULTIBOOT_MAX_MODULES)
		return -E2BIG;
	mod = &info->modules[info->nr_modules];
	memcpy(&mod->mod_start, tag + 8, 4);
	memcpy(&mod->mod_end, tag + 12, 4);
	mod->string = tag_string(tag + 16, size - 16);
	if (!mod->string || mod->mod_end < mod->mod_start)
		return -EINVAL;
	info->nr_modules++;
	return 0;
}

static int parse_tag(const u8 *tag, u32 type, u32 size,
		     struct multiboot_info *info)
{
	switch (type) {
	case MULTIBOOT_TAG_TYPE_CMDLINE:
		info->cmdline = tag_string(tag + 8, size - 8);
		return info->cmdline ? 0 : -EINVAL;
	case MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME:
		info->loader_name = tag_string(tag + 8, size - 8);
		return info->loader_name ? 0 : -EINVAL;
	case MULTIBOOT_TAG_TYPE_MODULE:
		return parse_module(tag, size, info);
	case MULTIBOOT_TAG_TYPE_MMAP:
		return parse_mmap(tag, size, info);
	case MULTIBOOT_TAG_TYPE_ACPI_OLD:
	case MULTIBOOT_TAG_TYPE_ACPI_NEW:
		/* RSDP 1.0 is 20 bytes, 2.0+ 36; prefer the newer copy. */
		if (size < 8 + (type == MULTIBOOT_TAG_TYPE_ACPI_NEW ? 36 : 20))
			return -EINVAL;
		if (!info->rsdp || type == MULTIBOOT_TAG_TYPE_ACPI_NEW) {
			info->rsdp = tag + 8;
			info->rsdp_size = size - 8;
		}
		return 0;
	default:
		return 0;	/* tags we do not use */
	}
}

int multiboot_parse(const void *mbi, size_t avail, struct multiboot_info *info)
{
	const u8 *base = mbi;
	u32 total, off, type, size;
	int ret;

	memset(info, 0, sizeof(*info));
	info->cmdline = "";
	if (!mbi || avail < 16 || ((unsigned long)mbi & 7))
		return -EINVAL;
	memcpy(&total, base, 4);
	if (total < 16 || total > avail)
		return -EINVAL;
	info->total_size = total;

	for (off = 8; off + 8 <= total; off = ALIGN(off + size, 8)) {
		memcpy(&type, base + off, 4);
		memcpy(&size, base + off + 4, 4);
		if (size < 8 || size > total - off)
			return -EINVAL;
		if (type == MULTIBOOT_TAG_TYPE_END)
			return size == 8 ? 0 : -EINVAL;
		ret = parse_tag(base + off, type, size, info);
		if (ret)
			return ret;
	}
	return -EINVAL;		/* no end tag */
}

u64 multiboot_usable_bytes(const struct multiboot_info *info)
{
	u64 total = 0;
	unsigned int i;

	for (i = 0; i < info->nr_mmap; i++)
		if (info->mmap[i].type == MULTIBOOT_MEMORY_AVAILABLE)
			total += info->mmap[i].len;
	return total;
}

const char *multiboot_mmap_type_name(u32 type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE:	return "usable";
	case MULTIBOOT_MEMORY_RESERVED:		return "reserved";
	case MULTIBOOT_MEMORY_ACPI_RECLAIMABLE:	return "ACPI data";
	case MULTIBOOT_MEMORY_NVS:		return "ACPI NVS";
	case MULTIBOOT_MEMORY_BADRAM:		return "unusable";
	default:				return "unknown";
	}
}
