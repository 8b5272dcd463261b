/*
 * sleep SECONDS...: wait for the sum of the arguments, each a number
 * of seconds with an optional fraction ("1", "0.25", ".5").  No
 * floating point: the fraction is read as up to nine decimal digits of
 * nanoseconds.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NSEC_PER_SEC 1000000000L

/* "12.345" -> {12, 345000000}; -1 if it is not such a number. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	long sec = 0, nsec = 0, scale = NSEC_PER_SEC / 10;
	int digits = 0;

	for (; isdigit((unsigned char)*s); s++, digits++) {
		if (sec > (1L << 40))
			return -1;
		sec = sec * 10 + (*s - '0');
	}
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++, digits++) {
			nsec += (*s - '0') * scale;
			scale /= 10;
		}
	}
	if (*s || !digits)
		return -1;
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec total = { 0, 0 }, ts, rem;
	int i;

	if (argc < 2)
		goto usage;
	for (i = 1; i < argc; i++) {
		if (parse_seconds(argv[i], &ts) < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n",
				argv[i]);
			goto usage;
		}
		total.tv_sec += ts.tv_sec;
		total.tv_nsec += ts.tv_nsec;
		if (total.tv_nsec >= NSEC_PER_SEC) {
			total.tv_sec++;
			total.tv_nsec -= NSEC_PER_SEC;
		}
	}
	while (nanosleep(&total, &rem) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sleep: nanosleep: %s\n",
				strerror(errno));
			return 1;
		}
		total = rem;
	}
	return 0;
usage:
	fprintf(stderr, "usage: sleep SECONDS[.FRACTION]...\n");
	return 2;
}
