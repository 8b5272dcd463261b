/*
 * Files that are not on any file system (Linux's fs/anon_inodes.c): a
 * subsystem that wants a file descriptor with operations of its own
 * (here the test executor's program output, lib/kunit/program.c) gets
 * a struct file on an inode of no file system, with its private data.
 *
 * The inode has no file type in its mode (0600), as Linux's anonymous
 * inode has; fstat() shows that.  Linux shares one such inode among all
 * these files; here each file has its own, freed with it.
 *
 * Locking: none; the file is the caller's until it installs it.
 */
#include <linux/anon_inodes.h>
#include <linux/err.h>
#include <linux/fs.h>

#include "internal.h"

struct file *anon_inode_getfile(const char *name,
				const struct file_operations *fops,
				void *priv, int flags)
{
	struct inode *inode = new_inode(NULL);
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = 0600;
	inode->i_nlink = 1;
	file = alloc_file(inode, flags, fops);
	if (!file) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	file->private_data = priv;
	return file;
}
