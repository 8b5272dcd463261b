/*
 * fuzz: the FILTER the kernel's test filter passes: comma-separated case
 * globs ("workers_ran", "fuzz.kernel_*") and settings ("fuzz.calls=N",
 * "time=S", "seed=X", "procs=N", "worker=X", "log=1") that override the
 * options; and whether a case is selected.
 *
 * Invariants: cases_filter points into the FILTER argument, which lives
 * as long as the process; a bad setting refuses the whole FILTER.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parent.h"

/* ---- selecting cases and settings --------------------------------- */

/* Does str match the glob in the first len bytes of pat? */
static int glob_match(const char *pat, size_t len, const char *str)
{
	char *glob = strndup(pat, len);
	int match;

	if (!glob) {
		diag("no memory to match a glob");
		return 0;
	}
	match = fnmatch(glob, str, 0) == 0;
	free(glob);
	return match;
}

/* The item without "SUITE." when SUITE is this one; NULL if another's. */
static const char *own_item(const char *item, size_t len, size_t *rest)
{
	const char *dot = memchr(item, '.', len);

	if (!dot) {
		*rest = len;
		return item;
	}
	if (!glob_match(item, dot - item, SUITE_NAME))
		return NULL;
	*rest = len - (dot + 1 - item);
	return dot + 1;
}

static int is_setting(const char *item, size_t len)
{
	return memchr(item, '=', len) != NULL;
}

/* Apply NAME=VALUE; 0, or -1 for an unknown name or a bad value. */
static int apply_setting(const char *item, size_t len)
{
	char name[16], value[32], *end;
	const char *eq = memchr(item, '=', len);
	unsigned long long v;

	if ((size_t)(eq - item) >= sizeof(name) ||
	    len - (eq + 1 - item) >= sizeof(value) || eq + 1 == item + len)
		return -1;
	memcpy(name, item, eq - item);
	name[eq - item] = '\0';
	memcpy(value, eq + 1, len - (eq + 1 - item));
	value[len - (eq + 1 - item)] = '\0';
	errno = 0;
	v = strtoull(value, &end, 0);
	if (*end || errno)
		return -1;
	if (!strcmp(name, "seed"))
		opt.seed = v;
	else if (!strcmp(name, "calls") && v > 0 && v <= 1000000000000ULL)
		opt.calls = v;
	else if (!strcmp(name, "time") && v > 0 && v <= 1000000)
		opt.seconds = v;
	else if (!strcmp(name, "procs") && v > 0 && v <= MAX_PROCS)
		opt.procs = v;
	else if (!strcmp(name, "worker"))
		opt.replay_seed = v, opt.replay = 1;
	else if (!strcmp(name, "log") && v <= 2)
		opt.log = v;
	else
		return -1;
	return 0;
}

/* Read the settings of FILTER; note whether it selects cases too. */
int parse_filter(const char *filter)
{
	const char *p = filter;
	int globs = 0;

	while (*p) {
		size_t len = strcspn(p, ","), rest;
		const char *item = own_item(p, len, &rest);

		if (item && is_setting(item, rest)) {
			if (apply_setting(item, rest))
				return -1;
		} else if (len) {
			globs++;
		}
		p += len + (p[len] == ',');
	}
	cases_filter = globs ? filter : NULL;
	return 0;
}

int selected(const char *name)
{
	const char *p = cases_filter;
	char full[64];

	if (!p)
		return 1;
	snprintf(full, sizeof(full), SUITE_NAME ".%s", name);
	while (*p) {
		size_t len = strcspn(p, ",");
		size_t rest;
		const char *item = own_item(p, len, &rest);

		if ((len == 3 && !strncmp(p, "all", 3)) ||
		    (item && !is_setting(item, rest) &&
		     glob_match(p, len, memchr(p, '.', len) ? full : name)))
			return 1;
		p += len + (p[len] == ',');
	}
	return 0;
}
