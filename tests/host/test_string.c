/*
 * The kernel's string functions (lib/string.c, built for the host with
 * kern_ names) against the C library on many random buffers, plus the
 * BSD/Linux functions the C library lacks (strlcpy, strlcat, strscpy)
 * against their documented results.  A fixed seed keeps runs repeatable.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ktap.h"

void *kern_memcpy(void *, const void *, size_t);
void *kern_memmove(void *, const void *, size_t);
void *kern_memset(void *, int, size_t);
int kern_memcmp(const void *, const void *, size_t);
void *kern_memchr(const void *, int, size_t);
size_t kern_strlen(const char *);
size_t kern_strnlen(const char *, size_t);
int kern_strcmp(const char *, const char *);
int kern_strncmp(const char *, const char *, size_t);
char *kern_strchr(const char *, int);
char *kern_strrchr(const char *, int);
char *kern_strstr(const char *, const char *);
char *kern_strncpy(char *, const char *, size_t);
size_t kern_strlcpy(char *, const char *, size_t);
size_t kern_strlcat(char *, const char *, size_t);
ssize_t kern_strscpy(char *, const char *, size_t);

#define N 96
#define ROUNDS 20000

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* A random string of length < N over a small alphabet (so matches happen). */
static void random_string(char *s)
{
	int i, len = rand() % (N - 1);

	for (i = 0; i < len; i++)
		s[i] = "abcxyz\x80\xff"[rand() % 8];
	s[len] = '\0';
}

static void test_memory_functions(void)
{
	unsigned char a[N], b[N], want[N], got[N];
	int r, i;

	for (r = 0; r < ROUNDS; r++) {
		size_t n = rand() % N, src = rand() % N, dst = rand() % N;
		int c = rand();

		for (i = 0; i < N; i++) {
			a[i] = rand() % 4;
			b[i] = rand() % 4;
		}
		EXPECT(sign(kern_memcmp(a, b, n)) == sign(memcmp(a, b, n)));
		EXPECT(kern_memchr(a, 3, n) == memchr(a, 3, n));

		if (n > N - src || n > N - dst)
			continue;
		memcpy(want, a, N);
		memcpy(got, a, N);
		memmove(want + dst, want + src, n);	/* may overlap */
		EXPECT(kern_memmove(got + dst, got + src, n) == got + dst);
		EXPECT(!memcmp(want, got, N));
		memset(want + dst, c, n);
		EXPECT(kern_memset(got + dst, c, n) == got + dst);
		EXPECT(!memcmp(want, got, N));
		memcpy(want + dst, b + src, n);
		EXPECT(kern_memcpy(got + dst, b + src, n) == got + dst);
		EXPECT(!memcmp(want, got, N));
	}
}

static void test_string_functions(void)
{
	char s[N], t[N], want[N], got[N];
	int r;

	for (r = 0; r < ROUNDS; r++) {
		size_t n = rand() % N;
		int c = "abz\0"[rand() % 4];

		random_string(s);
		random_string(t);
		if (rand() % 4 == 0)
			strcpy(t, s);
		EXPECT(kern_strlen(s) == strlen(s));
		EXPECT(kern_strnlen(s, n) == strnlen(s, n));
		EXPECT(sign(kern_strcmp(s, t)) == sign(strcmp(s, t)));
		EXPECT(sign(kern_strncmp(s, t, n)) == sign(strncmp(s, t, n)));
		EXPECT(kern_strchr(s, c) == strchr(s, c));
		EXPECT(kern_strrchr(s, c) == strrchr(s, c));
		t[rand() % 4] = '\0';			/* short needles */
		EXPECT(kern_strstr(s, t) == strstr(s, t));
		memset(want, 0x11, N);
		memset(got, 0x11, N);
		strncpy(want, s, n);
		kern_strncpy(got, s, n);
		EXPECT(!memcmp(want, got, N));
	}
}

static void test_bounded_copies(void)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	EXPECT(kern_strlcpy(buf, "abcdefghij", 8) == 10 && !strcmp(buf, "abcdefg"));
	EXPECT(kern_strlcpy(buf, "ab", 8) == 2 && !strcmp(buf, "ab"));
	EXPECT(kern_strlcpy(buf, "zz", 0) == 2 && !strcmp(buf, "ab"));
	EXPECT(kern_strlcat(buf, "cd", 8) == 4 && !strcmp(buf, "abcd"));
	EXPECT(kern_strlcat(buf, "efghij", 8) == 10 && !strcmp(buf, "abcdefg"));
	memset(buf, 'x', sizeof(buf));			/* unterminated dst */
	EXPECT(kern_strlcat(buf, "ab", 8) == 10);
	EXPECT(kern_strscpy(buf, "abcdefg", 8) == 7 && !strcmp(buf, "abcdefg"));
	EXPECT(kern_strscpy(buf, "abcdefgh", 8) == -7 && !strcmp(buf, "abcdefg"));
	EXPECT(kern_strscpy(buf, "", 8) == 0 && buf[0] == '\0');
	EXPECT(kern_strscpy(buf, "a", 0) == -7);
}

int main(void)
{
	static const struct host_case cases[] = {
		HOST_CASE(test_memory_functions),
		HOST_CASE(test_string_functions),
		HOST_CASE(test_bounded_copies),
	};

	srand(12345);
	return host_run(cases, sizeof(cases) / sizeof(*cases));
}
