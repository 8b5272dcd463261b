/*
 * mkdir [-p] DIR...: create directories (mode 0755).  With -p, create
 * missing parents too and accept directories that already exist.
 * Failures are reported as "mkdir: DIR: reason"; the exit status is
 * then 1.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define DIR_MODE 0755

static int exists_as_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir -p: each prefix ending before a '/', then the whole path. */
static int make_parents(const char *path)
{
	char buf[PATH_MAX];
	size_t i, len = strlen(path);

	if (len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, len + 1);
	for (i = 1; i <= len; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, DIR_MODE) < 0 &&
		    !(errno == EEXIST && exists_as_dir(buf)))
			return -1;
		buf[i] = path[i];
	}
	return 0;
}

int main(int argc, char **argv)
{
	int c, parents = 0, status = 0, i, ret;

	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p')
			goto usage;
		parents = 1;
	}
	if (optind == argc)
		goto usage;
	for (i = optind; i < argc; i++) {
		if (parents)
			ret = make_parents(argv[i]);
		else
			ret = mkdir(argv[i], DIR_MODE);
		if (ret < 0) {
			fprintf(stderr, "mkdir: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
usage:
	fprintf(stderr, "usage: mkdir [-p] DIR...\n");
	return 2;
}
