/*
 * glob_match(): shell wildcards for test selection (ktest=) and anything
 * else that matches names.  Iterative with one back-track point for the
 * last '*', so it runs in O(len(pat) * len(str)) and never recurses.
 */
#include <linux/glob.h>

/* Matches one char against the set at *pat ("[...]"); advances *pat. */
static bool match_set(const char **patp, char c)
{
	const char *p = *patp + 1;
	bool negate = false, found = false;

	if (*p == '!' || *p == '^') {
		negate = true;
		p++;
	}
	do {
		char lo = *p, hi = lo;

		if (!lo)
			return false;		/* unterminated set */
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hi = p[2];
			p += 2;
		}
		if (lo <= c && c <= hi)
			found = true;
		p++;
	} while (*p != ']');
	*patp = p + 1;
	return found != negate;
}

bool glob_match(const char *pat, const char *str)
{
	const char *star_pat = NULL, *star_str = NULL;

	while (*str) {
		if (*pat == '*') {
			star_pat = ++pat;
			star_str = str;
			continue;
		}
		if (*pat == '?' ||
		    (*pat != '[' && *pat == *str)) {
			pat++;
			str++;
			continue;
		}
		if (*pat == '[') {
			const char *p = pat;

			if (match_set(&p, *str)) {
				pat = p;
				str++;
				continue;
			}
		}
		if (!star_pat)
			return false;
		pat = star_pat;			/* let the last '*' eat one more */
		str = ++star_str;
	}
	while (*pat == '*')
		pat++;
	return *pat == '\0';
}
