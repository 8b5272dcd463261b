/*
 * Shell-style wildcard matching (lib/glob.c), as Linux's glob_match().
 */
#ifndef _LINUX_GLOB_H
#define _LINUX_GLOB_H

#include <linux/types.h>

/* True when str matches pat: '*' any run, '?' one char, [a-z] / [!a-z] a set. */
bool glob_match(const char *pat, const char *str);

/* The same, with the pattern in the first len bytes of pat. */
bool glob_match_len(const char *pat, size_t len, const char *str);

#endif
