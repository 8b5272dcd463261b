/*
 * Builtins: commands the shell runs itself, because they change the
 * shell (cd, exit, export, unset) or describe it (help, pwd).  Each
 * returns its exit status; errors are "sh: NAME: reason" on stderr.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int exit_requested;
int exit_code;

static int builtin_cd(int argc, char **argv)
{
	char cwd[PATH_MAX];
	const char *dir = argc > 1 ? argv[1] : "/";

	if (argc > 2) {
		fprintf(stderr, "sh: cd: too many arguments\n");
		return 1;
	}
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (getcwd(cwd, sizeof(cwd)))
		setenv("PWD", cwd, 1);
	return 0;
}

static int builtin_pwd(int argc, char **argv)
{
	char cwd[PATH_MAX];

	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	char *end;
	long n;

	if (argc > 2) {
		fprintf(stderr, "sh: exit: too many arguments\n");
		return 1;
	}
	exit_requested = 1;
	exit_code = last_status;
	if (argc == 2) {
		n = strtol(argv[1], &end, 10);
		if (*end || end == argv[1]) {
			fprintf(stderr, "sh: exit: %s: numeric argument "
				"required\n", argv[1]);
			n = 2;
		}
		exit_code = n & 0xff;
	}
	return exit_code;
}

static int valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* export NAME=VALUE...: set variables; no arguments: list them all. */
static int builtin_export(int argc, char **argv)
{
	char **e, name[256], *eq;
	int i, status = 0;

	if (argc == 1) {
		for (e = environ; e && *e; e++)
			printf("export %s\n", *e);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		eq = strchr(argv[i], '=');
		if (!eq)
			eq = argv[i] + strlen(argv[i]);
		if (!valid_name(argv[i], eq - argv[i]) ||
		    eq - argv[i] >= (int)sizeof(name)) {
			fprintf(stderr, "sh: export: %s: not a valid "
				"identifier\n", argv[i]);
			status = 1;
			continue;
		}
		memcpy(name, argv[i], eq - argv[i]);
		name[eq - argv[i]] = '\0';
		if (*eq && setenv(name, eq + 1, 1) < 0) {
			fprintf(stderr, "sh: export: %s\n", strerror(errno));
			status = 1;
		}
	}
	return status;
}

static int builtin_unset(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		if (!valid_name(argv[i], strlen(argv[i]))) {
			fprintf(stderr, "sh: unset: %s: not a valid "
				"identifier\n", argv[i]);
			status = 1;
			continue;
		}
		unsetenv(argv[i]);
	}
	return status;
}

static int builtin_help(int argc, char **argv);

static const struct builtin {
	const char *name;
	builtin_fn fn;
	const char *usage;
} builtins[] = {
	{ "cd", builtin_cd, "cd [DIR]        change directory (default /)" },
	{ "exit", builtin_exit, "exit [N]        leave the shell" },
	{ "export", builtin_export, "export N=V...   set variables" },
	{ "help", builtin_help, "help            this list" },
	{ "pwd", builtin_pwd, "pwd             print the working directory" },
	{ "unset", builtin_unset, "unset NAME...   remove variables" },
};

#define NR_BUILTINS ((int)(sizeof(builtins) / sizeof(builtins[0])))

builtin_fn find_builtin(const char *name)
{
	int i;

	for (i = 0; i < NR_BUILTINS; i++)
		if (!strcmp(builtins[i].name, name))
			return builtins[i].fn;
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in one directory, sorted, wrapped at 72 columns. */
static void list_programs(const char *dir)
{
	char *names[256];
	struct dirent *d;
	int n = 0, i, col = 0;
	DIR *dp = opendir(dir);

	if (!dp) {
		printf("  (%s: %s)\n", dir, strerror(errno));
		return;
	}
	while ((d = readdir(dp)) && n < 256)
		if (d->d_name[0] != '.' && (names[n] = strdup(d->d_name)))
			n++;
	closedir(dp);
	qsort(names, n, sizeof(names[0]), cmp_str);
	printf("Programs in %s:\n", dir);
	for (i = 0; i < n; i++) {
		if (col + strlen(names[i]) + 1 > 72) {
			printf("\n");
			col = 0;
		}
		col += printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

static int builtin_help(int argc, char **argv)
{
	char dirs[PATH_MAX], *dir, *save;
	const char *path = getenv("PATH");
	int i;

	printf("Ferry shell.  Lines: commands with arguments, 'quotes', "
	       "\"$VAR\", $?,\n|, <, >, >>, 2>&1, ;, &&, ||, # comments.  "
	       "Keys: arrows, ^U, ^C, ^D.\nBuiltins:\n");
	for (i = 0; i < NR_BUILTINS; i++)
		printf("  %s\n", builtins[i].usage);
	snprintf(dirs, sizeof(dirs), "%s", path && *path ? path : "/bin");
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save))
		list_programs(dir);
	return 0;
}
