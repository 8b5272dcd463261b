/*
 * Reading directories: opendir(), readdir(), closedir().  readdir()
 * returns records straight from getdents64(); struct dirent has the
 * layout of the kernel's struct linux_dirent64, with d_name sized for
 * the longest name.  The record is valid until the next readdir() or
 * closedir() on the same DIR.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <linux/dirent.h>

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

#endif
