/*
 * The initial RAM disk: a cpio archive in the "newc" format that the
 * boot loader loads as a multiboot2 module named "initrd", unpacked into
 * the root ramfs at boot (fs/initramfs.c) by a parser that allocates
 * nothing and trusts nothing (fs/cpio.c, also built for the host tests).
 *
 * newc format: each entry is a 110-byte ASCII header, "070701" then 13
 * fields of 8 hex digits (ino, mode, uid, gid, nlink, mtime, filesize,
 * devmajor, devminor, rdevmajor, rdevminor, namesize, check); the name
 * (namesize bytes with its NUL), padded with zeros so that the data
 * starts at a multiple of 4 bytes from the archive's start; the
 * filesize bytes of data, padded the same way.  The entry named
 * "TRAILER!!!" ends the archive.
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

#define CPIO_NEWC_MAGIC		"070701"
#define CPIO_HEADER_SIZE	110
#define CPIO_TRAILER		"TRAILER!!!"
#define CPIO_NAME_MAX		4096	/* namesize, NUL included */

/* One archive entry; the pointers point into the archive. */
struct cpio_entry {
	const char *name;	/* NUL-terminated */
	u32 namesize;		/* with the NUL */
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 filesize;
	u32 devmajor, devminor, rdevmajor, rdevminor;
	const void *data;	/* filesize bytes */
};

struct cpio_reader {
	const u8 *buf;
	size_t len;
	size_t off;		/* next header; where an error was found */
	bool done;		/* the trailer was read */
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t len);

/*
 * The next entry into *e: 1; 0 once the trailer is reached; -EINVAL for
 * a malformed archive: bad magic or hex digit, a header, name or data
 * running past the end, a name that is empty, not NUL-terminated, too
 * long, or has a ".." component, or no trailer.  After an error r->off
 * is the offset of the bad header.
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

/* Read the whole archive: the entries before the trailer, or -EINVAL. */
int cpio_validate(const void *buf, size_t len);

struct inode;

/*
 * Unpack a cpio archive into directory dir: the archive is validated
 * first, so a malformed one changes nothing (-EINVAL).  Directories and
 * regular files are made with their permission bits and mtime; other
 * types are skipped with a message.  Returns the number of entries
 * unpacked, or the first error met (the other entries are still tried).
 */
int initramfs_unpack(struct inode *dir, const void *buf, size_t len);

/* The multiboot2 module named "initrd", or NULL. */
const struct multiboot_module *initrd_module(void);

#endif
