/*
 * free [-b | -k | -m]: memory use from /proc/meminfo, laid out like
 * procps' free: total, used, free, shared, buff/cache, available, in
 * KiB (default), bytes (-b) or MiB (-m).
 *
 * used = total - available when the kernel reports MemAvailable (as
 * procps 4 computes it), else total - free - buff/cache.  A Swap line
 * is printed when the kernel reports swap.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MEMINFO "/proc/meminfo"

enum { TOTAL, FREE, AVAILABLE, BUFFERS, CACHED, SRECLAIMABLE, SHMEM,
       SWAP_TOTAL, SWAP_FREE, NR_FIELDS };

static const char *const keys[NR_FIELDS] = {
	"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached",
	"SReclaimable", "Shmem", "SwapTotal", "SwapFree",
};

struct meminfo {
	unsigned long kb[NR_FIELDS];
	int have[NR_FIELDS];
};

/* "Key:   123 kB" -> kb[field of Key] = 123 */
static void parse_line(char *line, struct meminfo *mi)
{
	char *colon = strchr(line, ':');
	int i;

	if (!colon)
		return;
	*colon = '\0';
	for (i = 0; i < NR_FIELDS; i++) {
		if (!strcmp(line, keys[i])) {
			mi->kb[i] = strtoul(colon + 1, NULL, 10);
			mi->have[i] = 1;
		}
	}
}

static int read_meminfo(struct meminfo *mi)
{
	char line[128];
	FILE *f = fopen(MEMINFO, "r");

	if (!f) {
		fprintf(stderr, "free: %s: %s\n", MEMINFO, strerror(errno));
		return -1;
	}
	memset(mi, 0, sizeof(*mi));
	while (fgets(line, sizeof(line), f))
		parse_line(line, mi);
	fclose(f);
	if (!mi->have[TOTAL] || !mi->have[FREE]) {
		fprintf(stderr, "free: %s: no MemTotal or MemFree line\n",
			MEMINFO);
		return -1;
	}
	return 0;
}

static unsigned long scaled(unsigned long kb, int shift)
{
	return shift >= 0 ? kb << shift : kb >> -shift;
}

static void print_table(const struct meminfo *mi, int shift)
{
	const unsigned long *kb = mi->kb;
	unsigned long cache = kb[BUFFERS] + kb[CACHED] + kb[SRECLAIMABLE];
	unsigned long avail = mi->have[AVAILABLE] ? kb[AVAILABLE] :
			      kb[FREE] + cache;
	unsigned long used = kb[TOTAL] > avail ? kb[TOTAL] - avail : 0;

	if (!mi->have[AVAILABLE])
		used = kb[TOTAL] > kb[FREE] + cache ?
		       kb[TOTAL] - kb[FREE] - cache : 0;
	printf("%-8s%12s%12s%12s%12s%12s%12s\n", "", "total", "used", "free",
	       "shared", "buff/cache", "available");
	printf("%-8s%12lu%12lu%12lu%12lu%12lu%12lu\n", "Mem:",
	       scaled(kb[TOTAL], shift), scaled(used, shift),
	       scaled(kb[FREE], shift), scaled(kb[SHMEM], shift),
	       scaled(cache, shift), scaled(avail, shift));
	if (mi->have[SWAP_TOTAL])
		printf("%-8s%12lu%12lu%12lu\n", "Swap:",
		       scaled(kb[SWAP_TOTAL], shift),
		       scaled(kb[SWAP_TOTAL] - kb[SWAP_FREE], shift),
		       scaled(kb[SWAP_FREE], shift));
}

int main(int argc, char **argv)
{
	struct meminfo mi;
	int c, shift = 0;

	while ((c = getopt(argc, argv, "bkm")) != -1) {
		switch (c) {
		case 'b': shift = 10; break;
		case 'k': shift = 0; break;
		case 'm': shift = -10; break;
		default: goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	if (read_meminfo(&mi) < 0)
		return 1;
	print_table(&mi, shift);
	return fflush(stdout) ? 1 : 0;
usage:
	fprintf(stderr, "usage: free [-b | -k | -m]\n");
	return 2;
}
