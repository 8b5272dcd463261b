/* fnmatch(): shell-style pattern matching (POSIX). */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#define FNM_NOMATCH	1

/* 0 when string matches pattern (*, ?, [...] with ! or ^ and ranges). */
int fnmatch(const char *pattern, const char *string, int flags);

#endif
