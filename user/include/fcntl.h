/*
 * open() and openat() with Linux's O_* flags (<linux/fcntl.h>).  The
 * mode argument is read only when O_CREAT is given.
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <linux/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);

#endif
