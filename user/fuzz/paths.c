/*
 * fuzz: path arguments (inside the worker's own directory, or existing
 * system files opened read-only, or bad pointers) and argv arrays, and
 * the record of which paths a call was given, for the sanitisers of
 * table.c.
 *
 * Invariants: a path the worker writes during a call is noted in
 * w.paths with its kind; a path a call may change lies under w.dir.
 */
#include <stdio.h>
#include <string.h>

#include "worker.h"

/* ---- paths -------------------------------------------------------- */

static const char *const own_names[] = {
	"fz0", "fz1", "fz2", "fzd", "fz.x", "fz0/fz1", "fzd/fz2",
	"fzd/fzd/fz0", ".", "./fz1", "fz0/", "fzd//fz1",
};
#define NR_OWN_NAMES (sizeof(own_names) / sizeof(own_names[0]))

/* Existing files opened read-only ("PID" is replaced by the pid). */
static const char *const sys_paths[] = {
	"/dev/null", "/dev/zero", "/proc/meminfo", "/proc/uptime",
	"/proc/cpuinfo", "/proc/PID/stat", "/proc/PID/maps", "/proc/PID/status",
	"/proc/PID", "/proc", "/", "/dev", "/tmp", "/proc/PID/stat/x",
	"/dev/null/", "/nonexistent",
};
#define NR_SYS_PATHS (sizeof(sys_paths) / sizeof(sys_paths[0]))

static void note_path(unsigned long p, enum path_kind kind)
{
	if (w.nr_paths < MAX_PATHS) {
		w.paths[w.nr_paths].p = p;
		w.paths[w.nr_paths].kind = kind;
		w.nr_paths++;
	}
}

enum path_kind path_kind(unsigned long p)
{
	int i;

	if (p == RO_OWN_PATH)
		return PATH_OWN_ABS;
	if (p == RO_SYS_PATH)
		return PATH_SYS;
	for (i = w.nr_paths - 1; i >= 0; i--)
		if (w.paths[i].p == p)
			return w.paths[i].kind;
	return PATH_NONE;
}

int fz_is_system_path(unsigned long p)
{
	return path_kind(p) == PATH_SYS;
}

/* Whether the kernel resolves p against the working or a directory fd. */
int fz_is_relative_path(unsigned long p)
{
	enum path_kind kind = path_kind(p);

	return kind != PATH_OWN_ABS && kind != PATH_SYS;
}

/* Write the text of a path into buf (size > 300). */
enum path_kind make_path_text(char *buf, size_t size, int own_only)
{
	const char *name = own_names[fz_below(NR_OWN_NAMES)];
	size_t n;

	if (!own_only && fz_one_in(3)) {
		const char *s = sys_paths[fz_below(NR_SYS_PATHS)];
		const char *pid = strstr(s, "PID");

		if (pid)
			snprintf(buf, size, "%.*s%d%s", (int)(pid - s), s,
				 (int)w.pid, pid + 3);
		else
			snprintf(buf, size, "%s", s);
		return PATH_SYS;
	}
	switch (fz_below(8)) {
	case 0:
	case 1:
	case 2:
		snprintf(buf, size, "%s", name);
		return PATH_OWN_REL;
	case 3:
		snprintf(buf, size, "%s", w.dir);
		return PATH_OWN_ABS;
	case 4:		/* a component longer than NAME_MAX */
		n = snprintf(buf, size, "%s/", w.dir);
		memset(buf + n, 'n', 300);
		buf[n + 300] = '\0';
		return PATH_OWN_ABS;
	case 5:
		buf[0] = '\0';		/* "": ENOENT */
		return PATH_OWN_REL;
	default:
		snprintf(buf, size, "%s/%s", w.dir, name);
		return PATH_OWN_ABS;
	}
}

/* A path string in the read-write area. */
static unsigned long path_in_arena(int own_only)
{
	char text[512];
	enum path_kind kind = make_path_text(text, sizeof(text), own_only);
	unsigned long len = strlen(text) + 1;
	unsigned long p = arena_alloc(len);

	memcpy((void *)p, text, len);
	note_path(p, kind);
	return p;
}

/*
 * A path string in the arena, a string at the guard, or a bad pointer.
 * The edge page holds one thing per call, so that nothing the worker
 * writes later changes a path a sanitiser has looked at.
 */
unsigned long gen_path(int own_only)
{
	char text[512];
	enum path_kind kind;
	unsigned long p, len;

	switch (fz_below(16)) {
	case 0:
	case 1:
		/* Not the stack's top: "PATH=/bin" there holds "/bin". */
		return unreadable_pointer();
	case 2:		/* a string that ends at the guard, NUL or not */
		if (w.guard_used)
			return path_in_arena(own_only);
		w.guard_used = 1;
		kind = make_path_text(text, sizeof(text), own_only);
		len = strlen(text) + 1;
		if (fz_one_in(2))
			len--;	/* no NUL: the kernel runs into the guard */
		p = ARENA_GUARD - len;
		memcpy((void *)p, text, len);
		note_path(p, kind);
		return p;
	case 3:
		return own_only || fz_one_in(2) ? RO_OWN_PATH : RO_SYS_PATH;
	case 4:		/* longer than PATH_MAX, inside the own directory */
		p = arena_alloc(5000);
		len = snprintf((char *)p, 5000, "%s/", w.dir);
		while (len + 5 < 4999) {
			memcpy((char *)p + len, "fzd/", 4);
			len += 4;
		}
		((char *)p)[len] = '\0';
		note_path(p, PATH_OWN_ABS);
		return p;
	default:
		return path_in_arena(own_only);
	}
}

/* argv or envp: a NULL-terminated array of strings, or not quite. */
unsigned long gen_argv(void)
{
	unsigned long *v, p;
	int n, i;

	switch (fz_below(8)) {
	case 0:
		return bad_pointer();
	case 1:
		return RO_ARGV;
	case 2:		/* runs into the guard without a NULL */
		if (w.guard_used)
			return RO_ARGV;
		w.guard_used = 1;
		n = 1 + fz_below(4);
		p = ARENA_GUARD - n * sizeof(long);
		v = (unsigned long *)p;
		for (i = 0; i < n; i++)
			v[i] = path_in_arena(0);
		return p;
	default:
		n = fz_below(5);
		p = arena_alloc((n + 1) * sizeof(long));
		v = (unsigned long *)p;
		for (i = 0; i < n; i++)
			v[i] = fz_one_in(4) ? bad_pointer() : path_in_arena(0);
		v[n] = 0;
		return p;
	}
}
