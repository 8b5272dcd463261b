/*
 * glob_match(): shell wildcards for test selection (ktest=) and anything
 * else that matches names.  Iterative with one back-track point for the
 * last '*', so it runs in O(len(pat) * len(str)) and never recurses.
 * glob_match_len() takes a pattern that is not NUL-terminated, such as
 * one glob of a comma-separated list.
 */
#include <linux/glob.h>
#include <linux/string.h>

/* The pattern's character at p, or '\0' past its end. */
static char pat_at(const char *p, const char *end)
{
	return p < end ? *p : '\0';
}

/* Matches one char against the set at *pat ("[...]"); advances *pat. */
static bool match_set(const char **patp, const char *end, char c)
{
	const char *p = *patp + 1;
	bool negate = false, found = false;

	if (pat_at(p, end) == '!' || pat_at(p, end) == '^') {
		negate = true;
		p++;
	}
	do {
		char lo = pat_at(p, end), hi = lo;

		if (!lo)
			return false;		/* unterminated set */
		if (pat_at(p + 1, end) == '-' && pat_at(p + 2, end) &&
		    pat_at(p + 2, end) != ']') {
			hi = p[2];
			p += 2;
		}
		if (lo <= c && c <= hi)
			found = true;
		p++;
	} while (pat_at(p, end) != ']');
	*patp = p + 1;
	return found != negate;
}

bool glob_match_len(const char *pat, size_t len, const char *str)
{
	const char *end = pat + len, *star_pat = NULL, *star_str = NULL;

	while (*str) {
		char c = pat_at(pat, end);

		if (c == '*') {
			star_pat = ++pat;
			star_str = str;
			continue;
		}
		if (c == '?' || (c != '[' && c == *str)) {
			pat++;
			str++;
			continue;
		}
		if (c == '[') {
			const char *p = pat;

			if (match_set(&p, end, *str)) {
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
	while (pat_at(pat, end) == '*')
		pat++;
	return pat_at(pat, end) == '\0';
}

bool glob_match(const char *pat, const char *str)
{
	return glob_match_len(pat, strlen(pat), str);
}
