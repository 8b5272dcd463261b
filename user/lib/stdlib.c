/*
 * Small stdlib pieces: abs, the environment and a pseudo-random
 * generator.
 *
 * The environment is the array environ points at.  setenv() and
 * unsetenv() replace it with a heap copy the first time they change
 * it (env_owned); strings it adds are heap copies too and are never
 * freed, since the caller may still hold a pointer from getenv().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int env_owned;	/* environ is our malloc'd array */
static unsigned long rand_state = 1;

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

/* The slot of environ that defines name (len bytes), or NULL. */
static char **env_find(const char *name, size_t len)
{
	char **e;

	for (e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return e;
	return NULL;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e = env_find(name, len);

	return e ? *e + len + 1 : NULL;
}

static int env_name_valid(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

/* Make environ a heap array with room for one more entry. */
static int env_grow(void)
{
	size_t n = 0;
	char **e;

	while (environ && environ[n])
		n++;
	e = malloc((n + 2) * sizeof(*e));
	if (!e)
		return -1;
	if (n)
		memcpy(e, environ, n * sizeof(*e));
	e[n] = NULL;
	if (env_owned)
		free(environ);
	environ = e;
	env_owned = 1;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char **slot, *s;

	if (!env_name_valid(name))
		return -1;
	len = strlen(name);
	slot = env_find(name, len);
	if (slot && !overwrite)
		return 0;
	vlen = strlen(value);
	s = malloc(len + vlen + 2);
	if (!s)
		return -1;
	memcpy(s, name, len);
	s[len] = '=';
	memcpy(s + len + 1, value, vlen + 1);
	if (!slot) {
		if (env_grow() < 0) {
			free(s);
			return -1;
		}
		for (slot = environ; *slot; slot++)
			;
		slot[1] = NULL;
	}
	*slot = s;
	return 0;
}

int unsetenv(const char *name)
{
	size_t len;
	char **slot;

	if (!env_name_valid(name))
		return -1;
	len = strlen(name);
	while ((slot = env_find(name, len)))
		for (; *slot; slot++)
			slot[0] = slot[1];
	return 0;
}

/* POSIX's example generator: enough for tests, not for anything secret. */
int rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (int)((rand_state >> 16) & RAND_MAX);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}
