/*
 * Directory streams: opendir, readdir, closedir on getdents64.
 *
 * A DIR holds the directory's descriptor and one buffer of records as
 * getdents64 returned them; readdir() hands out pointers into it.
 * Invariants: pos <= len <= DIR_BUF_SIZE; each record in buf[pos, len)
 * is whole (the kernel never splits one), and d_reclen moves from one
 * to the next.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "internal.h"

#define DIR_BUF_SIZE 4096

struct __dirstream {
	int fd;
	size_t pos;		/* next record in buf */
	size_t len;		/* bytes of records in buf */
	char buf[DIR_BUF_SIZE] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *dir = malloc(sizeof(*dir));

	if (!dir)
		return NULL;
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir)
		close(fd);
	return dir;
}

/* NULL at the end of the directory (errno unchanged) or on an error. */
struct dirent *readdir(DIR *dir)
{
	struct dirent *d;
	long n;

	if (dir->pos >= dir->len) {
		n = __syscall3(__NR_getdents64, dir->fd, (long)dir->buf,
			       sizeof(dir->buf));
		if (n <= 0) {
			if (n < 0)
				errno = -n;
			return NULL;
		}
		dir->len = n;
		dir->pos = 0;
	}
	d = (struct dirent *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	return d;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

void rewinddir(DIR *dir)
{
	lseek(dir->fd, 0, SEEK_SET);
	dir->pos = dir->len = 0;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}
