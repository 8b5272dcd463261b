/*
 * rm [-rf] FILE...: remove files; with -r, directories and everything
 * in them; with -f, say nothing about files that do not exist.
 * Failures are reported as "rm: FILE: reason"; the exit status is
 * then 1.  "." and ".." are never removed.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int recursive, force;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
	return 1;
}

static int remove_path(const char *path);

/* Remove everything in directory path, then path itself. */
static int remove_tree(const char *path)
{
	char child[PATH_MAX];
	struct dirent *d;
	DIR *dir = opendir(path);
	int status = 0;

	if (!dir)
		return fail(path);
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", path, d->d_name) >=
		    (int)sizeof(child)) {
			errno = ENAMETOOLONG;
			status |= fail(path);
			continue;
		}
		status |= remove_path(child);
	}
	closedir(dir);
	if (rmdir(path) < 0)
		status |= fail(path);
	return status;
}

static int is_dot_or_dotdot(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return !strcmp(base, ".") || !strcmp(base, "..");
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 ? fail(path) : 0;
	if (!recursive) {
		errno = EISDIR;
		return fail(path);
	}
	if (is_dot_or_dotdot(path)) {
		fprintf(stderr, "rm: refusing to remove '.' or '..': %s\n",
			path);
		return 1;
	}
	return remove_tree(path);
}

int main(int argc, char **argv)
{
	int c, i, status = 0;

	while ((c = getopt(argc, argv, "rRf")) != -1) {
		if (c == 'r' || c == 'R')
			recursive = 1;
		else if (c == 'f')
			force = 1;
		else
			goto usage;
	}
	if (optind == argc && !force)
		goto usage;
	for (i = optind; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
usage:
	fprintf(stderr, "usage: rm [-rf] FILE...\n");
	return 2;
}
