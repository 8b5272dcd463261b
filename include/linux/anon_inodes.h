/*
 * A file with the caller's operations on no file system
 * (fs/anon_inodes.c), as Linux's anon_inode_getfile().
 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

struct file;
struct file_operations;

/*
 * A new file with fops and private_data priv, opened with O_* flags
 * (O_RDONLY, O_WRONLY or O_RDWR); its f_op->open is not called.  name
 * is for Linux's "anon_inode:[name]" and unused.  The file or
 * ERR_PTR(-ENOMEM); fput() it as any other.
 */
struct file *anon_inode_getfile(const char *name,
				const struct file_operations *fops,
				void *priv, int flags);

#endif
