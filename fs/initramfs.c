/*
 * Unpacking the initrd (a cpio "newc" archive, see linux/initrd.h) into
 * the root ramfs at boot: populate_rootfs() is a rootfs_initcall, as in
 * Linux, so the VFS that made the root does not need to know about it.
 *
 * The whole archive is validated before anything is made, so a corrupt
 * initrd leaves the tree as it was and says so in one line.  Names are
 * taken relative to the target directory (a leading "/" or "./" is
 * dropped, "." itself skipped); directories and regular files keep the
 * archive's permission bits and mtime; an existing directory is kept,
 * an existing file is overwritten; other types (links, devices, FIFOs)
 * are skipped with a message.  The data is written with kernel_write(),
 * like any other file.
 *
 * Locking: none of its own.  Modern Linux unpacks the same format in
 * init/initramfs.c, with a state machine that also takes compressed and
 * concatenated archives, and then frees the initrd's memory.
 */
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "internal.h"

/* The name relative to the target: no leading "/" or "./". */
static const char *entry_path(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			return name;
	}
}

static void set_mtime(struct inode *inode, u32 mtime)
{
	WRITE_ONCE(inode->i_mtime, mtime);
}

static int unpack_dir(struct inode *dir, const char *path,
		      const struct cpio_entry *e)
{
	int ret = vfs_mkdirat(dir, path, e->mode & 07777);
	struct inode *inode = vfs_path_lookup(dir, path);

	if (IS_ERR(inode))
		return ret ? ret : PTR_ERR(inode);
	if (ret == -EEXIST && S_ISDIR(inode->i_mode))
		ret = 0;		/* already there, e.g. /dev */
	if (!ret)
		set_mtime(inode, e->mtime);
	iput(inode);
	return ret;
}

static int unpack_file(struct inode *dir, const char *path,
		       const struct cpio_entry *e)
{
	struct file *file;
	loff_t pos = 0;
	ssize_t n;

	file = file_open_at(dir, path, O_WRONLY | O_CREAT | O_TRUNC,
			    e->mode & 07777);
	if (IS_ERR(file))
		return PTR_ERR(file);
	n = e->filesize ? kernel_write(file, e->data, e->filesize, &pos) : 0;
	if (n >= 0 && n != e->filesize)
		n = -ENOSPC;
	set_mtime(file_inode(file), e->mtime);
	fput(file);
	return n < 0 ? n : 0;
}

static int unpack_entry(struct inode *dir, const struct cpio_entry *e)
{
	const char *path = entry_path(e->name);
	int ret;

	if (!*path || !strcmp(path, "."))
		return 0;
	if (S_ISDIR(e->mode))
		ret = unpack_dir(dir, path, e);
	else if (S_ISREG(e->mode))
		ret = unpack_file(dir, path, e);
	else {
		pr_info("initramfs: %s: type %#o not supported, skipped\n",
			path, e->mode & S_IFMT);
		return 0;
	}
	if (ret)
		pr_warn("initramfs: %s: error %d\n", path, ret);
	return ret;
}

int initramfs_unpack(struct inode *dir, const void *buf, size_t len)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int ret, err = 0, n = 0;

	ret = cpio_validate(buf, len);
	if (ret < 0) {
		pr_err("initramfs: malformed cpio archive (%zu bytes), "
		       "nothing unpacked\n", len);
		return ret;
	}
	cpio_reader_init(&r, buf, len);
	while (cpio_next(&r, &e) == 1) {
		ret = unpack_entry(dir, &e);
		if (ret && !err)
			err = ret;
		n++;
	}
	return err ? err : n;
}

const struct multiboot_module *initrd_module(void)
{
	unsigned int i;

	for (i = 0; i < boot_info.nr_modules; i++)
		if (boot_info.modules[i].string &&
		    !strcmp(boot_info.modules[i].string, "initrd"))
			return &boot_info.modules[i];
	return NULL;
}

/* Unpack the initrd module into the root, once, after the fs level. */
static int populate_rootfs(void)
{
	const struct multiboot_module *mod = initrd_module();
	int ret;

	if (!mod) {
		pr_info("initramfs: no initrd module, nothing to unpack\n");
		return 0;
	}
	if (mod->mod_end < mod->mod_start) {
		pr_err("initramfs: initrd module ends before it starts\n");
		return -EINVAL;
	}
	ret = initramfs_unpack(root_inode, phys_to_virt(mod->mod_start),
			       mod->mod_end - mod->mod_start);
	if (ret < 0)
		return ret;
	pr_info("initramfs: unpacked %d entries (%u KiB) from the initrd\n",
		ret, (mod->mod_end - mod->mod_start) >> 10);
	return 0;
}
rootfs_initcall(populate_rootfs);
