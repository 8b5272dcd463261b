/*
 * Kernel string and memory functions (lib/string.c), Linux names and
 * semantics.  An architecture may provide some itself (asm/string.h
 * defines __HAVE_ARCH_MEMCPY and the like): x86 does memcpy and memset.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <asm/string.h>
#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);
ssize_t strscpy(char *dst, const char *src, size_t size);

#endif
