/*
 * fnmatch(): does a string match a shell pattern?  '*' matches any
 * run of characters, '?' any one, "[...]" one of a set ("[!...]" or
 * "[^...]" one not in it; "a-z" a range), anything else itself.  The
 * flags of POSIX (FNM_PATHNAME...) are not implemented and must be 0.
 */
#include <fnmatch.h>

/* Does the set at *pat (just after '[') hold c?  Moves *pat past it. */
static int match_set(const char **pat, char c)
{
	const char *p = *pat;
	int negate = *p == '!' || *p == '^', hit = 0;

	p += negate;
	do {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hit |= c >= p[0] && c <= p[2];
			p += 3;
		} else {
			hit |= c == *p++;
		}
	} while (*p && *p != ']');
	*pat = *p ? p + 1 : p;
	return hit != negate;
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string;

	for (; *p; s++) {
		if (*p == '*') {
			for (;;) {
				if (!fnmatch(p + 1, s, flags))
					return 0;
				if (!*s++)
					return FNM_NOMATCH;
			}
		}
		if (!*s)
			return FNM_NOMATCH;
		if (*p == '[') {
			p++;
			if (!match_set(&p, *s))
				return FNM_NOMATCH;
		} else if (*p != '?' && *p != *s) {
			return FNM_NOMATCH;
		} else {
			p++;
		}
	}
	return *s ? FNM_NOMATCH : 0;
}
